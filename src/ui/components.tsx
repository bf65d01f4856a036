// The dashboard's panels. They lay out and colour a view model (view.ts); they compute nothing.
// Every line is truncated, never wrapped, so the frame's height is what layout.ts planned.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { DashboardLayout } from './layout.js';
import type { AttemptView, DashboardView, LabelledValue, PromptView, StepView, Tone } from './view.js';

const toneColours: Record<Tone, string | undefined> = { ok: 'green', warn: 'yellow', bad: 'red', action: 'cyan', info: undefined, dim: 'gray' };

interface Colourable {
  /** Off for NO_COLOR and TERM=dumb: the same frame, without colours. */
  colour: boolean;
}

function Line({ tone, colour, bold, children }: { tone?: Tone; colour: boolean; bold?: boolean; children: ReactNode }) {
  const color = colour && tone ? toneColours[tone] : undefined;
  return (
    <Text wrap="truncate-end" color={color} bold={bold} dimColor={colour && tone === 'dim'}>
      {children}
    </Text>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <Text bold wrap="truncate-end">
      {children}
    </Text>
  );
}

function Rows({ rows, colour, width = 10 }: { rows: LabelledValue[]; colour: boolean; width?: number }) {
  return (
    <>
      {rows.map((row) => (
        <Line key={row.Label} tone={row.Tone} colour={colour}>
          {`${row.Label.padEnd(width)}${row.Value}`}
        </Line>
      ))}
    </>
  );
}

export function Header({ view, colour }: { view: DashboardView } & Colourable) {
  return (
    <Box justifyContent="space-between">
      <Line bold tone="info" colour={colour}>
        {view.Title}
      </Line>
      <Text> {view.Clock}</Text>
    </Box>
  );
}

export function DevicePanel({ view, colour }: { view: DashboardView } & Colourable) {
  return (
    <Box flexDirection="column">
      <Rows rows={view.Device} colour={colour} width={8} />
    </Box>
  );
}

export function PrtPanel({ view, colour }: { view: DashboardView } & Colourable) {
  const prt = view.Prt;
  return (
    <Box flexDirection="column">
      <Heading>Primary Refresh Token</Heading>
      <Line bold tone={prt.Tone} colour={colour}>
        {prt.Headline}
      </Line>
      <Rows rows={prt.Rows} colour={colour} />
      {prt.Renewed ? (
        <Line bold tone="ok" colour={colour}>
          {prt.Renewed}
        </Line>
      ) : null}
    </Box>
  );
}

function StepRow({ step, colour }: { step: StepView } & Colourable) {
  return (
    <Box>
      <Box width={2} flexShrink={0}>
        <Line tone={step.Tone} colour={colour}>
          {step.Mark}
        </Line>
      </Box>
      <Box flexGrow={1} flexShrink={1}>
        <Line tone={step.Tone === 'dim' ? 'dim' : undefined} colour={colour}>
          {step.Detail ? `${step.Title} · ${step.Detail}` : step.Title}
        </Line>
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Text dimColor={colour}>{step.Elapsed}</Text>
      </Box>
    </Box>
  );
}

export function StepsPanel({ steps, colour }: { steps: StepView[] } & Colourable) {
  return (
    <Box flexDirection="column">
      <Heading>Steps</Heading>
      {steps.length === 0 ? <Line tone="dim" colour={colour}>starting…</Line> : steps.map((step) => <StepRow key={step.Title} step={step} colour={colour} />)}
    </Box>
  );
}

export function EventsPanel({ events, colour }: { events: string[] } & Colourable) {
  return (
    <Box flexDirection="column">
      <Heading>AAD events (newest last)</Heading>
      {events.length === 0 ? (
        <Line tone="dim" colour={colour}>
          none yet
        </Line>
      ) : (
        events.map((line, index) => (
          <Line key={`${index}:${line}`} colour={colour}>
            {line}
          </Line>
        ))
      )}
    </Box>
  );
}

function AttemptRow({ attempt, colour, causeLine }: { attempt: AttemptView; causeLine: boolean } & Colourable) {
  return (
    <Box flexDirection="column">
      <Line tone={attempt.Tone} colour={colour}>
        {`${attempt.Mark} ${attempt.Line}`}
      </Line>
      {causeLine && attempt.Cause ? (
        <Line tone={attempt.Tone} colour={colour}>
          {`  ↳ ${attempt.Cause}`}
        </Line>
      ) : null}
    </Box>
  );
}

export function AttemptsPanel({ view, colour, causeLines = true }: { view: DashboardView; causeLines?: boolean } & Colourable) {
  return (
    <Box flexDirection="column">
      <Heading>PRT attempts (AAD events 1006 → 1007, newest first)</Heading>
      {view.Attempts.length === 0 ? (
        <Line tone="dim" colour={colour}>
          {view.AttemptsNote ?? 'none yet'}
        </Line>
      ) : (
        view.Attempts.map((attempt, index) => <AttemptRow key={`${index}:${attempt.Line}`} attempt={attempt} colour={colour} causeLine={causeLines} />)
      )}
    </Box>
  );
}

export function PromptPanel({ prompt, colour, border = true }: { prompt: PromptView; border?: boolean } & Colourable) {
  const color = colour ? toneColours[prompt.Tone] : undefined;
  const body = (
    <>
      <Line bold tone={prompt.Tone} colour={colour}>
        {`▶ ${prompt.Headline}`}
      </Line>
      {prompt.Detail ? <Text wrap="truncate-end">{`  ${prompt.Detail}`}</Text> : null}
    </>
  );
  return border ? (
    <Box flexDirection="column" borderStyle="round" borderColor={color} paddingX={1}>
      {body}
    </Box>
  ) : (
    <Box flexDirection="column">{body}</Box>
  );
}

export function Footer({ text, notes, colour }: { text: string; notes: string[] } & Colourable) {
  return (
    <Box flexDirection="column">
      {notes.map((note) => (
        <Line key={note} tone="warn" colour={colour}>
          {`! ${note}`}
        </Line>
      ))}
      {text ? (
        <Line tone="dim" colour={colour}>
          {text}
        </Line>
      ) : null}
    </Box>
  );
}

/** The whole frame for a view and a window size. */
export function Dashboard({ view, layout, colour }: { view: DashboardView; layout: DashboardLayout } & Colourable) {
  const left = (
    <Box flexDirection="column">
      <DevicePanel view={view} colour={colour} />
      <PrtPanel view={view} colour={colour} />
    </Box>
  );
  const right = view.Steps ? <StepsPanel steps={view.Steps} colour={colour} /> : <EventsPanel events={view.Events} colour={colour} />;
  return (
    <Box flexDirection="column" width={layout.columns}>
      <Header view={view} colour={colour} />
      {layout.twoColumns ? (
        <Box>
          <Box width="50%" flexDirection="column" paddingRight={1}>
            {left}
          </Box>
          <Box width="50%" flexDirection="column">
            {right}
          </Box>
        </Box>
      ) : (
        <Box flexDirection="column">
          {left}
          {view.Steps ? right : null}
        </Box>
      )}
      <AttemptsPanel view={view} colour={colour} causeLines={layout.causeLines} />
      <PromptPanel prompt={view.Prompt} colour={colour} border={layout.promptBorder} />
      <Footer text={view.Footer} notes={view.Notes.slice(-layout.maxNotes)} colour={colour} />
    </Box>
  );
}

import { Command, Option } from 'clipanion';
import { diagnose } from '../../app/diagnose.js';
import { PrtCommand } from '../command.js';
import { Redactor } from '../../safety/redact.js';
import { forText } from '../../safety/sanitize.js';
import { parseNowOption, parseSinceOption, redactOption } from '../options.js';
import { formatJson, writeJson } from '../output.js';
import type { DiagnosedAttempt } from '../../diagnose/attempt-types.js';
import { usageError } from '../../errors.js';
import { formatDiagnosis } from '../present/diagnosis-text.js';
import { styleFor } from '../present/style.js';
import { withProbe, withProbeStep } from '../present/probe-ties.js';

export class ErrorCommand extends PrtCommand {
  static override paths = [['error']];

  static override usage = Command.Usage({
    description: 'Find the failing PRT attempts, their codes and evidence, and explain them',
    details: `
      Does Steps 2 and 3 of the PRT checklist: reads dsregcmd's diagnostics (Windows 10 21H1+) and the Microsoft-Windows-AAD Operational and Analytic logs, puts every 1006→1007 window together as one attempt with its server error (1081/1088), URL (1022), network sub-error (1084), user (1144) and token broker errors (1098), and follows each code down its chain to a fix.

      On a device without files it reads dsregcmd and the last 24 hours of both logs. With files, only what is given: a dsregcmd capture, and event logs as wevtutil or Event Viewer XML (UTF-8 or UTF-16), \`.evtx\` on Windows, Event Viewer text ("Copy details as text", an AAD event's message alone, or "Save Selected Events" as .txt or .csv), Get-WinEvent output (its table, or \`Format-List\`), or a folder of them. Text has no record ids and only local times without a zone: its records are marked (SourceFormat) and their times left unknown.

      The diagnosis shows the newest failed attempts (at most 20) and successes (at most 5) and counts the rest; \`--all --json-lines\` streams every attempt instead, one JSON object per line, in the order they are found (oldest first; dsregcmd's last). A log of any size is read in bounded memory.

      A failed attempt is a finding, not an error: the exit code is 0.
    `,
    examples: [
      ['Diagnose this device', 'prt error'],
      ['Diagnose what a user sent', 'prt error --dsregcmd status.txt --events aad-operational.xml --events aad-analytic.xml'],
      ['A collected folder, the last two hours', 'prt error --events .\\\\PrtTrace-20261120 --since 2h'],
      ['The diagnosis of what a user sent, shareable (names and ids replaced by pseudonyms)', 'prt error --events aad.xml --redact'],
      ['Every attempt of a large export, one JSON object per line', 'prt error --events big.xml --all --json-lines'],
      ['Test the network as SYSTEM too and put what blocks it beside the failing codes', 'prt error --probe'],
    ],
  });

  dsregcmd = Option.String('--dsregcmd,--input', { description: 'A saved `dsregcmd /status` output' });
  events = Option.Array('--events', [], { description: 'An AAD event log (XML, Event Viewer text, or .evtx on Windows) or a folder of them; repeatable' });
  since = Option.String('--since', { description: 'Only events since then: 30m, 2h, 7d, or an ISO 8601 time' });
  now = Option.String('--now', { description: 'Judge times against this ISO 8601 instant' });
  redact = redactOption('(the map back to the real values is not kept: `prt redact` on the files keeps one)');
  all = Option.Boolean('--all', false, { description: 'Every attempt, not only the newest failures (with --json-lines: streamed, for logs of any size)' });
  jsonLines = Option.Boolean('--json-lines', false, { description: 'One JSON object per attempt and line, written as each is found (with --all)' });
  probe = Option.Boolean('--probe', false, { description: 'Also run `prt probe` as SYSTEM and add its findings to the attempts that failed on the network' });

  protected async run(): Promise<number> {
    if (this.all !== this.jsonLines) throw usageError('AllNeedsJsonLines', '--all and --json-lines go together: every attempt of a log, one JSON object per line, written as it is found (one document of every attempt of a large log would not fit in memory)');
    if (this.jsonLines && this.json) throw usageError('ConflictingOptions', '--json-lines and --json cannot be used together');
    if (this.probe && this.jsonLines) throw usageError('ConflictingOptions', '--probe adds the probe to one diagnosis: it cannot be combined with --json-lines');
    const now = parseNowOption(this.now);
    // One redactor for the whole run: the same real value keeps its pseudonym in every line.
    const redactor = this.redact ? new Redactor() : null;
    const stdout = this.context.stdout;
    // One line per attempt, through the same JSON writer as --json.
    const onAttempt = this.jsonLines
      ? (attempt: DiagnosedAttempt) => stdout.write(`${formatJson(redactor ? redactor.deep(withProbeStep(attempt)) : withProbeStep(attempt)).replace(/\n */g, '')}\n`)
      : undefined;
    const diagnosis = await diagnose(
      this.context.host,
      {
        dsregcmd: this.dsregcmd,
        events: this.events,
        since: parseSinceOption(this.since, now ?? this.context.host.now()),
        now,
      },
      { onAttempt },
    );
    if (this.jsonLines) return 0;
    const probed = await withProbe(diagnosis, this.probe ? this.context.host : null, this.context.env);
    const shown = redactor ? redactor.deep(probed.document) : probed.document;
    const style = styleFor(this.context.stdout, this.context.env);
    if (this.json) writeJson(this.context.stdout, shown);
    else this.context.stdout.write(formatDiagnosis(forText(shown), style) + probed.text(forText(shown), style));
    return 0;
  }
}

import type { ExplainItem, ExplainResult, TextCode, TextExplanation } from '../../codes/index.js';
import { isExplainError, roleTitle } from '../../codes/index.js';
import type { Style } from './style.js';


function numberLine(result: ExplainResult): string | null {
  if (result.Hex === null || result.Signed === null || result.Unsigned === null) return result.Code !== null ? `code ${result.Code}` : null;
  const parts = [result.Hex, `signed ${result.Signed}`, `unsigned ${result.Unsigned}`];
  if (result.Severity) parts.push(`severity ${result.Severity}`);
  if (result.Facility !== null) parts.push(`facility ${result.Facility} (0x${result.Facility.toString(16)})`);
  if (result.Code !== null) parts.push(`code ${result.Code} (0x${result.Code.toString(16)})`);
  return parts.join(', ');
}

const list = (title: string, items: string[], style: Style, bullet = '•') =>
  items.length === 0 ? [] : [style.bold(title), ...items.map((item) => `  ${bullet} ${item}`)];

/** One code as a support answer: what it is, why it happens, what to do, where to look next. */
function formatResult(result: ExplainResult, style: Style): string[] {
  const title = [result.Input, result.Name && result.Name !== result.Input ? `= ${result.Name}` : null, `(${result.Family})`].filter(Boolean).join(' ');
  const lines = [style.bold(title)];
  const numbers = numberLine(result);
  if (numbers) lines.push(style.dim(`  ${numbers}`));
  lines.push(`  ${result.Known ? result.Summary : style.yellow(result.Summary)}`);
  for (const note of result.Notes) lines.push(style.dim(`  note: ${note}`));
  lines.push(...list('Likely causes', result.Causes, style));
  lines.push(...list('What to do', result.Solutions, style, '→'));
  lines.push(...list('Evidence to collect', result.Evidence.map((e) => (e.EventId === null ? `${e.Channel}: ${e.What}` : `event ${e.EventId} in ${e.Channel}: ${e.What}`)), style));
  lines.push(...list('Next in the chain', result.Related.map((r) => `${r.Code}: ${r.Why}`), style));
  if (result.Alternatives.length > 0) {
    lines.push(...list('Could also be', result.Alternatives.map((a) => `${a.Reading}${a.Name ? ` (${a.Name})` : ''}`), style));
  }
  if (result.DocUrl) lines.push(style.dim(`  more: ${result.DocUrl}`));
  return lines;
}

export function formatExplain(items: ExplainItem[], style: Style): string {
  const blocks = items.map((item) => (isExplainError(item) ? [style.red(`${item.Input}: ${item.Error.Message}`)] : formatResult(item, style)));
  return `${blocks.map((block) => block.join('\n')).join('\n\n')}\n`;
}


const where = (code: TextCode): string => code.FoundAt
  .map((s) => `line ${s.Line}${s.Label ? ` (${s.Label})` : ''}${s.Written !== code.Code ? ` as ${s.Written}` : ''}`)
  .join(', ');

/** Free text explained: a one-line overview in cause order, then each code as a support answer. */
export function formatTextExplanation(explanation: TextExplanation, style: Style): string {
  const { Codes: codes, Source: source } = explanation;
  if (codes.length === 0) {
    return `${style.yellow(`No error code found in ${source}.`)} Looked for AADSTS, MSIS and AD FS ID codes, hex and signed decimal statuses, symbolic names (STATUS_…, DSREG_…, TPM_E_…), OAuth errors and labelled WinHTTP and HTTP numbers.\n`;
  }
  const lines = [style.bold(`${codes.length} code${codes.length === 1 ? '' : 's'} in ${source}, cause first:`)];
  codes.forEach((code, i) => {
    const name = code.Explanation.Name && code.Explanation.Name !== code.Code ? ` ${code.Explanation.Name}` : '';
    lines.push(`  ${i + 1}. ${code.Code}${name} (${roleTitle[code.Role]}) at ${where(code)}`);
  });
  const blocks = codes.map((code) => {
    const block = formatResult({ ...code.Explanation, Notes: [...code.Notes, ...code.Explanation.Notes] }, style);
    block.splice(1, 0, style.dim(`  found at ${where(code)}`));
    return block.join('\n');
  });
  return `${lines.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

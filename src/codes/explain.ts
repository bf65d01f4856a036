import type { ExplainError, ExplainItem } from './types.js';
import { decodeCode } from './decode.js';
import { registry } from './registry.js';
import { explainText } from './text.js';
import { readMiscountedHex } from './miscounted.js';
import { usageError, type PrtError } from '../errors.js';

/** Decode a batch: one item per input, in order; a bad input is an error item, never a throw. */
export const explainCodes = (inputs: readonly string[]): ExplainItem[] => inputs.map((input) => explainOne(input));

/**
 * One argument as admins paste it: a bare code, or a code with the words it was copied with
 * (`Error: 0x80070520`, `HRESULT 0x80072EE7`, `Status 0xc000006d.`). When the argument is not a
 * code itself, the free-text reader looks for one inside it; exactly one is taken, with a note.
 */
const explainOne = (input: string): ExplainItem => {
  const miscounted = readMiscountedHex(input.trim());
  if (miscounted === 'unreadable') {
    return { Input: input, Error: { Id: 'OutOfRange', Message: `"${input.trim()}" does not have the eight hex digits of a status, and no known code is one slip of typing away: check the original.` } };
  }
  if (miscounted !== null) {
    const decoded = decodeCode(miscounted.code);
    if (!('Error' in decoded)) return { ...decoded, Input: input, Notes: [miscounted.note, ...decoded.Notes] };
  }
  const item = decodeCode(input);
  if (!('Error' in item) || item.Error.Id !== 'NotACode') return item;
  const found = explainText(input, 'argument').Codes;
  const [only] = found;
  if (found.length === 1 && only !== undefined) {
    const written = only.FoundAt[0]?.Written ?? only.Code;
    return { ...only.Explanation, Input: input, Notes: [`Read as the code ${written}: the rest of "${input.trim()}" is not part of it.`, ...only.Notes, ...only.Explanation.Notes] };
  }
  if (found.length > 1) {
    const codes = found.map((c) => c.FoundAt[0]?.Written ?? c.Code).join(', ');
    return { Input: input, Error: { Id: 'NotACode', Message: `"${input.trim()}" holds more than one code (${codes}): give one code per argument, or the whole text with --text.` } };
  }
  // A decimal after words that call it an error (`Error 1312`, `System error 5`, `Win32 error
  // code: 1312`): free text never takes a lone small number, but a whole argument that is only
  // that says what it is.
  const labelled = LABELLED_DECIMAL_ARGUMENT.exec(input);
  const number = labelled?.groups?.number;
  if (number !== undefined) {
    const decoded = decodeCode(number);
    if (!('Error' in decoded)) return { ...decoded, Input: input, Notes: [`Read as the code ${number}: the rest of "${input.trim()}" is not part of it.`, ...decoded.Notes] };
  }
  return item;
};

/** Up to three words, the last one saying "error", then one decimal number (a sign allowed). */
const LABELLED_DECIMAL_ARGUMENT = /^\s*(?:[A-Za-z][\w-]*\s+){0,2}(?:error|code|status|hresult|ntstatus|result)\s*[:#=]?\s*(?<number>-?\d{1,10})\s*\.?\s*$/i;

let names: readonly string[] | undefined;

/** Every symbolic name the decoder accepts (for tab completion), sorted, without duplicates. */
export const knownSymbolicNames = (): string[] => {
  names ??= [...new Set(registry().entries.flatMap((e) => [e.Name, ...e.Aliases]).filter((n): n is string => !!n))]
    .sort((a, b) => a.localeCompare(b, 'en'));
  return [...names];
};

/**
 * For callers that need one code or nothing (a single CLI argument): the error item as the
 * project's error class. A code that cannot be read is a usage error (exit 2).
 */
export const asPrtError = (item: ExplainError): PrtError => usageError(item.Error.Id, item.Error.Message);

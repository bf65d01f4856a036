import type { ExplainError, ExplainItem } from './types.js';
import { decodeCode } from './decode.js';
import { registry } from './registry.js';
import { usageError, type PrtError } from '../errors.js';

/** Decode a batch: one item per input, in order; a bad input is an error item, never a throw. */
export const explainCodes = (inputs: readonly string[]): ExplainItem[] => inputs.map((input) => decodeCode(input));

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

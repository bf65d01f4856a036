import { expect } from 'vitest';
import { decodeCode, isExplainError, type ExplainError, type ExplainResult } from '../../../src/codes/index.js';

/** Decode and insist on a result (the test fails with the error message otherwise). */
export const ok = (input: string): ExplainResult => {
  const item = decodeCode(input);
  if (isExplainError(item)) expect.fail(`${JSON.stringify(input)} gave ${item.Error.Id}: ${item.Error.Message}`);
  return item;
};

/** Decode and insist on an error item. */
export const fails = (input: string): ExplainError => {
  const item = decodeCode(input);
  if (!isExplainError(item)) expect.fail(`${JSON.stringify(input)} decoded as ${item.Id ?? item.Family}`);
  return item;
};

import type { ExplainResult } from './types.js';
import { decodeCode } from './decode.js';
import { isExplainError } from './types.js';

/**
 * One identity per error, whatever the spelling: 0xc00484c1 and 0x800484c1, hex and decimal,
 * and a wrapper (HRESULT_FROM_NT, HRESULT_FROM_WIN32) with the code it carries.
 */
export const identityOf = (r: ExplainResult): string => {
  const wrapped = /^(?:HRESULT|NTSTATUS)_FROM_/.test(r.Name ?? '') ? r.Related[0]?.Code : undefined;
  if (wrapped) {
    const inner = decodeCode(wrapped);
    if (!isExplainError(inner) && inner.Id) return inner.Id;
  }
  return r.Id ?? `${r.Family}:${r.Hex ?? r.Code ?? r.Input}`;
};

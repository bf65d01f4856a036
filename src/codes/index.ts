/** Public API of the code decoder and knowledge base (`prt explain`, Get-PrtError). */
export type {
  Alternative, CodeEntry, Evidence, EvidenceChannel, ExplainError, ExplainItem, ExplainResult, Family, RelatedRef, Severity, SourceNote,
} from './types.js';
export { FAMILIES, isExplainError } from './types.js';
export { decodeCode } from './decode.js';
export { explainCodes, knownSymbolicNames, asPrtError } from './explain.js';
export { SOURCES } from './kb/sources.js';
export { EV as EVIDENCE } from './kb/evidence.js';
export { explainText, ROLES, roleTitle } from './text.js';
export type { Role, Sighting, TextCode, TextExplanation } from './text.js';

/** Public API of the AAD event layer: bytes → events (parse.ts) → attempts (attempts.ts). */
export type {
  AadEvent, Attempt, EventDataField, EventParseItem, EventProblem, EventRef, NetworkSubError, PluginError, ServerError, TextOrigin, TextSourceFormat, TokenBrokerError,
} from './types.js';
export { TextSequence } from './text/index.js';
export { codesOf, missingMessages, summariseTextRecord, type MissingMessage, type TextRecordSummary } from './text/summary.js';
export { parseEventBatches, parseEventStream, parseEventText, readEvents, keepAadEvents, type EventReader, type KeepEvent, type ParseEventOptions } from './parse.js';
export { AttemptTracker, buildAttempts, newestFirst, reconstructAttempts, type AttemptOptions, type AttemptReconstruction } from './attempts.js';
export { timeline } from './order.js';
export {
  AAD_EVENT, AAD_EVENTS, AAD_TASK, fieldAt, isErrorLevel, networkErrorOf, pluginErrorOf, realmDiscoveryOf, serverErrorOf, soapText, statusOf, tokenBrokerErrorOf, upnOf, urlOf,
  winHttpErrorOf, type AadEventSpec, type AadField,
} from './aad.js';
export { AAD_PROVIDER, AAD_PROVIDER_GUID } from './element.js';
export { parseInteger, toHex32 } from './numbers.js';

/**
 * TPM errors of the System log, for the TPM check: which events are read (providers, ids, how
 * far back, how many), and the failure codes their payload carries. Pure: the host runs
 * `wevtutil qe System` with tpmEventQuery and parses the XML with the event reader.
 *
 * The events (public event manifests and message tables): provider `TPM` (the TPM driver and TBS)
 * 2 self test failed, 12/14/15 hardware errors, 17 a TPM command failed, 27 initialisation
 * failed, 29 storage root key not created, 32 a TpmApi call failed, 33 the TPM was cleared;
 * provider `Microsoft-Windows-TPM-WMI` 1026 the TPM cannot be provisioned (ErrorCode Int32,
 * StatusInformation HexInt32; logged at level Information, so levels are not filtered), 1793 a
 * clear is scheduled, 1794 the TPM firmware has a known security problem.
 */
import type { AadEvent } from '../events/types.js';
import { parseInteger, toHex32 } from '../events/numbers.js';
import type { TpmEventFact } from './facts.js';

/** How far back the TPM check looks. */
export const tpmEventWindowDays = 7;
/** At most this many events, newest first: a TPM that fails in a loop must not flood the report. */
export const tpmEventLimit = 50;

export const tpmEventIds: Readonly<Record<string, readonly number[]>> = {
  TPM: [2, 12, 14, 15, 17, 27, 29, 32, 33],
  'Microsoft-Windows-TPM-WMI': [1026, 1793, 1794],
};

/** Events that say the TPM was (or is about to be) cleared: the keys in it are gone. */
const clearEvents = new Set(['tpm:33', 'microsoft-windows-tpm-wmi:1793']);

const sourceKey = (provider: string, eventId: number) => `${provider.toLowerCase()}:${eventId}`;
const wanted = new Set(Object.entries(tpmEventIds).flatMap(([provider, ids]) => ids.map((id) => sourceKey(provider, id))));

/** For the event reader: only the TPM events above. */
export const keepTpmEvents = (provider: string, eventId: number): boolean => wanted.has(sourceKey(provider, eventId));

export const isTpmClearEvent = (event: Pick<TpmEventFact, 'Provider' | 'EventId'>): boolean => clearEvents.has(sourceKey(event.Provider, event.EventId));

/** The XPath of `wevtutil qe System`: the two providers, their ids (none are shared), the window. */
export function tpmEventXPath(now: Date): string {
  const providers = Object.keys(tpmEventIds).map((name) => `@Name='${name}'`).join(' or ');
  const ids = [...new Set(Object.values(tpmEventIds).flat())].map((id) => `EventID=${id}`).join(' or ');
  const since = new Date(now.getTime() - tpmEventWindowDays * 86_400_000).toISOString();
  return `*[System[Provider[${providers}] and (${ids}) and TimeCreated[@SystemTime>='${since}']]]`;
}

/** `wevtutil qe System /q:… /c:N /rd:true /f:RenderedXml`: newest first, at most tpmEventLimit. */
export const tpmEventQuery = (now: Date): string[] => ['qe', 'System', `/q:${tpmEventXPath(now)}`, `/c:${tpmEventLimit}`, '/rd:true', '/f:RenderedXml'];

const highBit = 0x80000000;
const embeddedHex = /0x[0-9a-f]{8}\b/gi;

/** A payload value that is a failure code: the severity bit set, in any of its spellings (0x…, signed or unsigned decimal). */
function failureCode(raw: string): string | null {
  const value = parseInteger(raw);
  if (value === null || value < -highBit || value > 0xffffffff) return null;
  return (value >>> 0) >= highBit ? toHex32(value) : null;
}

/** The facts of each kept event; codes from the payload, else from the rendered message. */
export function tpmEventFacts(events: readonly AadEvent[]): TpmEventFact[] {
  return events.map((event) => {
    const codes = event.Data.map((field) => failureCode(field.Value)).filter((code): code is string => code !== null);
    if (codes.length === 0) for (const match of event.Message?.match(embeddedHex) ?? []) {
      const code = failureCode(match);
      if (code !== null) codes.push(code);
    }
    return { Provider: event.Provider, EventId: event.EventId, TimeCreated: event.TimeCreated, Codes: [...new Set(codes)] };
  });
}

/**
 * AAD error events that belong to no PRT attempt: the token broker's own failures (1098: an app's
 * token request), plugin errors outside a 1006/1007 window. They are not the PRT's verdict, but
 * "nothing failed" would be false while they are in the log: they are counted per event and code,
 * bounded like the attempts, so a log of any size gives a short list.
 */
import { codesOf, isErrorLevel, type AadEvent } from '../events/index.js';

/** One kind of error event outside every attempt: an event id with the codes it carried. */
export interface OutsideError {
  EventId: number;
  Channel: string;
  Codes: string[];
  Count: number;
  /** The first and last time it was logged (UTC), when the source gave instants. */
  First: string | null;
  Last: string | null;
  /** The first line of the newest one's message, at most 200 characters. */
  Message: string | null;
}

/** Kinds listed: the most frequent win; the events of the rest are counted in `dropped`. */
const KINDS_LISTED = 50;
/** Kinds counted, so the most frequent can win whatever order they come in; a log with more is not a real one. */
const KINDS_TRACKED = 2000;

export class OutsideErrorTally {
  private readonly kinds = new Map<string, OutsideError>();
  /** Events of kinds met after KINDS_TRACKED others. */
  private untracked = 0;

  /** Takes an event outside every attempt; keeps it when it is an error that carries a code. */
  add(event: AadEvent): void {
    // Text records are listed on their own (TextRecords), one by one.
    if (event.FromText || !isErrorLevel(event.Level)) return;
    const codes = codesOf(event);
    if (codes.length === 0) return;
    const key = `${event.EventId}\u0000${codes.join(' ').toLowerCase()}`;
    const kind = this.kinds.get(key);
    if (kind) {
      kind.Count++;
      if (event.TimeCreated !== null) {
        if (kind.First === null || event.TimeCreated < kind.First) kind.First = event.TimeCreated;
        if (kind.Last === null || event.TimeCreated >= kind.Last) {
          kind.Last = event.TimeCreated;
          kind.Message = messageOf(event);
        }
      }
      return;
    }
    if (this.kinds.size >= KINDS_TRACKED) {
      this.untracked++;
      return;
    }
    this.kinds.set(key, { EventId: event.EventId, Channel: event.Channel, Codes: codes, Count: 1, First: event.TimeCreated, Last: event.TimeCreated, Message: messageOf(event) });
  }

  /** The KINDS_LISTED most frequent kinds, most frequent first, then the most recent. */
  list(): OutsideError[] {
    return this.ranked().slice(0, KINDS_LISTED);
  }

  /** Events counted but not listed: those of the kinds beyond the listed ones. */
  get dropped(): number {
    return this.ranked().slice(KINDS_LISTED).reduce((n, kind) => n + kind.Count, this.untracked);
  }

  private ranked(): OutsideError[] {
    return [...this.kinds.values()].sort((a, b) => b.Count - a.Count || (b.Last ?? '').localeCompare(a.Last ?? ''));
  }
}

/** The rendered message, or (XML without rendering) the event's own ErrorMessage field. */
function messageOf(event: AadEvent): string | null {
  const message = event.Message ?? event.Data.find((field) => field.Name === 'ErrorMessage')?.Value ?? null;
  const line = message?.split('\n')[0]?.trim();
  if (!line) return null;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * Event Viewer prints a record's time in the device's local time, in the format of the user's
 * locale, without a zone and without sub-seconds. So the text gives a wall-clock time, not an
 * instant: it is kept as such (`LocalTime`), and only a time that carries its zone (ISO with
 * `Z` or an offset) becomes a UTC instant.
 */
export interface TextTime {
  /** ISO without a zone, `2021-10-15T11:54:04`. */
  local: string;
  /** The instant when the text carried its zone, else null. */
  utc: string | null;
  /** Epoch ms of the instant, or of the wall-clock time read as UTC (an ordering key only). */
  ms: number;
}

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** The time of a text record, or null when it is absent, redacted, ambiguous or unreadable. */
export function parseTextTime(raw: string | null): TextTime | null {
  if (raw === null) return null;
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s = '00', fraction = '', zone] = iso;
    const local = wall(+y, +mo, +d, +h, +mi, +s);
    if (!local) return null;
    if (!zone) return local;
    const offset = zone.toUpperCase() === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.replace(':', '').slice(3, 5)));
    const ms = local.ms - offset * 60_000 + (fraction ? Number(fraction) * 1000 : 0);
    return { local: local.local, utc: new Date(ms).toISOString(), ms };
  }
  const us = US.exec(text);
  if (us) {
    const [, a = '', b = '', y = '', h = '', mi = '', s = '00', meridiem] = us;
    let hour = +h;
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
      return wall(+y, +a, +b, hour, +mi, +s); // AM/PM: the US order, month first
    }
    // 24-hour with slashes: day first (en-GB, fr-FR…) unless that cannot be; both ≤ 12 is ambiguous.
    if (+a > 12) return wall(+y, +b, +a, hour, +mi, +s);
    if (+b > 12) return wall(+y, +a, +b, hour, +mi, +s);
    return null;
  }
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, d = '', mo = '', y = '', h = '', mi = '', s = '00'] = dotted;
    return wall(+y, +mo, +d, +h, +mi, +s);
  }
  return null;
}

function wall(y: number, mo: number, d: number, h: number, mi: number, s: number): TextTime | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(ms);
  if (date.getUTCDate() !== d) return null; // 31 February
  return { local: date.toISOString().slice(0, 19), utc: null, ms };
}

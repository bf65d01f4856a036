import { Option } from 'clipanion';
import { usageError } from '../errors.js';

/** `--redact` on status, error and trace: the output made shareable (src/safety/redact.ts). */
export const redactOption = (what: string) =>
  Option.Boolean('--redact', false, {
    description: `Replace user, device, domain and host names, tenant/device/correlation ids, SIDs, IP addresses and thumbprints with stable pseudonyms ${what}`,
  });

const hasZone = (value: string) => /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());

/** `--now` takes an ISO 8601 instant; a date without a zone would silently mean local time. */
export function parseNowOption(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = Date.parse(value);
  if (!hasZone(value) || Number.isNaN(parsed)) {
    throw usageError('InvalidNow', `--now expects an ISO 8601 time with a zone, such as 2026-11-20T09:00:00Z; got "${value}"`);
  }
  return new Date(parsed);
}

const unitMs: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--since 2h`, `30m`, `7d` (back from now), or an ISO 8601 instant with a zone. */
export function parseSinceOption(value: string | undefined, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  const relative = /^\s*(\d+(?:\.\d+)?)\s*([mhd])\s*$/i.exec(value);
  if (relative?.[1] && relative[2]) return new Date(now.getTime() - Number(relative[1]) * (unitMs[relative[2].toLowerCase()] ?? 0));
  const parsed = Date.parse(value);
  if (hasZone(value) && !Number.isNaN(parsed)) return new Date(parsed);
  throw usageError('InvalidSince', `--since expects a duration back from now (30m, 2h, 7d) or an ISO 8601 time with a zone; got "${value}"`);
}

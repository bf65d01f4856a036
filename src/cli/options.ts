import { usageError } from '../errors.js';

/** `--now` takes an ISO 8601 instant; a date without a zone would silently mean local time. */
export function parseNowOption(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());
  const parsed = Date.parse(value);
  if (!hasZone || Number.isNaN(parsed)) {
    throw usageError('InvalidNow', `--now expects an ISO 8601 time with a zone, such as 2026-11-20T09:00:00Z; got "${value}"`);
  }
  return new Date(parsed);
}

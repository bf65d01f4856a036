import { ExitCode, PrtError } from '../errors.js';
import type { ProbeReport, ProbeRun } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The shape a probe run must have to be shown and judged (what the readers of ProbeRun rely on). */
function isProbeRun(value: unknown): value is ProbeRun {
  if (!isObject(value)) return false;
  return (value.Context === 'System' || value.Context === 'User')
    && Array.isArray(value.Endpoints) && value.Endpoints.every((endpoint) => isObject(endpoint) && typeof endpoint.Host === 'string' && isObject(endpoint.Route) && Array.isArray(endpoint.Stages))
    && (value.ClockSkewSeconds === null || typeof value.ClockSkewSeconds === 'number')
    && (value.Federation === null || isObject(value.Federation))
    && Array.isArray(value.Findings) && value.Findings.every((finding) => isObject(finding) && typeof finding.Id === 'string' && typeof finding.Message === 'string');
}

/** A `prt probe --json` document, checked enough to be trusted as one (SchemaVersion 1, runs and findings in shape). */
export function isProbeReport(value: unknown): value is ProbeReport {
  return isObject(value) && value.SchemaVersion === 1 && typeof value.ObservedAt === 'string'
    && Array.isArray(value.Runs) && value.Runs.every(isProbeRun)
    && Array.isArray(value.Findings);
}

/** Reads the document another prt wrote (the SYSTEM task's); anything else is an error that names the file. */
export function readProbeReport(text: string, path: string): ProbeReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new PrtError('BadProbeDocument', `\`${path}\` is not JSON (${error.message}): the probe as SYSTEM did not write its document`, ExitCode.BadInput, 'InvalidData');
  }
  if (isObject(parsed) && isObject(parsed.Error) && typeof parsed.Error.Message === 'string') {
    throw new PrtError('ProbeFailedElsewhere', `prt as SYSTEM stopped with ${typeof parsed.Error.Id === 'string' ? parsed.Error.Id : 'an error'}: ${parsed.Error.Message}`, ExitCode.Environment, 'ResourceUnavailable');
  }
  if (!isProbeReport(parsed)) throw new PrtError('BadProbeDocument', `\`${path}\` is JSON but not a prt probe document (SchemaVersion 1 with Runs and Findings)`, ExitCode.BadInput, 'InvalidData');
  return parsed;
}

/**
 * The join side of dsregcmd's Diagnostic Data: the pre-join tests and the last registration's
 * error (before a join), the key test (after it). Codes are only collected here; decoding them
 * needs the knowledge base, which the status path loads only when there is a code to decode.
 */
import type { DsregReport, DsregSection } from '../dsreg/types.js';
import { dataValue, findField, findFieldInReport, meaningfulValue, normaliseName, parseDsregTime, parseHexStatus, parseIntOrNull, parseYesNo } from '../dsreg/values.js';
import { homeSectionOf } from '../dsreg/fields.js';
import type { DecodedCode, JoinDiagnostics, JoinTest } from './status-types.js';

/** What a decoder says about one code; null when it cannot read it at all. */
export type CodeDecoder = (code: string) => Omit<DecodedCode, 'Code' | 'Where'> | null;

const PRE_JOIN_FIELDS = ['Fallback to Sync-Join', 'Fallback to Fed-Join', 'Previous Registration', 'Registration Type', 'Error Phase', 'Client ErrorCode', 'Server ErrorCode'];
const HEX = /0x[0-9a-f]{1,8}\b/gi;

/** Every Diagnostic Data line of the report (the box, or unboxed lines filed under it). */
function diagnosticLines(report: DsregReport): DsregSection | undefined {
  const fields = report.Sections.filter((s) => normaliseName(s.Name) === 'diagnostic data' || s.Name === '').flatMap((s) =>
    s.Name === '' ? s.Fields.filter((f) => homeSectionOf(f.Name) === 'Diagnostic Data') : s.Fields,
  );
  return fields.length === 0 ? undefined : { Name: 'Diagnostic Data', Fields: fields };
}

const isTestLine = (name: string) => / Test$/i.test(name.trim());
const hexCodes = (text: string) => [...new Set((text.match(HEX) ?? []).map(parseHexStatus).filter((c) => c !== null))];
const nonZero = (code: string | null): code is string => code !== null && !/^0x0+$/.test(code);

/** True when the report shows pre-join diagnostics: the device is domain joined and tried (or will try) hybrid join. */
export function hasPreJoinDiagnostics(report: DsregReport): boolean {
  const data = diagnosticLines(report);
  return !!data && data.Fields.some((f) => isTestLine(f.Name) || PRE_JOIN_FIELDS.some((n) => normaliseName(n) === normaliseName(f.Name)));
}

/** The join diagnostics the capture shows, codes not yet decoded; null when it shows none. */
export function readJoinDiagnostics(report: DsregReport): JoinDiagnostics | null {
  const data = diagnosticLines(report);
  if (!data) return null;
  const value = (name: string) => dataValue(findField(data, name)?.Value);
  const tests: JoinTest[] = data.Fields.filter((f) => isTestLine(f.Name)).map((f) => ({
    Name: f.Name,
    Result: f.Value.replace(/\s*\[.*$/, '').trim(),
    Codes: hexCodes(f.Value),
  }));
  const keySignTest = value('KeySignTest');
  const aadRecovery = parseYesNo(value('AadRecoveryEnabled'));
  const shown = tests.length > 0 || keySignTest !== null || aadRecovery !== null || PRE_JOIN_FIELDS.some((n) => value(n) !== null);
  if (!shown) return null;

  const clientErrorCode = value('Client ErrorCode');
  const serverErrorCode = value('Server ErrorCode');
  // Free text, not an identifier: a GUID redacted inside it leaves the message worth reading.
  const serverMessage = meaningfulValue(findField(data, 'Server Message')?.Value);
  const codes: DecodedCode[] = [];
  const add = (code: string, where: string) => {
    if (!codes.some((c) => c.Code === code)) codes.push({ Code: code, Where: where, Known: false, Name: null, Summary: null, Fix: null });
  };
  for (const test of tests) if (/^FAIL/i.test(test.Result)) for (const c of test.Codes.filter(nonZero)) add(c, test.Name);
  const clientHex = parseHexStatus(clientErrorCode);
  if (nonZero(clientHex)) add(clientHex, 'Client ErrorCode');
  if (serverErrorCode !== null) {
    const serverHex = /^0x/i.test(serverErrorCode) ? parseHexStatus(serverErrorCode) : null;
    if (serverHex === null) add(serverErrorCode, 'Server ErrorCode');
    else if (nonZero(serverHex)) add(serverHex, 'Server ErrorCode');
  }
  for (const aadsts of serverMessage?.match(/AADSTS\d+/gi) ?? []) add(aadsts.toUpperCase(), 'Server Message');
  const keyFailed = keySignTest !== null && /^FAIL/i.test(keySignTest);
  if (keyFailed) for (const c of hexCodes(keySignTest).filter(nonZero)) add(c, 'KeySignTest');

  const failed = tests.some((t) => /^FAIL/i.test(t.Result)) || value('Error Phase') !== null || nonZero(clientHex) || serverErrorCode !== null || keyFailed;
  return {
    UserContext: value('User Context'),
    Tests: tests,
    FallbackToSyncJoin: value('Fallback to Sync-Join'),
    PreviousRegistration: parseDsregTime(value('Previous Registration')),
    RegistrationType: value('Registration Type'),
    ErrorPhase: value('Error Phase'),
    ClientErrorCode: clientErrorCode,
    ServerErrorCode: serverErrorCode,
    ServerMessage: serverMessage,
    HttpsStatus: parseIntOrNull(value('Https Status')),
    RequestId: value('Request Id'),
    AadRecoveryEnabled: aadRecovery,
    KeySignTest: keySignTest,
    Failed: failed,
    Codes: codes,
  };
}

/** The code `DeviceAuthStatus : FAILED. Error: 0xd000023c` carries, if any. */
export function deviceAuthCode(deviceAuthStatus: string | null): string | null {
  if (deviceAuthStatus === null || !/^FAIL/i.test(deviceAuthStatus)) return null;
  const code = parseHexStatus(deviceAuthStatus);
  return nonZero(code) ? code : null;
}

/** The code `WamDefaultSet : ERROR (0x80070520)` carries, if any. */
export function wamDefaultSetCode(wamDefaultSet: string | null): string | null {
  if (wamDefaultSet === null || !/^ERROR/i.test(wamDefaultSet)) return null;
  const code = parseHexStatus(wamDefaultSet);
  return nonZero(code) ? code : null;
}

/** Every code the status would decode: a caller loads the knowledge base only when this is not empty. */
export function codesToDecode(report: DsregReport): string[] {
  const join = readJoinDiagnostics(report);
  const codes = join?.Failed ? join.Codes.map((c) => c.Code) : [];
  const deviceAuth = deviceAuthCode(dataValue(findFieldInReport(report, 'DeviceAuthStatus')?.Value));
  if (deviceAuth !== null) codes.push(deviceAuth);
  const wamDefault = wamDefaultSetCode(dataValue(findFieldInReport(report, 'WamDefaultSet')?.Value));
  if (wamDefault !== null) codes.push(wamDefault);
  return codes;
}

/** Fills what the decoder knows into each code (in place) and returns them. */
export function decodeAll(codes: DecodedCode[], decode: CodeDecoder | undefined): DecodedCode[] {
  if (!decode) return codes;
  for (const code of codes) {
    const known = decode(code.Code);
    if (known) Object.assign(code, known);
  }
  return codes;
}

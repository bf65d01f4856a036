/** The JoinFailed and DeviceAuthFailed findings, word for word, with and without the knowledge base. */
import { describe, expect, it } from 'vitest';
import { decoderFor } from '../../../src/app/status.js';
import { evaluateStatus } from '../../../src/diagnose/evaluate.js';
import type { CodeDecoder } from '../../../src/diagnose/join-diagnostics.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';

const RULE = `+${'-'.repeat(70)}+`;
const box = (name: string, ...lines: string[]) => [RULE, `| ${name.padEnd(69)}|`, RULE, '', ...lines.map((l) => `  ${l}`), ''].join('\n');

async function judge(text: string, withDecoder: boolean | CodeDecoder): Promise<PrtStatus> {
  const report = parseDsregcmd(text, { source: 'capture.txt', encoding: 'utf-8' });
  const decode = typeof withDecoder === 'function' ? withDecoder : withDecoder ? await decoderFor(report) : undefined;
  return evaluateStatus(report, { now: new Date('2026-11-20T09:00:00Z'), systemNow: new Date('2030-01-01T00:00:00Z'), source: { Kind: 'File', Path: 'capture.txt', Encoding: 'utf-8' }, decode });
}
const message = (s: PrtStatus, id: string) => s.Findings.find((f) => f.Id === id)?.Message;

describe('JoinFailed, word for word', () => {
  const lastRegistration = box(
    'Diagnostic Data',
    'Previous Registration : 2019-01-31 09:16:43.000 UTC',
    'Registration Type : sync',
    'Error Phase : join',
    'Client ErrorCode : 0x801c03f2',
    'Server ErrorCode : DirectoryError',
    'Server Message : The device object by the given id is not found.',
    'Https Status : 400',
  );

  it('without the knowledge base: the phase, each code and the server text', async () => {
    expect(message(await judge(lastRegistration, false), 'JoinFailed')).toBe(
      'Joining the device to Entra ID failed: the last registration (sync join) at 2019-01-31T09:16:43.000Z failed in phase "join"; Client ErrorCode 0x801c03f2; Server ErrorCode DirectoryError ("The device object by the given id is not found."); HTTPS status 400. 0x801c03f2 from Client ErrorCode. DirectoryError from Server ErrorCode.',
    );
  });

  it('with a decoder: the name, the summary and the fix of each code, without doubled full stops', async () => {
    const decode: CodeDecoder = (code) =>
      code === '0x801c03f2' ? { Known: true, Name: 'DSREG_E_DIRECTORY_FAILURE', Summary: 'The directory refused the device.', Fix: 'Sync the computer object again.' } : { Known: false, Name: null, Summary: null, Fix: null };
    expect(message(await judge(lastRegistration, decode), 'JoinFailed')).toContain(
      '0x801c03f2 (DSREG_E_DIRECTORY_FAILURE) from Client ErrorCode: The directory refused the device. Fix: Sync the computer object again. DirectoryError from Server ErrorCode: not in the knowledge base.',
    );
  });

  it('a name that only repeats the code is not repeated', async () => {
    const decode: CodeDecoder = () => ({ Known: true, Name: '0x801c03f2', Summary: null, Fix: null });
    expect(message(await judge(box('Diagnostic Data', 'Client ErrorCode : 0x801c03f2'), decode), 'JoinFailed')).toBe('Joining the device to Entra ID failed: Client ErrorCode 0x801c03f2. 0x801c03f2 from Client ErrorCode.');
  });

  it('with the real knowledge base, the codes of a failed discovery are named', async () => {
    const text = box('Diagnostic Data', 'User Context : SYSTEM', 'DRS Discovery Test : FAIL [0x801c0021/0x80072ee2]', 'Error Phase : discover', 'Client ErrorCode : 0x801c0021');
    const failed = message(await judge(text, true), 'JoinFailed');
    expect(failed).toMatch(/^Joining the device to Entra ID failed: the last registration failed in phase "discover"; DRS Discovery Test FAIL \[0x801c0021\/0x80072ee2\]; Client ErrorCode 0x801c0021\. 0x801c0021 \(DSREG_AUTOJOIN_DISC_FAILED\) from DRS Discovery Test: /);
    expect(failed).toContain('0x80072ee2 (WININET_E_TIMEOUT) from DRS Discovery Test: A network request timed out. Fix: ');
  });

  it('a server message without a server code, and a key test that failed', async () => {
    expect(message(await judge(box('Diagnostic Data', 'Error Phase : auth', 'Server Message : AADSTS50155: Device authentication failed.'), false), 'JoinFailed')).toBe(
      'Joining the device to Entra ID failed: the last registration failed in phase "auth"; Server Message "AADSTS50155: Device authentication failed.". AADSTS50155 from Server Message.',
    );
    expect(message(await judge(box('Diagnostic Data', 'AadRecoveryEnabled : NO', 'KeySignTest : FAILED [0x8009002d]'), false), 'JoinFailed')).toBe(
      'Joining the device to Entra ID failed: KeySignTest FAILED [0x8009002d] (the device key cannot sign: the join is broken on this device). 0x8009002d from KeySignTest.',
    );
  });

  it('a test that failed without codes is named without brackets', async () => {
    expect(message(await judge(box('Diagnostic Data', 'AD Connectivity Test : FAIL'), false), 'JoinFailed')).toBe('Joining the device to Entra ID failed: AD Connectivity Test FAIL.');
  });
});

describe('DeviceAuthFailed with the knowledge base', () => {
  it('leads with the fix of the code and points at prt explain', async () => {
    const decode: CodeDecoder = () => ({ Known: true, Name: 'STATUS_X', Summary: 'The device was refused.', Fix: 'Re-enable the device object.' });
    const s = await judge(box('Device Details', 'DeviceAuthStatus : FAILED. Error: 0xd000023c'), decode);
    const failed = s.Findings.find((f) => f.Id === 'DeviceAuthFailed');
    expect(failed?.Message).toBe('The device could not authenticate to Entra ID: DeviceAuthStatus is "FAILED. Error: 0xd000023c". 0xd000023c (STATUS_X) from DeviceAuthStatus: The device was refused. Fix: Re-enable the device object.');
    expect(failed?.NextStep).toBe('Re-enable the device object. `prt explain 0xd000023c` gives the details; if the code is not the cause, check the device object in the Entra admin center.');
  });

  it('without a fix, the catalog step stands', async () => {
    const decode: CodeDecoder = () => ({ Known: false, Name: null, Summary: null, Fix: null });
    const s = await judge(box('Device Details', 'DeviceAuthStatus : FAILED. Error: 0xd000023c'), decode);
    const failed = s.Findings.find((f) => f.Id === 'DeviceAuthFailed');
    expect(failed?.Message).toContain('0xd000023c from DeviceAuthStatus: not in the knowledge base.');
    expect(failed?.NextStep).toMatch(/^Look the device up in the Entra admin center/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNetworkTraceStatus, parseOemCodePage } from '../../../src/host/live-trace.js';
import { traceCommands } from '../../../src/host/trace-commands.js';
import { systemToolPath } from '../../../src/host/system-tools.js';
import { usefulLine } from '../../../src/host/tool-errors.js';
import { isOurTraceFile } from '../../../src/trace/undo.js';
import { decodeCodePage } from '../../../src/util/oem-code-page.js';

const real = (name: string) => readFileSync(join('test/fixtures/real/tools', name), 'utf8');

describe('netsh trace show status, as netsh writes it', () => {
  it('a running trace (real output) names its file', () => {
    expect(parseNetworkTraceStatus(real('netsh-trace-status-running.txt'))).toEqual({ Running: true, TraceFile: 'C:\\Temp\\netcap-WIN10HOST-20180501-001049-000.etl' });
  });

  it('a running trace started with a relative file name reads as running', () => {
    expect(parseNetworkTraceStatus('Trace configuration:\r\n----\r\nStatus:             Running\r\nTrace File:         AKS_node_name.etl\r\n')).toEqual({ Running: true, TraceFile: 'AKS_node_name.etl' });
  });

  it('localized labels do not matter: the .etl value does', () => {
    expect(parseNetworkTraceStatus('Configuración de seguimiento:\r\nEstado:             En ejecución\r\nArchivo de seguimiento:         C:\\Users\\Jürgen\\x.etl\r\n').TraceFile).toBe('C:\\Users\\Jürgen\\x.etl');
  });

  it('no session: not running', () => {
    expect(parseNetworkTraceStatus('\r\nThere is no trace session currently in progress.\r\n')).toEqual({ Running: false, TraceFile: null });
  });
});

describe('console code pages', () => {
  const jurgen = 'C:\\Users\\Jürgen\\PrtTrace-PC-20261120-093012\\network\\NetTrace.etl';
  const japanese = 'C:\\Users\\田中\\デスクトップ\\PrtTrace-PC-20261120-093012\\network\\NetTrace.etl';
  // Encoded by iconv-independent means: Node has no CP850 encoder, so the bytes are written out.
  const cp850 = Buffer.concat([Buffer.from('C:\\Users\\J', 'latin1'), Buffer.from([0x81]), Buffer.from('rgen\\PrtTrace-PC-20261120-093012\\network\\NetTrace.etl', 'latin1')]);

  it('CP850 bytes read back as the path Windows meant; as UTF-8 they do not', () => {
    expect(decodeCodePage(cp850, 850)).toBe(jurgen);
    expect(cp850.toString('utf8')).not.toBe(jurgen);
  });

  it('CP932 (Shift-JIS) bytes read back as the Japanese folder', () => {
    const bytes = Buffer.from([...Buffer.from('C:\\Users\\', 'latin1'), 0x93, 0x63, 0x92, 0x86, 0x5c, 0x83, 0x66, 0x83, 0x58, 0x83, 0x4e, 0x83, 0x67, 0x83, 0x62, 0x83, 0x76, ...Buffer.from('\\PrtTrace-PC-20261120-093012\\network\\NetTrace.etl', 'latin1')]);
    expect(decodeCodePage(bytes, 932)).toBe(japanese);
  });

  it('our trace file is recognised even when its folder was decoded wrongly', () => {
    expect(isOurTraceFile(cp850.toString('utf8'), jurgen)).toBe(true);
    expect(isOurTraceFile('C:\\Users\\helpdesk\\AppData\\Local\\Temp\\NetTraces\\NetTrace.etl', jurgen)).toBe(false);
    expect(isOurTraceFile('AKS_node_name.etl', jurgen)).toBe(false);
  });

  it('reg query of OEMCP gives the page', () => {
    expect(parseOemCodePage('\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage\r\n    OEMCP    REG_SZ    850\r\n\r\n')).toBe(850);
    expect(parseOemCodePage('ERROR: The system was unable to find the specified registry key or value.')).toBeNull();
  });
});

describe('tool errors and command lines', () => {
  it("a TTD failure's useful line is the error, not the banner", () => {
    expect(usefulLine(`MICROSOFT TIME TRAVEL DEBUGGING (TTD)\r\n${real('ttd-record-out-header.txt')}${real('ttd-recording-error.txt')}`)).toBe('Recording error: Error: Recording of (PID: 21156) did not');
    expect(usefulLine('MICROSOFT TIME TRAVEL DEBUGGING (TTD)\r\n\r\nAccess is denied.\r\n')).toBe('Access is denied.');
  });

  it('tttracer gets -accepteula like TTD', () => {
    expect(traceCommands.lsassStart('tttracer', 812, 'C:\\b\\lsass')).toContain('-accepteula');
    expect(traceCommands.lsassStart('TTD', 812, 'C:\\b\\lsass')).toContain('-accepteula');
  });

  it('system tools run from System32 by full path on Windows; the fakes folder only in forced live mode', () => {
    expect(systemToolPath('dsregcmd', { SystemRoot: 'C:\\Windows' }, 'win32')).toBe('C:\\Windows\\System32\\dsregcmd.exe');
    expect(systemToolPath('powershell', { SystemRoot: 'C:\\Windows' }, 'win32')).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(systemToolPath('netsh', { SystemRoot: 'C:\\Windows', PRT_SYSTEM32_DIR: 'C:\\planted' }, 'win32')).toBe('C:\\Windows\\System32\\netsh.exe');
    expect(systemToolPath('netsh', { PRT_FORCE_LIVE: '1', PRT_SYSTEM32_DIR: 'Z:\\fakes' }, 'win32')).toBe('Z:\\fakes\\netsh.exe');
    expect(systemToolPath('TTD', { LOCALAPPDATA: 'C:\\Users\\admin\\AppData\\Local' }, 'win32')).toBe('C:\\Users\\admin\\AppData\\Local\\Microsoft\\WindowsApps\\TTD.exe');
  });
});

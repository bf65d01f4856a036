import { PrtError } from '../errors.js';
import { runTool } from './process.js';
import { parseNetshWinHttp, parseRegQuery, parseWinHttpSettingsHex, winInetFromRegQuery } from '../probe/route.js';
import type { ProbeSettings } from '../probe/probe.js';

const CONNECTIONS = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections';
const USER_SETTINGS = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
const TCPIP = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

/**
 * How this Windows device routes the PRT request, read with the tools an admin would use:
 * `netsh winhttp show proxy` (the registry's WinHttpSettings when netsh speaks another language),
 * the user's Internet Settings, and the DNS suffixes WPAD starts from. A tool that fails leaves
 * its part unknown rather than failing the probe.
 */
export async function readProbeSettings(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ProbeSettings> {
  const text = async (name: string, args: string[]): Promise<string | null> => {
    try {
      const { stdout } = await runTool(name, args, { timeoutMs, env });
      // What is parsed (labels, host names, hex) is ASCII in every OEM code page.
      return stdout.toString('latin1');
    } catch (error) {
      if (error instanceof PrtError) return null;
      throw error;
    }
  };
  let winHttp = parseNetshWinHttp((await text('netsh', ['winhttp', 'show', 'proxy'])) ?? '');
  if (winHttp === null) {
    const value = parseRegQuery((await text('reg', ['query', CONNECTIONS, '/v', 'WinHttpSettings'])) ?? '').get('winhttpsettings');
    // No value at all is WinHTTP's default: direct.
    winHttp = value === undefined ? { Kind: 'Direct' } : parseWinHttpSettingsHex(value);
  }
  const userText = await text('reg', ['query', USER_SETTINGS]);
  const tcpip = parseRegQuery((await text('reg', ['query', TCPIP])) ?? '');
  const suffixes = [tcpip.get('domain'), tcpip.get('nv domain'), ...(tcpip.get('searchlist') ?? '').split(/[,\s]+/)].filter((suffix): suffix is string => typeof suffix === 'string' && suffix.includes('.'));
  return { WinHttp: winHttp, WinInet: userText === null ? null : winInetFromRegQuery(userText), DnsSuffixes: [...new Set(suffixes.map((suffix) => suffix.toLowerCase()))] };
}

import type { ProbeContext, ProbeFinding, ProbeFindingId } from './types.js';

interface FindingKind {
  Severity: ProbeFinding['Severity'];
  /** What to do, in our words; the message carries the measured figures. */
  NextStep: string;
  /** Canonical spellings, as the codes layer prints them (`0xc000023c`, `12029`, `0x80072efd`). */
  RelatedCodes: readonly string[];
}

/** The network codes a failed connection shows as: WinHTTP number, its HRESULT, its ADAL twin. */
const cannotConnect = ['0xc000023c', '12029', '0x80072efd', '0xcaa82efd'];
const timedOut = ['12002', '0x80072ee2', '0xcaa82ee2'];
const secureFailure = ['12175', '0x80072f8f', '0xcaa82f8f'];

/**
 * Every finding the probe can report: one table, read by the judge, `prt doctor` (#15) and the
 * tests (each id here is produced by a loopback scenario in test/unit/probe/).
 */
export const FINDINGS: Readonly<Record<ProbeFindingId, FindingKind>> = {
  DnsFailed: {
    Severity: 'Error',
    NextStep: 'Check the DNS servers this device uses (ipconfig /all) resolve the host; a split-DNS or VPN profile that does not forward public names is a frequent cause.',
    RelatedCodes: ['0xc000023c', '12007', '0x80072ee7', '0xcaa82ee7'],
  },
  ConnectFailed: {
    Severity: 'Error',
    NextStep: 'A firewall or the route drops the connection on port 443: allow the host outbound for the SYSTEM account, or set the WinHTTP proxy (netsh winhttp set proxy) if this network only lets a proxy out.',
    RelatedCodes: [...cannotConnect, ...timedOut],
  },
  ProxyAuthRequired: {
    Severity: 'Error',
    NextStep: 'The computer account cannot answer a proxy\'s 407: let these hosts through the proxy without authentication, or list them in the WinHTTP bypass list / the PAC file\'s DIRECT rules.',
    RelatedCodes: ['0xc000023c', '0xcaa30197', '0xcaa82efd', '12029'],
  },
  ProxyUnreachable: {
    Severity: 'Error',
    NextStep: 'The configured proxy does not accept connections: correct or remove it (netsh winhttp show proxy / reset proxy), or fix the PAC file that names it.',
    RelatedCodes: [...cannotConnect, ...timedOut],
  },
  PacFailed: {
    Severity: 'Error',
    NextStep: 'Fix the proxy auto-configuration: the WPAD/PAC file must download and run without error for every Entra host (test FindProxyForURL with these URLs).',
    RelatedCodes: ['0xc000023c', '12167', '12166', '12180'],
  },
  TlsInspected: {
    Severity: 'Error',
    NextStep: 'A device between here and Entra ID re-signs its TLS traffic: exclude the Entra ID and device registration hosts from TLS inspection (the device authenticates itself inside that channel).',
    RelatedCodes: ['0xc000023c', ...secureFailure, '12045', '0x80072f0d'],
  },
  TlsFailed: {
    Severity: 'Error',
    NextStep: 'The TLS handshake did not complete: check that TLS 1.2 is enabled for WinHTTP and SChannel and that nothing on the path resets the connection.',
    RelatedCodes: ['0xc000023c', ...secureFailure, '12157', '0x80072f7d', '0xcaa82f7d'],
  },
  HttpBlocked: {
    Severity: 'Error',
    NextStep: 'A proxy or filter answers in Entra ID\'s place: allow these hosts in its web filtering policy.',
    RelatedCodes: ['0xc000023c', '0xcaa30193', '0xcaa70007', ...cannotConnect.slice(1)],
  },
  Slow: {
    Severity: 'Warning',
    NextStep: 'Answers take longer than they should: look at the proxy and the route\'s latency; requests near WinHTTP\'s timeouts fail intermittently.',
    RelatedCodes: timedOut,
  },
  ClockSkew: {
    Severity: 'Error',
    NextStep: 'Set the clock right (w32tm /resync; on a domain, check the time source): tokens and assertions are refused when the clocks differ by more than 5 minutes.',
    RelatedCodes: ['0xc0000133', '0xcaa20003', 'AADSTS500133'],
  },
  MexUnreachable: {
    Severity: 'Error',
    NextStep: 'The federation server\'s metadata (MEX) must be reachable on the SYSTEM route: allow the federation host through the proxy/firewall, or fix the federation service.',
    RelatedCodes: ['0xcaa9002b', '0xc00484c1', '0xcaa90014'],
  },
  MexHasDtd: {
    Severity: 'Error',
    NextStep: 'Something on the path answers the MEX request with a document carrying a DTD (often a proxy\'s error page); the client refuses DTDs: let the federation host through untouched.',
    RelatedCodes: ['0xc00cee4f', '0xcaa9002c'],
  },
  WsTrustEndpointMissing: {
    Severity: 'Error',
    NextStep: 'Enable the missing WS-Trust endpoints on the federation server (AD FS: the 13 windowstransport and usernamemixed endpoints) and make sure they are published in MEX and through the proxy.',
    RelatedCodes: ['0xc004848b', '0xc004848c', '0xc00484c1'],
  },
  RealmNotFound: {
    Severity: 'Warning',
    NextStep: 'Entra ID does not know this user\'s domain: check the UPN suffix is a verified domain of the tenant (or that the UPN given is right).',
    RelatedCodes: ['AADSTS50034'],
  },
  ContextsDiffer: {
    Severity: 'Warning',
    NextStep: 'SYSTEM and the user take different routes: align the WinHTTP settings (used by the PRT request) with what works for the user, e.g. `netsh winhttp import proxy source=ie`, or a PAC/WPAD both use.',
    RelatedCodes: cannotConnect,
  },
};

export const PROBE_FINDING_IDS = Object.keys(FINDINGS) as ProbeFindingId[];

/** A finding of the catalogue with what was measured. */
export function makeFinding(id: ProbeFindingId, context: ProbeContext | null, target: string | null, message: string): ProbeFinding {
  const kind = FINDINGS[id];
  return { Id: id, Severity: kind.Severity, Context: context, Target: target, Message: message, NextStep: kind.NextStep, RelatedCodes: [...kind.RelatedCodes] };
}

const severityRank: Record<ProbeFinding['Severity'], number> = { Error: 0, Warning: 1, Info: 2 };

/** Most severe first; stable otherwise (the order they were found in). */
export const bySeverity = (findings: readonly ProbeFinding[]): ProbeFinding[] =>
  findings.map((finding, index) => ({ finding, index })).sort((a, b) => severityRank[a.finding.Severity] - severityRank[b.finding.Severity] || a.index - b.index).map(({ finding }) => finding);

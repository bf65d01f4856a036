import type { DeviceFacts } from '../device/facts.js';

/**
 * A scenario scripts a simulated device (DESIGN §3): who it is, the state of its PRT, how it
 * reacts to a lock/unlock (a PRT attempt with its AAD events) and to each trace command,
 * failures included. Built-in scenarios are TypeScript data in ./scenarios/; a scenario file is
 * the same shape in JSON, and may `Extends` a built-in one and change a few fields.
 * Times: `…SecondsAgo` counts back from the moment the scenario starts; reaction times count from
 * the unlock.
 */
export interface Scenario {
  /** kebab-case, as given to `--simulate`. */
  Name: string;
  Description: string;
  /** The simulated clock at the start (ISO 8601 UTC). */
  Start: string;
  Device: ScenarioDevice;
  Environment: ScenarioEnvironment;
  /** How trace commands fail on this device. */
  Faults: ScenarioFaults;
  /** The SSO State at the start. */
  Prt: ScenarioPrt;
  /** AAD events already in the Operational log at the start (a past failure, say). */
  History: ScenarioEvent[];
  /** The person at the device, once asked to reproduce (seconds after being asked). */
  User: { LocksAfterSeconds: number; UnlocksAfterSeconds: number };
  /** What happens at the unlock: a PRT attempt. */
  OnUnlock: ScenarioReaction;
  /** What `prt device` reads on this device, where it differs from a healthy one (src/sim/device-facts.ts). */
  DeviceFacts?: Partial<DeviceFacts>;
  /** The network as `prt probe` finds it (#14); absent: every endpoint answers, direct. */
  Network?: ScenarioNetwork;
}

/** The network fault a simulated device has, for `prt probe --simulate` (no socket is opened). */
export interface ScenarioNetwork {
  /** The WinHTTP proxy as `netsh winhttp show proxy` names it, or null for direct. */
  WinHttpProxy: string | null;
  Fault: 'None' | 'ProxyAuthRequired' | 'TlsInspected' | 'ClockSkew' | 'MexHasDtd';
  /** TlsInspected: the root the inspecting device signs with. */
  InspectionIssuer?: string;
  /** ClockSkew: this device's clock minus the servers', in seconds. */
  SkewSeconds?: number;
}

export interface ScenarioDevice {
  DeviceName: string;
  DeviceId: string;
  TenantName: string;
  TenantId: string;
  JoinType: 'HybridAzureAdJoined' | 'AzureAdJoined';
  /** NetBIOS domain name (hybrid joined devices). */
  DomainName: string | null;
  UserPrincipalName: string;
  /** `DOMAIN\sam` or `AzureAD\Name`: dsregcmd's Executing Account Name. */
  AccountName: string;
  /** `https://sts.contoso.com/adfs` for federated users, else null. */
  FederationAuthority: string | null;
  /** dsregcmd lines that differ from a healthy joined device: a value replaces the printed one, null drops the line. */
  DsregcmdFields?: Record<string, string | null>;
  /** The Diagnostic Data box as printed before a join (name, value), replacing the post-join lines. */
  PreJoinDiagnostics?: [string, string][];
}

export interface ScenarioEnvironment {
  Elevated: boolean;
  FreeDiskGigabytes: number;
  LsaProtection: boolean;
  /** TTD.exe found on PATH. */
  TtdInstalled: boolean;
  /** Someone else's `netsh trace` is already running. */
  NetworkTraceRunning: boolean;
  AnalyticEnabled: boolean;
}

/** A failure the device answers a host call with. */
export type ScenarioFault = 'AccessDenied' | 'Fail' | 'Refused';

export interface ScenarioFaults {
  StartNetworkTrace?: ScenarioFault;
  StopNetworkTrace?: ScenarioFault;
  SetChannelEnabled?: ScenarioFault;
  ExportChannel?: ScenarioFault;
  StartLsassTrace?: ScenarioFault;
  StopLsassTrace?: ScenarioFault;
  StartAuthScripts?: ScenarioFault;
  StopAuthScripts?: ScenarioFault;
  LockWorkstation?: ScenarioFault;
  Dsregcmd?: ScenarioFault;
  RestrictAccess?: ScenarioFault;
}

export interface ScenarioAttempt {
  Kind: 'Acquire' | 'Refresh';
  /** `0xc000006d`; `0x0` for a success. */
  AttemptStatus: string;
  CredentialType: string;
  CorrelationId: string;
  EndpointUri: string;
  HttpMethod: string;
  HttpError: string;
  HttpStatus: number;
  ServerErrorCode: string;
  ServerErrorDescription: string;
}

export interface ScenarioPrt {
  AzureAdPrt: boolean;
  /** Seconds before the start the PRT was last renewed (null: dsregcmd prints no time). */
  UpdatedSecondsAgo: number | null;
  /** The last attempt dsregcmd shows in its diagnostics block, when there is one. */
  LastAttempt: (ScenarioAttempt & { SecondsAgo: number }) | null;
  EnterprisePrt: { UpdatedSecondsAgo: number } | null;
}

/** One AAD event, by ID: its channel, level, task and message come from the provider's table. */
export interface ScenarioEvent {
  Id: number;
  /** Milliseconds after the unlock (reactions) or before the start (history, as a negative number). */
  AtMs: number;
  /** `<EventData>` values in the provider's field order. */
  Data: string[];
}

export interface ScenarioReaction {
  /** When the PRT attempt ends, after the unlock. */
  AfterSeconds: number;
  /** Success renews the PRT; failure leaves it as it was and records the attempt; None: no PRT is tried (a device that is not joined). */
  Attempt: ScenarioAttempt & { Outcome: 'Success' | 'Failure' | 'None' };
  Events: ScenarioEvent[];
}

/** A partial scenario in a file: `Extends` names a built-in one; objects merge, arrays replace. */
export type ScenarioFile = Partial<Omit<Scenario, 'Device' | 'Environment' | 'Prt' | 'User' | 'OnUnlock'>> & {
  Extends?: string;
  Device?: Partial<ScenarioDevice>;
  Environment?: Partial<ScenarioEnvironment>;
  Prt?: Partial<ScenarioPrt>;
  User?: Partial<Scenario['User']>;
  OnUnlock?: Partial<ScenarioReaction>;
};

/** Merges a file over its base: nested objects merge, arrays and plain values replace. */
export function mergeScenario(base: Scenario, file: ScenarioFile): Scenario {
  const merge = (a: unknown, b: unknown): unknown => {
    if (b === undefined) return a;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
      for (const [key, value] of Object.entries(b as Record<string, unknown>)) out[key] = merge(out[key], value);
      return out;
    }
    return b;
  };
  const { Extends: _extends, ...rest } = file;
  return merge(base, rest) as Scenario;
}

/** The value at `path` inside a parsed file, or undefined: a file may hold anything. */
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((inner, key) => (typeof inner === 'object' && inner !== null && key in inner ? (inner as Record<string, unknown>)[key] : undefined), value);
const oneOf = (value: unknown, options: readonly string[]) => typeof value === 'string' && options.includes(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The problems of a scenario as a file gives it (empty when it is usable): what a file author needs to fix. */
export function validateScenario(scenario: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const name = at(scenario, 'Name');
  const start = at(scenario, 'Start');
  need(typeof name === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(name), '`Name` must be kebab-case (letters, digits, dashes)');
  need(typeof start === 'string' && !Number.isNaN(Date.parse(start)) && /Z$/.test(start), '`Start` must be an ISO 8601 UTC time ending in Z');
  need(typeof at(scenario, 'Device', 'DeviceName') === 'string', '`Device.DeviceName` is required');
  need(oneOf(at(scenario, 'Device', 'JoinType'), ['HybridAzureAdJoined', 'AzureAdJoined']), '`Device.JoinType` must be HybridAzureAdJoined or AzureAdJoined');
  need(typeof at(scenario, 'Environment', 'Elevated') === 'boolean', '`Environment.Elevated` must be true or false');
  need(typeof at(scenario, 'Prt', 'AzureAdPrt') === 'boolean', '`Prt.AzureAdPrt` must be true or false');
  const locks = at(scenario, 'User', 'LocksAfterSeconds');
  const unlocks = at(scenario, 'User', 'UnlocksAfterSeconds');
  need(typeof locks === 'number' && typeof unlocks === 'number', '`User.LocksAfterSeconds` and `User.UnlocksAfterSeconds` must be numbers');
  need((typeof unlocks === 'number' ? unlocks : 0) > (typeof locks === 'number' ? locks : 0), '`User.UnlocksAfterSeconds` must come after `User.LocksAfterSeconds`');
  need(oneOf(at(scenario, 'OnUnlock', 'Attempt', 'Outcome'), ['Success', 'Failure', 'None']), '`OnUnlock.Attempt.Outcome` must be Success, Failure or None');
  const onUnlock = at(scenario, 'OnUnlock', 'Events');
  const history = at(scenario, 'History');
  need(Array.isArray(onUnlock) && Array.isArray(history), '`OnUnlock.Events` and `History` must be arrays');
  for (const event of [...listOf(onUnlock), ...listOf(history)]) {
    const ok = Number.isInteger(at(event, 'Id')) && Array.isArray(at(event, 'Data')) && typeof at(event, 'AtMs') === 'number';
    need(ok, `event ${JSON.stringify(event).slice(0, 60)} needs Id, AtMs and Data (an array of strings)`);
  }
  return problems;
}

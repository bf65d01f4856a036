// A synthetic event log for the events benchmark (scripts/bench/events.mjs), in the shape of
// `wevtutil qe … /f:RenderedXml`: bare <Event> elements, one per line, CRLF, UTF-8. About half of
// the events come from other providers (Security logons and privileges, Service Control Manager,
// User Device Registration, Kernel-General), as in an export of several logs; of the AAD events,
// most belong to PRT attempts (1006 → 1144 → 1022 → [1081 | 1084] → 1007, with noise in between)
// and the rest are token broker events outside any attempt. Deterministic for a given seed.
import { openSync, writeSync, closeSync } from 'node:fs';

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const AAD = `<Provider Name='Microsoft-Windows-AAD' Guid='{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}'/>`;
const COMPUTER = 'PC-0042.contoso.com';
const TOKEN_URL = 'https://login.microsoftonline.com/5b2a9c4e-8d17-4f3a-b6e0-2c9d71a4f358/oauth2/token';
const USERS = [
  ['alice@contoso.com', 'S-1-12-1-1845361921-1312823535-2714839694-3462517508'],
  ['bob@contoso.com', 'S-1-12-1-3032817125-1122337809-3197655456-1090811214'],
  ['carol@contoso.com', 'S-1-12-1-2281945107-1094021880-1608447133-2307151991'],
];

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const guid = (r) => {
  const h = () => Math.floor(r() * 0x10000).toString(16).padStart(4, '0');
  return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
};

/** The System header; `provider` is the whole <Provider/> element. */
function system(provider, id, level, task, keywords, time, rid, pid, tid, channel, sid, qualifiers) {
  const eventId = qualifiers ? `<EventID Qualifiers='${qualifiers}'>${id}</EventID>` : `<EventID>${id}</EventID>`;
  return (
    `<Event xmlns='${NS}'><System>${provider}${eventId}<Version>0</Version><Level>${level}</Level><Task>${task}</Task><Opcode>0</Opcode>` +
    `<Keywords>${keywords}</Keywords><TimeCreated SystemTime='${time}'/><EventRecordID>${rid}</EventRecordID><Correlation/>` +
    `<Execution ProcessID='${pid}' ThreadID='${tid}'/><Channel>${channel}</Channel><Computer>${COMPUTER}</Computer>` +
    (sid ? `<Security UserID='${sid}'/>` : '<Security/>') +
    '</System>'
  );
}

const data = (fields) => `<EventData>${fields.map(([n, v]) => `<Data Name='${n}'>${v}</Data>`).join('')}</EventData>`;
const rendering = (message, level, task, channel, provider, keywords) =>
  `<RenderingInfo Culture='en-US'><Message>${message}</Message><Level>${level}</Level><Task>${task}</Task><Opcode>Info</Opcode>` +
  `<Channel>${channel}</Channel><Provider>${provider}</Provider><Keywords>${keywords.map((k) => `<Keyword>${k}</Keyword>`).join('')}</Keywords></RenderingInfo></Event>`;

export class EventLogGenerator {
  /** `otherShare`: the part of events from other providers (0 for an AAD-heavy log). */
  constructor(seed = 42, otherShare = 0.5) {
    this.otherShare = otherShare;
    this.r = rng(seed);
    this.ticks = BigInt(Date.parse('2026-11-01T00:00:00Z')) * 10000n;
    this.rid = { op: 100, an: 5000, sec: 180000, sys: 50000, udr: 10 };
    this.flow = [];
    this.counts = { total: 0, aad: 0, aadInFlows: 0, attempts: 0, other: 0 };
  }

  time() {
    this.ticks += BigInt(Math.floor(this.r() * 20_000_000)); // up to 2 s between events
    const whole = new Date(Number(this.ticks / 10000n)).toISOString().slice(0, 19);
    return `${whole}.${String(this.ticks % 10000000n).padStart(7, '0')}Z`;
  }

  aad(id, level, channel, fields, message, user, task = 101, pid = 812, tid = 4404) {
    const analytic = channel === 'Analytic';
    const rid = analytic ? this.rid.an++ : this.rid.op++;
    const levelName = level === 2 ? 'Error' : level === 3 ? 'Warning' : 'Information';
    const taskName = task === 101 ? 'AadCloudAPPlugin Operation' : 'AadTokenBrokerPlugin Operation';
    return (
      system(AAD, id, level, task, analytic ? '0x2000000000000000' : '0x4000000000000000', this.time(), rid, pid, tid, `Microsoft-Windows-AAD/${channel}`, user[1]) +
      (fields.length ? data(fields) : '<EventData></EventData>') +
      rendering(message, levelName, taskName, channel, 'Microsoft-Windows-AAD', analytic ? ['Analytic'] : ['Error'])
    );
  }

  /** The events of one PRT attempt, emitted one at a time between other events. */
  startFlow() {
    const r = this.r;
    const user = USERS[Math.floor(r() * USERS.length)];
    const tid = 4000 + Math.floor(r() * 4000);
    const corr = guid(r);
    const kind = r();
    const steps = [
      () => this.aad(1006, 4, 'Analytic', [], 'AadCloudAPPlugin GetToken Start', user, 101, 812, tid),
      () => this.aad(1144, 4, 'Analytic', [['value', '1'], ['Method', user[0]], ['EndpointUri', 'https://login.microsoftonline.com/common'], ['CorrelationID', 'contoso.com']],
        `Realm discovery for: ${user[0]} authority: https://login.microsoftonline.com/common fallback domain hint: contoso.com useUpn: 1`, user, 101, 812, tid),
      () => this.aad(1022, 4, 'Analytic', [['value', TOKEN_URL]], `Endpoint Uri: ${TOKEN_URL}`, user, 101, 812, tid),
    ];
    let status = '0x0';
    if (kind < 0.25) {
      const desc = `AADSTS50126: Error validating credentials due to invalid username or password.\r\nTrace ID: ${guid(r)}\r\nCorrelation ID: ${corr}\r\nTimestamp: 2026-11-20 09:13:41Z`;
      steps.push(() => this.aad(1081, 2, 'Operational', [['Error', 'invalid_grant'], ['ErrorDescription', desc], ['CorrelationID', corr]],
        `OAuth response error: invalid_grant\r\nError description: ${desc}\r\nCorrelationID: ${corr}`, user, 101, 812, tid));
      status = '0xC000006D';
    } else if (kind < 0.4) {
      steps.push(() => this.aad(1084, 2, 'Operational', [['Result', '-2147012867'], ['Target', corr]],
        `Http transport error. Status: Unknown HResult Error code: 0x80072efd Correlation ID: ${corr}`, user, 101, 812, tid));
      status = '0xC000023C';
    }
    steps.push(() => this.aad(1007, 4, 'Analytic', [['Status', status]], `AadCloudAPPlugin GetToken Stop.\r\nStatus: ${status}`, user, 101, 812, tid));
    this.counts.attempts++;
    return steps;
  }

  /** A token broker event outside any PRT attempt (WAM serving an app). */
  broker() {
    const r = this.r;
    const user = USERS[Math.floor(r() * USERS.length)];
    const warning = r() < 0.5;
    const code = warning ? '3399942154' : '3399811100';
    const info = `Operation name: GetTokenSilently, Error: -895418359 (0xcaa10009), Policy: 0, Authority: https://login.microsoftonline.com/common\r\nLogged at WebAccountProcessor.cpp, line: 652, method: WebAccountProcessor::ProcessTokenRequest.`;
    const text = warning ? 'Request throttled.' : 'Token broker operation failed.';
    return this.aad(warning ? 1097 : 1098, warning ? 3 : 2, 'Operational', [['Error', code], ['ErrorMessage', text], ['AdditionalInformation', info]],
      `Error: 0x${(Number(code) >>> 0).toString(16).toUpperCase()} ${text}\r\n${info}`, user, 103, 9316, 10000 + Math.floor(r() * 900));
  }

  other() {
    const r = this.r();
    const user = USERS[Math.floor(this.r() * USERS.length)];
    if (r < 0.2) {
      const provider = `<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/>`;
      return (
        system(provider, 4624, 0, 12544, '0x8020000000000000', this.time(), this.rid.sec++, 812, 9120, 'Security', null) +
        data([
          ['SubjectUserSid', 'S-1-5-18'], ['SubjectUserName', 'PC-0042$'], ['SubjectDomainName', 'CONTOSO'], ['SubjectLogonId', '0x3e7'],
          ['TargetUserSid', user[1]], ['TargetUserName', user[0]], ['TargetDomainName', 'AzureAD'], ['TargetLogonId', '0x5e2c1f'],
          ['LogonType', '7'], ['LogonProcessName', 'User32 '], ['AuthenticationPackageName', 'Negotiate'], ['WorkstationName', 'PC-0042'],
          ['ProcessId', '0x32c'], ['ProcessName', 'C:\\Windows\\System32\\lsass.exe'], ['IpAddress', '127.0.0.1'], ['IpPort', '0'],
        ]) +
        rendering(`An account was successfully logged on.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-5-18\r\n\tAccount Name:\t\tPC-0042$\r\n\tAccount Domain:\t\tCONTOSO\r\n\r\nLogon Type:\t\t\t7\r\n\r\nNew Logon:\r\n\tSecurity ID:\t\t${user[1]}\r\n\tAccount Name:\t\t${user[0]}\r\n\tAccount Domain:\t\tAzureAD`,
          'Information', 'Logon', 'Security', 'Microsoft Windows security auditing.', ['Audit Success'])
      );
    }
    if (r < 0.35) {
      const provider = `<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/>`;
      return (
        system(provider, 4672, 0, 12548, '0x8020000000000000', this.time(), this.rid.sec++, 812, 9120, 'Security', null) +
        data([['SubjectUserSid', 'S-1-5-18'], ['SubjectUserName', 'SYSTEM'], ['SubjectDomainName', 'NT AUTHORITY'], ['SubjectLogonId', '0x3e7'],
          ['PrivilegeList', 'SeAssignPrimaryTokenPrivilege\r\n\t\t\tSeTcbPrivilege\r\n\t\t\tSeSecurityPrivilege\r\n\t\t\tSeTakeOwnershipPrivilege']]) +
        rendering('Special privileges assigned to new logon.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-5-18\r\n\tAccount Name:\t\tSYSTEM\r\n\r\nPrivileges:\t\tSeAssignPrimaryTokenPrivilege\r\n\t\t\tSeTcbPrivilege',
          'Information', 'Special Logon', 'Security', 'Microsoft Windows security auditing.', ['Audit Success'])
      );
    }
    if (r < 0.8) {
      const provider = `<Provider Name='Service Control Manager' Guid='{555908d1-a6d7-4695-8e1e-26931d2012f4}' EventSourceName='Service Control Manager'/>`;
      return (
        system(provider, 7036, 4, 0, '0x8080000000000000', this.time(), this.rid.sys++, 724, 8820, 'System', null, '16384') +
        data([['param1', 'Windows Modules Installer'], ['param2', 'running']]) +
        rendering('The Windows Modules Installer service entered the running state.', 'Information', '', 'System', 'Microsoft-Windows-Service Control Manager', ['Classic'])
      );
    }
    const provider = `<Provider Name='Microsoft-Windows-User Device Registration' Guid='{23b8d46b-67dd-40a3-b636-d43e50552c6d}'/>`;
    return (
      system(provider, 358, 4, 0, '0x8000000000000000', this.time(), this.rid.udr++, 6212, 6288, 'Microsoft-Windows-User Device Registration/Admin', 'S-1-5-18') +
      data([['DomainJoined', 'NO'], ['AzureAdJoined', 'YES'], ['IsDcAvailable', 'NO'], ['JoinType', '0']]) +
      rendering('Windows Hello for Business provisioning will not be launched.\r\nDevice is AAD joined ( AADJ or DJ++ ): Yes\r\nUser has logged on with AAD credentials: Yes',
        'Information', 'None', 'Admin', 'Microsoft-Windows-User Device Registration', [])
    );
  }

  next() {
    const r = this.r();
    this.counts.total++;
    if (r < this.otherShare) {
      this.counts.other++;
      return this.other();
    }
    this.counts.aad++;
    if (r < this.otherShare + (1 - this.otherShare) * 0.7) {
      if (this.flow.length === 0) this.flow = this.startFlow();
      this.counts.aadInFlows++;
      return this.flow.shift()();
    }
    return this.broker();
  }
}

/** Writes `count` events to `file`; returns the generator's counts and the byte size. */
export function writeEventLog(file, count, seed = 42, otherShare = 0.5) {
  const g = new EventLogGenerator(seed, otherShare);
  const fd = openSync(file, 'w');
  let bytes = 0;
  let block = [];
  let blockChars = 0;
  for (let i = 0; i < count; i++) {
    const e = g.next() + '\r\n';
    block.push(e);
    blockChars += e.length;
    if (blockChars > 1 << 20) {
      bytes += writeSync(fd, block.join(''));
      block = [];
      blockChars = 0;
    }
  }
  // Finish the open attempt so that every attempt in the file is complete.
  while (g.flow.length > 0) {
    const e = g.flow.shift()() + '\r\n';
    g.counts.total++;
    g.counts.aad++;
    g.counts.aadInFlows++;
    block.push(e);
  }
  bytes += writeSync(fd, block.join(''));
  closeSync(fd);
  return { ...g.counts, bytes };
}

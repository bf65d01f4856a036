/**
 * The rendered messages of the AAD events (the provider's manifest, DESIGN §7), read back into
 * the payload fields the XML carries, so that a pasted message gives the same typed values as
 * event XML. Several events share a template (1097/1098/1100…, 1085/1160…); the event the PRT
 * flow uses comes first. Only English renderings are recognised without a header: a German
 * message is read when its record has an `Ereignis-ID:`.
 */
export interface MessageTemplate {
  /** The events rendered this way, the one assumed first. */
  EventIds: readonly number[];
  /** Matches the message's first line. */
  start: RegExp;
  /** The payload by position, from the whole message (LF line ends). */
  fields(message: string): string[];
}

const STATUS = /Status:\s*(.*?)\s*(?:Correlation ID:\s*(.*))?$/is;

/** `… Status: X Correlation ID: Y` → [X, Y]. */
function statusAndCorrelation(message: string): string[] {
  const m = STATUS.exec(oneLine(message));
  return m ? [m[1] ?? '', m[2] ?? ''] : [];
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/** The text after `label:` up to the next of `stops` (or the end), on any number of lines (kept, as the XML keeps them). */
function between(message: string, label: string, stops: string[]): string {
  const at = message.search(new RegExp(`${label}\\s*:`, 'i'));
  if (at === -1) return '';
  let rest = message.slice(at).replace(new RegExp(`^${label}\\s*:`, 'i'), '');
  for (const stop of stops) {
    const end = rest.search(new RegExp(`(?:^|\\n)\\s*${stop}\\s*:`, 'i'));
    if (end !== -1) rest = rest.slice(0, end);
  }
  return rest
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** 1081/1082/1083/1090: error, description, correlation id. */
function oauthFields(label: string) {
  return (message: string) => [between(message, label, ['Error description', 'CorrelationID']), between(message, 'Error description', ['CorrelationID']), between(message, 'CorrelationID', [])];
}

/** 1097/1098 (and the other `Error: %1 %2\n%3` events): code, message, additional information. */
function brokerFields(message: string): string[] {
  const lines = message.split('\n');
  const first = /^Error:\s*(0x[0-9a-f]+|-?\d+)\b\s*(.*)$/i.exec(lines[0]?.trim() ?? '');
  if (!first) return [];
  let text = first[2] ?? '';
  const info: string[] = [];
  let inInfo = false;
  // The Details tab's field names, when that view was pasted (`ErrorMessage:`, `AdditionalInformation:`).
  for (const line of lines.slice(1)) {
    const named = /^(ErrorMessage|AdditionalInformation)\s*:\s*(.*)$/i.exec(line.trim());
    if (named?.[1]?.toLowerCase() === 'errormessage') {
      text = named[2] ?? '';
      inInfo = false;
    } else if (named) {
      info.push(named[2] ?? '');
      inInfo = true;
    } else if (inInfo || line.trim() !== '' || info.length > 0) {
      info.push(line.trim());
    }
  }
  return [first[1] ?? '', text.trim(), info.join('\n').trim()];
}

export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  { EventIds: [1006], start: /^AadCloudAPPlugin GetToken Start\b/i, fields: () => [] },
  { EventIds: [1007], start: /^AadCloudAPPlugin GetToken Stop\b/i, fields: (m) => [between(m, 'Status', [])] },
  { EventIds: [1022], start: /^Endpoint Uri:/i, fields: (m) => [between(m, 'Endpoint Uri', [])] },
  {
    EventIds: [1025, 1024],
    start: /^Http request status:/i,
    fields: (m) => {
      const line = oneLine(m);
      const full = /^Http request status:\s*(.*?)\.?\s+Method:\s*(\S*)\s+Endpoint Uri:\s*(\S*)\s+Correlation ID:\s*(.*)$/i.exec(line);
      return full ? [full[1] ?? '', full[2] ?? '', full[3] ?? '', full[4] ?? ''] : [between(m, 'Http request status', [])];
    },
  },
  { EventIds: [1081], start: /^OAuth response error:/i, fields: oauthFields('OAuth response error') },
  { EventIds: [1082], start: /^Key error:/i, fields: oauthFields('Key error') },
  { EventIds: [1083], start: /^Protected key error:/i, fields: oauthFields('Protected key error') },
  { EventIds: [1090], start: /^NGC nonce response error:/i, fields: oauthFields('NGC nonce response error') },
  { EventIds: [1084], start: /^Http transport error\.\s*Status:/i, fields: statusAndCorrelation },
  { EventIds: [1085, 1160, 1161, 1162, 1163, 1164, 1165], start: /^Logon failure\.\s*Status:/i, fields: statusAndCorrelation },
  { EventIds: [1086], start: /^Get user realm failure\.\s*Status:/i, fields: statusAndCorrelation },
  { EventIds: [1087], start: /^Get credential keys failure\.\s*Status:/i, fields: statusAndCorrelation },
  { EventIds: [1088], start: /^WSTrust response error:/i, fields: (m) => [between(m, 'WSTrust response error', ['Error description']), between(m, 'Error description', [])] },
  {
    EventIds: [1093],
    start: /^NGC call \S+ returned error:/i,
    fields: (m) => {
      const x = /^NGC call (\S+) returned error:\s*(.*)$/is.exec(oneLine(m));
      return x ? [x[1] ?? '', x[2] ?? ''] : [];
    },
  },
  { EventIds: [1094], start: /^Refresh token failure\.\s*Status:/i, fields: statusAndCorrelation },
  { EventIds: [1098, 1097, 1100, 1101, 1107, 1108, 1109, 1110, 1111, 1112, 1114, 1115], start: /^Error:\s*(?:0x[0-9a-f]+|-?\d+)\b/i, fields: brokerFields },
  {
    EventIds: [1104, 1134],
    // The call's name is one word (`GenericCallPkg`) or several (`Lookup name from SID`).
    start: /^AAD Cloud AP plugin call \S.{0,80}? returned error:/i,
    fields: (m) => {
      const x = /^AAD Cloud AP plugin call (\S.{0,80}?) returned error:\s*(.*)$/is.exec(oneLine(m));
      return x ? [x[1] ?? '', x[2] ?? ''] : [];
    },
  },
  { EventIds: [1116], start: /^Get Enterprise STS OAuth Info failure\.\s*Status:/i, fields: statusAndCorrelation },
  { EventIds: [1117], start: /^Enterprise STS Refresh token failure\.\s*Status:/i, fields: statusAndCorrelation },
  { EventIds: [1118], start: /^Enterprise STS Logon failure\.\s*Status:/i, fields: statusAndCorrelation },
  {
    EventIds: [1144],
    start: /^Realm discovery for:/i,
    fields: (m) => {
      const x = /^Realm discovery for:\s*(.*?)\s+authority:\s*(.*?)\s+fallback domain hint:\s*(.*?)\s+useUpn:\s*(.*)$/is.exec(oneLine(m));
      return x ? [x[4] ?? '', x[1] ?? '', x[2] ?? '', x[3] ?? ''] : [];
    },
  },
  { EventIds: [1155], start: /^Logon with session key failure\./i, fields: statusAndCorrelation },
  { EventIds: [1159], start: /^AadCloudAPPlugin S2U logon failed\./i, fields: (m) => [between(m, 'Status', [])] },
];

/** The template a message's first line reads as, or null. */
export function templateOfLine(line: string): MessageTemplate | null {
  for (const template of MESSAGE_TEMPLATES) if (template.start.test(line)) return template;
  return null;
}

/** The template of a known event id (a record whose header named it). */
export function templateOfEvent(eventId: number): MessageTemplate | null {
  return MESSAGE_TEMPLATES.find((template) => template.EventIds.includes(eventId)) ?? null;
}

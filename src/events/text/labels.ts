/**
 * The labels of Event Viewer's "Copy details as text" and of the "Save Selected Events" .txt/.csv
 * header row, as data. English is Windows' own; the German ones were seen in public pastes
 * (both `Aufgabenkategorie` and `Taskkategorie` occur). `Log:` is a loose spelling seen in a
 * Microsoft article. Anything else is read as message text.
 */
export type HeaderKey = 'LogName' | 'Source' | 'Date' | 'EventId' | 'TaskCategory' | 'Level' | 'Keywords' | 'User' | 'Computer' | 'OpCode' | 'Description' | 'EventXml' | 'RecordId';

export const HEADER_LABELS: Readonly<Record<string, HeaderKey>> = {
  'log name': 'LogName',
  log: 'LogName',
  source: 'Source',
  date: 'Date',
  'event id': 'EventId',
  // `EventId:` / `EventID:`, one word, as people retype the label in issues and chats.
  eventid: 'EventId',
  'task category': 'TaskCategory',
  level: 'Level',
  keywords: 'Keywords',
  user: 'User',
  computer: 'Computer',
  opcode: 'OpCode',
  description: 'Description',
  'event xml': 'EventXml',
  // German (de-DE Event Viewer)
  protokollname: 'LogName',
  quelle: 'Source',
  datum: 'Date',
  'ereignis-id': 'EventId',
  aufgabenkategorie: 'TaskCategory',
  taskkategorie: 'TaskCategory',
  ebene: 'Level',
  'schlüsselwörter': 'Keywords',
  benutzer: 'User',
  beschreibung: 'Description',
  // Not seen in a public paste; the de-DE Event Viewer's name for the XML part, by analogy.
  'ereignis-xml': 'EventXml',
};

const labelAlternation = Object.keys(HEADER_LABELS)
  .sort((a, b) => b.length - a.length)
  .map((label) => label.replace(/[-\s]/g, (c) => (c === ' ' ? '\\s+' : '-')))
  .join('|');

/** `Label:  value` at the start of a line (value may be empty). */
export const HEADER_LINE = new RegExp(`^(${labelAlternation})\\s*:\\s*(.*)$`, 'i');
/** Every `Label:` inside a line, for pastes whose line breaks moved (`Event ID: 1097 Task Category: …`). */
export const HEADER_LABEL_ANYWHERE = new RegExp(`(?:^|\\s)(${labelAlternation})\\s*:`, 'gi');
/** `Event ID 1081` without a colon, as written in articles. */
export const LOOSE_EVENT_ID = /^(?:event\s+id|ereignis-id)\s+(\d{1,5})\s*$/i;

export function headerKeyOf(label: string): HeaderKey | undefined {
  return HEADER_LABELS[label.toLowerCase().replace(/\s+/g, ' ')];
}

/**
 * `Get-WinEvent | Format-List` (with or without `*`): an EventLogRecord's properties, each at the
 * start of its line, `Name : value`, continuation lines indented. Message holds the text.
 */
export const LIST_LABELS: Readonly<Record<string, HeaderKey>> = {
  timecreated: 'Date',
  providername: 'Source',
  id: 'EventId',
  message: 'Description',
  logname: 'LogName',
  leveldisplayname: 'Level',
  machinename: 'Computer',
  userid: 'User',
  taskdisplayname: 'TaskCategory',
  opcodedisplayname: 'OpCode',
  recordid: 'RecordId',
};
/** Get-WinEvent's default table: `ProviderName: …` above each group, then its column heads and rules. */
export const TABLE_GROUP = /^ProviderName:\s*(\S.*)$/;
export const TABLE_HEAD = /^TimeCreated\s+Id\s+LevelDisplayName\s+Message$/;
export const TABLE_RULE = /^-+\s+-+\s+-+\s+-+$/;
/** A row: the time (any culture's format), the id, the level, the message's start (cut with `...`). */
export const TABLE_ROW = /^(.*?(?:\d|[AP]M))\s+(\d{1,5})\s+(\S+)\s+(.*)$/i;
/** A property line of Format-List: the name at the very start, padded to the colon. */
export const LIST_LINE = /^([A-Za-z]+) *: ?(.*)$/;

/** Event Viewer's level names → the XML's numbers. */
const LEVELS: Readonly<Record<string, number>> = {
  critical: 1,
  error: 2,
  warning: 3,
  information: 4,
  verbose: 5,
  kritisch: 1,
  fehler: 2,
  warnung: 3,
  informationen: 4,
  ausführlich: 5,
};

export function levelOf(text: string | null): number | null {
  if (text === null) return null;
  return LEVELS[text.trim().toLowerCase()] ?? null;
}

/** The AAD provider's task names (its manifest) → task numbers. */
export function taskOf(text: string | null): number | null {
  if (text === null) return null;
  const name = text.trim().toLowerCase();
  if (name === 'aadcloudapplugin operation') return 101;
  if (name === 'aadtokenbrokerplugin operation') return 103;
  return null;
}

/** The header row of a "Save Selected Events" .txt (tab) or .csv (comma) file. */
export const DELIMITED_HEADER = /^\uFEFF?"?(?:Level|Keywords)"?([\t,])"?Date and Time"?\1"?Source"?\1"?Event ID"?\1"?Task Category"?/i;

import type { TextSourceFormat } from '../types.js';
import type { HeaderKey } from './labels.js';
import type { MessageTemplate } from './messages.js';

/** A record as the readers of pasted text hand it on, before its fields are parsed (record.ts). */
export interface RawRecord {
  format: TextSourceFormat;
  header: Partial<Record<HeaderKey, string>>;
  /** The message, line by line. */
  body: string[];
  /** The `Event Xml:` part, when the copy had one. */
  xml: string[] | null;
  /** The AAD message template its message starts with, if any. */
  template: MessageTemplate | null;
  /** 1-based, in the order the file holds the records. */
  position: number;
}

/** A raw record, or a record that had to be skipped (too large). */
export type RawItem = { record: RawRecord } | { skipped: { position: number; why: string } };

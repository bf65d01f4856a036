import type { Writable } from 'node:stream';

export interface Style {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  green: (text: string) => string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** Colour only for a terminal that wants it (https://no-color.org). */
export function wantsColour(stream: Writable, env: Record<string, string | undefined>): boolean {
  const tty = (stream as Writable & { isTTY?: boolean }).isTTY === true;
  return tty && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function styleFor(stream: Writable, env: Record<string, string | undefined>): Style {
  if (!wantsColour(stream, env)) return { bold: plain, dim: plain, red: plain, yellow: plain, green: plain };
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39) };
}

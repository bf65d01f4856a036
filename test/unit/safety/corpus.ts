// The hostile corpus (test/fixtures/hostile/): escape sequences and planted secrets, read once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../fixtures/hostile');

export const hostileStrings: Record<string, string> = JSON.parse(readFileSync(join(root, 'escapes/strings.json'), 'utf8')).Strings;

export interface PlantedSecret {
  Name: string;
  Label: string;
  Marker: string;
  Text: string;
}

export const plantedSecrets: PlantedSecret[] = JSON.parse(readFileSync(join(root, 'secrets/planted.json'), 'utf8')).Secrets;

/** Every hostile string in one. */
export const allEscapes = Object.values(hostileStrings).join('|');

/** Raw control characters a terminal acts on: C0 but tab and newline (CR too), DEL, C1. */
export const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Raw control characters in an output; a Windows line end (CRLF) is a line end. */
export function rawControlsIn(text: string): string[] {
  return [...text.replace(/\r\n/g, '\n').matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)].map((m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}`);
}

export const markersIn = (text: string) => plantedSecrets.filter((secret) => text.includes(secret.Marker)).map((secret) => secret.Name);

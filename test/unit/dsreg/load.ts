import { readFileSync } from 'node:fs';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import type { DsregReport } from '../../../src/dsreg/types.js';
import { fieldValue, findSection } from '../../../src/dsreg/values.js';

const FIXTURES = new URL('../../fixtures/dsregcmd/', import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(name, FIXTURES));
}

/** Reads a fixture the way the files host does: bytes → decode → parse. */
export function loadFixture(name: string): DsregReport {
  const { text, encoding } = decodeCapture(fixtureBytes(name));
  return parseDsregcmd(text, { source: name, encoding });
}

/** `value(report, 'SSO State', 'AzureAdPrt')`: the value by `fieldValue`'s rule (empty/UNKNOWN → null). */
export function value(report: DsregReport, section: string, field: string): string | null {
  return fieldValue(findSection(report, section), field);
}

export function sectionNames(report: DsregReport): string[] {
  return report.Sections.map((s) => s.Name);
}

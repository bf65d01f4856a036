import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getStatus } from '../../../src/app/status.js';
import { createHost } from '../../../src/host/create.js';
import { Redactor } from '../../../src/safety/redact.js';
import { redactPath } from '../../../src/safety/redact-files.js';
import { statusVerdict } from './verdicts.js';

const fixtures = join(import.meta.dirname, '../../fixtures/dsregcmd');
const work = mkdtempSync(join(tmpdir(), 'prt-redact-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const files = createHost({ ...process.env, PRT_FORCE_LIVE: '' }, 'linux');
const now = new Date('2026-11-20T10:00:00Z');

const captures = readdirSync(fixtures).filter((name) => !['empty.txt', 'not-dsregcmd.txt', 'truncated.txt'].includes(name));

describe('redaction of dsregcmd captures', () => {
  it.each(captures)('%s diagnoses the same once redacted', async (name) => {
    const input = join(fixtures, name);
    const result = await redactPath(input, work);
    const before = await getStatus(files, { input, now });
    const after = await getStatus(files, { input: result.Path, now });
    expect(statusVerdict(after)).toEqual(statusVerdict(before));
    expect(statSync(result.MapPath).mode & 0o077).toBe(0);
  });

  it('replaces every identifier of a capture and keeps Microsoft endpoints, codes and times', async () => {
    const result = await redactPath(join(fixtures, 'missing-prt-0xc000006d-aadsts50126.txt'), work);
    const text = readFileSync(result.Path, 'utf8');
    for (const real of ['CTS-LT-31188', 'lena.hoffmann', 'contoso', 'Contoso', '5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13', 'f06b2d94-8e13-4c7a-b5d0-39a1e7c84f62', 'C5E82A1F47D03B96E8A15C2D0F7B49E63A18D5C0', '2b9e41c7-0f6d-4a38-9e15-c70d83f2a6b9', '3b81f6c0-2d95-47ae-80c3-f4e9a25b7d16']) {
      expect(text, real).not.toContain(real);
    }
    for (const kept of ['login.microsoftonline.com', 'enterpriseregistration.windows.net', 'enrollment.manage.microsoft.com', '0xc000006d', 'AADSTS50126', 'invalid_grant', '2026-09-18 20:20:09.760 UTC', 'DEVICE-1', 'user1@domain1.example']) {
      expect(text, kept).toContain(kept);
    }
    const map = JSON.parse(readFileSync(result.MapPath, 'utf8'));
    expect(map.Entries).toContainEqual({ Kind: 'Device', Pseudonym: 'DEVICE-1', Real: 'CTS-LT-31188' });
  });

  it('gives one real value one pseudonym, whatever its case and wherever it appears', () => {
    const redactor = new Redactor();
    const a = redactor.text('maja@contoso.com on https://sts.contoso.com/adfs/ls and 10.1.2.3, id 2B9E41C7-0F6D-4A38-9E15-C70D83F2A6B9');
    const b = redactor.text('MAJA@Contoso.com from 10.1.2.3, id 2b9e41c7-0f6d-4a38-9e15-c70d83f2a6b9, sid S-1-5-21-1004336348-1177238915-682003330-512');
    expect(a).toBe('user1@domain1.example on https://host1.domain1.example/adfs/ls and 192.0.2.1, id 00000000-0000-4000-8000-000000000001');
    expect(b).toBe('user1@domain1.example from 192.0.2.1, id 00000000-0000-4000-8000-000000000001, sid S-1-5-21-0-0-0-1001');
  });

  it('keeps a device pseudonym in front of its domain in a fully qualified name', async () => {
    const result = await redactPath(join(fixtures, 'hybrid-enterprise-diag-msis.txt'), work);
    const text = readFileSync(result.Path, 'utf8');
    expect(/Device Name : (.*)/.exec(text)?.[1]).toMatch(/^DEVICE-1\.(host\d+\.)?domain\d+\.example$/);
  });

  it('leaves error codes, times, file names and versions alone', () => {
    const text = '0xC000006D -1073741715 3221225581 AADSTS50126 MSIS7068 12029 2026-11-20T09:13:40.4242555Z report.json WebAccountProcessor.cpp 10.0.19045.3803 HTTP 400';
    expect(new Redactor().text(text)).toBe(text);
  });
});

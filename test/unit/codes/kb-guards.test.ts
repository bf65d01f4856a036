import { describe, expect, test } from 'vitest';
import { FAMILIES, SOURCES, decodeCode, isExplainError } from '../../../src/codes/index.js';
import { TABLES } from '../../../src/codes/kb/index.js';
import { canonicalCode, entryId } from '../../../src/codes/identity.js';
import { registry } from '../../../src/codes/registry.js';
import type { Family } from '../../../src/codes/types.js';

const entries = () => registry().entries;

/** The 20 codes of Step 3 of the PRT checklist. */
const CHECKLIST: readonly (readonly [string, string])[] = [
  ['STATUS_LOGON_FAILURE', 'NTSTATUS:0xc000006d'],
  ['STATUS_WRONG_PASSWORD', 'NTSTATUS:0xc000006a'],
  ['STATUS_REQUEST_NOT_ACCEPTED', 'NTSTATUS:0xc00000d0'],
  ['STATUS_NETWORK_UNREACHABLE', 'NTSTATUS:0xc000023c'],
  ['STATUS_BAD_NETWORK_PATH', 'NTSTATUS:0xc00000be'],
  ['STATUS_UNEXPECTED_NETWORK_ERROR', 'NTSTATUS:0xc00000c4'],
  ['STATUS_NO_SUCH_LOGON_SESSION', 'NTSTATUS:0xc000005f'],
  ['AAD_CLOUDAP_E_OAUTH_USERNAME_IS_MALFORMED', 'CloudAP plug-in:0xc004844c'],
  ['AAD_CLOUDAP_E_OAUTH_USER_SID_IS_EMPTY', 'CloudAP plug-in:0xc0048442'],
  ['AAD_CLOUDAP_E_WSTRUST_SAML_TOKENS_ARE_EMPTY', 'CloudAP plug-in:0xc00484c1'],
  ['AAD_CLOUDAP_E_HTTP_PASSWORD_URI_IS_EMPTY', 'CloudAP plug-in:0xc004848b'],
  ['AAD_CLOUDAP_E_HTTP_CERTIFICATE_URI_IS_EMPTY', 'CloudAP plug-in:0xc004848c'],
  ['WC_E_DTDPROHIBITED', 'XML:0xc00cee4f'],
  ['AADSTS50155', 'AADSTS:50155'],
  ['AADSTS50034', 'AADSTS:50034'],
  ['AADSTS50126', 'AADSTS:50126'],
  ['ERROR_WINHTTP_TIMEOUT', 'WinHTTP:0x00002ee2'],
  ['ERROR_WINHTTP_NAME_NOT_RESOLVED', 'WinHTTP:0x00002ee7'],
  ['ERROR_WINHTTP_CANNOT_CONNECT', 'WinHTTP:0x00002efd'],
  ['ERROR_WINHTTP_CONNECTION_ERROR', 'WinHTTP:0x00002efe'],
];

const byId = (id: string) => registry().byId.get(id);

describe('the checklist codes', () => {
  test.each(CHECKLIST)('%s is present with causes and solutions', (_name, id) => {
    const e = byId(id);
    expect(e).toBeDefined();
    expect(e!.Causes.length).toBeGreaterThan(0);
    expect(e!.Solutions.length).toBeGreaterThan(0);
    expect(e!.Evidence.length).toBeGreaterThan(0);
  });

  test.each(CHECKLIST)('%s decodes from its name to its identity', (name, id) => {
    const r = decodeCode(name);
    expect(isExplainError(r) ? r.Error.Id : r.Id).toBe(id);
  });

  test('each checklist code has its own causes and solutions', () => {
    const texts = CHECKLIST.map(([, id]) => JSON.stringify([byId(id)!.Causes, byId(id)!.Solutions]));
    expect(new Set(texts).size).toBe(CHECKLIST.length);
  });

  test('no checklist code repeats a cause or a solution', () => {
    for (const [, id] of CHECKLIST) {
      const e = byId(id)!;
      expect(new Set(e.Causes).size).toBe(e.Causes.length);
      expect(new Set(e.Solutions).size).toBe(e.Solutions.length);
    }
  });

  test('the logon statuses point to the server error events 1081, 1088 and the URL event 1022', () => {
    for (const id of ['NTSTATUS:0xc000006d', 'NTSTATUS:0xc000006a', 'NTSTATUS:0xc00000d0']) {
      expect(byId(id)!.Evidence.map((e) => e.EventId)).toEqual(expect.arrayContaining([1081, 1088, 1022]));
    }
  });

  test('the network statuses point to event 1084 and chain to the WinHTTP catalog', () => {
    for (const id of ['NTSTATUS:0xc000023c', 'NTSTATUS:0xc00000be', 'NTSTATUS:0xc00000c4']) {
      const e = byId(id)!;
      expect(e.Evidence.some((x) => x.EventId === 1084 && x.Channel === 'Microsoft-Windows-AAD/Operational')).toBe(true);
      expect(e.Related).toContainEqual(expect.objectContaining({ Code: 'WinHTTP', Kind: 'Catalog' }));
    }
  });

  test('STATUS_LOGON_FAILURE chains to the AADSTS server error of event 1081', () => {
    expect(byId('NTSTATUS:0xc000006d')!.Related).toContainEqual(expect.objectContaining({ Code: 'AADSTS', Kind: 'Catalog' }));
  });

  test('the UPN problems point to event 1144 in the Analytic channel', () => {
    for (const id of ['NTSTATUS:0xc000005f', 'CloudAP plug-in:0xc004844c', 'AADSTS:50034']) {
      expect(byId(id)!.Evidence).toContainEqual(expect.objectContaining({ Channel: 'Microsoft-Windows-AAD/Analytic', EventId: 1144 }));
    }
  });

  test('the WS-Trust error points to event 1088', () => {
    expect(byId('CloudAP plug-in:0xc00484c1')!.Evidence[0]).toMatchObject({ Channel: 'Microsoft-Windows-AAD/Operational', EventId: 1088 });
  });

  test('the WinHTTP codes point to events 1084 and 1022', () => {
    for (const id of CHECKLIST.slice(16).map(([, x]) => x)) {
      expect(byId(id)!.Evidence.map((e) => e.EventId)).toEqual([1084, 1022]);
    }
  });

  test('0x800484c1 is recorded as a known spelling of the WS-Trust error', () => {
    expect(byId('CloudAP plug-in:0xc00484c1')!.Variants).toEqual([0x800484c1]);
  });
});

describe('identities', () => {
  test.each(Object.entries(TABLES))('table %s has no duplicate identity', (_name, table) => {
    const ids = table.map(entryId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('no value is claimed by two identities', () => {
    expect(registry().conflicts).toEqual([]);
  });

  test('every identity decodes back to itself from its canonical spelling', () => {
    const failures = entries().filter((e) => {
      const r = decodeCode(canonicalCode(e));
      return isExplainError(r) || r.Id !== e.Id;
    });
    expect(failures.map((e) => e.Id)).toEqual([]);
  });

  test('every decoded entry has a DocUrl that is null or an https URL', () => {
    const bad = entries().map((e) => decodeCode(canonicalCode(e))).filter((r) => {
      if (isExplainError(r) || r.DocUrl === null) return false;
      try {
        return new URL(r.DocUrl).protocol !== 'https:';
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
  });

  test('every symbolic name decodes to a known code', () => {
    const failures = entries().flatMap((e) => [e.Name, ...e.Aliases]).filter((n): n is string => !!n).filter((n) => {
      const r = decodeCode(n);
      return isExplainError(r) || !r.Known;
    });
    expect(failures).toEqual([]);
  });
});

describe('catalog sizes (measured against the public pages; the floors are what we reached)', () => {
  const count = (family: Family) => entries().filter((e) => e.Family === family).length;

  test.each([
    ['AADSTS', 350],
    ['Web account/ADAL', 307],
    ['WinHTTP', 55],
    ['NTSTATUS', 50],
    ['OAuth', 23],
    ['Win32', 20],
    ['DSREG', 23],
    ['HRESULT', 65],
    ['TPM', 90],
    ['AD FS', 22],
    ['CloudAP plug-in', 5],
    ['XML', 1],
  ] as const)('%s has at least %i codes', (family, floor) => {
    expect(count(family)).toBeGreaterThanOrEqual(floor);
  });

  test('every family has codes', () => {
    expect(FAMILIES.filter((f) => count(f) === 0)).toEqual([]);
  });

  test('the WinHTTP Error Messages page gives 48 codes and winhttp.h 7 more', () => {
    expect(TABLES.winhttp!.filter((e) => e.Source === 'winhttp-error-messages')).toHaveLength(48);
    expect(TABLES.winhttp!.filter((e) => e.Source === 'winhttp-header')).toHaveLength(7);
  });

  test('the WebProviderError tables give 305 codes', () => {
    expect(TABLES.webAccount!.filter((e) => e.Source === 'web-provider-error')).toHaveLength(305);
  });

  test('the AADSTS table has 350 codes, 257 of them with a symbolic name', () => {
    expect(TABLES.aadsts).toHaveLength(350);
    expect(TABLES.aadsts!.filter((e) => e.Name !== null)).toHaveLength(257);
  });

  test('WinHTTP numbers stay within 12001-12192', () => {
    expect(TABLES.winhttp!.every((e) => e.Value! >= 12001 && e.Value! <= 12192)).toBe(true);
  });

  test('every web account code carries a 0x?AA facility', () => {
    expect(TABLES.webAccount!.every((e) => ((e.Value! >>> 20) & 0x3ff) === 0x0aa)).toBe(true);
  });
});

describe('links and sources', () => {
  const familySet = new Set<string>(FAMILIES);

  test('every Related code resolves to a known code', () => {
    const broken = entries().flatMap((e) => e.Related.filter((r) => r.Kind === 'Code').map((r) => ({ from: e.Id, to: r.Code })))
      .filter(({ to }) => {
        const r = decodeCode(to);
        return isExplainError(r) || !r.Known;
      });
    expect(broken).toEqual([]);
  });

  test('every Related catalog is a family with codes', () => {
    const broken = entries().flatMap((e) => e.Related.filter((r) => r.Kind === 'Catalog').map((r) => r.Code))
      .filter((code) => !familySet.has(code) || !entries().some((e) => e.Family === code));
    expect(broken).toEqual([]);
  });

  test('every Related entry says why', () => {
    expect(entries().flatMap((e) => e.Related).filter((r) => r.Why.trim().length < 10)).toEqual([]);
  });

  test('every DocUrl is an https URL', () => {
    const bad = entries().map((e) => e.DocUrl).filter((u): u is string => typeof u === 'string').filter((u) => {
      try {
        return new URL(u).protocol !== 'https:';
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
  });

  test('every AADSTS DocUrl is the error lookup page of its own code', () => {
    const bad = entries().filter((e) => e.Family === 'AADSTS' && e.DocUrl !== `https://login.microsoftonline.com/error?code=${e.Value}`);
    expect(bad.map((e) => e.Id)).toEqual([]);
  });

  test('every source has an https URL and a note on how it was checked', () => {
    for (const s of Object.values(SOURCES)) {
      expect(new URL(s.Url).protocol).toBe('https:');
      expect(s.Note.length).toBeGreaterThan(20);
    }
  });

  test('every entry names a known source', () => {
    expect(entries().filter((e) => !(e.Source in SOURCES)).map((e) => e.Id)).toEqual([]);
  });

  test('every evidence pointer uses a known channel and an event id only for event channels', () => {
    const bad = entries().flatMap((e) => e.Evidence).filter((ev) => (ev.Channel === 'dsregcmd') !== (ev.EventId === null));
    expect(bad).toEqual([]);
  });

  test('every entry has a summary that is a sentence', () => {
    expect(entries().filter((e) => !/^\S.{8,}[.)]$/s.test(e.Summary)).map((e) => e.Id)).toEqual([]);
  });
});

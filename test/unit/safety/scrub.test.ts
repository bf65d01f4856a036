import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/app/diagnose.js';
import { soapText } from '../../../src/events/aad.js';
import { createHost } from '../../../src/host/create.js';
import { scrubDeep, scrubText } from '../../../src/safety/scrub.js';
import { plantedSecrets } from './corpus.js';

describe('the scrubber', () => {
  it.each(plantedSecrets.map((secret) => [secret.Name, secret] as const))('removes a planted %s and says what it was', (_name, secret) => {
    const scrubbed = scrubText(secret.Text);
    expect(scrubbed).not.toContain(secret.Marker);
    expect(scrubbed).toContain(secret.Label);
  });

  it('removes the secrets escaped inside an event text as well', () => {
    for (const secret of plantedSecrets) {
      const escaped = secret.Text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(scrubText(escaped), secret.Name).not.toContain(secret.Marker);
    }
  });

  it('scrubs a SOAP password before its tags can be stripped: nothing of it survives as text', () => {
    const soap = '<s:Envelope><s:Header><o:Security><o:UsernameToken><o:Password>Hunter2-Planted</o:Password></o:UsernameToken></o:Security></s:Header><s:Body/></s:Envelope>';
    expect(soapText(soap)).toContain('Hunter2-Planted'); // what happened before: tags stripped, the password left as text
    expect(soapText(scrubText(soap))).not.toContain('Hunter2-Planted');
  });

  it('never removes a JSON member named Code, nor short OAuth codes of our own', () => {
    const report = { Code: 'AADSTS50126', Codes: [{ Code: '0xc000006d' }], Related: [{ Code: 'invalid_grant', Why: 'the server said so' }] };
    expect(scrubDeep(report)).toEqual(report);
    expect(scrubText(JSON.stringify(report))).toBe(JSON.stringify(report));
  });

  it('keeps what support needs: ids, UPNs, codes, URLs, times, thumbprints', () => {
    const text = [
      'Correlation ID: 4f8a2c61-d93e-4b07-a5c1-7e60b2d94f18 User Identity : maja.lindqvist@contoso.com',
      'Attempt Status : 0xc000006d  Server Error Code : invalid_grant  AADSTS50126: Error validating credentials due to invalid username or password.',
      'Endpoint URI : https://login.microsoftonline.com/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13/oauth2/token',
      'Thumbprint : 7A0E4C9B2D18F63E5A90C7B1D24E8F06A3B5C92D  error code=0x80072ee7  Credential Type : Password',
      'Previous Prt Attempt : 2026-09-18 20:20:09.760 UTC  <Security UserID=\'S-1-5-18\'/>  GetToken Start',
    ].join('\n');
    expect(scrubText(text)).toBe(text);
  });

  it('changes nothing in a clean run: every dsregcmd and event fixture is left as it was', () => {
    const root = join(import.meta.dirname, '../../fixtures');
    for (const folder of ['dsregcmd', 'events']) {
      for (const name of readdirSync(join(root, folder)).filter((file) => /\.(txt|xml)$/.test(file))) {
        const text = readFileSync(join(root, folder, name), folder === 'events' && /utf16/.test(name) ? 'utf16le' : 'utf8');
        expect(scrubText(text), `${folder}/${name}`).toBe(text);
      }
    }
  });

  it('loses no code, id or time of a clean diagnosis: every event fixture with its capture, before and after', async () => {
    const files = createHost({ ...process.env, PRT_FORCE_LIVE: '' }, 'linux');
    const root = join(import.meta.dirname, '../../fixtures');
    const events = readdirSync(join(root, 'events')).filter((name) => /\.xml$/.test(name) && !/malformed|truncated|with-dtd/.test(name)).map((name) => join(root, 'events', name));
    const diagnosis = await diagnose(files, { dsregcmd: join(root, 'dsregcmd/missing-prt-0xc000006d-aadsts50126.txt'), events, now: new Date('2026-11-20T10:00:00Z') });
    // Enough attempts, with and without server errors, for the comparison to mean something.
    expect(diagnosis.Attempts.length).toBeGreaterThanOrEqual(5);
    expect(scrubDeep(diagnosis)).toEqual(diagnosis);
  });
});

describe('the scrubber at the edges of its rules', () => {
  it('names a removed password, secret or token by its field', () => {
    expect(scrubText('pwd=Planted1&passwd=Planted2&client_secret=Planted3&id_token=Planted4')).toBe(
      'pwd=[password removed]&passwd=[password removed]&client_secret=[secret removed]&id_token=[token removed]',
    );
  });

  it('removes the short JSON members prt and tgt and the query fields of the same name, but not the word in text', () => {
    expect(scrubText('{"prt": "PlantedPrt1", "tgt":"PlantedTgt2", "Name": "prt"}')).toBe('{"prt": "[token removed]", "tgt":"[token removed]", "Name": "prt"}');
    expect(scrubText('GET /x?a=1&prt=PlantedPrt3&tgt=PlantedTgt4 HTTP/1.1')).toBe('GET /x?a=1&prt=[token removed]&tgt=[token removed] HTTP/1.1');
    expect(scrubText('prt=cached tgt: yes')).toBe('prt=cached tgt: yes');
  });

  it('removes an OAuth authorization code from 16 characters on, in JSON and in a query, and keeps shorter ones', () => {
    const code16 = 'AbCdEfGh12345678';
    expect(scrubText(`{"code": "${code16}"}`)).toBe('{"code": "[authorization code removed]"}');
    expect(scrubText(`{"code": "${code16.slice(1)}"}`)).toBe(`{"code": "${code16.slice(1)}"}`);
    expect(scrubText(`{"Code": "${code16}"}`)).toBe(`{"Code": "${code16}"}`);
    expect(scrubText(`https://x/cb?code=${code16}&state=1`)).toBe('https://x/cb?code=[authorization code removed]&state=1');
    expect(scrubText(`https://x/cb?code=${code16.slice(1)}&state=1`)).toBe(`https://x/cb?code=${code16.slice(1)}&state=1`);
  });

  it('removes cookies, proxy credentials and device credentials whatever follows on the line, and only that line', () => {
    const text = ['Cookie: esctx=PlantedCookie1; x=1', 'Set-Cookie: fpc=PlantedCookie2', 'Proxy-Authorization: Basic PlantedProxy3', '"x-ms-DeviceCredential": "PlantedDevice4"', 'Attempt Status : 0xc000006d'].join('\n');
    expect(scrubText(text)).toBe(
      ['Cookie: [cookie removed]', 'Set-Cookie: [cookie removed]', 'Proxy-Authorization: [credential removed]', '"x-ms-DeviceCredential": [prt cookie removed]', 'Attempt Status : 0xc000006d'].join('\n'),
    );
  });

  it('removes an MSA refresh token', () => {
    const token = `M.C512_BAY.0.U.${'-CqWnOp1PlantedMsaRefresh!*$'.repeat(2)}`;
    expect(scrubText(`rt ${token} end`)).toBe('rt [refresh token removed] end');
  });

  it('takes a run of 200 base64 characters for encoded data, and keeps a run of 199', () => {
    const run = (n: number) => 'Ab0+/_-'.repeat(40).slice(0, n);
    expect(scrubText(`blob ${run(200)}== end`)).toBe('blob [encoded data removed] end');
    expect(scrubText(`blob ${run(199)} end`)).toBe(`blob ${run(199)} end`);
    expect(scrubText(run(200))).toBe('[encoded data removed]');
  });

  it('leaves numbers, booleans and nulls of a document alone and does not change the document it was given', () => {
    const document = { Reply: 'password=Planted1', Count: 2, Ok: true, Missing: null, List: ['Bearer PlantedToken99', 7] };
    expect(scrubDeep(document)).toEqual({ Reply: 'password=[password removed]', Count: 2, Ok: true, Missing: null, List: ['Bearer [token removed]', 7] });
    expect(document.Reply).toBe('password=Planted1');
  });
});

describe('the scrubber on markup', () => {
  it('says what it removed from markup escaped inside a text', () => {
    expect(scrubText('fault: &lt;o:Password Type="x"&gt;Hunter2Planted&lt;/o:Password&gt; end')).toBe('fault: &lt;o:Password Type="x"&gt;[password removed]&lt;/o:Password&gt; end');
  });

  it('keeps the times of a WS-Security header that holds no credential', () => {
    const header = '<o:Security s:mustUnderstand="1"><u:Timestamp u:Id="_0"><u:Created>2026-11-20T09:13:40.424Z</u:Created><u:Expires>2026-11-20T09:18:40.424Z</u:Expires></u:Timestamp></o:Security>';
    expect(scrubText(header)).toBe(header);
    // Longer than 200 characters too: length alone does not send a text through the rules.
    const envelope = `<s:Header><a:Action s:mustUnderstand="1">http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue</a:Action>${header}</s:Header>`;
    expect(envelope.length).toBeGreaterThan(200);
    expect(scrubText(envelope)).toBe(envelope);
  });
});

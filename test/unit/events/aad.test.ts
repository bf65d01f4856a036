import { describe, expect, it } from 'vitest';
import {
  AAD_EVENTS, networkErrorOf, pluginErrorOf, realmDiscoveryOf, serverErrorOf, soapText, statusOf, tokenBrokerErrorOf, upnOf, urlOf, winHttpErrorOf,
} from '../../../src/events/aad.js';
import type { AadEvent } from '../../../src/events/types.js';
import { data, ev, readFixture } from './helpers.js';

const byId = (events: AadEvent[], id: number): AadEvent => {
  const found = events.find((e) => e.EventId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe('AAD_EVENTS', () => {
  it('describes every event the attempts read, with its channel', () => {
    expect(Object.keys(AAD_EVENTS).map(Number)).toEqual([1006, 1007, 1022, 1081, 1084, 1088, 1097, 1098, 1104, 1144]);
    expect(AAD_EVENTS[1081]?.Channel).toBe('Operational');
    expect(AAD_EVENTS[1144]?.Channel).toBe('Analytic');
  });

  it('records that 1144 keeps the UPN in the field named Method', () => {
    expect(AAD_EVENTS[1144]?.Fields[1]).toEqual({ Name: 'Method', Holds: 'UPN' });
  });
});

describe('statusOf (1007)', () => {
  it('gives lowercase 8-digit hex for each spelling of the status', () => {
    for (const spelling of ['0xC000006D', '-1073741715', '3221225581', '0xc000006d']) {
      expect(statusOf(ev({ EventId: 1007, at: 0, Data: data(spelling) }))).toBe('0xc000006d');
    }
  });

  it('pads success to 0x00000000', () => {
    expect(statusOf(ev({ EventId: 1007, at: 0, Data: data('0x0') }))).toBe('0x00000000');
  });

  it('falls back to the hex code of the rendered message when the payload is missing', () => {
    expect(statusOf(ev({ EventId: 1007, at: 0, Message: 'AadCloudAPPlugin: GetToken beendet.\nStatus: 0xC000006D' }))).toBe('0xc000006d');
  });

  it('falls back to the last number of the message when it has no hex code', () => {
    expect(statusOf(ev({ EventId: 1007, at: 0, Message: 'GetToken Stop. Status: -1073741715' }))).toBe('0xc000006d');
  });
});

describe('serverErrorOf (1081, 1088)', () => {
  it('takes the AADSTS code, the OAuth error and the correlation id of a 1081', async () => {
    const events = (await readFixture('device-auth-failed-50155.xml')).events;
    expect(serverErrorOf(byId(events, 1081))).toEqual({
      Code: 'AADSTS50155',
      Error: 'invalid_grant',
      Description: expect.stringMatching(/^AADSTS50155: Device authentication failed\.\nTrace ID: /),
      CorrelationId: '4c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c',
      Source: 'AzureAD',
    });
  });

  it('takes the correlation id from the description when 1081 leaves it empty', async () => {
    const events = (await readFixture('wrong-password-50126.operational.xml')).events;
    expect(byId(events, 1081).Data[2]?.Value).toBe('');
    expect(serverErrorOf(byId(events, 1081)).CorrelationId).toBe('1c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c');
  });

  it('reads the text of the SOAP fault in a 1088 and names WS-Trust as the source', async () => {
    const events = (await readFixture('wstrust-id3242.xml')).events;
    expect(serverErrorOf(byId(events, 1088))).toEqual({
      Code: 'ID3242',
      Error: 's:Sender',
      Description: 'ID3242: The security token could not be authenticated or authorized.',
      CorrelationId: null,
      Source: 'WsTrust',
    });
  });

  it('finds an MSIS code in a SOAP fault and decodes the fault’s own entities', () => {
    const e = ev({ EventId: 1088, at: 0, Data: data('s:Receiver', '<s:Reason><s:Text xml:lang="en-US">MSIS7068: Access denied &amp; logged.</s:Text></s:Reason>') });
    expect(serverErrorOf(e)).toMatchObject({ Code: 'MSIS7068', Description: 'MSIS7068: Access denied & logged.' });
  });

  it('uses the OAuth error as the code when the description has no AADSTS number', () => {
    expect(serverErrorOf(ev({ EventId: 1081, at: 0, Data: data('interaction_required', 'The user must sign in again.', '') })).Code).toBe('interaction_required');
  });

  it('strips markup from a fault without Text elements', () => {
    expect(soapText('<fault><code>x</code> <reason>bad &lt;thing&gt;</reason></fault>')).toBe('x bad <thing>');
  });
});

describe('urlOf (1022), upnOf and realmDiscoveryOf (1144)', () => {
  it('reads the endpoint of a 1022', () => {
    expect(urlOf(ev({ EventId: 1022, at: 0, Data: data('https://login.microsoftonline.com/common/oauth2/token') }))).toBe('https://login.microsoftonline.com/common/oauth2/token');
  });

  it('falls back to the URL in the rendered message of a 1022', () => {
    expect(urlOf(ev({ EventId: 1022, at: 0, Message: 'Endpunkt-URI: https://sts.fabrikam.com/adfs/ls' }))).toBe('https://sts.fabrikam.com/adfs/ls');
  });

  it('reads the UPN of a 1144 from the second field, whatever its name says', () => {
    const e = ev({ EventId: 1144, at: 0, Data: [{ Name: 'value', Value: '1' }, { Name: 'Method', Value: 'alice@contoso.com' }, { Name: 'EndpointUri', Value: 'https://login.microsoftonline.com/common' }, { Name: 'CorrelationID', Value: 'contoso.com' }] });
    expect(upnOf(e)).toBe('alice@contoso.com');
    expect(realmDiscoveryOf(e)).toEqual({ Upn: 'alice@contoso.com', Authority: 'https://login.microsoftonline.com/common', DomainHint: 'contoso.com', UseUpn: '1' });
  });

  it('falls back to the address in the rendered message of a 1144', () => {
    expect(upnOf(ev({ EventId: 1144, at: 0, Message: 'Bereichsermittlung für: bob@contoso.com Autorität: https://login.microsoftonline.com/common' }))).toBe('bob@contoso.com');
  });
});

describe('networkErrorOf (1084)', () => {
  it('reads a signed HRESULT as the WinHTTP error 12029', () => {
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('-2147012867', 'c0ffee') }))).toEqual({ Code: '0x80072efd', Hex: '0x80072efd', WinHttpError: 12029, Target: 'c0ffee' });
  });

  it('keeps a raw WinHTTP number in decimal', () => {
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('12007') }))).toMatchObject({ Code: '12007', Hex: '0x00002ee7', WinHttpError: 12007 });
  });

  it('reads a hex HRESULT as the WinHTTP timeout', () => {
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('0x80072EE2') }))).toMatchObject({ Code: '0x80072ee2', WinHttpError: 12002 });
  });

  it('finds the code in a rendered status text and sees it is not WinHTTP', () => {
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('Unknown HResult Error code: 0x800484c1') }))).toMatchObject({ Code: '0x800484c1', WinHttpError: null });
  });

  it('gives null when no code can be read', () => {
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('') }))).toBeNull();
  });

  it('tells WinHTTP errors from other codes', () => {
    expect([winHttpErrorOf(12029), winHttpErrorOf(0x80072efd), winHttpErrorOf(5), winHttpErrorOf(0x80070005)]).toEqual([12029, 12029, null, null]);
  });
});

describe('tokenBrokerErrorOf (1097, 1098) and pluginErrorOf (1104)', () => {
  it('turns the decimal Error of a 1098 into hex and finds the inner code', async () => {
    const events = (await readFixture('token-broker-1098.toxml.xml')).events;
    const error = tokenBrokerErrorOf(events.filter((e) => e.EventId === 1098)[1] as AadEvent);
    expect(error).toEqual({
      EventId: 1098,
      Code: '0xcaa5001c',
      Message: 'Token broker operation failed.',
      AdditionalInformation: expect.stringMatching(/^Operation name: GetTokenSilently, Error: -895418359 \(0xcaa10009\).*\nLogged at WebAccountProcessor\.cpp, line: 652/s),
      InnerCode: '0xcaa10009',
    });
  });

  it('reads a 1097 warning the same way', () => {
    expect(tokenBrokerErrorOf(ev({ EventId: 1097, at: 0, Data: data('3399942154', 'Request throttled.', '') }))).toMatchObject({ EventId: 1097, Code: '0xcaa7000a', InnerCode: null });
  });

  it('falls back to the first line of the rendered message', () => {
    const e = ev({ EventId: 1098, at: 0, Message: 'Fehler: 0xCAA5001C Token broker operation failed.\nOperation name: GetTokenSilently' });
    expect(tokenBrokerErrorOf(e)).toMatchObject({ Code: '0xcaa5001c', Message: 'Token broker operation failed.' });
  });

  it('reads the API and result of a 1104', () => {
    expect(pluginErrorOf(ev({ EventId: 1104, at: 0, Data: data('GenericCallPkg', '3221225581') }))).toEqual({ Api: 'GenericCallPkg', Result: '0xc000006d' });
  });
});

describe('a German rendering', () => {
  it('gives the same accessor results as the English one', async () => {
    const german = (await readFixture('wrong-password-50126.de-DE.xml')).events;
    const english = (await readFixture('wrong-password-50126.utf16le-bom.xml')).events;
    expect(byId(german, 1081).Message).toMatch(/^OAuth-Antwortfehler/);
    expect(statusOf(byId(german, 1007))).toBe(statusOf(byId(english, 1007)));
    expect(serverErrorOf(byId(german, 1081))).toEqual(serverErrorOf(byId(english, 1081)));
    expect(urlOf(byId(german, 1022))).toBe(urlOf(byId(english, 1022)));
    expect(upnOf(byId(german, 1144))).toBe(upnOf(byId(english, 1144)));
  });
});

describe('the accessors at their edges', () => {
  it('statusOf reads the message when the Status field is blank, and gives null with nothing to read', () => {
    expect(statusOf(ev({ EventId: 1007, at: 0, Data: data('  '), Message: 'Status: 0xC000006D' }))).toBe('0xc000006d');
    expect(statusOf(ev({ EventId: 1007, at: 0, Data: data(' 0xC000006D ') }))).toBe('0xc000006d');
    expect(statusOf(ev({ EventId: 1007, at: 0, Message: 'GetToken Stop. Status: 0' }))).toBe('0x00000000');
    expect(statusOf(ev({ EventId: 1007, at: 0, Message: 'GetToken Stop' }))).toBeNull();
    expect(statusOf(ev({ EventId: 1007, at: 0 }))).toBeNull();
  });

  it('statusOf takes the hex code of the message before any decimal, and the last decimal otherwise', () => {
    expect(statusOf(ev({ EventId: 1007, at: 0, Message: 'Attempt 2 of 3 ended. Status: 0xC00484C1' }))).toBe('0xc00484c1');
    expect(statusOf(ev({ EventId: 1007, at: 0, Message: 'Attempt 2 of 3 ended. Status: 5' }))).toBe('0x00000005');
  });

  it('urlOf gives null for a 1022 without a URL', () => {
    expect(urlOf(ev({ EventId: 1022, at: 0, Message: 'Endpoint Uri: (none)' }))).toBeNull();
    expect(urlOf(ev({ EventId: 1022, at: 0 }))).toBeNull();
  });

  it('serverErrorOf reads the code from the message of a 1081 without payload', () => {
    const e = ev({ EventId: 1081, at: 0, Message: 'OAuth response error: invalid_grant\nError description: AADSTS50126: Error validating credentials.' });
    expect(serverErrorOf(e)).toEqual({ Code: 'AADSTS50126', Error: null, Description: null, CorrelationId: null, Source: 'AzureAD' });
  });

  it('serverErrorOf does not look in the message when the payload is there, and prefers the description’s code', () => {
    const e = ev({ EventId: 1081, at: 0, Data: data('invalid_grant', 'The grant is invalid.', ''), Message: 'AADSTS50126' });
    expect(serverErrorOf(e).Code).toBe('invalid_grant');
    const both = ev({ EventId: 1081, at: 0, Data: data('AADSTS90002', 'AADSTS50126: bad password', ''), Message: 'AADSTS70000' });
    expect(serverErrorOf(both).Code).toBe('AADSTS50126');
  });

  it('serverErrorOf reads SOAP markup in a 1081 description, and keeps a 1081’s own correlation id', () => {
    const e = ev({ EventId: 1081, at: 0, Data: data('invalid_request', '<s:Text>AADSTS90019: no tenant</s:Text>', '1c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c') });
    expect(serverErrorOf(e)).toMatchObject({ Code: 'AADSTS90019', Description: 'AADSTS90019: no tenant', CorrelationId: '1c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c' });
  });

  it('serverErrorOf takes no correlation id from the third field of a 1088, only from its text', () => {
    const e = ev({ EventId: 1088, at: 0, Data: data('s:Sender', '<s:Text>MSIS9999: x. Correlation ID: 2c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c</s:Text>', 'not-a-correlation') });
    expect(serverErrorOf(e).CorrelationId).toBe('2c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c');
    expect(serverErrorOf(ev({ EventId: 1088, at: 0, Data: data('s:Sender', 'plain', 'x') })).CorrelationId).toBeNull();
  });

  it('soapText joins several Text elements and decodes each entity once', () => {
    expect(soapText('<s:Reason><s:Text>ID3242: a</s:Text></s:Reason><s:Detail><Text xml:lang="en">b &quot;c&quot; &apos;d&apos; &amp;lt;</Text ></s:Detail>')).toBe('ID3242: a b "c" \'d\' &lt;');
    expect(soapText('  no   markup \n here ')).toBe('no markup here');
  });

  it('soapText takes only the Text of a whole SOAP 1.2 fault, with any namespace prefix', () => {
    const fault = '<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en-US">ID3242: The security token could not be authenticated or authorized.</soap:Text></soap:Reason></soap:Fault>';
    expect(soapText(fault)).toBe('ID3242: The security token could not be authenticated or authorized.');
    expect(soapText('<fault><code>x</code><reason>y</reason></fault>')).toBe('x y');
  });

  it('networkErrorOf reads the code from the message when the payload is missing', () => {
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Message: 'Http transport error. Status: 0x80072EE7 Correlation ID: x' }))).toEqual({ Code: '0x80072ee7', Hex: '0x80072ee7', WinHttpError: 12007, Target: null });
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Message: 'Http transport error.' }))).toBeNull();
  });

  it('networkErrorOf writes small hex spellings and negative or large numbers as hex', () => {
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('0x2EFD') }))).toMatchObject({ Code: '0x00002efd', WinHttpError: 12029 });
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('65535') }))?.Code).toBe('65535');
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('65536') }))?.Code).toBe('0x00010000');
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('0') }))?.Code).toBe('0');
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('-5') }))?.Code).toBe('0xfffffffb');
    expect(networkErrorOf(ev({ EventId: 1084, at: 0, Data: data('99999999999') }))).toBeNull();
  });

  it('winHttpErrorOf knows exactly 12001–12192, bare or as a FACILITY_WIN32 HRESULT', () => {
    expect([12000, 12001, 12192, 12193].map(winHttpErrorOf)).toEqual([null, 12001, 12192, null]);
    expect([0x80072ee1, 0x80072fa0, 0x80072fa1, 0x80082ee2, 0xc0072ee2, -2147012894].map(winHttpErrorOf)).toEqual([12001, 12192, null, null, null, 12002]);
  });

  it('upnOf looks in the message only when the event has no payload', () => {
    expect(upnOf(ev({ EventId: 1144, at: 0, Data: data('1', ''), Message: 'Realm discovery for: bob@contoso.com' }))).toBeNull();
    expect(upnOf(ev({ EventId: 1144, at: 0, Message: 'Realm discovery for: (none)' }))).toBeNull();
    expect(upnOf(ev({ EventId: 1144, at: 0 }))).toBeNull();
  });

  it('tokenBrokerErrorOf keeps the payload when there is one, even with a message', () => {
    const e = ev({ EventId: 1098, at: 0, Data: data('3399811100', 'Token broker operation failed.', 'Error: -895418359 (0xcaa10009)'), Message: 'Error: 0xCAA20003 other' });
    expect(tokenBrokerErrorOf(e)).toEqual({ EventId: 1098, Code: '0xcaa5001c', Message: 'Token broker operation failed.', AdditionalInformation: 'Error: -895418359 (0xcaa10009)', InnerCode: '0xcaa10009' });
  });

  it('tokenBrokerErrorOf: a message line with only the code has no message, one without a code gives nothing', () => {
    expect(tokenBrokerErrorOf(ev({ EventId: 1098, at: 0, Message: 'Error: 0xCAA5001C\nmore' }))).toMatchObject({ Code: '0xcaa5001c', Message: null });
    expect(tokenBrokerErrorOf(ev({ EventId: 1098, at: 0, Message: 'Token broker failed\n0xCAA5001C' }))).toMatchObject({ Code: null, Message: null });
  });

  it('pluginErrorOf reads the result from the message only without payload', () => {
    expect(pluginErrorOf(ev({ EventId: 1104, at: 0, Message: 'AAD Cloud AP plugin call GenericCallPkg returned error: 0xC000006D' }))).toEqual({ Api: null, Result: '0xc000006d' });
    expect(pluginErrorOf(ev({ EventId: 1104, at: 0, Data: data('GenericCallPkg', ''), Message: 'returned error: 0xC000006D' }))).toEqual({ Api: 'GenericCallPkg', Result: null });
    expect(pluginErrorOf(ev({ EventId: 1104, at: 0 }))).toEqual({ Api: null, Result: null });
  });
});

import { factOf, noFact, type DeviceFacts } from '../device/facts.js';
import type { Scenario } from './scenario.js';

/** The thumbprint src/sim/dsregcmd.ts prints: the store holds the same certificate. */
export const simulatedThumbprint = '5C1A7E0B93D24F68A1B0C7D3E9F24A6B8C0D1E2F';

/** The self-signed certificate hybrid join leaves in the computer object's userCertificate. */
export const simulatedComputerThumbprint = '9E4B2C71D05A8F36B1E7C42D9A0F5B63E8C1D27A';

/** What a healthy joined device of the scenario shows; the scenario's DeviceFacts replace whole sources. */
export function simulatedDeviceFacts(scenario: Scenario, nowMs: number): DeviceFacts {
  const device = scenario.Device;
  const hybrid = device.JoinType === 'HybridAzureAdJoined';
  const day = 86_400_000;
  const healthy: DeviceFacts = {
    Certificates: factOf([
      {
        Subject: `CN=${device.DeviceId}`,
        Issuer: 'DC=net + DC=windows + CN=MS-Organization-Access + OU=82dbaca4-3e81-46ca-9c73-0950c1eaca97',
        Thumbprint: simulatedThumbprint,
        NotBefore: '2025-03-04T08:12:44Z',
        NotAfter: '2035-03-04T08:42:44Z',
        HasPrivateKey: true,
        Provider: 'Microsoft Platform Crypto Provider',
      },
    ]),
    Tpm: factOf({ Present: true, Ready: true, Enabled: true, Owned: true, LockedOut: false, LockoutCount: 0, ManufacturerVersion: '7.2.3.1', ClearNeeded: false }),
    CdjAad: factOf(null),
    Scp: factOf(hybrid ? { TenantId: device.TenantId, TenantName: device.TenantName } : null),
    DomainController: factOf({ Domain: device.DomainName ?? '', DomainController: hybrid ? `\\\\DC01.${device.DeviceName.split('.').slice(1).join('.') || 'corp.local'}` : null, Error: hybrid ? null : 'ERROR_NO_SUCH_DOMAIN' }),
    JoinTask: factOf({ Enabled: true, LastRunTime: hybrid ? new Date(nowMs - 2 * day).toISOString() : null, LastResult: hybrid ? '0x0' : '0x41303' }),
    Clock: factOf({ Source: hybrid ? 'DC01.corp.contoso.com' : 'time.windows.com,0x9', LastSuccessfulSync: new Date(nowMs - 3_600_000).toISOString(), Synchronized: true }),
    Password: factOf({ PasswordLastSet: new Date(nowMs - 40 * day).toISOString() }),
    // Hybrid join's own certificate on the computer object, named after the device.
    ComputerObject: hybrid
      ? factOf({ SamAccountName: `${(device.DeviceName.split('.')[0] ?? device.DeviceName).toUpperCase()}$`, ObjectGuid: device.DeviceId, Certificates: [{ Subject: `CN=${device.DeviceId}`, Thumbprint: simulatedComputerThumbprint, NotAfter: '2055-03-04T08:12:44Z', Error: null }] })
      : noFact('LDAP: the local computer is not joined to a domain'),
    TpmEvents: factOf([]),
  };
  return { ...healthy, ...scenario.DeviceFacts };
}

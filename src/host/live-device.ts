import { DeviceParseError, parseCdjAad, parseCertutilStore, parseNltest, parseTaskCsv, parseTaskXmlEnabled, parseTpmtool, parseW32tm } from '../device/parse.js';
import { factOf, noFact, type DeviceFacts, type Fact } from '../device/facts.js';
import type { AdFacts } from '../device/ad-collector.js';
import { isNodeError, PrtError } from '../errors.js';
import type { DeviceHost } from './device-host.js';
import { runTool } from './process.js';
import { streamTool } from './stream-tool.js';
import { ToolExitError } from './tool-errors.js';
import { writeFileSafely } from './write-file.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const joinTaskName = '\\Microsoft\\Windows\\Workplace Join\\Automatic-Device-Join';
export const cdjAadKey = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CDJ\\AAD';

type ToolCommand = readonly [string, readonly string[]];

/** Every tool's command line, as one table: what `prt device` runs (tests assert on it). The TPM event query is built on use, in src/device/tpm-events.ts. */
export const deviceCommands = {
  certificates: ['certutil', ['-store', 'My']],
  tpm: ['tpmtool', ['getdeviceinformation']],
  cdjAad: ['reg', ['query', cdjAadKey]],
  domainController: (domain: string) => ['nltest', [`/dsgetdc:${domain}`]],
  taskXml: ['schtasks', ['/query', '/tn', joinTaskName, '/xml']],
  taskCsv: ['schtasks', ['/query', '/tn', joinTaskName, '/fo', 'csv', '/v', '/nh']],
  clock: ['w32tm', ['/query', '/status']],
  /** Windows PowerShell by full path, the collector as a file (never a command string). */
  adCollector: (script: string) => ['powershell', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script]],
} as const satisfies Record<string, ToolCommand | ((value: never) => ToolCommand)>;

/** The collector script's file name, in a fresh folder of its own under the temp folder. */
export const adCollectorFileName = 'prt-device-ad.ps1';

/** Tools print UTF-16 with a BOM when redirected (schtasks /xml) or the console code page; the labels read are ASCII either way. */
function toolText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('latin1');
}

/** A read whose failure (tool failed, missing, hung, unreadable output) becomes the reason of an Unknown. */
async function read<T>(what: string, action: () => Promise<T>): Promise<Fact<T>> {
  try {
    return factOf(await action());
  } catch (error) {
    if (error instanceof PrtError || error instanceof DeviceParseError) return noFact(`${what}: ${error.message}`);
    throw error;
  }
}

/** Writes the collector into a private temp folder (mkdtemp: new, only ours), runs it, and removes the folder whatever happens. */
async function runAdCollector(run: (command: readonly [string, readonly string[]]) => Promise<string>): Promise<AdFacts> {
  let folder: string;
  try {
    folder = mkdtempSync(join(tmpdir(), 'prt-device-'));
  } catch (error) {
    if (!isNodeError(error)) throw error;
    throw new DeviceParseError(`no temp folder for the collector script (${error.message})`);
  }
  try {
    // Loaded on use: the collector decodes codes, and `prt status` must not load the knowledge base.
    const { adCollectorScript, parseAdCollector } = await import('../device/ad-collector.js');
    const script = join(folder, adCollectorFileName);
    writeFileSafely(script, adCollectorScript, { mode: 0o600 });
    return parseAdCollector(await run(deviceCommands.adCollector(script)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function createDeviceHost(options: { live: boolean; env: NodeJS.ProcessEnv; toolTimeoutMs: number; notWindows: () => PrtError }): DeviceHost {
  const run = async ([name, args]: readonly [string, readonly string[]]) =>
    toolText((await runTool(name, args, { timeoutMs: options.toolTimeoutMs, env: options.env })).stdout);
  return {
    async readDeviceFacts({ domain }): Promise<DeviceFacts> {
      if (!options.live) throw options.notWindows();
      const [certificates, tpm, cdjAad, domainController, joinTask, clock, directory, tpmEvents] = await Promise.all([
        read('certutil -store My', async () => parseCertutilStore(await run(deviceCommands.certificates))),
        read('tpmtool getdeviceinformation', async () => parseTpmtool(await run(deviceCommands.tpm))),
        read(`reg query ${cdjAadKey}`, async () => {
          try {
            return parseCdjAad(await run(deviceCommands.cdjAad));
          } catch (error) {
            // reg exits 1 when the key does not exist: no targeted deployment, which is an answer.
            if (error instanceof ToolExitError && error.code === 1 && /unable to find/i.test(error.said)) return null;
            throw error;
          }
        }),
        domain === null
          ? Promise.resolve(noFact<never>('dsregcmd shows no domain name to ask nltest about'))
          : read(`nltest /dsgetdc:${domain}`, async () => {
              try {
                return parseNltest(await run(deviceCommands.domainController(domain)), domain);
              } catch (error) {
                // No domain controller found: nltest says so and exits non-zero; that is the answer.
                if (error instanceof ToolExitError && /Status\s*=/.test(error.said)) return parseNltest(error.said, domain);
                throw error;
              }
            }),
        read('schtasks /query Automatic-Device-Join', async () => {
          const enabled = parseTaskXmlEnabled(await run(deviceCommands.taskXml));
          return { Enabled: enabled, ...parseTaskCsv(await run(deviceCommands.taskCsv)) };
        }),
        read('w32tm /query /status', async () => parseW32tm(await run(deviceCommands.clock))),
        read('the PowerShell LDAP collector', async () => runAdCollector(run)),
        read('wevtutil qe System (TPM events)', async () => {
          // Loaded on use, like the collector: the event reader stays off `prt status`'s start-up path.
          const [{ readEvents }, { keepTpmEvents, tpmEventFacts, tpmEventQuery }] = await Promise.all([import('../events/parse.js'), import('../device/tpm-events.js')]);
          const { events } = await readEvents(streamTool('wevtutil', tpmEventQuery(new Date()), { timeoutMs: options.toolTimeoutMs, env: options.env }), { source: 'wevtutil qe System', keep: keepTpmEvents });
          return tpmEventFacts(events);
        }),
      ]);
      return {
        Certificates: certificates,
        Tpm: tpm,
        CdjAad: cdjAad,
        Scp: directory.Value?.Scp ?? noFact(directory.Reason ?? ''),
        DomainController: domainController,
        JoinTask: joinTask,
        Clock: clock,
        Password: directory.Value?.Password ?? noFact(directory.Reason ?? ''),
        ComputerObject: directory.Value?.ComputerObject ?? noFact(directory.Reason ?? ''),
        TpmEvents: tpmEvents,
      };
    },
  };
}

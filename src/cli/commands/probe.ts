import { Command, Option } from 'clipanion';
import { probeDevice } from '../../app/probe.js';
import { ExitCode, PrtError, usageError } from '../../errors.js';
import type { Cloud } from '../../probe/cloud.js';
import type { ProbeContext } from '../../probe/types.js';
import { Redactor } from '../../safety/redact.js';
import { forText } from '../../safety/sanitize.js';
import { PrtCommand } from '../command.js';
import { redactOption } from '../options.js';
import { writeJson } from '../output.js';
import { interruptSignals } from '../early-interrupts.js';
import { formatProbe } from '../present/probe-text.js';
import { styleFor } from '../present/style.js';

const clouds: readonly Cloud[] = ['Public', 'UsGovernment', 'China', 'Unknown'];

const contextsOf: Record<string, ProbeContext[]> = { system: ['System'], user: ['User'], both: ['System', 'User'] };

export class ProbeCommand extends PrtCommand {
  static override paths = [['probe']];

  static override usage = Command.Usage({
    description: 'Test the network the way the PRT request travels it: route, DNS, TCP, TLS, HTTP, clock, federation',
    details: `
      CloudAP asks Entra ID for the PRT as SYSTEM, through WinHTTP: a device whose browser works can still fail. The probe follows the route WinHTTP would take (the static proxy and its bypass list, else WPAD and its PAC file, else direct) to login.microsoftonline.com, device.login.microsoftonline.com, enterpriseregistration.windows.net (DRS discovery) and autologon.microsoftazuread-sso.com — or their US Government / China counterparts — and times each stage. It records the root of the TLS chain (an inspecting proxy shows up as a root Microsoft does not use), compares this clock with the servers' Date, and for a federated user reads the federation server's metadata (MEX).

      Tenant, user and cloud come from \`dsregcmd /status\` unless given. Only the cloud's public endpoints and the federation host the realm document names are contacted; no credential is ever sent (the realm lookup carries the UPN, which --redact hides in the output). Each stage times out after 5 seconds.

      On Windows, \`--as system\` and \`--as both\` run the SYSTEM side in SYSTEM's own context through a one-shot scheduled task (created, run and deleted by prt; this needs an administrator). Where the task cannot be used, SYSTEM's settings are read from prt's own process and the run says so (ContextSource, ContextNote).

      \`--as user\` follows the user's own proxy settings instead; \`--as both\` runs both and reports a difference as a finding. Findings are not errors: the exit code is 0.
    `,
    examples: [
      ['Probe as the PRT request would travel', 'prt probe'],
      ['SYSTEM and the user side by side', 'prt probe --as both'],
      ['Check federation for a given user', 'prt probe --upn ines.moreau@contoso.com'],
      ['What a simulated device behind an authenticating proxy shows', 'prt probe --simulate proxy-auth-required --json'],
    ],
  });

  as = Option.String('--as', 'system', { description: 'Whose route to follow: system (WinHTTP, as CloudAP), user (WinINet), or both' });
  upn = Option.String('--upn', { description: 'The user whose domain to check for federation (default: from dsregcmd)' });
  tenant = Option.String('--tenant', { description: 'The tenant id for the DRS discovery (default: from dsregcmd)' });
  // Given by prt to its own scheduled task as SYSTEM: not for people.
  cloud = Option.String('--cloud', { hidden: true });
  taskOutput = Option.String('--task-output', { hidden: true });
  redact = redactOption('(the UPN the realm lookup used, tenant and host names)');

  protected async run(): Promise<number> {
    const contexts = contextsOf[this.as.toLowerCase()];
    if (!contexts) throw usageError('InvalidAs', `--as takes system, user or both; got "${this.as}"`);
    if (this.upn !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(this.upn)) throw usageError('InvalidUpn', `--upn expects a user principal name such as ines.moreau@contoso.com; got "${this.upn}"`);
    if (this.cloud !== undefined && !clouds.includes(this.cloud as Cloud)) throw usageError('InvalidCloud', `--cloud takes ${clouds.join(', ')}; got "${this.cloud}"`);
    const cloud = this.cloud as Cloud | undefined;
    if (this.taskOutput !== undefined) {
      // prt's own task as SYSTEM: probe here, in this process, and leave the document where the parent waits for it.
      if (contexts.length !== 1 || contexts[0] !== 'System') throw usageError('InvalidAs', '--task-output goes with --as system only');
      const { writeFileSafely } = await import('../../host/write-file.js');
      try {
        const report = await probeDevice(this.context.host, { contexts, upn: this.upn, tenant: this.tenant, cloud, env: this.context.env, asSystemTask: true });
        writeFileSafely(this.taskOutput, `${JSON.stringify(report)}\n`, { mode: 0o600 });
        return 0;
      } catch (error) {
        // Nobody sees this process's stderr: the reason goes where the parent looks, in the error contract's shape.
        if (!(error instanceof PrtError)) throw error;
        writeFileSafely(this.taskOutput, `${JSON.stringify({ Error: { Id: error.id, Message: error.message } })}\n`, { mode: 0o600 });
        throw error;
      }
    }
    // Ctrl+C while the task as SYSTEM runs: stop waiting, remove the task and its folder, then end (exit 5).
    const controller = new AbortController();
    let taskRunning = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (taskRunning) {
        controller.abort(new PrtError('Interrupted', `prt probe was interrupted by ${signal}`, ExitCode.Interrupted, 'OperationStopped'));
        return;
      }
      // Nothing to put back: end as prt would have without this handler.
      for (const each of interruptSignals) process.off(each, onSignal);
      process.kill(process.pid, signal);
    };
    const trapping = this.context.host.kind === 'Live' && contexts.includes('System');
    if (trapping) for (const signal of interruptSignals) process.on(signal, onSignal);
    let real;
    try {
      real = await probeDevice(this.context.host, { contexts, upn: this.upn, tenant: this.tenant, cloud, env: this.context.env, signal: controller.signal, onSystemTask: (running) => { taskRunning = running; } });
    } finally {
      if (trapping) for (const signal of interruptSignals) process.off(signal, onSignal);
    }
    let shown = real;
    if (this.redact) {
      const redactor = new Redactor();
      if (real.UserPrincipalName) redactor.learnField('UserName', real.UserPrincipalName);
      shown = redactor.deep(real);
    }
    if (this.json) writeJson(this.context.stdout, shown);
    else this.context.stdout.write(formatProbe(forText(shown), styleFor(this.context.stdout, this.context.env)));
    return 0;
  }
}

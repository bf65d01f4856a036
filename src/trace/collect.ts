import { createReadStream, existsSync, mkdirSync, rmSync, writeSync } from 'node:fs';
import { openTempBeside, type PendingFile } from '../host/write-file.js';
import { dirname, join } from 'node:path';
import { getDeviceReport } from '../app/device.js';
import { getStatus } from '../app/status.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import { ExitCode, PrtError, ifPrtError } from '../errors.js';
import { aadChannels } from '../host/event-host.js';
import { scrubEventChunks } from '../safety/event-xml.js';
import { Redactor } from '../safety/redact.js';
import { redactPath } from '../safety/redact-files.js';
import { forText } from '../safety/sanitize.js';
import { scrubDeep, scrubText } from '../safety/scrub.js';
import { version } from '../version.js';
import { bundleNames, describeFiles, listBundleFiles, writeBundleJson, writeBundleText, zipBundle } from './bundle.js';
import { diagnoseBundle } from './diagnosis.js';
import { errorMessage, statusFromBytes, stepSummaries, type Session } from './engine.js';
import { analytic, lsassWarning } from './steps.js';
import { formatReportText } from './report.js';
import type { BundleOutcome, StepId, StepRecord, TraceBundleDocument, TraceState } from './types.js';
import { undoFailureText } from './undo.js';


/** The stop path: stop the traces, restore, collect, report. Not interruptible; resumable. */
export async function finish(session: Session, outcome: BundleOutcome): Promise<TraceBundleDocument> {
  const { host, state } = session;
  state.Phase = 'Stopping';
  session.save();
  // Everything put back before the export (the table of steps, backwards): the traces end, and a
  // disabled Analytic log is one Windows lets us read. A stop killed during its export had the
  // Analytic log off: that is put back here too.
  await session.undoAll();
  const bundle = state.BundlePath;
  if (bundle && existsSync(bundle)) {
    const exported = session.record('ExportEvents');
    if (exported?.Status !== 'Done' && exported?.Undo?.Status !== 'UndoFailed') {
      await session.step('ExportEvents', (record) => exportEvents(session, record, join(bundle, bundleNames.events)), { optional: true });
    }
    if (session.record('SnapshotAfter')?.Status !== 'Done') {
      await session.step(
        'SnapshotAfter',
        async () => {
          const { status, text } = await statusFromBytes(await host.runDsregcmdStatus(), host);
          writeBundleText(bundle, bundleNames.dsregcmdAfter, text.replace(/\n/g, '\r\n'));
          return `Azure AD PRT ${status.Health.toLowerCase()}${await writeDeviceChecks(host, status, bundle)}`;
        },
        { optional: true },
      );
    }
  }
  // This stop's own export, when it could not turn the Analytic log on again itself.
  await session.undoStep('ExportEvents');
  const failures = session.undoFailures();
  const document = await finalizeBundle(session, outcome, { zip: true });
  if (failures.length > 0) {
    session.save();
    throw new PrtError('UndoIncomplete', scrubText(`${undoFailureText(failures)}${bundle ? ` The bundle is in ${bundle}.` : ''}`), ExitCode.Environment, 'ResourceUnavailable');
  }
  session.clearState();
  return document;
}

/** The device checks beside the after-snapshot (`device.json`, read by `prt doctor` on the bundle); a device that cannot be read leaves them out. */
async function writeDeviceChecks(host: Session['host'], status: PrtStatus, bundle: string): Promise<string> {
  try {
    const report = await getDeviceReport(host, status);
    writeBundleJson(bundle, bundleNames.device, report);
    return `; device checks: ${report.Checks.filter((check) => check.Result === 'Fail').length} failed`;
  } catch (error) {
    if (!(error instanceof PrtError)) throw error;
    return `; device checks not read (${error.message})`;
  }
}

async function exportEvents(session: Session, record: StepRecord, folder: string): Promise<string> {
  const { host } = session;
  mkdirSync(folder, { recursive: true });
  const exported: string[] = [];
  const problems: string[] = [];
  const keepRaw = session.state.Options.KeepRawEvents === true;
  const scrub = async (channel: string, file: string) => {
    if (keepRaw) return;
    const problem = await scrubExportedEvents(session, file);
    if (problem) problems.push(`${channel}: ${problem}`);
  };
  for (const channel of aadChannels) {
    try {
      await scrub(channel, await host.exportChannel(channel, folder));
      exported.push(channel);
      continue;
    } catch (error) {
      const enabledNow = channel === analytic && (await host.isChannelEnabled(analytic).catch(ifPrtError(false)));
      if (!enabledNow) {
        problems.push(`${channel}: ${errorMessage(error)}`);
        continue;
      }
    }
    // An enabled Analytic log may refuse to be read: disable it for the export, then enable it again.
    try {
      record.Data.Reenable = true;
      session.save();
      await host.setChannelEnabled(analytic, false);
      const file = await host.exportChannel(channel, folder);
      exported.push(channel);
      await host.setChannelEnabled(analytic, true);
      record.Data.Reenable = false;
      record.Data.AnalyticCleared = true;
      session.save();
      session.emit({ Kind: 'Warning', At: session.nowIso(), Text: 'The AAD Analytic log had to be disabled to be exported, then was enabled again; enabling it cleared it (its events are in the bundle).' });
      await scrub(channel, file);
    } catch (error) {
      problems.push(`${channel}: ${errorMessage(error)}`);
    }
  }
  if (exported.length === 0) throw new Error(problems.join('; '));
  if (problems.length > 0) session.emit({ Kind: 'Warning', At: session.nowIso(), Text: `Not exported: ${problems.join('; ')}` });
  if (keepRaw) session.emit({ Kind: 'Warning', At: session.nowIso(), Text: rawEventsWarning });
  return `${exported.join(', ')} exported${keepRaw ? ' raw (--keep-raw-events)' : ', scrubbed'}`;
}

export const rawEventsWarning =
  'The AAD logs were exported raw (--keep-raw-events): they may hold tokens, cookies or passwords that servers echoed. Share this bundle only with the engineer who needs it.';

/**
 * An exported log as scrubbed event XML (DESIGN §8): the events are read back (an .evtx through
 * wevtutil on Windows), scrubbed one at a time into `<name>.xml`, and the raw export is deleted.
 * Returns what went wrong, or null; a log that cannot be scrubbed is not kept.
 */
async function scrubExportedEvents(session: Session, file: string): Promise<string | null> {
  const target = file.replace(/\.(evtx|xml)$/i, '') + '.xml';
  // Through the one safe writer's temp file: created exclusively, renamed over a regular file only.
  let pending: PendingFile | null = null;
  try {
    const source = /\.evtx$/i.test(file) ? session.host.readEventFile(file) : (createReadStream(file) as AsyncIterable<Uint8Array>);
    pending = openTempBeside(target, 0o600);
    for await (const piece of scrubEventChunks(source)) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      for (let done = 0; done < bytes.length; ) done += writeSync(pending.fd, bytes, done, bytes.length - done);
    }
    if (target !== file) rmSync(file, { force: true });
    pending.commit();
    return null;
  } catch (error) {
    pending?.abandon();
    rmSync(file, { force: true });
    return `could not be scrubbed, so it was left out (${errorMessage(error)}); --keep-raw-events keeps the raw export`;
  }
}

/** Diagnosis, report, manifest and zip: the bundle explains itself. */
export async function finalizeBundle(session: Session, outcome: BundleOutcome, options: { zip: boolean }): Promise<TraceBundleDocument> {
  const { host, state } = session;
  const bundle = state.BundlePath && existsSync(state.BundlePath) ? state.BundlePath : null;
  // Filled in by the Report step below (an object: TypeScript does not follow a closure's assignments).
  const written: { zipPath: string | null; reportPath: string | null } = { zipPath: null, reportPath: null };
  let document = bundleDocument(session, outcome, [], null, null, null);
  const work = async () => {
    if (!bundle) return null;
    const readStatus = async (name: string) => {
      const path = join(bundle, name);
      if (!existsSync(path)) return null;
      // A capture that cannot be read (a PrtError) leaves that side of the report empty.
      return getStatus(host, { input: path }).catch(ifPrtError(null));
    };
    const before = await readStatus(bundleNames.dsregcmdBefore);
    const after = await readStatus(bundleNames.dsregcmdAfter);
    const eventFiles = listBundleFiles(join(bundle, bundleNames.events)).map((name) => join(bundle, bundleNames.events, name));
    const diagnosis = await diagnoseBundle(
      host,
      {
        Folder: bundle,
        DsregcmdBefore: before ? join(bundle, bundleNames.dsregcmdBefore) : null,
        DsregcmdAfter: after ? join(bundle, bundleNames.dsregcmdAfter) : null,
        EventFiles: eventFiles,
        EventFolder: eventFiles.length > 0 ? join(bundle, bundleNames.events) : null,
        Since: new Date(state.StartedAt),
      },
      { before, after },
      state.Repro,
    );
    document = bundleDocument(session, outcome, await describeFiles(bundle), before, after, diagnosis);
    writeBundleText(bundle, bundleNames.reportText, formatReportText(forText(document)));
    written.reportPath = writeBundleJson(bundle, bundleNames.reportJson, document);
    return `report.txt, report.json${options.zip ? ', manifest.json, zip' : ', manifest.json'}`;
  };
  const record = await session.step('Report', async () => {
    const detail = await work();
    if (!bundle) return 'no bundle folder';
    session.emit({ Kind: 'Finished', At: session.nowIso(), Outcome: outcome, BundlePath: bundle, ZipPath: options.zip ? `${bundle}.zip` : null });
    session.closeLog();
    const files = await describeFiles(bundle);
    const manifest = {
      Tool: { Name: 'PrtTools', Version: version },
      SessionId: state.SessionId,
      Outcome: outcome,
      Host: state.Host,
      DeviceName: state.DeviceName,
      StartedAt: state.StartedAt,
      StoppedAt: session.nowIso(),
      Options: state.Options,
      Steps: state.Steps,
      Files: files,
      Notes: document.Warnings,
    };
    writeBundleJson(bundle, bundleNames.manifest, manifest);
    document.Files = await describeFiles(bundle);
    if (options.zip) {
      const zipPath = await zipBundle(bundle);
      written.zipPath = zipPath;
      await host.restrictToAdministrators(zipPath, 'File');
    }
    return detail;
  }, { optional: true });
  if (record.Status === 'Failed') document.Warnings.push(`The report could not be completed: ${record.Error ?? 'no reason was recorded'}`);
  document.ZipPath = written.zipPath;
  document.ReportPath = written.reportPath;
  document.Steps = stepSummaries(state);
  document.StoppedAt = session.nowIso();
  const scrubbed = scrubDeep(document);
  return state.Options.Redact && bundle && written.zipPath ? redactedCopy(session, scrubbed, bundle) : scrubbed;
}

/**
 * `--redact`: a copy of the finished bundle for sharing, identifiers replaced by pseudonyms, and
 * the document describing that copy with the same pseudonyms. The original stays where it is,
 * for Administrators only; so does the map, beside the copy.
 */
async function redactedCopy(session: Session, document: TraceBundleDocument, bundle: string): Promise<TraceBundleDocument> {
  const redactor = new Redactor();
  const copy = await redactPath(bundle, dirname(bundle), redactor);
  await session.host.restrictToAdministrators(copy.Path, 'Folder');
  if (copy.ZipPath) await session.host.restrictToAdministrators(copy.ZipPath, 'File');
  await session.host.restrictToAdministrators(copy.MapPath, 'File');
  const shown = redactor.deep(document);
  if (copy.LeftOut.length > 0) shown.Warnings.push(`Left out of the redacted copy (binary, cannot be redacted): ${copy.LeftOut.join(', ')}.`);
  return {
    ...shown,
    BundlePath: copy.Path,
    ZipPath: copy.ZipPath,
    ReportPath: join(copy.Path, bundleNames.reportJson),
    Files: await describeFiles(copy.Path),
    Redaction: { MapPath: copy.MapPath, LeftOut: copy.LeftOut },
  };
}

function bundleDocument(
  session: Session,
  outcome: BundleOutcome,
  files: TraceBundleDocument['Files'],
  before: PrtStatus | null,
  after: PrtStatus | null,
  diagnosis: TraceBundleDocument['Diagnosis'],
): TraceBundleDocument {
  const { state } = session;
  return scrubDeep({
    SessionId: state.SessionId,
    Outcome: outcome,
    Host: state.Host.Kind,
    Scenario: state.Host.Scenario,
    DeviceName: state.DeviceName,
    StartedAt: state.StartedAt,
    StoppedAt: session.nowIso(),
    BundlePath: state.BundlePath,
    ZipPath: null,
    ReportPath: null,
    Repro: state.Repro,
    StatusBefore: before,
    StatusAfter: after,
    Diagnosis: diagnosis,
    Files: files,
    Steps: stepSummaries(state),
    Warnings: warningsOf(state),
  });
}

function warningsOf(state: TraceState): string[] {
  const warnings: string[] = [];
  const step = (id: StepId) => state.Steps.find((s) => s.Id === id);
  if (state.Host.Kind === 'Simulated') warnings.push(`This bundle comes from a simulated device (scenario ${state.Host.Scenario ?? 'unnamed'}); its trace files are stand-ins.`);
  if (step('LsassTrace')?.Status === 'Done') warnings.push(lsassWarning);
  if (state.Options.KeepRawEvents === true) warnings.push(rawEventsWarning);
  if (step('AnalyticChannel')?.Data.PreviousEnabled === true) warnings.push('The AAD Analytic log was already enabled before the trace; it was left enabled.');
  if (step('ExportEvents')?.Data.AnalyticCleared === true) warnings.push('Windows would not export the enabled AAD Analytic log: it was disabled for the export and enabled again, which cleared it (its events are in the bundle).');
  if (state.Options.AuthScriptsPath && state.Options.NetworkTrace) warnings.push('The network trace was taken by the Auth scripts (see authlogs/).');
  for (const failed of state.Steps.filter((s) => s.Status === 'Failed')) warnings.push(`${failed.Title} failed: ${failed.Error ?? 'no reason was recorded'}`);
  for (const undo of state.Steps.filter((s) => s.Undo && s.Undo.Status !== 'Undone')) warnings.push(`${undo.Title} could not be undone: ${undo.Undo?.Error ?? 'not finished'}`);
  return warnings;
}

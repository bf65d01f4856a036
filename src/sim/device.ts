import { PrtError, isNodeError } from '../errors.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AadChannel } from '../host/event-host.js';
import { writeFileSafely } from '../host/write-file.js';
import type { SimPrtState } from './dsregcmd.js';
import { channelOfEvent, renderEvent, type StoredEvent } from './events.js';
import type { Scenario, ScenarioEvent } from './scenario.js';

/** Something the simulated device will do at a simulated time. */
type Happening =
  | { AtMs: number; Kind: 'Lock' }
  | { AtMs: number; Kind: 'Unlock' }
  | { AtMs: number; Kind: 'Event'; Event: ScenarioEvent }
  | { AtMs: number; Kind: 'AttemptDone' };

/** Everything the simulated device remembers; persisted so the next prt process finds it as it was. */
export interface DeviceState {
  Version: 1;
  Scenario: Scenario;
  /** Simulated milliseconds per real millisecond; 0: time moves only when the host sleeps. */
  Speed: number;
  Clock: { SimMs: number; RealMs: number };
  AnalyticEnabled: boolean;
  /** Our trace (`Ours`) or someone else's, already running when the scenario starts. */
  NetworkTrace: { Running: boolean; File: string | null; Ours: boolean };
  Lsass: { Tracing: boolean; OutFolder: string | null };
  AuthScripts: { Running: boolean; Folder: string | null };
  Locked: boolean;
  Prt: SimPrtState;
  Events: StoredEvent[];
  NextRecordId: number;
  Pending: Happening[];
  /** Every command the device was asked to run, like the fake tools' call log. */
  Calls: string[];
}

export const deviceFileName = 'device.json';
const lsassPid = 812;

export function freshDeviceState(scenario: Scenario, speed: number, realNowMs: number): DeviceState {
  const startMs = Date.parse(scenario.Start);
  const prt = scenario.Prt;
  const state: DeviceState = {
    Version: 1,
    Scenario: scenario,
    Speed: speed,
    Clock: { SimMs: startMs, RealMs: realNowMs },
    AnalyticEnabled: scenario.Environment.AnalyticEnabled,
    NetworkTrace: { Running: scenario.Environment.NetworkTraceRunning, File: scenario.Environment.NetworkTraceRunning ? 'C:\\Users\\helpdesk\\AppData\\Local\\Temp\\NetTraces\\NetTrace.etl' : null, Ours: false },
    Lsass: { Tracing: false, OutFolder: null },
    AuthScripts: { Running: false, Folder: null },
    Locked: false,
    Prt: {
      AzureAdPrt: prt.AzureAdPrt,
      UpdateTimeMs: prt.UpdatedSecondsAgo === null ? null : startMs - prt.UpdatedSecondsAgo * 1000,
      LastAttempt: prt.LastAttempt ? { ...prt.LastAttempt, AtMs: startMs - prt.LastAttempt.SecondsAgo * 1000 } : null,
      EnterprisePrtUpdateTimeMs: prt.EnterprisePrt ? startMs - prt.EnterprisePrt.UpdatedSecondsAgo * 1000 : null,
    },
    Events: [],
    NextRecordId: 4_211,
    Pending: [],
    Calls: [],
  };
  for (const event of scenario.History) record(state, event, startMs + event.AtMs);
  return state;
}

/** Logs an event the way Windows would: only into an enabled channel. */
function record(state: DeviceState, event: ScenarioEvent, atMs: number): void {
  const channel = channelOfEvent(event.Id);
  if (!channel) return;
  // The Analytic channel is off by default: what happens while it is off is lost (DESIGN §7).
  if (channel === 'Microsoft-Windows-AAD/Analytic' && !state.AnalyticEnabled) return;
  state.Events.push(renderEvent(event, { computer: state.Scenario.Device.DeviceName, recordId: state.NextRecordId++, timeMs: atMs, processId: lsassPid, threadId: 6_140 }));
}

/** The simulated device: its clock, its scripted user and its reactions. */
export class SimulatedDevice {
  constructor(
    readonly state: DeviceState,
    /** Where it persists itself; null keeps it in memory (unit tests). */
    private readonly file: string | null,
  ) {}

  static load(directory: string): DeviceState | null {
    try {
      const state: unknown = JSON.parse(readFileSync(join(directory, deviceFileName), 'utf8'));
      // A file from an older prt is not this device.
      return typeof state === 'object' && state !== null && 'Version' in state && state.Version === 1 ? (state as DeviceState) : null;
    } catch (error) {
      // No device yet, or a file from an older prt.
      if (isNodeError(error, 'ENOENT') || error instanceof SyntaxError) return null;
      throw error;
    }
  }

  get scenario(): Scenario {
    return this.state.Scenario;
  }

  get lsassPid(): number {
    return lsassPid;
  }

  nowMs(): number {
    const { SimMs, RealMs } = this.state.Clock;
    return SimMs + (Date.now() - RealMs) * this.state.Speed;
  }

  /** Moves the simulated clock on by `ms` at once (speed 0) or lets real time do it. */
  advanceClock(ms: number): void {
    this.state.Clock = { SimMs: this.nowMs() + ms, RealMs: Date.now() };
    this.save();
  }

  /** Plays every happening that is due, in time order, then saves if anything happened. */
  catchUp(): void {
    const now = this.nowMs();
    let played = false;
    for (;;) {
      const due = this.state.Pending.filter((h) => h.AtMs <= now).sort((a, b) => a.AtMs - b.AtMs)[0];
      if (!due) break;
      this.state.Pending.splice(this.state.Pending.indexOf(due), 1);
      this.play(due);
      played = true;
    }
    if (played) this.save();
  }

  private play(happening: Happening): void {
    const reaction = this.scenario.OnUnlock;
    switch (happening.Kind) {
      case 'Lock':
        this.state.Locked = true;
        break;
      case 'Unlock':
        this.state.Locked = false;
        for (const event of reaction.Events) this.state.Pending.push({ AtMs: happening.AtMs + event.AtMs, Kind: 'Event', Event: event });
        this.state.Pending.push({ AtMs: happening.AtMs + reaction.AfterSeconds * 1000, Kind: 'AttemptDone' });
        break;
      case 'Event':
        record(this.state, happening.Event, happening.AtMs);
        break;
      case 'AttemptDone': {
        const { Outcome, ...attempt } = reaction.Attempt;
        if (Outcome === 'Success') {
          this.state.Prt.AzureAdPrt = true;
          this.state.Prt.UpdateTimeMs = happening.AtMs;
        } else if (Outcome === 'Failure') {
          this.state.Prt.LastAttempt = { ...attempt, AtMs: happening.AtMs };
        }
        break;
      }
    }
  }

  /** The person at the device was asked to lock and unlock it: script them, unless already under way. */
  startUser(): void {
    const now = this.nowMs();
    const { LocksAfterSeconds, UnlocksAfterSeconds } = this.scenario.User;
    const pendingUnlock = this.state.Pending.some((h) => h.Kind === 'Unlock');
    if (pendingUnlock) return;
    if (this.state.Locked) {
      this.state.Pending.push({ AtMs: now + (UnlocksAfterSeconds - LocksAfterSeconds) * 1000, Kind: 'Unlock' });
    } else {
      this.state.Pending.push({ AtMs: now + LocksAfterSeconds * 1000, Kind: 'Lock' }, { AtMs: now + UnlocksAfterSeconds * 1000, Kind: 'Unlock' });
    }
    this.save();
  }

  /** prt locked the workstation: the scripted user unlocks it after the same time locked. */
  lockNow(): void {
    const now = this.nowMs();
    const { LocksAfterSeconds, UnlocksAfterSeconds } = this.scenario.User;
    this.state.Locked = true;
    this.state.Pending = this.state.Pending.filter((h) => h.Kind !== 'Lock' && h.Kind !== 'Unlock');
    this.state.Pending.push({ AtMs: now + (UnlocksAfterSeconds - LocksAfterSeconds) * 1000, Kind: 'Unlock' });
    this.save();
  }

  setAnalytic(enabled: boolean): void {
    // Enabling an Analytic log clears it (that is why wevtutil asks, and /q:true answers).
    if (enabled && !this.state.AnalyticEnabled) this.state.Events = this.state.Events.filter((e) => e.Channel !== 'Microsoft-Windows-AAD/Analytic');
    this.state.AnalyticEnabled = enabled;
    this.save();
  }

  eventsOf(channel: AadChannel): StoredEvent[] {
    return this.state.Events.filter((e) => e.Channel === channel).sort((a, b) => a.TimeMs - b.TimeMs || a.RecordId - b.RecordId);
  }

  call(commandLine: string): void {
    this.state.Calls.push(commandLine);
    this.save();
  }

  save(): void {
    if (this.file) {
      this.state.Clock = { SimMs: this.nowMs(), RealMs: Date.now() };
      // A simulation: no need to wait for the disk (the trace state file does).
      try {
        writeFileSafely(this.file, JSON.stringify(this.state));
      } catch (error) {
        // The device's folder was removed (its lab torn down) while a simulated sleep was still
        // pending: there is no device left to save. Any other failure is real.
        if (!(error instanceof PrtError) || error.id !== 'OutputFolderNotFound') throw error;
      }
    }
  }
}

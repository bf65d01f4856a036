// Mounts the dashboard with Ink on a terminal stream (stderr: stdout stays free for --json).
// This module is the only one that loads Ink and React at run time, and it is only ever loaded
// through a dynamic import, by the commands that draw (src/cli/present/dashboard.ts).
import { render, useInput, useStdin, useWindowSize } from 'ink';
import { useMemo, useSyncExternalStore } from 'react';
import { Dashboard } from './components.js';
import { layoutFor } from './layout.js';
import type { DashboardStore } from './store.js';
import { dashboardView } from './view.js';

export interface DashboardKeys {
  /** `s` or Enter: stop watching and collect (trace). */
  onStop?: () => void;
  /** `q` (watch). */
  onQuit?: () => void;
  /** Ctrl+C arrives as a key in raw mode: it must still take the safe (undo) path. */
  onInterrupt: () => void;
}

export function DashboardApp({ store, colour, keys }: { store: DashboardStore; colour: boolean; keys: DashboardKeys }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { columns, rows } = useWindowSize();
  const layout = useMemo(() => layoutFor(columns, rows), [columns, rows]);
  const view = useMemo(() => dashboardView(state, layout), [state, layout]);
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') keys.onInterrupt();
      else if (keys.onStop && (input === 's' || input === 'S' || key.return)) keys.onStop();
      else if (keys.onQuit && (input === 'q' || input === 'Q')) keys.onQuit();
    },
    { isActive: isRawModeSupported },
  );
  return <Dashboard view={view} layout={layout} colour={colour} />;
}

export interface MountOptions {
  store: DashboardStore;
  stream: NodeJS.WriteStream | NodeJS.WritableStream;
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  colour: boolean;
  keys: DashboardKeys;
}

export interface MountedDashboard {
  /** Frames Ink wrote (throttled: several changes in one frame count once). */
  redraws(): number;
  /** Unmounts, leaving the last frame on the screen. */
  close(): Promise<void>;
}

/** The most frames per second: a burst of progress events costs a few frames, not one each. */
const maxFps = 8;

export async function mountDashboard(options: MountOptions): Promise<MountedDashboard> {
  // chalk (Ink's colours) decides from stdout, which may be a file (--json > x.json) while the
  // dashboard draws on a terminal stderr: our decision (colour) wins both ways.
  const { default: chalk } = await import('chalk');
  if (!options.colour) chalk.level = 0;
  else if (chalk.level === 0) chalk.level = 1;
  let redraws = 0;
  const app = render(<DashboardApp store={options.store} colour={options.colour} keys={options.keys} />, {
    stdout: options.stream,
    stderr: options.stream,
    stdin: options.stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps,
    incrementalRendering: true,
    onRender: () => {
      redraws += 1;
    },
  });
  let closed: Promise<void> | null = null;
  return {
    redraws: () => redraws,
    close() {
      closed ??= (async () => {
        await app.waitUntilRenderFlush().catch(() => undefined);
        app.unmount();
        await app.waitUntilExit().catch(() => undefined);
      })();
      return closed;
    },
  };
}

// Holds the dashboard's state between the feeds that dispatch into it and the renderers that
// read it (Ink through useSyncExternalStore, or the plain line printer). No React here.
import { dashboardState, initialDashboardState, type DashboardInit, type DashboardInput, type DashboardState } from './state.js';
import { isNodeError } from '../errors.js';

export interface DashboardStore {
  getState: () => DashboardState;
  dispatch: (input: DashboardInput) => void;
  /** Called after every change (never for an input that changed nothing). */
  subscribe: (listener: () => void) => () => void;
}

export function createDashboardStore(init: DashboardInit): DashboardStore {
  let state = initialDashboardState(init);
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(input) {
      const next = dashboardState(state, input);
      if (next === state) return;
      state = next;
      for (const listener of listeners) {
        try {
          listener();
        } catch (error) {
          // A renderer that cannot draw (a closed console) must not stop the trace (its undo path above all).
          if (!isNodeError(error)) throw error;
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

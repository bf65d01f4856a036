import type * as Dashboard from './dashboard.js';

export type DashboardModule = typeof Dashboard;

/**
 * The dashboard module (Ink, React, the panels). In the exe it is not part of the main script:
 * it ships as the SEA asset `dashboard.cjs` and is compiled only when a dashboard is drawn, so
 * that every other command starts without paying for it (the main script's code cache grows with
 * everything it holds). Elsewhere (tests, development) it is an ordinary import.
 */
export async function loadDashboard(): Promise<DashboardModule> {
  const sea = process.getBuiltinModule('node:sea') as typeof import('node:sea') | undefined;
  if (sea?.isSea()) {
    const source = sea.getAsset('dashboard.cjs', 'utf8');
    const { runInThisContext } = process.getBuiltinModule('node:vm');
    const wrapper = runInThisContext(`(function (exports, require, module) {${source}\n})`, { filename: 'prt-dashboard.cjs' }) as (exports: object, require: (id: string) => unknown, module: { exports: object }) => void;
    const module = { exports: {} };
    // The asset is one self-contained bundle: all it may require are Node's built-ins.
    wrapper(module.exports, (id) => process.getBuiltinModule(id), module);
    return module.exports as DashboardModule;
  }
  return import('./dashboard.js');
}

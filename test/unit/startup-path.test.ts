import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What `prt status` evaluates at start-up: every module reached from the entry point and the
 * status command through static imports (dynamic imports are loaded only when a command asks).
 */
async function staticallyReached(entryPoints: string[]): Promise<string[]> {
  const result = await esbuild.build({ entryPoints, bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', outdir: 'out', logLevel: 'silent', splitting: true, external: ['react-devtools-core'] });
  const inputs = result.metafile.inputs;
  const reached = new Set<string>();
  const visit = (path: string) => {
    if (reached.has(path)) return;
    reached.add(path);
    for (const edge of inputs[path]?.imports ?? []) if (edge.kind === 'import-statement' && !edge.external) visit(edge.path);
  };
  entryPoints.forEach(visit);
  return [...reached];
}

describe('the start-up path of prt status', () => {
  it('does not statically load the code knowledge base, the events, the simulator, the trace or the dashboard', async () => {
    const reached = await staticallyReached(['src/cli/main.ts', 'src/cli/commands/status.ts']);
    expect(reached).toContain('src/diagnose/evaluate.ts');
    const heavy = reached.filter((path) => /^src\/(codes|events|sim|trace|ui)\/|node_modules\/(ink|react|yoga-layout|fast-xml-parser)\//.test(path));
    expect(heavy).toEqual([]);
  });
});

// Bundles a TypeScript entry into ONE CommonJS file that a Node 22 single executable application
// can run (DESIGN §5). Usage: node scripts/build/bundle.mjs <entry> <outfile>
// Also writes <outfile>.meta.json, esbuild's list of the files that went in.
// The main script leaves the dashboard out (src/ui/load.ts reads it from the SEA asset
// dashboard.cjs, bundled from src/ui/dashboard.tsx by a second call of this script).
// Warnings are printed; any warning that is not on the allow-list below fails the bundle, so a
// dependency that starts doing something a SEA cannot do is noticed at build time.
import { writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { seaCompatPlugin } from './esbuild-plugins.mjs';

const [entry, outfile] = process.argv.slice(2);

/** The dynamic import of the dashboard in src/ui/load.ts stays an import: the exe never runs it. */
function dashboardAssetPlugin() {
  return {
    name: 'prt-dashboard-asset',
    setup(build) {
      build.onResolve({ filter: /^\.\/dashboard\.js$/ }, (args) =>
        /[\\/]src[\\/]ui[\\/]load\.ts$/.test(args.importer) ? { path: './dashboard.js', external: true } : undefined,
      );
    },
  };
}
if (!entry || !outfile) {
  process.stderr.write('usage: node scripts/build/bundle.mjs <entry> <outfile>\n');
  process.exit(2);
}

/**
 * The exe's first statements: src/cli/early-interrupts.ts bundled on its own, so that a trace
 * command holds interrupt signals before any other module is evaluated (see that file). Strict
 * like the rest: the bundle's own "use strict" no longer comes first once a banner precedes it.
 */
async function earlyInterruptsBanner() {
  const early = await esbuild.build({
    entryPoints: ['src/cli/early-interrupts.ts'],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'iife',
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    logLevel: 'silent',
  });
  const text = early.outputFiles[0].text.trim();
  return text.startsWith('"use strict";') ? text : `"use strict";${text}`;
}
const banner = /(^|[\\/])src[\\/]cli[\\/]main\.ts$/.test(entry) ? { js: await earlyInterruptsBanner() } : undefined;

const result = await esbuild.build({
  entryPoints: [entry],
  banner,
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // Whitespace and syntax only: identifiers stay as written, so a stack trace from a user's
  // report still names our functions. The external source map maps its lines back to src/.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'external',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [seaCompatPlugin(), dashboardAssetPlugin()],
  logLevel: 'silent',
  metafile: true,
}).catch(async (error) => {
  // A compile error is the developer's to fix: show esbuild's messages, not a stack trace.
  if (!Array.isArray(error.errors)) throw error;
  const text = await esbuild.formatMessages(error.errors, { kind: 'error', color: false });
  process.stderr.write(text.join(''));
  process.exit(1);
});

const allowed = [
  // ink's loadPackageJson reads import.meta.url; only its DEV=true caller used it, and that
  // caller is removed by the plugin, so the function is dead code.
  (w) => w.text.includes('"import.meta" is not available') && /node_modules[\\/]ink[\\/]/.test(w.location?.file ?? ''),
];
const unexpected = result.warnings.filter((w) => !allowed.some((ok) => ok(w)));
if (unexpected.length > 0) {
  const text = await esbuild.formatMessages(unexpected, { kind: 'warning', color: false });
  process.stderr.write(text.join(''));
  process.stderr.write(`bundle: ${unexpected.length} unexpected warning(s): fix them or allow them in scripts/build/bundle.mjs\n`);
  process.exit(1);
}

// What went into the bundle, for THIRD-PARTY-NOTICES.txt (scripts/build/notices.mjs).
writeFileSync(`${outfile}.meta.json`, JSON.stringify(result.metafile));

const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
process.stdout.write(`${Math.round(bytes / 1000)} kB`);

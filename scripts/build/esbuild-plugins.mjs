// esbuild plugin that lets Ink 8 (+ yoga-layout, react) live in ONE CommonJS bundle that runs as
// a Node single executable application (DESIGN §5). CommonJS output cannot contain top-level
// await, and a SEA can only require() Node's built-in modules, so every patch below makes an
// ES module's asynchronous start synchronous or removes a dev-only optional dependency.
//
// Every patch asserts that the code it rewrites is still there: when ink or yoga-layout change
// shape, the build fails here with the file's name instead of producing a bundle that breaks at
// run time.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const sep = String.raw`[\\/]`;
const inPackage = (pkg, file) => new RegExp(`${sep}node_modules${sep}${pkg}${sep}${file.replaceAll('/', sep).replaceAll('.', '\\.')}$`);

class PatchError extends Error {}

/** Replaces `search` (string or RegExp) exactly `count` times, or fails naming the file. */
function patch(source, file, search, replacement, { count = 1, why }) {
  let seen = 0;
  const pattern = typeof search === 'string' ? new RegExp(escapeRegExp(search), 'g') : new RegExp(search.source, search.flags.includes('g') ? search.flags : `${search.flags}g`);
  const result = source.replace(pattern, (...args) => {
    seen += 1;
    return typeof replacement === 'function' ? replacement(...args) : replacement;
  });
  if (seen !== count) {
    throw new PatchError(`${path.relative(process.cwd(), file)}: expected ${count} × ${pattern} (${why}), found ${seen}. The package changed: update scripts/build/esbuild-plugins.mjs.`);
  }
  return result;
}

/** Fails unless `needle` occurs in the source: a patch elsewhere relies on it. */
function expect(source, file, needle, why) {
  if (!source.includes(needle)) {
    throw new PatchError(`${path.relative(process.cwd(), file)}: no "${needle}" (${why}). The package changed: update scripts/build/esbuild-plugins.mjs.`);
  }
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes every `if (<condition>) { … }` block (brace-balanced) whose head matches `head`.
 * Ink guards its dev-only top-level awaits with `if (process.env['DEV'] === 'true')`, a run-time
 * condition, so esbuild keeps the branch and then rejects its await in CommonJS output. Dropping
 * the whole block also means DEV=true on a user's machine cannot make the exe look for DevTools.
 */
function removeIfBlocks(source, file, head, { count, why }) {
  let out = source;
  let removed = 0;
  for (let at = out.indexOf(head); at !== -1; at = out.indexOf(head, at)) {
    const open = out.indexOf('{', at + head.length - 1);
    let depth = 0;
    let end = open;
    for (; end < out.length; end += 1) {
      if (out[end] === '{') depth += 1;
      else if (out[end] === '}' && --depth === 0) break;
    }
    if (depth !== 0) throw new PatchError(`${file}: unbalanced braces after ${head}`);
    out = `${out.slice(0, at)}/* prt build: dev-only block removed */${out.slice(end + 1)}`;
    removed += 1;
  }
  if (removed !== count) {
    throw new PatchError(`${path.relative(process.cwd(), file)}: expected ${count} × "${head}" block (${why}), found ${removed}. The package changed: update scripts/build/esbuild-plugins.mjs.`);
  }
  return out;
}

const loaderFor = (file) => ({ '.ts': 'ts', '.tsx': 'tsx', '.mts': 'ts', '.cts': 'ts', '.jsx': 'jsx' })[path.extname(file)] ?? 'js';

/** @returns {import('esbuild').Plugin} */
export function seaCompatPlugin() {
  return {
    name: 'prt-sea-compat',
    setup(build) {
      // --- react-devtools-core: an optional peer of ink, only used with DEV=true. -------------
      // Not installed, and a SEA could not load it anyway: resolve it to an empty module.
      build.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'prt-empty' }));
      build.onLoad({ filter: /.*/, namespace: 'prt-empty' }, () => ({ contents: 'export default {};', loader: 'js' }));

      // --- yoga-layout: `wrapAssembly(await loadYoga())` at the top level of its entry. --------
      // The Emscripten loader lets the host instantiate the wasm through `instantiateWasm`; doing
      // that synchronously (new WebAssembly.Module/Instance, allowed in Node) finishes the whole
      // Emscripten start-up inside the call, so the module object is ready without awaiting.
      // The wasm bytes are moved from the loader's data: URI into a module of their own, so that
      // the bundle holds them once.
      const loaders = new Map(); // file → Promise<{ source, wasmBase64 }>, shared by both onLoads
      const splitLoader = (file) => {
        if (!loaders.has(file)) loaders.set(file, readFile(file, 'utf8').then((text) => {
          let wasmBase64;
          let source = patch(text, file, /H="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/, (_, b64) => {
            wasmBase64 = b64;
            // An empty data: URI keeps the loader's "is it embedded?" check true; it is never
            // read, because instantiateWasm takes over.
            return 'H="data:application/octet-stream;base64,"';
          }, { why: 'the embedded wasm binary' });
          // The loader derives a base URL from import.meta.url, which CommonJS output lacks;
          // with an embedded binary that URL is unused.
          source = patch(source, file, 'var _scriptDir = import.meta.url;', 'var _scriptDir = undefined;', { why: 'base URL of the wasm' });
          expect(source, file, 'if(h.instantiateWasm)try{return h.instantiateWasm(', 'the instantiateWasm hook the sync loader relies on');
          return { source, wasmBase64 };
        }));
        return loaders.get(file);
      };
      build.onLoad({ filter: inPackage('yoga-layout', 'dist/binaries/yoga-wasm-base64-esm.js'), namespace: 'file' }, async (args) => ({
        contents: (await splitLoader(args.path)).source,
        loader: 'js',
      }));
      // `import wasmBase64 from 'prt-yoga-wasm'` in the rewritten entry: the bytes cut out above.
      build.onResolve({ filter: /^prt-yoga-wasm$/ }, (args) => ({
        path: path.join(args.resolveDir, '../binaries/yoga-wasm-base64-esm.js'),
        namespace: 'prt-yoga-wasm',
      }));
      build.onLoad({ filter: /.*/, namespace: 'prt-yoga-wasm' }, async (args) => ({
        contents: `export default ${JSON.stringify((await splitLoader(args.path)).wasmBase64)};`,
        loader: 'js',
      }));
      build.onLoad({ filter: inPackage('yoga-layout', 'dist/src/index.js'), namespace: 'file' }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        patch(source, args.path, 'const Yoga = wrapAssembly(await loadYoga());', '', { why: 'the top-level await this plugin replaces' });
        return {
          resolveDir: path.dirname(args.path),
          loader: 'js',
          contents: `
import loadYogaImpl from '../binaries/yoga-wasm-base64-esm.js';
import wasmBase64 from 'prt-yoga-wasm';
import wrapAssembly from './wrapAssembly.js';
const bytes = Buffer.from(wasmBase64, 'base64');
// Emscripten fills in the object it is given (its result is only a promise of that object).
const yogaModule = {
  instantiateWasm(imports, receiveInstance) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
    receiveInstance(instance);
    return instance.exports;
  },
};
loadYogaImpl(yogaModule);
if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously (prt build plugin)');
const Yoga = wrapAssembly(yogaModule);
export default Yoga;
export * from './generated/YGEnums.js';
`,
        };
      });

      // --- ink: dev-only top-level awaits (React DevTools, reading its own package.json). -----
      build.onLoad({ filter: inPackage('ink', 'build/reconciler.js'), namespace: 'file' }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        source = removeIfBlocks(source, args.path, "if (process.env['DEV'] === 'true') {", { count: 2, why: 'DevTools connection and package.json read under DEV=true' });
        source = stripProcessImport(source, args.path) ?? source;
        return { contents: source, loader: 'js' };
      });
      build.onLoad({ filter: inPackage('ink', 'build/devtools.js'), namespace: 'file' }, () => ({ contents: '', loader: 'js' }));

      // --- clipanion: start-up cost. ----------------------------------------------------------
      // Its module body opens stdin and loads `tty` (for a colour depth we compute ourselves) on
      // every start, ~5 ms of a ~40 ms run. Defer both until something reads them, and merge the
      // default context so that keys the caller passes (ours, lazily) are never touched.
      build.onLoad({ filter: inPackage('clipanion', 'lib/platform/node.mjs'), namespace: 'file' }, async (args) => {
        const source = patch(await readFile(args.path, 'utf8'), args.path, "import tty from 'tty';",
          "const tty = { get WriteStream() { return process.getBuiltinModule('tty').WriteStream; } };", { why: 'tty loaded at start-up' });
        return { contents: source, loader: 'js' };
      });
      build.onLoad({ filter: inPackage('clipanion', 'lib/advanced/Cli.mjs'), namespace: 'file' }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        source = patch(source, args.path, /const context = \{\s*\.\.\.Cli\.defaultContext,\s*\.\.\.userContext,\s*\};/,
          'const context = prtMergeContext(Cli.defaultContext, userContext);', { count: 2, why: 'context merge that reads every default' });
        source = patch(source, args.path, /stdin: process\.stdin,\s*stdout: process\.stdout,\s*stderr: process\.stderr,\s*colorDepth: getDefaultColorDepth\(\),/,
          'get stdin() { return process.stdin; }, get stdout() { return process.stdout; }, get stderr() { return process.stderr; }, get colorDepth() { return getDefaultColorDepth(); },',
          { why: 'eager stdio in the default context' });
        source += `
/* prt build: copies the caller's properties as they are (getters stay lazy), then the defaults it lacks. */
function prtMergeContext(defaults, user) {
  const context = Object.defineProperties({}, Object.getOwnPropertyDescriptors(user ?? {}));
  for (const key of Object.keys(defaults)) if (!(key in context)) Object.defineProperty(context, key, Object.getOwnPropertyDescriptor(defaults, key));
  return context;
}
`;
        return { contents: source, loader: 'js' };
      });

      // --- `import process from 'node:process'` → the global process. -------------------------
      // esbuild rewrites it to __toESM(require("node:process")), a copy with a getter per property;
      // DESIGN §5 records that under Wine that path aborted reading process.title. (Our Ink check
      // under Wine did not reproduce it; the rewrite is kept because it costs nothing.) The global
      // is the same object, so dropping the import changes nothing else. Named imports
      // (`import { env } from 'node:process'`) compile to plain property reads and are left alone.
      build.onLoad({ filter: /\.(m?js|tsx?|jsx)$/, namespace: 'file' }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const contents = stripProcessImport(source, args.path);
        return contents === undefined ? undefined : { contents, loader: loaderFor(args.path) };
      });
    },
  };
}

/** Rewrites default imports of node:process to the global; undefined when there is none. */
function stripProcessImport(source, file) {
  if (!/from\s*['"](node:)?process['"]/.test(source)) return undefined;
  return source.replace(
    /^import\s+([A-Za-z_$][\w$]*)\s*(?:,\s*(\{[^}]*\}))?\s*from\s*['"](?:node:)?process['"];?/gm,
    (_, name, named) => {
      const alias = name === 'process' ? '' : `const ${name} = process;`;
      // Named bindings of process are plain properties; keep them as destructured constants.
      const rest = named ? `const ${named.replace(/\bas\b/g, ':')} = process;` : '';
      return `/* prt build: global process (${path.basename(file)}) */${alias}${rest}`;
    },
  );
}


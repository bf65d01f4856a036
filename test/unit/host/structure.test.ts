// The layers point one way (DESIGN §3): no module imports upward into the simulator from the
// host, and no import circle exists between modules, type-only imports included.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve('src');
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join(src, f));

/** Every relative import of a file (static, type-only and dynamic), resolved to a source file. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = resolve(dirname(file), match[1]!).replace(/\.js$/, '');
    const found = [`${target}.ts`, `${target}.tsx`].find((candidate) => files.includes(candidate));
    if (found) out.push(found);
  }
  return out;
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(src, file);

describe('the structure of src/', () => {
  it('has no import circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'visiting') circles.push([...stack.slice(stack.indexOf(next)), next].map(name).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it('the host layer never imports the simulator (the CLI composes them)', () => {
    const upward = files.filter((file) => name(file).startsWith('host/')).flatMap((file) => (graph.get(file) ?? []).filter((target) => name(target).startsWith('sim/')).map((target) => `${name(file)} → ${name(target)}`));
    expect(upward).toEqual([]);
  });

  it('one file writer: nothing but src/host/write-file.ts opens files for writing by hand', () => {
    const writers = files.filter((file) => !name(file).startsWith('host/write-file') && /\b(writeFileSync|openSync\([^)]*'w)/.test(readFileSync(file, 'utf8')));
    expect(writers.map(name)).toEqual([]);
  });
});

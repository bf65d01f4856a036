import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrtError } from '../../../src/errors.js';
import { readInputChunks, readInputFile } from '../../../src/host/files.js';
import { writeFileSafely } from '../../../src/host/write-file.js';

const dir = mkdtempSync(join(tmpdir(), 'prt-files-'));
const fifo = join(dir, 'pipe');
const socketPath = join(dir, 'sock');
let server: Server;

beforeAll(async () => {
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  server = createServer();
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});
afterAll(() => server.close());

async function failure(work: () => Promise<unknown>): Promise<PrtError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(PrtError);
    return error as PrtError;
  }
  throw new Error('expected a PrtError');
}

const drain = async (path: string) => {
  for await (const _ of readInputChunks(path)) void _;
};

describe('input files are regular files, checked before any read', () => {
  for (const [what, path, kind] of [
    ['a FIFO without a writer', fifo, 'named pipe'],
    ['/dev/zero', '/dev/zero', 'device'],
    ['a socket', socketPath, 'socket'],
  ] as const) {
    it(`a capture that is ${what} is refused at once with exit 3`, async () => {
      const started = Date.now();
      const error = await failure(() => readInputFile(path, 4 * 1024 * 1024));
      expect(error.exitCode).toBe(3);
      expect(error.message).toContain(path);
      expect(error.message).toContain(kind);
      expect(Date.now() - started).toBeLessThan(1000);
    });
    it(`an event log that is ${what} is refused at once with exit 3`, async () => {
      const error = await failure(() => drain(path));
      expect(error.exitCode).toBe(3);
      expect(error.message).toContain(kind);
    });
  }

  it('a folder given as a capture says it is a folder', async () => {
    const error = await failure(() => readInputFile(dir, 100));
    expect(error.id).toBe('NotAFile');
  });

  it('the size cap holds while reading, not from what stat says', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(5000));
    const error = await failure(() => readInputFile(big, 4096));
    expect(error.id).toBe('FileTooLarge');
    expect(Buffer.from(await readInputFile(big, 5000)).length).toBe(5000);
  });
});

describe('every output goes through a fresh exclusive temp file and a rename', () => {
  it('writes the whole text and leaves no temp file', () => {
    const target = join(dir, 'out', 'status.json');
    mkdirSync(join(dir, 'out'));
    writeFileSafely(target, '{"a":1}');
    writeFileSafely(target, '{"a":2}');
    expect(readFileSync(target, 'utf8')).toBe('{"a":2}');
    expect(readdirSync(join(dir, 'out'))).toEqual(['status.json']);
  });

  it('refuses a device, a FIFO, a folder and a symbolic link as the target, leaving them as they were', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const link = join(dir, 'link.json');
    symlinkSync(victim, link);
    for (const target of ['/dev/full', '/dev/null', fifo, dir, link]) {
      let error: unknown;
      try {
        writeFileSafely(target, 'data');
      } catch (caught) {
        error = caught;
      }
      expect(error, target).toBeInstanceOf(PrtError);
      expect((error as PrtError).exitCode, target).toBe(3);
      expect((error as PrtError).id, target).toBe(target === dir ? 'OutputIsFolder' : 'OutputNotRegularFile');
    }
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync('/dev/full')).toBe(true);
  });

  it('the old predictable temp name is not used: a link planted there is never followed', () => {
    const victim = join(dir, 'victim2.txt');
    writeFileSync(victim, 'precious');
    const target = join(dir, 'result.json');
    for (let pid = process.pid - 2; pid <= process.pid + 2; pid++) symlinkSync(victim, `${target}.${pid}.tmp`);
    writeFileSafely(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('a missing folder is a clear error naming the file', () => {
    expect(() => writeFileSafely(join(dir, 'nope', 'x.json'), '')).toThrow(/nope.*its folder does not exist/);
  });
});

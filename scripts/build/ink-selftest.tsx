// Build self-test for scripts/build/esbuild-plugins.mjs: bundled exactly like the app (CommonJS,
// Ink loaded lazily by dynamic import, as the dashboard will be), it renders a bordered box to a
// non-TTY stream. A <Box> border needs yoga's layout, so this proves the synchronous wasm start,
// and loading ink at all proves its top-level awaits are gone. Prints the frame on success.
import { Writable } from 'node:stream';

async function main(): Promise<number> {
  const { render, Box, Text } = await import('ink');
  let frame = '';
  const sink = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        frame += String(chunk);
        done();
      },
    }),
    { columns: 20, rows: 5, isTTY: false },
  );
  const app = render(
    <Box borderStyle="single" width={8}>
      <Text>hi</Text>
    </Box>,
    { stdout: sink, interactive: false, patchConsole: false, exitOnCtrlC: false },
  );
  app.unmount();
  await app.waitUntilExit();
  const ok = frame.includes('│hi') && frame.includes('┌──────┐');
  process.stdout.write(`ink-selftest: ${ok ? 'ok' : 'FAILED'}\n${frame}\n`);
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`ink-selftest: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

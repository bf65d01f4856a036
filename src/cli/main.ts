// Entry point of prt / prt.exe: wires the process to the CLI and sets the exit code.
// First: signals are held from the very start (see early-interrupts.ts; the exe runs it even earlier, as its banner).
import './early-interrupts.js';
import type { RunContext } from './run.js';
import { sanitizeText } from '../safety/sanitize.js';
import { runCli } from './run.js';
import { outputStream } from './stdio.js';

const context: RunContext = {
  // Opening stdin costs milliseconds of every start and no command reads it yet: open on demand.
  get stdin() {
    return process.stdin;
  },
  stdout: outputStream(1, () => process.stdout),
  stderr: outputStream(2, () => process.stderr),
  env: process.env,
};

runCli(process.argv.slice(2), context).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only bugs reach here: runCli turns every expected failure into an exit code.
    process.stderr.write(`prt: internal error: ${sanitizeText(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    process.exitCode = 70;
  },
);

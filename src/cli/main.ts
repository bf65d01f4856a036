// Entry point of prt / prt.exe: wires the process to the CLI and sets the exit code.
import { runCli } from './run.js';

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only bugs reach here: runCli turns every expected failure into an exit code.
    process.stderr.write(`prt: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);

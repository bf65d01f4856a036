import { Builtins, Cli, type Command } from 'clipanion';
import { ExitCode, usageError } from '../errors.js';
import { createHost } from '../host/create.js';
import { version } from '../version.js';
import type { PrtContext } from './context.js';
import { StatusCommand } from './commands/status.js';
import { writeError } from './output.js';

export type RunContext = Omit<PrtContext, 'host' | 'colorDepth'> & Partial<Pick<PrtContext, 'host' | 'colorDepth'>>;

export function createCli(): Cli<PrtContext> {
  const cli = new Cli<PrtContext>({
    binaryLabel: 'PrtTools — Primary Refresh Token diagnostics',
    binaryName: 'prt',
    binaryVersion: version,
    enableCapture: false,
  });
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  cli.register(StatusCommand);
  return cli;
}

/**
 * Runs one command line and returns its exit code. Usage errors are ours to report (clipanion
 * would print them on stdout with exit 1; the contract wants stderr and exit 2).
 */
export async function runCli(argv: string[], partial: RunContext): Promise<number> {
  const context: PrtContext = {
    colorDepth: 1,
    ...partial,
    host: partial.host ?? createHost(partial.env),
  };
  const json = argv.includes('--json');
  const cli = createCli();
  let command: Command<PrtContext>;
  try {
    command = cli.process(argv, context);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\s+$/, '') : String(error);
    writeError(context.stderr, usageError('Usage', `${message}\n(run \`prt --help\` for the commands and their options)`), json);
    return ExitCode.Usage;
  }
  return cli.run(command, context);
}

import { Builtins, Cli, type Command, type CommandClass } from 'clipanion';
import { ExitCode, PrtError, usageError } from '../errors.js';
import { createHost } from '../host/create.js';
import type { Host } from '../host/types.js';
import { version } from '../version.js';
import { separateExplainCodes, takeSimulateOption } from './argv.js';
import type { PrtContext } from './context.js';
import { writeError } from './output.js';
import { wantsColour } from './present/style.js';

export type RunContext = Omit<PrtContext, 'host' | 'colorDepth'> & Partial<Pick<PrtContext, 'host' | 'colorDepth'>>;

type CommandLoader = () => Promise<CommandClass<PrtContext> | CommandClass<PrtContext>[]>;

/**
 * Each command is loaded only when asked for, so `prt status` never evaluates the code knowledge
 * base or the dashboard, and clipanion's parser is built for one command instead of all.
 */
const commandLoaders: Record<string, CommandLoader> = {
  status: async () => (await import('./commands/status.js')).StatusCommand,
  explain: async () => (await import('./commands/explain.js')).ExplainCommand,
  codes: async () => (await import('./commands/codes.js')).CodesCommand,
  error: async () => (await import('./commands/error.js')).ErrorCommand,
  trace: async () => (await import('./commands/trace.js')).traceCommands,
  watch: async () => (await import('./commands/watch.js')).WatchCommand,
  redact: async () => (await import('./commands/redact.js')).RedactCommand,
  probe: async () => (await import('./commands/probe.js')).ProbeCommand,
  doctor: async () => (await import('./commands/doctor.js')).DoctorCommand,
  device: async () => (await import('./commands/device.js')).DeviceCommand,
};

/**
 * The simulated device (`--simulate`), chosen here where the program is composed: the host layer
 * never reaches up into the simulator. Loaded only when asked for, so other runs never pay for it.
 */
async function createSimulatedHost(scenario: string, env: NodeJS.ProcessEnv): Promise<Host> {
  const simulator = await import('../sim/host.js');
  return simulator.createSimulatedHost(scenario, { env });
}

/** The CLI with the command `argv` names, or with every command (help, typos). */
export async function createCli(argv: readonly string[] = [], colors = false): Promise<Cli<PrtContext>> {
  const cli = new Cli<PrtContext>({
    binaryLabel: 'PrtTools — Primary Refresh Token diagnostics',
    binaryName: 'prt',
    binaryVersion: version,
    enableCapture: false,
    // clipanion would colour help by the terminal type alone, even into a pipe or a file.
    enableColors: colors,
  });
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  const first = argv[0] ?? '';
  const named = commandLoaders[first];
  const wanted = named ? [named] : first === '--version' || first === '-v' ? [] : Object.values(commandLoaders);
  for (const load of wanted) for (const command of [await load()].flat()) cli.register(command);
  return cli;
}

/**
 * Runs one command line and returns its exit code. Usage errors are ours to report (clipanion
 * would print them on stdout with exit 1; the contract wants stderr and exit 2).
 */
export async function runCli(rawArgv: string[], partial: RunContext): Promise<number> {
  // Copy property descriptors, not values: the caller may pass stdin as a getter, to be opened
  // only by a command that reads it.
  const partialContext = Object.defineProperties({ colorDepth: 1 }, Object.getOwnPropertyDescriptors(partial)) as RunContext & { colorDepth: number };
  let argv: string[];
  try {
    // `--simulate <scenario>` works for every command: the simulated device replaces this one.
    const taken = takeSimulateOption(rawArgv);
    argv = separateExplainCodes(taken.argv);
    if (taken.simulate !== undefined) partialContext.host ??= await createSimulatedHost(taken.simulate, partial.env);
  } catch (error) {
    if (!(error instanceof PrtError)) throw error;
    writeError(partialContext.stderr, error, rawArgv.includes('--json'));
    return error.exitCode;
  }
  const context: PrtContext = Object.assign(partialContext, { host: partialContext.host ?? createHost(partial.env) });
  const json = argv.includes('--json');
  const cli = await createCli(argv, wantsColour(context.stdout, context.env));
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

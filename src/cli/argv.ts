import { usageError } from '../errors.js';

/**
 * Signed decimals (`-1073741715`) look like options to any parser; admins paste them as they are.
 * For `explain`, every token that is not one of its own flags is a code: put them after `--`.
 */
export function separateExplainCodes(argv: string[]): string[] {
  if (argv[0] !== 'explain' || argv.includes('--')) return argv;
  const flags = new Set(['--json', '--help', '-h']);
  const rest = argv.slice(1);
  return ['explain', ...rest.filter((token) => flags.has(token)), '--', ...rest.filter((token) => !flags.has(token))];
}

/**
 * `--simulate <scenario|file>` works for every command, so it is taken off the command line
 * before the command parses it. Only this small function is loaded at start-up; the simulator
 * itself is loaded when the option is there.
 */
export function takeSimulateOption(argv: readonly string[]): { argv: string[]; simulate: string | undefined } {
  const rest: string[] = [];
  let simulate: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (token === '--simulate') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw usageError('MissingScenario', '--simulate needs a scenario name (healthy, hybrid-wrong-password, network-unreachable, stale-fixed-by-unlock, ws-trust-dtd) or a scenario file');
      simulate = value;
      i++;
    } else if (token.startsWith('--simulate=')) {
      simulate = token.slice('--simulate='.length);
    } else {
      rest.push(token);
    }
  }
  return { argv: rest, simulate };
}

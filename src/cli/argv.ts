import { usageError } from '../errors.js';

/**
 * Signed decimals (`-1073741715`) look like options to any parser; admins paste them as they are.
 * For `explain`, every token that is not one of its own flags is a code: put them after `--`.
 */
export function separateExplainCodes(argv: string[]): string[] {
  if (argv[0] !== 'explain' || argv.includes('--')) return argv;
  const flags = new Set(['--json', '--help', '-h']);
  const own: string[] = [];
  const codes: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i] ?? '';
    const value = argv[i + 1];
    // --text takes a value (a file, or - for standard input).
    if (token === '--text' && value !== undefined) {
      own.push(token, value);
      i++;
    } else if (flags.has(token) || token.startsWith('--text=')) own.push(token);
    else codes.push(token);
  }
  return ['explain', ...own, '--', ...codes];
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
    const token = argv[i] ?? '';
    if (token === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (token === '--simulate') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw usageError('MissingScenario', '--simulate needs a scenario name (healthy, hybrid-wrong-password, network-unreachable, stale-fixed-by-unlock, ws-trust-dtd, proxy-auth-required, tls-inspection, clock-skew, federated-mex-dtd) or a scenario file');
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

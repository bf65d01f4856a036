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

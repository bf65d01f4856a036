import { Command, Option } from 'clipanion';
import { knownSymbolicNames } from '../../codes/index.js';
import { usageError } from '../../errors.js';
import { PrtCommand } from '../command.js';
import { writeJson } from '../output.js';

export class CodesCommand extends PrtCommand {
  static override paths = [['codes']];

  static override usage = Command.Usage({
    description: 'List the symbolic code names the knowledge base knows (for completion and scripts)',
    examples: [
      ['Every known name, one per line', 'prt codes --names'],
      ['As a JSON array (what the module\'s tab completion reads)', 'prt codes --names --json'],
    ],
  });

  names = Option.Boolean('--names', false, { description: 'List the symbolic names (STATUS_LOGON_FAILURE, ERROR_WINHTTP_TIMEOUT, …)' });

  protected async run(): Promise<number> {
    if (!this.names) throw usageError('NothingToList', 'say what to list: `prt codes --names`');
    const names = knownSymbolicNames();
    if (this.json) writeJson(this.context.stdout, names);
    else this.context.stdout.write(`${names.join('\n')}\n`);
    return 0;
  }
}

import { Command, Option } from 'clipanion';
import { PrtError } from '../errors.js';
import { sanitizeText } from '../safety/sanitize.js';
import type { PrtContext } from './context.js';
import { writeError, writeJson } from './output.js';
import { forText } from '../safety/sanitize.js';
import { styleFor, type Style } from './present/style.js';

/** Exit code for a bug: distinct from the contract's codes so the module can say "internal error". */
export const InternalErrorExitCode = 70;

/**
 * Base of every prt command: `--json`, and the one place that turns a thrown PrtError into the
 * contract's stderr message and exit code. Anything else is a bug and says so.
 */
export abstract class PrtCommand extends Command<PrtContext> {
  json = Option.Boolean('--json', false, { description: 'Print one JSON document on stdout (for scripts and the PowerShell module)' });

  protected abstract run(): Promise<number>;

  /** A command's answer: with `--json` one JSON document on stdout, else `format`'s text of it, made safe for a terminal. */
  protected present<T>(document: T, format: (document: T, style: Style) => string): number {
    if (this.json) writeJson(this.context.stdout, document);
    else this.context.stdout.write(format(forText(document), styleFor(this.context.stdout, this.context.env)));
    return 0;
  }

  async execute(): Promise<number> {
    try {
      return await this.run();
    } catch (error) {
      if (error instanceof PrtError) {
        writeError(this.context.stderr, error, this.json);
        return error.exitCode;
      }
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.context.stderr.write(`prt: internal error (a bug, please report it): ${sanitizeText(detail)}\n`);
      return InternalErrorExitCode;
    }
  }
}

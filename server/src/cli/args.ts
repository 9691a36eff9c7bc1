// Command-line parsing: node:util parseArgs in strict mode (unknown options are usage errors), with the same
// `--help`/`-h` on every command.
import { parseArgs } from 'node:util';
import { UsageError, type CommandArgs, type OptionSpecs } from './command';

export interface ParsedCommandLine extends CommandArgs {
  readonly help: boolean;
}

const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h' } };

export function parseCommandArgs(argv: readonly string[], options: OptionSpecs): ParsedCommandLine {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    });
    const { help, ...rest } = values;
    return { values: rest, positionals, help: help === true };
  } catch (err) {
    // parseArgs' messages name the offending option ("Unknown option '--jsn'").
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

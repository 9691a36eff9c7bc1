// What a `dbnd-cfg` command is. Commands get their I/O handed in (no direct process access), so each one
// reads like a function from arguments to output and an exit code.
import type { ParseArgsConfig } from 'node:util';
import type { Environment } from '../core/environment';

export const ExitCode = {
  ok: 0,
  /** The command ran and found errors (lint: an error-severity diagnostic). */
  findings: 1,
  /** Bad arguments, or an input that cannot be read. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Throws (like fs.readFileSync) when the file cannot be read. */
  readonly readFile: (path: string) => string;
  readonly env: Environment;
  /** Calls `handler` on the first Ctrl-C / SIGTERM (a second one ends the process); returns an unsubscribe. */
  readonly onInterrupt?: (handler: () => void) => () => void;
}

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface CommandArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

export interface CliCommand {
  readonly name: string;
  /** One line in `dbnd-cfg --help`. */
  readonly summary: string;
  /** Synopsis, e.g. `dbnd-cfg lint [--json] FILE...`. */
  readonly usage: string;
  /** The rest of `dbnd-cfg NAME --help`: what it does, options, exit codes. */
  readonly help: string;
  /** Options in node:util parseArgs form; `--help` is added for every command. */
  readonly options: OptionSpecs;
  /** An ExitCode, or a command's own code (documented in its help). */
  run(args: CommandArgs, io: CliIo): number | Promise<number>;
}

/** Wrong arguments: reported with the command's usage line, exit code 2. */
export class UsageError extends Error {}

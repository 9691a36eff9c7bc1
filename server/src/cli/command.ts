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
  /** A bug in dbnd-cfg (EX_SOFTWARE): never the answer to any input. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /**
   * The bytes of a file, at most `maxBytes + 1` of them (so a caller sees that the file is larger without
   * reading all of it: `/dev/zero` never ends). Throws like node:fs when it cannot be read, or is a folder.
   */
  readonly readFile: (path: string, maxBytes: number) => Uint8Array;
  readonly env: Environment;
  /** This tool's version (`dbnd-cfg --version`), from the package it ships in; absent when unknown. */
  readonly version?: string;
  /** The current folder: where `dbnd-cfg lint` without files looks for the dbnd project. */
  readonly cwd: string;
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

/** An input that cannot be read (missing, a folder, too large): reported as `dbnd-cfg CMD: message`, exit 2. */
export class InputError extends Error {}

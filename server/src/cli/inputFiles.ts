// Reading the files a command is given, with the same rules for every command: a file that cannot be read
// (missing, unreadable, a folder, larger than the cap) stops the command with exit 2 and a message naming it;
// a file that is not UTF-8 is read as dbnd reads it, which is a failure dbnd reports (see decodeUtf8). The cap
// and the decoding are the language server's too (files/configFileGuard).
import type { Utf8DecodeError } from '../core/reader';
import { MAX_CONFIG_FILE_BYTES, guardConfigBytes } from '../files/configFileGuard';
import { InputError, type CliIo } from './command';

export const MAX_INPUT_BYTES = MAX_CONFIG_FILE_BYTES;

export type ConfigInput =
  | { readonly path: string; readonly text: string }
  | { readonly path: string; readonly decodeError: Utf8DecodeError };

function reason(err: unknown): string {
  // node:fs messages carry the reason and the path: "ENOENT: no such file or directory, open 'x.cfg'".
  return err instanceof Error ? err.message : String(err);
}

export function readConfigInput(io: CliIo, path: string): ConfigInput {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path, MAX_INPUT_BYTES);
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${reason(err)}`);
  }
  const guarded = guardConfigBytes(path, bytes);
  if ('text' in guarded) return { path, text: guarded.text };
  if (guarded.problem.kind === 'too-large') throw new InputError(guarded.problem.message);
  return { path, decodeError: guarded.problem.error };
}

/** Text of a file the config names (a pod template), or undefined when it cannot be read as dbnd would. */
export function readOptionalText(io: CliIo, path: string): string | undefined {
  try {
    const guarded = guardConfigBytes(path, io.readFile(path, MAX_INPUT_BYTES));
    return 'text' in guarded ? guarded.text : undefined;
  } catch {
    return undefined;
  }
}

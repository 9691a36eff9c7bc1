// Reading the files a command is given, with the same rules for every command: a file that cannot be read
// (missing, unreadable, a folder, larger than the cap) stops the command with exit 2 and a message naming it;
// a file that is not UTF-8 is read as dbnd reads it, which is a failure dbnd reports (see decodeUtf8).
import { type Utf8DecodeError, decodeUtf8 } from '../core/reader';
import { InputError, type CliIo } from './command';

/** dbnd config files are a few kilobytes; anything past this is not one (and `/dev/zero` never ends). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

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
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(
      `cannot read ${path}: larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MiB, which no dbnd config file is`,
    );
  }
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { path, text: decoded.text } : { path, decodeError: decoded.error };
}

/** Text of a file the config names (a pod template), or undefined when it cannot be read as dbnd would. */
export function readOptionalText(io: CliIo, path: string): string | undefined {
  try {
    const bytes = io.readFile(path, MAX_INPUT_BYTES);
    if (bytes.length > MAX_INPUT_BYTES) return undefined;
    const decoded = decodeUtf8(bytes);
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

// The one guard every reader of a dbnd config file on disk goes through — `dbnd-cfg`'s inputs (cli/inputFiles)
// and the language server's unopened files (lsp/workspace/diskFiles) — so both see the same text and the same
// failures: at most MAX_CONFIG_FILE_BYTES are read (a 50 MB binary or `/dev/zero` is refused after reading
// past the cap, never read whole), and the bytes are decoded as dbnd decodes them (strict UTF-8, a BOM kept:
// core/reader/decodeUtf8), so a latin-1 byte is dbnd's UnicodeDecodeError everywhere.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeUtf8 } from '../core/reader';
import { type FileReadProblem, tooLargeMessage } from '../core/diagnostics/fileReadProblems';

/** dbnd config files are a few kilobytes; anything past this is not one (and `/dev/zero` never ends). */
export const MAX_CONFIG_FILE_BYTES = 16 * 1024 * 1024;

/** One read; a non-blocking standard input that has nothing yet (EAGAIN) is read again. */
function readChunk(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

/** Reads at most `maxBytes + 1` bytes, chunk by chunk, so endless or huge inputs stop early; `-` is the standard
 *  input. Throws node:fs errors (ENOENT, EACCES, EISDIR for a folder). */
export function readBounded(path: string, maxBytes: number): Uint8Array {
  // `-` is the standard input, read from its descriptor (a pipe or socket has no /dev/stdin to open).
  const stdin = path === '-';
  const fd = stdin ? 0 : openSync(path, 'r');
  try {
    if (fstatSync(fd).isDirectory()) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
    }
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readChunk(fd, chunk);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

/** A config file's bytes (as read by `readBounded(path, MAX_CONFIG_FILE_BYTES)`): its text, or why dbnd-cfg
 *  does not read it (too large) or dbnd cannot (not UTF-8). */
export type GuardedText = { readonly text: string } | { readonly problem: FileReadProblem };

export function guardConfigBytes(path: string, bytes: Uint8Array): GuardedText {
  if (bytes.length > MAX_CONFIG_FILE_BYTES)
    return { problem: { kind: 'too-large', message: tooLargeMessage(path, MAX_CONFIG_FILE_BYTES) } };
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { text: decoded.text } : { problem: { kind: 'not-utf8', error: decoded.error } };
}

/** The file at `path` through the guard; undefined when it cannot be opened (missing, a folder, no access). */
export function readConfigFile(path: string): GuardedText | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readBounded(path, MAX_CONFIG_FILE_BYTES);
  } catch {
    return undefined;
  }
  return guardConfigBytes(path, bytes);
}

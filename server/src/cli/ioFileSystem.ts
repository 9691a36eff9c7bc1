// The disk as dbnd's project discovery asks about it (is there a file here, what does it say), answered through
// CliIo like every other read of dbnd-cfg: bounded, and an in-memory CliIo in a test sees the same project.
import type { FileSystemView } from '../core/config/discovery';
import type { CliIo } from './command';
import { readOptionalText } from './inputFiles';

/** node:fs codes that mean "no file here", as os.path.isfile answers False; any other failure is a file. */
const NOT_A_FILE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** True for anything that is there and not a folder (an unreadable file too: reading it then says why). */
export function isFileThroughIo(io: CliIo, path: string): boolean {
  try {
    io.readFile(path, 0);
    return true;
  } catch (err) {
    return !NOT_A_FILE.has(String((err as NodeJS.ErrnoException).code));
  }
}

export function ioFileSystemView(io: CliIo): FileSystemView {
  return {
    isFile: (path) => isFileThroughIo(io, path),
    // Discovery reads setup.cfg/tox.ini for a `[databand]` section; unreadable counts as no section.
    readFile: (path) => (isFileThroughIo(io, path) ? readOptionalText(io, path) : undefined),
  };
}

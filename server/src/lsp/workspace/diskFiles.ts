// Files that are not open, read from disk through the guard `dbnd-cfg` uses (files/configFileGuard): bounded
// (a huge file is refused after the cap, never read whole) and decoded as dbnd decodes, so a file dbnd cannot
// read is a problem the editor reports as lint does, never a silently decoded text. Reads are cached until
// `workspace/didChangeWatchedFiles` (or a settings change) says the disk changed, so answering a hover never
// touches the file system twice.
import type { FileSystemView } from '../../core/config/discovery';
import { type GuardedText, readConfigFile } from '../../files/configFileGuard';

export class DiskFiles implements FileSystemView {
  private readonly files = new Map<string, GuardedText | undefined>();

  /** True for a file that exists, read as text or not (dbnd would try to read it). */
  isFile(path: string): boolean {
    return this.read(path) !== undefined;
  }

  /** The file through the guard: its text or its problem; undefined when it does not exist or cannot be opened. */
  read(path: string): GuardedText | undefined {
    if (this.files.has(path)) return this.files.get(path);
    const file = readConfigFile(path);
    this.files.set(path, file);
    return file;
  }

  /** The file's text, or undefined when it does not exist, cannot be read or is not a text dbnd reads. */
  readFile(path: string): string | undefined {
    const file = this.read(path);
    return file && 'text' in file ? file.text : undefined;
  }

  /** Reads past the cache: for files nobody watches (a kubeconfig, an `@/path` value outside the project). */
  readFresh(path: string): string | undefined {
    const file = readConfigFile(path);
    return file && 'text' in file ? file.text : undefined;
  }

  /** Forget what was read from `path` (it changed, appeared or was deleted). */
  forget(path: string): void {
    this.files.delete(path);
  }

  forgetAll(): void {
    this.files.clear();
  }
}

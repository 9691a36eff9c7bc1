// Files that are not open, read from disk. Reads are cached until `workspace/didChangeWatchedFiles` (or a
// settings change) says the disk changed, so answering a hover never touches the file system twice.
import { readFileSync, statSync } from 'node:fs';
import type { FileSystemView } from '../../core/config/discovery';

export class DiskFiles implements FileSystemView {
  private readonly texts = new Map<string, string | undefined>();

  isFile(path: string): boolean {
    return this.readFile(path) !== undefined;
  }

  /** The file's text, or undefined when it does not exist, is not a file or cannot be read. */
  readFile(path: string): string | undefined {
    if (this.texts.has(path)) return this.texts.get(path);
    const text = this.readFresh(path);
    this.texts.set(path, text);
    return text;
  }

  /** Reads past the cache: for files nobody watches (a kubeconfig, an `@/path` value outside the project). */
  readFresh(path: string): string | undefined {
    try {
      return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forget what was read from `path` (it changed, appeared or was deleted). */
  forget(path: string): void {
    this.texts.delete(path);
  }

  forgetAll(): void {
    this.texts.clear();
  }
}

// Document URIs ↔ the file paths the core works with. dbnd decides what a file is by its name
// (databand-system.cfg, project.cfg, ...), so `file:` URIs become real paths; other schemes (untitled:, ...)
// keep their URI as the name.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import type { Analysis } from '../ide/analysis';

export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri; // e.g. a file: URI with a host on a platform that has no UNC paths
  }
}

/**
 * The URI for a path the core reports. The open document keeps the exact URI the client sent (clients encode
 * `file:` URIs differently from Node); any other absolute path becomes a `file:` URI.
 */
export function pathToUri(path: string, document: { readonly uri: string; readonly path: string }): string {
  if (path === document.path) return document.uri;
  return isAbsolute(path) ? pathToFileURL(path).href : path;
}

/**
 * The URI of a path the core reports about an analysed project: its file's URI (the editor's own for an open
 * document), a `file:` URI for another absolute path, and none for dbnd's package defaults, which live under
 * placeholder folders (`{{DBND_LIB_DIR}}/...`) and have no file to link to.
 */
export function projectUriOf(analysis: Analysis): (path: string) => string | undefined {
  return (path) => analysis.fileByPath(path)?.uri ?? (path.startsWith('/') ? pathToFileURL(path).href : undefined);
}

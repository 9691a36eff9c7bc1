// `dbnd-cfg case`'s disk access: the case folder's files by absolute path. Running and reporting the case is
// the core's (core/conformance/caseFolder.ts), shared with the conformance test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCaseFolder as runCaseFolderWith } from '../core/conformance/caseFolder';
import type { Json } from '../core/json';

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function runCaseFolder(caseDir: string): Json {
  return runCaseFolderWith(resolve(caseDir), readOrUndefined);
}

// `dbnd-cfg case`'s disk access: the case folder's files by absolute path, read through CliIo. Running and
// reporting the case is the core's (core/conformance/caseFolder.ts), shared with the conformance test.
import { resolve } from 'node:path';
import { runCaseFolder as runCaseFolderWith } from '../core/conformance/caseFolder';
import type { Json } from '../core/json';
import type { CliIo } from './command';
import { readOptionalText } from './inputFiles';

export function runCaseFolder(caseDir: string, io: CliIo): Json {
  return runCaseFolderWith(resolve(io.cwd, caseDir), (path) => readOptionalText(io, path));
}

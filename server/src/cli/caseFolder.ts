// Reading a conformance case folder from disk and running it: the one code path behind `dbnd-cfg case` and
// the conformance test. `{{FILES_DIR}}` becomes the folder's absolute path on the way in and back on the way out.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CaseSpec, FILES_DIR, substituteFilesDir } from '../core/conformance/caseInput';
import { runConformanceCase } from '../core/conformance/runCase';
import type { Json } from '../core/json';

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function runCaseFolder(caseDir: string): Json {
  const filesDir = resolve(caseDir, 'files');
  const spec = substituteFilesDir(JSON.parse(readFileSync(resolve(caseDir, 'case.json'), 'utf8')) as Json, filesDir) as unknown as CaseSpec;
  const report = runConformanceCase(spec, {
    dir: filesDir,
    readFile: (path) => readOrUndefined(path)?.split(FILES_DIR).join(filesDir),
  });
  return JSON.parse(JSON.stringify(report).split(filesDir).join(FILES_DIR)) as Json;
}

// Running one case folder (case.json + files/) with `{{FILES_DIR}}` replaced by the folder's absolute path on
// the way in and back on the way out, so the report compares with expected.json. The caller reads the disk:
// `readFile` returns a file's text by absolute path, or undefined when it cannot be read.
import type { Json } from '../json';
import { runDbnd } from '../run';
import { type CaseSpec, FILES_DIR, substituteFilesDir } from './caseInput';
import { caseRequest } from './caseRequest';
import { caseReport } from './caseReport';

export class CaseFolderError extends Error {}

/** The report for the case in `caseDir` (an absolute path, `/`-separated). Throws CaseFolderError without case.json. */
export function runCaseFolder(caseDir: string, readFile: (path: string) => string | undefined): Json {
  const filesDir = `${caseDir.replace(/\/+$/, '')}/files`;
  const caseJson = readFile(`${caseDir.replace(/\/+$/, '')}/case.json`);
  if (caseJson === undefined) throw new CaseFolderError(`no case.json in ${caseDir}`);
  let parsed: Json;
  try {
    parsed = JSON.parse(caseJson) as Json;
  } catch (err) {
    throw new CaseFolderError(`case.json is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const spec = substituteFilesDir(parsed, filesDir) as unknown as CaseSpec;
  const readCaseFile = (path: string) => readFile(path)?.split(FILES_DIR).join(filesDir);
  const report = caseReport(runDbnd(caseRequest(spec, filesDir, readCaseFile)), filesDir);
  return JSON.parse(JSON.stringify(report).split(filesDir).join(FILES_DIR)) as Json;
}

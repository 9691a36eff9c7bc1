// Runs read_like_dbnd.py (next to this file: the real CPython configparser, read as dbnd reads) and converts our
// DbndFileView into the same ordered JSON shape, so tests can compare the two exactly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbndFileView } from '../../../../server/src/core/reader';
import { repoPath } from '../../../support/paths';

/** Ordered result: `{sections: [[name, [[key, value], ...]], ...]}` or `{error: {...}}` (see the python script). */
export type OracleResult =
  | { sections: [string, [string, string][]][] }
  | {
      error: {
        type: string;
        line: number | null;
        message: string;
        section?: string;
        option?: string;
        errors?: { line: number; text: string }[];
      };
    };

// Tests run from out/test/...; the script is found from the repository root (the working directory of npm).
const SCRIPT = repoPath('test/core/reader/properties/read_like_dbnd.py');

export function pythonAvailable(): boolean {
  return spawnSync('python3', ['--version']).status === 0;
}

export function oracleReadFile(path: string): OracleResult {
  const r = spawnSync('python3', [SCRIPT, 'file', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`read_like_dbnd.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as OracleResult;
}

/** One python process answers every input. */
export function oracleReadBatch(inputs: readonly { text: string; source: string }[]): OracleResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'cfg-oracle-'));
  try {
    const inFile = join(dir, 'in.json');
    const outFile = join(dir, 'out.json');
    writeFileSync(inFile, JSON.stringify(inputs));
    const r = spawnSync('python3', [SCRIPT, 'batch', inFile, outFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`read_like_dbnd.py failed: ${r.stderr}`);
    return JSON.parse(readFileSync(outFile, 'utf8')) as OracleResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function viewToOracleShape(view: DbndFileView): OracleResult {
  if (view.kind === 'error') {
    const e = view.error;
    return {
      error: {
        type: e.type,
        line: e.line,
        message: e.message,
        ...(e.errors ? { errors: e.errors.map((x) => ({ line: x.line, text: x.text })) } : {}),
        ...(e.section !== undefined ? { section: e.section } : {}),
        ...(e.option !== undefined ? { option: e.option } : {}),
      },
    };
  }
  return {
    sections: [...view.sections.values()].map((s) => [
      s.name,
      [...s.values].map(([k, v]) => [k, v.value] as [string, string]),
    ]),
  };
}

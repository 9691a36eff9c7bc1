// Where things are in the repository, from any compiled test (out/test/**) or from the extension host. The root is
// found by walking up to this project's package.json, so a test's folder depth never matters.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'databand-vscode') return dir;
    if (dirname(dir) === dir) throw new Error(`no databand-vscode package.json above ${from}`);
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);

/** An absolute path inside the repository: `repoPath('test', 'workspace')`. */
export function repoPath(...segments: string[]): string {
  return resolve(REPO_ROOT, ...segments);
}

/** The bundles esbuild writes (npm run build); protocol and CLI tests run these, as users do. */
export const SERVER_JS = repoPath('dist', 'server', 'server.js');
export const CLI_JS = repoPath('dist', 'cli', 'dbnd-cfg.js');

/** The shared fixtures: real dbnd files, and the conformance cases with dbnd's recorded answers. */
export const EXAMPLES_DIR = repoPath('test', 'fixtures', 'examples');
export const CONFORMANCE_CASES_DIR = repoPath('test', 'fixtures', 'conformance', 'cases');

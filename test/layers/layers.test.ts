// The layer rules hold for the whole code base, and each rule really fails on a file that breaks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO_ROOT } from '../support/paths';
import { checkFile, checkKubernetesAdapters, type Violation } from './layerRules';

const CHECKED_FOLDERS = ['server/src', 'client/src', 'protocol'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [p] : [];
  });
}

const format = (vs: Violation[]) => vs.map((v) => `${v.file}:${v.line}: ${v.rule}`).join('\n');

test('the code base keeps its layers', () => {
  const files = CHECKED_FOLDERS.flatMap((f) => sourceFiles(join(REPO_ROOT, f))).map((p) => ({
    file: relative(REPO_ROOT, p).split(sep).join('/'),
    text: readFileSync(p, 'utf8'),
  }));
  assert.ok(
    files.some((f) => f.file.startsWith('server/src/core/')),
    'found no core files: the scan is broken',
  );
  const violations = [...files.flatMap(({ file, text }) => checkFile(file, text)), ...checkKubernetesAdapters(files)];
  assert.deepEqual(violations, [], `layer violations:\n${format(violations)}`);
});

/** Each synthetic file breaks the rule named by the pattern (a file may break others too). */
const VIOLATIONS: [file: string, text: string, rule: RegExp][] = [
  ['server/src/core/a.ts', "import * as vscode from 'vscode';", /core imports 'vscode'/],
  [
    'server/src/core/a.ts',
    "import type { Diagnostic } from 'vscode-languageserver';",
    /core imports 'vscode-languageserver'/,
  ],
  ['server/src/core/a.ts', "import { readFileSync } from 'node:fs';", /core imports Node's 'node:fs'/],
  ['server/src/core/x/a.ts', "import { join } from 'path';", /core imports Node's 'path'/],
  ['server/src/core/a.ts', "export { readFile } from 'fs/promises';", /core imports Node's 'fs\/promises'/],
  ['server/src/core/a.ts', "const fs = require('fs');", /core imports Node's 'fs'/],
  ['server/src/core/a.ts', "export async function f() { return import('node:os'); }", /core imports Node's 'node:os'/],
  ['server/src/core/a.ts', "import { x } from '../lsp/x';", /core imports '..\/lsp\/x' from outside/],
  ['server/src/core/a.ts', 'export const home = process.env.HOME;', /core uses Node's global 'process'/],
  ['server/src/core/a.ts', 'export const p = globalThis.process;', /core uses Node's global 'process'/],
  ['server/src/core/a.ts', "export const b = Buffer.from('x');", /core uses Node's global 'Buffer'/],
  ['server/src/core/a.ts', 'export function f(e: NodeJS.ProcessEnv = process.env) { return e; }', /global 'process'/],
  [
    'server/src/ide/a.ts',
    "import type { Position } from 'vscode-languageserver-types';",
    /ide imports 'vscode-languageserver-types'/,
  ],
  ['server/src/ide/a.ts', "import * as vscode from 'vscode';", /ide imports 'vscode'/],
  [
    'server/src/ide/a.ts',
    "import { handler } from '../lsp/handlers/hover';",
    /ide imports '..\/lsp\/handlers\/hover' from lsp/,
  ],
  [
    'server/src/cli/a.ts',
    "import { createConnection } from 'vscode-languageserver/node';",
    /outside server\/src\/lsp\//,
  ],
  ['server/src/runIo/a.ts', "import * as vscode from 'vscode';", /runIo imports 'vscode'/],
  ['server/src/cli/commands/a.ts', "import { readFileSync } from 'node:fs';", /cli imports 'node:fs'.*CliIo/],
  ['server/src/cli/a.ts', "import { readFile } from 'fs/promises';", /cli imports 'fs\/promises'/],
  [
    'server/src/lsp/handlers/a.ts',
    "import { runDbnd } from '../../core/run';",
    /handler imports '..\/..\/core\/run' from core\/ as a value/,
  ],
  [
    'server/src/lsp/handlers/a.ts',
    "import { type RunResult, runDbnd } from '../../core/run';",
    /handler imports '..\/..\/core\/run' from core\/ as a value/,
  ],
  [
    'server/src/lsp/handlers/x/a.ts',
    "export { resolveConfigClass } from '../../../core/resolve/classResolution';",
    /from core\/ as a value/,
  ],
  ['server/src/lsp/handlers/a.ts', "const core = require('../../core/run');", /from core\/ as a value/],
  ['server/src/lsp/handlers/a.ts', "import '../../core/run';", /from core\/ as a value/],
  [
    'server/src/core/a.ts',
    "import * as k8s from '@kubernetes/client-node';",
    /core imports '@kubernetes\/client-node'/,
  ],
  ['client/src/a.ts', "import * as k8s from '@kubernetes/client-node';", /imported outside server\/src\/runIo\//],
  [
    'server/src/lsp/a.ts',
    "type K = typeof import('@kubernetes/client-node/dist/config.js');",
    /imported outside server\/src\/runIo\//,
  ],
  ['client/src/a.ts', "import { parseCfg } from '../../server/src/core/reader';", /client imports server code/],
  [
    'client/src/commands/a.ts',
    "import { prepareClusterRun } from '../../../server/src/core/run';",
    /client imports only protocol\/ and the run module's index/,
  ],
  [
    'server/src/ide/a.ts',
    "import { mergeKubeconfigs } from '../runIo/kubeconfig';",
    /ide imports '..\/runIo\/kubeconfig' from runIo\//,
  ],
  ['server/src/ide/x/a.ts', "import type { KubeApi } from '../../runIo';", /ide\/ imports no runIo\//],
  [
    'client/src/a.ts',
    "import { followPodLog } from '../../server/src/runIo/followPodLog';",
    /client imports server code/,
  ],
];

for (const [file, text, rule] of VIOLATIONS) {
  test(`a violation is caught: ${file}: ${text}`, () => {
    const found = checkFile(file, text);
    assert.ok(
      found.some((v) => rule.test(v.rule) && v.line === 1),
      `expected ${rule} at line 1, found:\n${format(found)}`,
    );
  });
}

const ALLOWED: [file: string, text: string][] = [
  ['server/src/core/a.ts', "import { parseCfg } from './reader';\nimport type { Range } from '../core/text/range';"],
  [
    'server/src/core/a.ts',
    '// process.env is read by the caller\nexport function f(env: { process?: string }) { return env.process; }',
  ],
  ['server/src/core/a.ts', 'export function run(process: string) { return process.length; }'],
  [
    'server/src/lsp/handlers/hover.ts',
    "import type { Hover } from 'vscode-languageserver';\nimport { x } from '../../ide/hover';",
  ],
  ['server/src/server.ts', "import { createConnection } from 'vscode-languageserver/node';"],
  [
    'server/src/lsp/handlers/a.ts',
    "import type { RunResult } from '../../core/run';\nimport { type Range } from '../../core/text/range';",
  ],
  [
    'server/src/lsp/handlers/a.ts',
    "type R = typeof import('../../core/run');\nexport type { Json } from '../../core/json';",
  ],
  ['server/src/lsp/toProtocol.ts', "import { originText } from '../core/run';"],
  [
    'server/src/runIo/kubeApi.ts',
    "import * as k8s from '@kubernetes/client-node';\nimport { readFile } from 'node:fs/promises';",
  ],
  ['server/src/cli/nodeIo.ts', "import { openSync } from 'node:fs';\nimport { resolve } from 'node:path';"],
  ['client/src/a.ts', "import * as vscode from 'vscode';\nimport { RunRequest } from '../../protocol/run';"],
  ['client/src/a.ts', "import { RunRequest } from '../../server/src/protocol/run';"],
  ['client/src/cluster/a.ts', "import { runDriverPod } from '../../../server/src/runIo';"],
  ['server/src/ide/a.ts', "import { mergeKubeconfigs } from '../core/kube/kubeconfig';"],
];

for (const [file, text] of ALLOWED) {
  test(`allowed: ${file}: ${text.split('\n')[0]}`, () => {
    assert.deepEqual(checkFile(file, text), []);
  });
}

test('a second file importing @kubernetes/client-node is caught, one is allowed', () => {
  const adapter = { file: 'server/src/runIo/kubeApi.ts', text: "import * as k8s from '@kubernetes/client-node';" };
  const second = {
    file: 'server/src/runIo/logs.ts',
    text: "import type { Log } from '@kubernetes/client-node/dist/log.js';",
  };
  assert.deepEqual(checkKubernetesAdapters([adapter]), []);
  const found = checkKubernetesAdapters([adapter, second]);
  assert.deepEqual(
    found.map((v) => v.file),
    [adapter.file, second.file],
  );
  assert.match(found[0].rule, /2 files import/);
});

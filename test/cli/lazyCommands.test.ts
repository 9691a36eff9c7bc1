// `dbnd-cfg` loads a command's module only when that command runs (cli/commands.ts): `lint` never starts the
// cluster I/O that `run` needs (node:http/https, and client-node, a file of its own next to the bundle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../server/src/cli/commands';
import { CLI_JS } from '../support/paths';

test("each entry of the command table is named as its module's command", async () => {
  for (const entry of COMMANDS) assert.equal((await entry.load()).name, entry.name);
});

/** The Node built-in modules and the files of dist/cli a `dbnd-cfg ARGS` process loaded, seen at its exit. */
function loadedBy(args: readonly string[]): { code: number | null; builtins: string[]; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-lazy-'));
  try {
    const probe = join(dir, 'probe.js');
    const report = join(dir, 'loaded.json');
    // Preloaded with -r: at exit, the built-ins Node loaded and the modules in require's cache (client-node's
    // file is loaded with import(), which caches a CommonJS file there too).
    writeFileSync(
      probe,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({
        builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
        files: Object.keys(require.cache),
      })));`,
    );
    const cfg = join(dir, 'project.cfg');
    writeFileSync(cfg, '[your_kubernetes_engine]\n_type = kubernetes\nnamespace = x\n');
    const r = spawnSync(process.execPath, ['-r', probe, CLI_JS, ...args.map((a) => (a === 'CFG' ? cfg : a))], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (r.error) throw r.error;
    const loaded = JSON.parse(readFileSync(report, 'utf8')) as { builtins: string[]; files: string[] };
    return { code: r.status, ...loaded };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('lint loads neither the cluster I/O nor the Kubernetes client', () => {
  const lint = loadedBy(['lint', 'CFG']);
  assert.equal(lint.code, 0);
  for (const builtin of ['http', 'https', 'tls', 'crypto'])
    assert.ok(!lint.builtins.includes(builtin), `lint loaded node:${builtin}`);
  assert.deepEqual(
    lint.files.filter((f) => f.endsWith('kubernetes-client.js')),
    [],
    'lint loaded the Kubernetes client',
  );
  // The probe sees what `run` loads: its module starts the cluster I/O.
  const run = loadedBy(['run', '--help']);
  assert.equal(run.code, 0);
  assert.ok(run.builtins.includes('https'), `run --help: ${run.builtins.join(' ')}`);
});

// dbnd-cfg reads every file through its CliIo (server/src/cli/command.ts): given an in-memory CliIo, each command
// finds the project, reads its files and the case folder from it and never from the disk. The layer test holds
// the rule in the source (only cli/nodeIo.ts imports node:fs); this shows the commands really use the io.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CliIo } from '../../server/src/cli/command';
import { runCli } from '../../server/src/cli/runCli';

/** A CliIo over an in-memory disk, failing like node:fs for what is not there. */
function memoryIo(files: Record<string, string>, cwd: string, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const folders = new Set(Object.keys(files).flatMap((p) => p.split('/').map((_, i, a) => a.slice(0, i).join('/'))));
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (path, maxBytes) => {
      if (folders.has(path)) throw Object.assign(new Error(`EISDIR: read '${path}'`), { code: 'EISDIR' });
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: open '${path}'`), { code: 'ENOENT' });
      return new TextEncoder().encode(text).subarray(0, maxBytes + 1);
    },
    env,
    cwd,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const PROJECT = {
  '/mem/proj/.dbnd/databand-system.cfg': '[run]\nenvironments = ["local", "k8s"]\n',
  '/mem/proj/project.cfg':
    '[k8s]\n_from = local\nremote_engine = k8s_engine\n\n[k8s_engine]\n_type = kubernetes\n' +
    'container_repository = repo/x\ncontainer_tag = v1\nnamespace = from-memory\n',
};

test('effective discovers the project and reads its files through the io, not from the disk', async () => {
  const { io, out, err } = memoryIo(PROJECT, '/mem/proj/sub');
  const code = await runCli(['effective', '--env', 'k8s'], io);
  assert.equal(code, 0, err());
  assert.match(out(), /from-memory/);
  assert.match(out(), /\/mem\/proj\/project\.cfg/);
});

test('lint without files lints the in-memory project found from the current folder', async () => {
  const broken = { ...PROJECT, '/mem/proj/project.cfg': '[k8s]\n_from = local\n[k8s]\nx = 1\n' };
  const { io, out } = memoryIo(broken, '/mem/proj');
  const code = await runCli(['lint'], io);
  assert.equal(code, 1);
  assert.match(out(), /project\.cfg:3:\d+: error duplicate-section/);
});

test('case reads the case folder through the io, relative to its current folder', async () => {
  const { io, out, err } = memoryIo(
    {
      '/mem/cases/one/case.json': JSON.stringify({ files: ['databand-system.cfg'], env: 'local' }),
      '/mem/cases/one/files/databand-system.cfg': '[core]\ndataband_url = http://from-memory\n',
    },
    '/mem/cases',
  );
  const code = await runCli(['case', 'one'], io);
  assert.equal(code, 0, err());
  assert.match(out(), /from-memory/);
});

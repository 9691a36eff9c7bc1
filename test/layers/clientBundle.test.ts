// The extension host runs no dbnd engine: the language server prepares runs (dbnd/prepareClusterRun), so the
// client bundle holds no core/run code and, of the core, only the rules the run's I/O applies to what the cluster
// answers (core/lifecycle: pod failure reasons and deploy errors; core/kube: kubeconfig merging). Read from
// esbuild's metafile of the client bundle (scripts/build.mjs writes it next to the bundle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repoPath } from '../support/paths';

/** The core files the run's I/O module may bring into the client, by folder (anything else fails the test). */
const CORE_ALLOWED_IN_CLIENT = ['lifecycle/', 'kube/', 'python/', 'result.ts'];

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

/** Repository-relative source paths of the client bundle, with the bytes each adds. */
function clientInputs(): [path: string, bytes: number][] {
  const meta = JSON.parse(readFileSync(repoPath('dist', 'client', 'meta.json'), 'utf8')) as Metafile;
  const bundle = meta.outputs['dist/client/extension.js'];
  assert.ok(bundle, `no dist/client/extension.js in the metafile: ${Object.keys(meta.outputs).join(', ')}`);
  return Object.entries(bundle.inputs).map(([path, input]) => [path, input.bytesInOutput]);
}

const coreFile = (path: string) => /(^|\/)server\/src\/core\/(.*)$/.exec(path)?.[2];

test('the client bundle holds no core/run code', () => {
  const inputs = clientInputs();
  assert.ok(
    inputs.some(([p]) => p.startsWith('client/src/')),
    'the metafile lists no client source: the check is broken',
  );
  const run = inputs.filter(([p]) => coreFile(p)?.startsWith('run/'));
  assert.deepEqual(run, [], 'core/run reached the client bundle');
});

test("the client bundle holds of the core only what the run's I/O applies (lifecycle, kubeconfig rules)", () => {
  const core = clientInputs().flatMap(([p, bytes]) => {
    const file = coreFile(p);
    return file !== undefined && bytes > 0 ? [file] : [];
  });
  const unexpected = core.filter((f) => !CORE_ALLOWED_IN_CLIENT.some((allowed) => f.startsWith(allowed)));
  assert.deepEqual(unexpected, [], `core code in the client bundle: ${unexpected.join(', ')}`);
});

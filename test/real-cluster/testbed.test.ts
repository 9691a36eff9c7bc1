// What every cluster test relies on: scripts/test.mjs started the k8s testbed with a real node and the fault proxy,
// and passed its coordinates (KUBECONFIG, K8S_TESTBED_*) in the environment. Run with `npm run test:cluster`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';

function required(name: string): string {
  const value = process.env[name];
  assert.ok(
    value,
    `${name} is not set: cluster tests run through scripts/test.mjs (npm run test:cluster), which starts the testbed`,
  );
  return value;
}

/** The fields of /version and of a Node that these checks read. */
interface ApiBody {
  readonly gitVersion?: string;
  readonly status?: { readonly conditions?: readonly { readonly type: string; readonly status: string }[] };
}

/**
 * GET on the API server as the testbed's admin (token auth, the testbed's CA), deliberately without the cluster
 * module, so a fault in the module cannot pass for a harness fault.
 */
function apiGet(path: string): Promise<{ status: number; body: ApiBody }> {
  const url = new URL(path, required('K8S_TESTBED_APISERVER'));
  const ca = readFileSync(required('K8S_TESTBED_CA'));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { ca, headers: { Authorization: `Bearer ${required('K8S_TESTBED_TOKEN')}` }, timeout: 30_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

test('the environment names the testbed: a kubeconfig file and the API server on 127.0.0.1', () => {
  assert.ok(existsSync(required('KUBECONFIG')));
  assert.match(required('K8S_TESTBED_APISERVER'), /^https:\/\/127\.0\.0\.1:\d+$/);
});

test('the API server answers as Kubernetes v1.20.2', async () => {
  const { status, body } = await apiGet('/version');
  assert.equal(status, 200);
  assert.equal(body.gitVersion, 'v1.20.2');
});

test('the real node is Ready', async () => {
  const { status, body } = await apiGet('/api/v1/nodes/localhost');
  assert.equal(status, 200);
  const ready = body.status?.conditions?.find((c) => c.type === 'Ready');
  assert.equal(ready?.status, 'True');
});

test('the fault proxy is running and has no fault set', async () => {
  const res = await fetch(`${required('K8S_TESTBED_PROXY_CONTROL')}/faults`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {});
});

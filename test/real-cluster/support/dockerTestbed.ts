// The Docker testbed (test/docker-testbed) as the cluster tests see it: DOCKER_HOST and the registry
// `registry.testbed` that the k8s testbed's containerd pulls from over plain http, the base image a test's
// Dockerfile starts FROM, and the rule for a missing testbed: skip on a developer's machine, fail in CI.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { TestContext } from 'node:test';

export interface DockerTestbed {
  /** The registry's host name, port-less as dbnd needs it: `registry.testbed`. */
  readonly registry: string;
  /** The local busybox image a Dockerfile can start FROM (never pulled). */
  readonly baseImage: string;
}

export function requireDockerTestbed(t: TestContext): DockerTestbed | null {
  const registry = process.env.DOCKER_TESTBED_REGISTRY;
  const baseImage = process.env.DOCKER_TESTBED_BASE_IMAGE;
  if (registry && baseImage && process.env.DOCKER_HOST) return { registry, baseImage };
  if (process.env.CI === 'true')
    throw new Error(
      'CI=true but no Docker testbed in the environment (DOCKER_HOST, DOCKER_TESTBED_*): the test command must start it',
    );
  t.skip('no Docker testbed in the environment (run `docker-testbed up` and `eval "$(docker-testbed env)"`)');
  return null;
}

export interface Done {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the docker client against the testbed's daemon (DOCKER_HOST from the environment). */
export function docker(args: readonly string[], cwd?: string): Promise<Done> {
  return new Promise((resolve) => {
    execFile('docker', [...args], { cwd, env: process.env, timeout: 300_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A repository name no other test or run on this host uses. */
export const uniqueRepository = (registry: string, prefix: string) =>
  `${registry}/${prefix}-${randomBytes(4).toString('hex')}`;

/** The registry's tags of a repository (`registry.testbed/name`), as its /v2/ API lists them; [] when unknown. */
export async function registryTags(repository: string): Promise<string[]> {
  const slash = repository.indexOf('/');
  const r = await fetch(`http://${repository.slice(0, slash)}/v2/${repository.slice(slash + 1)}/tags/list`);
  if (r.status === 404) return [];
  if (!r.ok) throw new Error(`the registry answered ${r.status} for the tags of ${repository}`);
  return ((await r.json()) as { tags?: string[] | null }).tags ?? [];
}

export interface PodEvent {
  readonly reason: string;
  readonly message: string;
}

/**
 * The events of a pod (they outlive the pod), read as the testbed's admin without the cluster module: what the
 * kubelet says it pulled and started.
 */
export function podEvents(pod: string, namespace: string): Promise<PodEvent[]> {
  const server = process.env.K8S_TESTBED_APISERVER;
  const ca = process.env.K8S_TESTBED_CA;
  const token = process.env.K8S_TESTBED_TOKEN;
  if (!server || !ca || !token) return Promise.reject(new Error('K8S_TESTBED_APISERVER, _CA and _TOKEN must be set'));
  const url = new URL(`/api/v1/namespaces/${namespace}/events`, server);
  url.searchParams.set('fieldSelector', `involvedObject.kind=Pod,involvedObject.name=${pod}`);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { ca: readFileSync(ca), headers: { Authorization: `Bearer ${token}` }, timeout: 30_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`GET ${url}: ${res.statusCode} ${text}`));
          const items = (JSON.parse(text) as { items: { reason?: string; message?: string }[] }).items;
          resolve(items.map((e) => ({ reason: e.reason ?? '', message: e.message ?? '' })));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

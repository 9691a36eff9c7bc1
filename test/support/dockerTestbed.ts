// The Docker testbed (test/docker-testbed) as the cluster tests and the extension tests see it: DOCKER_HOST and
// the registry `registry.testbed` that the k8s testbed's containerd pulls from over plain http, the base image a
// test's Dockerfile starts FROM, the rule for a missing testbed (skip on a developer's machine, fail in CI), and the
// guide's configuration (test/workspace: empty container_tag, docker_build = True) laid out for the testbeds.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { repoPath } from './paths';

export interface DockerTestbed {
  /** The registry's host name, port-less as dbnd needs it: `registry.testbed`. */
  readonly registry: string;
  /** The local busybox image a Dockerfile can start FROM (never pulled). */
  readonly baseImage: string;
}

/** The reason a test without the Docker testbed in its environment is skipped (locally). */
export const NO_DOCKER_TESTBED =
  'no Docker testbed in the environment (run `docker-testbed up` and `eval "$(docker-testbed env)"`)';

/**
 * The Docker testbed of the environment; null when there is none (the caller skips), and an error in CI, where a
 * missing testbed is a broken setup. `skip` is the test framework's (node:test's t.skip, mocha's this.skip).
 */
export function requireDockerTestbed(skip: (reason: string) => void): DockerTestbed | null {
  const registry = process.env.DOCKER_TESTBED_REGISTRY;
  const baseImage = process.env.DOCKER_TESTBED_BASE_IMAGE;
  if (registry && baseImage && process.env.DOCKER_HOST) return { registry, baseImage };
  if (process.env.CI === 'true')
    throw new Error(
      'CI=true but no Docker testbed in the environment (DOCKER_HOST, DOCKER_TESTBED_*): the test command must start it',
    );
  skip(NO_DOCKER_TESTBED);
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

/** Polls the pod's events until the kubelet has reported `reason` (events are recorded asynchronously). */
export async function waitForPodEvent(pod: string, reason: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const events = await podEvents(pod, 'default');
    const found = events.find((e) => e.reason === reason);
    if (found) return { found, events };
    if (Date.now() > until) throw new Error(`no ${reason} event for pod ${pod}; events: ${JSON.stringify(events)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A Dockerfile FROM the testbed's busybox base that bakes `marker` into /baked.txt, so a pod proves its image. */
export const dockerfile = (base: string, marker: string) =>
  [`FROM ${base}`, 'COPY . /project', `RUN echo ${marker} > /baked.txt`, ''].join('\n');

/** The lines the guide's driver pod prints on the testbed: the image's baked marker, then that the driver ran. */
export const guideRunOutput = (marker: string) => [marker, 'driver-ran'];

/**
 * The guide's configuration (test/workspace) as DBND_HOME in `dir` (created if missing), with what the testbeds
 * need laid over it and a Dockerfile FROM the testbed's base that bakes `marker` into the image. Throws when
 * test/workspace no longer has what the guide's run is about (an empty container_tag with docker_build = True).
 */
export function writeGuideProject(dir: string, repository: string, base: string, marker: string): void {
  const workspace = repoPath('test', 'workspace');
  const system = readFileSync(join(workspace, '.dbnd', 'databand-system.cfg'), 'utf8');
  // The point of the tests: the guide leaves the tag empty and lets dbnd build. If the workspace changes, say so.
  if (!/^container_tag =[ \t]*$/m.test(system)) throw new Error('test/workspace no longer has an empty container_tag');
  if (!/^docker_build = True$/m.test(system)) throw new Error('test/workspace no longer has docker_build = True');
  const header = '[your_kubernetes_engine]\n';
  const project = readFileSync(join(workspace, 'project.cfg'), 'utf8');
  if (!project.includes(header)) throw new Error('test/workspace/project.cfg has no [your_kubernetes_engine] section');
  mkdirSync(dir, { recursive: true });
  cpSync(join(workspace, '.dbnd'), join(dir, '.dbnd'), { recursive: true });
  const overrides = [
    `container_repository = ${repository}`,
    // the testbed's kubeconfig context and namespace instead of the guide's databand_context / databand
    'cluster_context = testbed',
    'namespace = default',
    // the guide's secret databand-secret does not exist on the testbed
    'secrets = []',
    // busybox stands in for dbnd: the driver command's own arguments become ignored positional parameters
    'dbnd_executable = ["sh", "-c", "cat /baked.txt; echo driver-ran", "sh"]',
  ];
  writeFileSync(join(dir, 'project.cfg'), project.replace(header, header + overrides.join('\n') + '\n'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile(base, marker));
}

/** `dbnd_build_<UTC %Y%m%d_%H%M%S>` → epoch ms, or NaN. */
export function buildTagTime(tag: string): number {
  const m = /^dbnd_build_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/.exec(tag);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

/** Whether `tag` is dbnd's build tag stamped between `started` and `ended` (UTC, to the second). */
export function stampedWithin(tag: string, started: number, ended: number): boolean {
  const stamp = buildTagTime(tag);
  return stamp >= Math.floor(started / 1000) * 1000 && stamp <= ended;
}

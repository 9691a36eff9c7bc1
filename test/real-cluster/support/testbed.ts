// The real Kubernetes testbed as the cluster tests see it: its environment (from `testbed env`), its kit script for
// control-plane faults, the fault proxy's control port, and the rule for a missing cluster: skip on a developer's
// machine, fail in CI (CI=true), where the test command starts the testbed.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';

export interface Testbed {
  readonly kubeconfig: string;
  readonly run: string | undefined;
  readonly proxyControl: string | undefined;
  /** The kit's `testbed` script, for apiserver kill/start and the proxy. */
  readonly script: string | undefined;
}

export function testbedFromEnv(): Testbed | null {
  const kubeconfig = process.env.KUBECONFIG;
  if (!kubeconfig || !process.env.K8S_TESTBED_APISERVER) return null;
  const kits = [process.env.K8S_TESTBED_KIT, resolve('test/k8s-testbed')].filter((k): k is string => Boolean(k));
  const kit = kits.find((k) => existsSync(join(k, 'testbed')));
  return {
    kubeconfig,
    run: process.env.K8S_TESTBED_RUN,
    proxyControl: process.env.K8S_TESTBED_PROXY_CONTROL,
    script: kit ? join(kit, 'testbed') : undefined,
  };
}

/** The testbed, or: a skip outside CI, a failure in CI. */
export function requireTestbed(t: TestContext): Testbed | null {
  const tb = testbedFromEnv();
  if (tb) return tb;
  if (process.env.CI === 'true')
    throw new Error(
      'CI=true but no Kubernetes testbed in the environment (KUBECONFIG, K8S_TESTBED_APISERVER): the test command must start it',
    );
  t.skip('no Kubernetes testbed in the environment (run `testbed up` and `eval "$(testbed env)"`)');
  return null;
}

/** Runs the kit script (`apiserver kill`, `proxy start`, ...) with the testbed's run folder, without blocking. */
export function testbedScript(tb: Testbed, ...args: string[]): Promise<string> {
  const script = tb.script;
  if (!script)
    return Promise.reject(
      new Error('the testbed kit script is not found: set K8S_TESTBED_KIT or copy the kit to test/k8s-testbed'),
    );
  return new Promise((resolvePromise, reject) => {
    execFile('bash', [script, ...args], { env: process.env, timeout: 300_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`testbed ${args.join(' ')} failed: ${err.message}\n${stderr}${stdout}`));
      else resolvePromise(stdout);
    });
  });
}

/** Asks the fault proxy for a fault (`/fault?name=...`); starts the proxy first if it is not running. */
export async function proxyFault(tb: Testbed, query: string): Promise<void> {
  if (!tb.proxyControl) throw new Error('K8S_TESTBED_PROXY_CONTROL is not set');
  const reachable = await fetch(`${tb.proxyControl}/faults`).then(
    (r) => r.ok,
    () => false,
  );
  if (!reachable) await testbedScript(tb, 'proxy', 'start');
  const r = await fetch(`${tb.proxyControl}/${query}`);
  if (!r.ok) throw new Error(`proxy ${query}: ${r.status} ${await r.text()}`);
}

export async function proxyReset(tb: Testbed): Promise<void> {
  if (tb.proxyControl) await fetch(`${tb.proxyControl}/reset`).catch(() => undefined);
}

const DEFAULT_ENGINE = [
  'container_repository = testbed/busybox',
  'container_tag = 1',
  'image_pull_policy = IfNotPresent',
  'namespace = default',
  'pod_default_retry_delay = 1s',
];

/** A dbnd project folder whose env `tb` runs busybox pods on the testbed. `engine` adds lines to [tb_k8s]. */
export function makeProject(engine: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-cluster-'));
  writeFileSync(
    join(dir, 'project.cfg'),
    [
      '[run]',
      "environments = ['local', 'tb']",
      '',
      '[tb]',
      '_from = local',
      'remote_engine = tb_k8s',
      '',
      '[tb_k8s]',
      '_type = kubernetes',
      // A key given in `engine` replaces the default line (configparser refuses a key twice in a section).
      ...DEFAULT_ENGINE.filter((d) => !engine.some((e) => e.split('=')[0].trim() === d.split('=')[0].trim())),
      ...engine,
      '',
    ].join('\n'),
  );
  return dir;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the bundled CLI. `onStderr` sees stderr as it arrives and may act (e.g. send SIGINT). */
export function runCli(
  args: readonly string[],
  options: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    onStderr?: (soFar: string, child: ReturnType<typeof spawn>) => void;
  },
): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [resolve('dist/cli/dbnd-cfg.js'), ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    options.onStderr?.(stderr, child);
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
  return new Promise((done) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      done({ code, signal, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

/** Every token of the testbed's kubeconfig: none may ever appear in output. */
export const TESTBED_TOKENS = ['testbed-admin-token', 'testbed-viewer-token', 'testbed-nobody-token'];

/**
 * Evicts a pod through the eviction API as `kubectl drain` does (policy/v1beta1: Kubernetes 1.20 refuses a
 * policy/v1 body), as the testbed's admin; resolves with the HTTP status (201 when the eviction was accepted).
 */
export function evictPod(name: string, namespace: string): Promise<number> {
  const server = process.env.K8S_TESTBED_APISERVER;
  const ca = process.env.K8S_TESTBED_CA;
  const token = process.env.K8S_TESTBED_TOKEN;
  if (!server || !ca || !token) return Promise.reject(new Error('K8S_TESTBED_APISERVER, _CA and _TOKEN must be set'));
  const url = new URL(`/api/v1/namespaces/${namespace}/pods/${name}/eviction`, server);
  const body = JSON.stringify({ apiVersion: 'policy/v1beta1', kind: 'Eviction', metadata: { name, namespace } });
  return new Promise((resolvePromise, reject) => {
    const req = httpsRequest(
      url,
      {
        method: 'POST',
        ca: readFileSync(ca),
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolvePromise(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`POST ${url} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

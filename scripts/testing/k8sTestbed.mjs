// The Kubernetes testbed (test/k8s-testbed) for the cluster tests: a real node (`up --node real`) and the fault
// proxy, started on settings that cannot collide with a developer's cluster or with another test run on this host,
// and always stopped again.
//
// Isolation: each run takes a numbered slot (a lock file holding its PID; a dead PID frees it). The slot gives the
// run folder, pod CIDR, bridge and cgroup root, which must differ between two real testbeds on one host; the ports
// are picked free at start. DBND_TEST_REUSE_CLUSTER=1 uses an already running testbed instead (K8S_TESTBED_RUN or
// the kit's default run folder) and leaves it running.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePorts, onInterrupt, run } from './processes.mjs';

export const K8S_KIT = 'test/k8s-testbed/testbed';
const DEFAULT_CACHE = '/var/cache/databand-vscode/k8s-testbed';
const SLOTS_DIR = '/tmp/dbnd-k8s-slots';
const SLOT_COUNT = 20;
const PORT_VARIABLES = [
  'K8S_TESTBED_APISERVER_PORT',
  'K8S_TESTBED_ETCD_PORT',
  'K8S_TESTBED_ETCD_PEER_PORT',
  'K8S_TESTBED_KUBELET_PORT',
  'K8S_TESTBED_KUBELET_HEALTHZ_PORT',
  'K8S_TESTBED_FAKE_KUBELET_PORT',
  'K8S_TESTBED_PROXY_PORT',
  'K8S_TESTBED_PROXY_CONTROL_PORT',
];

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** The first free slot; a slot whose owner died is taken over (its leftovers are stopped by the caller). */
function acquireSlot() {
  mkdirSync(SLOTS_DIR, { recursive: true });
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    const lock = join(SLOTS_DIR, `${slot}.lock`);
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return { slot, lock };
    } catch {
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner && isAlive(owner)) continue;
      rmSync(lock, { force: true });
      try {
        writeFileSync(lock, String(process.pid), { flag: 'wx' });
        return { slot, lock };
      } catch {
        // another run took it first
      }
    }
  }
  throw new Error(`all ${SLOT_COUNT} testbed slots in ${SLOTS_DIR} are held by running test processes`);
}

/** KUBECONFIG and K8S_TESTBED_* as `testbed env` prints them, read through bash so quoting is bash's own. */
async function testbedEnv(env) {
  const r = await run('bash', ['-c', 'eval "$("$0" env)" && env -0', K8S_KIT], { env, quiet: true });
  if (r.code !== 0) throw new Error(`testbed env failed: ${r.stderr.trim()}`);
  return Object.fromEntries(
    r.stdout
      .split('\0')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
      .filter(([name]) => name === 'KUBECONFIG' || name.startsWith('K8S_TESTBED_')),
  );
}

/**
 * Starts the testbed (or finds the running one to reuse) and returns the environment for the cluster tests and a
 * stop() that must be called in a finally. Throws with the reason when the cluster cannot come up.
 */
export async function startK8sTestbed() {
  const base = { ...process.env, K8S_TESTBED_CACHE: process.env.K8S_TESTBED_CACHE ?? DEFAULT_CACHE };
  if (process.env.DBND_TEST_REUSE_CLUSTER === '1') {
    const env = await testbedEnv(base);
    console.log(`test: reusing the running k8s testbed in ${env.K8S_TESTBED_RUN} (DBND_TEST_REUSE_CLUSTER=1)`);
    return { env: { ...base, ...env }, stop: async () => {} };
  }

  const { slot, lock } = acquireSlot();
  const ports = await freePorts(PORT_VARIABLES.length);
  const env = {
    ...base,
    ...Object.fromEntries(PORT_VARIABLES.map((name, i) => [name, String(ports[i])])),
    K8S_TESTBED_RUN: `/tmp/dbnd-k8s-${slot}`,
    K8S_TESTBED_POD_CIDR: `10.${210 + slot}.0.0/24`,
    K8S_TESTBED_CNI_BRIDGE: `dbnd-tb${slot}`,
    K8S_TESTBED_CGROUP_ROOT: `dbnd-testbed-${slot}`,
    // up waits this long for the API server and the node; the default 90 s is too short on a loaded 2-core host.
    K8S_TESTBED_TIMEOUT: process.env.K8S_TESTBED_TIMEOUT ?? '240',
  };
  const down = async () => {
    // down reads the settings (ports, bridge...) that up recorded in the run folder.
    if (existsSync(join(env.K8S_TESTBED_RUN, 'settings.env')))
      await run(K8S_KIT, ['down'], { env, timeoutMs: 180_000 });
  };
  const release = () => rmSync(lock, { force: true });
  const stop = async () => {
    try {
      await down();
    } finally {
      release();
      unregister();
    }
  };
  const unregister = onInterrupt(stop);

  // A run that was killed before its `down` leaves processes and a bridge behind in this slot: stop them first.
  if (existsSync(join(env.K8S_TESTBED_RUN, 'pids'))) {
    console.log(`test: stopping what a previous run left in ${env.K8S_TESTBED_RUN}`);
    await down();
  }
  console.log(
    `test: starting the k8s testbed (slot ${slot}, API server on 127.0.0.1:${env.K8S_TESTBED_APISERVER_PORT})`,
  );
  const node = process.env.DBND_TEST_K8S_NODE ?? 'real';
  const up = await run(K8S_KIT, ['up', '--node', node], { env, capture: true, timeoutMs: 600_000 });
  if (up.code !== 0) {
    await stop();
    throw new Error(`testbed up --node ${node} failed (exit ${up.code}); logs in ${env.K8S_TESTBED_RUN}/logs`);
  }
  const proxy = await run(K8S_KIT, ['proxy', 'start'], { env, timeoutMs: 120_000 });
  if (proxy.code !== 0) {
    await stop();
    throw new Error(`testbed proxy start failed (exit ${proxy.code})`);
  }
  // A fault test kills and restarts the API server: if a restart failed, the later stages would each wait out
  // their timeouts on a cluster that is not there. Checked between stages; the stage that lost it has failed.
  const restoreApiServer = async () => {
    const status = await run(K8S_KIT, ['status'], { env, quiet: true, timeoutMs: 60_000 });
    if (status.code === 0) return;
    console.log(`test: the k8s testbed is not whole after the last stage:\n${status.stdout}${status.stderr}`);
    if (!/apiserver https:\S+ NOT ready/.test(status.stdout)) return;
    const start = await run(K8S_KIT, ['apiserver', 'start'], { env, timeoutMs: 300_000 });
    console.log(`test: kube-apiserver start: exit ${start.code}`);
  };
  try {
    return { env: { ...env, ...(await testbedEnv(env)) }, stop, restoreApiServer };
  } catch (err) {
    await stop();
    throw err;
  }
}

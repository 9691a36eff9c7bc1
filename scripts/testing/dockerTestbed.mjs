// The Docker testbed (test/docker-testbed) for the cluster tests that build and push an image as dbnd does: a
// Docker daemon and the registry `registry.testbed` (port 80), from which the k8s testbed's containerd pulls.
//
// Port 80 and the registry's name are one per host, so concurrent test runs share one Docker testbed instead of
// taking slots: `up --holder <our PID>` starts it or joins the running one, and `down --holder <our PID>` stops it
// only when no other live holder is left (the kit serialises both under a lock). Each test pushes to a repository
// of its own name, so runs do not see each other's images.
import { onInterrupt, run } from './processes.mjs';

export const DOCKER_KIT = 'test/docker-testbed/docker-testbed';
const DEFAULT_CACHE = '/var/cache/databand-vscode/docker-testbed';

/** DOCKER_HOST, DOCKER_CONFIG and DOCKER_TESTBED_* as `docker-testbed env` prints them, read through bash. */
async function dockerTestbedEnv(env) {
  const r = await run('bash', ['-c', 'eval "$("$0" env)" && env -0', DOCKER_KIT], { env, quiet: true });
  if (r.code !== 0) throw new Error(`docker-testbed env failed: ${r.stderr.trim()}`);
  return Object.fromEntries(
    r.stdout
      .split('\0')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
      .filter(([name]) => ['DOCKER_HOST', 'DOCKER_CONFIG'].includes(name) || name.startsWith('DOCKER_TESTBED_')),
  );
}

/**
 * Starts (or joins) the Docker testbed and returns its environment and a stop() that must be called in a finally.
 * Throws with the reason when it cannot come up.
 */
export async function startDockerTestbed() {
  const env = { ...process.env, DOCKER_TESTBED_CACHE: process.env.DOCKER_TESTBED_CACHE ?? DEFAULT_CACHE };
  const holder = String(process.pid);
  const stop = async () => {
    try {
      await run(DOCKER_KIT, ['down', '--holder', holder], { env, timeoutMs: 180_000 });
    } finally {
      unregister();
    }
  };
  const unregister = onInterrupt(stop);
  console.log('test: starting the Docker testbed (dockerd + registry.testbed)');
  const up = await run(DOCKER_KIT, ['up', '--holder', holder], { env, capture: true, timeoutMs: 600_000 });
  if (up.code !== 0) {
    await stop();
    throw new Error(`docker-testbed up failed (exit ${up.code}); see the lines above`);
  }
  try {
    return { env: await dockerTestbedEnv(env), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

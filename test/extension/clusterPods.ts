// The k8s testbed as the extension's cluster suites use it: the API of the namespace the extension uses by default
// (the kubeconfig's current context, namespace default), dbnd-labelled pod bodies to create directly, and waits on
// a pod watch (no polling, no sleeps).
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openCluster, systemClock, watchPods, type KubeApi, type KubePod } from '../../server/src/runIo';
import { WAIT_TIMEOUT_MS } from './waitFor';

/** Skips (locally) or fails (in CI) when npm test did not hand the testbed's KUBECONFIG to the extension host. */
export function requireCluster(ctx: Mocha.Context): void {
  if (process.env.KUBECONFIG) return;
  if (process.env.CI)
    assert.fail('no KUBECONFIG in the extension host: npm test must start the k8s testbed before the extension tests');
  ctx.skip();
}

export function testbedApi(): Promise<KubeApi> {
  return openCluster({
    inCluster: false,
    configFile: null,
    clusterContext: null,
    context: null,
    namespace: 'default',
    env: process.env,
  });
}

/** A short random suffix: pod names and run uids of one test run never meet those of another. */
export const unique = () => randomBytes(3).toString('hex');

/** A pod labelled as dbnd labels a driver pod, running `script` in busybox; `extra` labels and annotations added. */
export function dbndPod(
  name: string,
  runUid: string,
  script: string,
  extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {},
): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      labels: { dbnd: 'dbnd-system-task-run', dbnd_run_uid: runUid, try_number: '1', ...extra.labels },
      annotations: extra.annotations ?? {},
    },
    spec: {
      restartPolicy: 'Never',
      // `sleep` as PID 1 ignores SIGTERM: a short grace period keeps deletions quick.
      terminationGracePeriodSeconds: 1,
      containers: [
        {
          name: 'base',
          image: 'testbed/busybox:1',
          imagePullPolicy: 'IfNotPresent',
          command: ['sh', '-c', script],
        },
      ],
    },
  };
}

/**
 * Resolves with the first pod list (of `labelSelector`) that `check` accepts, re-checked on every watch event.
 * `check` gets the pods the watch knows, by name.
 */
export function waitForPods<T>(
  api: KubeApi,
  labelSelector: string,
  check: (pods: ReadonlyMap<string, KubePod>) => T | undefined,
  what: string,
  ms = WAIT_TIMEOUT_MS * 2,
): Promise<T> {
  const pods = new Map<string, KubePod>();
  let synced = false;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      watch.stop();
      f();
    };
    const attempt = () => {
      if (!synced) return;
      const value = check(pods);
      if (value !== undefined) settle(() => resolve(value));
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`))), ms);
    const watch = watchPods(api, {
      selector: { labelSelector },
      clock: systemClock,
      onStatus: (s) => {
        if (s.kind !== 'synced') return;
        synced = true;
        attempt();
      },
      onEvent: (e) => {
        if (e.type === 'DELETED') pods.delete(e.pod.metadata?.name ?? '');
        else pods.set(e.pod.metadata?.name ?? '', e.pod);
        attempt();
      },
    });
    watch.done.catch((err: unknown) => settle(() => reject(err)));
  });
}

/** Gone, or on its way out (deletionTimestamp set): what a deletion request leaves behind at once. */
export const isGoneOrGoing = (pod: KubePod | undefined) => !pod || Boolean(pod.metadata?.deletionTimestamp);

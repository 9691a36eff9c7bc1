// The retry loop of runOnCluster on a simulated cluster and a manual clock (nothing waits for real): the reason
// key gives retry_count through pod_error_cfg_source_dict (else task_retries), the delay is pod_default_retry_delay
// whatever the entry's retry_delay says (docs/dbnd-rules.md §4.5), each try is a new pod with its try number in
// its name and labels, and the result names the reason that ended the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareClusterRun, runOnCluster, type RunEvent, type RunResult } from '../../server/src/cluster';
import { ManualClock } from './support/manualClock';
import { SimulatedCluster, type TryEnding } from './support/simulatedCluster';

/** The engine lines of [sim_k8s] after the image settings. */
function plan(engine: readonly string[]) {
  const text = [
    '[run]',
    "environments = ['local', 'sim']",
    '[sim]',
    '_from = local',
    'remote_engine = sim_k8s',
    '[sim_k8s]',
    '_type = kubernetes',
    'container_repository = testbed/busybox',
    'container_tag = 1',
    'namespace = ns',
    ...engine,
    '',
  ].join('\n');
  const prepared = prepareClusterRun({
    files: [{ path: '/project/project.cfg', text }],
    env: {},
    readFile: () => undefined,
    envName: 'sim',
    task: 'hello',
    set: [],
  });
  if (!prepared.ok) throw new Error(`${prepared.stage}: ${prepared.message}`);
  return prepared.run;
}

async function simulate(
  engine: readonly string[],
  endings: readonly TryEnding[],
  onEvent?: (e: RunEvent, abort: () => void) => void,
): Promise<{ result: RunResult; events: RunEvent[]; cluster: SimulatedCluster; clock: ManualClock; ms: number }> {
  const run = plan(engine);
  const cluster = new SimulatedCluster(endings);
  const clock = new ManualClock();
  const start = clock.now();
  const events: RunEvent[] = [];
  const ac = new AbortController();
  const result = await runOnCluster({
    api: cluster,
    podForTry: (n) => run.podForTry(n),
    policy: run.policy,
    clock,
    signal: ac.signal,
    onEvent: (e) => {
      events.push(e);
      onEvent?.(e, () => ac.abort());
    },
  });
  return { result, events, cluster, clock, ms: clock.now() - start };
}

const retries = (events: RunEvent[]) =>
  events.filter((e): e is Extract<RunEvent, { kind: 'retry' }> => e.kind === 'retry');

test('exit code 3 with retry_count 2: three pods numbered 1..3, 10 s apart, the entry retry_delay ignored', async () => {
  const { result, events, cluster, clock } = await simulate(
    ['pod_default_retry_delay = 10s', 'pod_error_cfg_source_dict = {"3": {"retry_count": 2, "retry_delay": "3m"}}'],
    [{ exitCode: 3 }, { exitCode: 3 }, { exitCode: 3 }],
  );
  assert.equal(result.outcome, 'failed');
  assert.equal(result.cause, 'exit-code');
  assert.equal(result.reason, '3');
  assert.equal(
    result.message,
    'the container exited with code 3 (Error) (reason "3" after 3 tries; 2 retries allowed by pod_error_cfg_source_dict)',
  );
  assert.deepEqual(
    result.tries.map((t) => [t.tryNumber, t.reason]),
    [
      [1, '3'],
      [2, '3'],
      [3, '3'],
    ],
  );

  // Each try a new pod: the try number ends its name and is its try_number label; a new attempt uid each time.
  const names = cluster.created.map((p) => p.metadata?.name ?? '');
  assert.equal(new Set(names).size, 3);
  names.forEach((name, i) => assert.match(name, new RegExp(`-${i + 1}$`)));
  assert.deepEqual(
    cluster.created.map((p) => p.metadata?.labels?.try_number),
    ['1', '2', '3'],
  );
  assert.equal(new Set(cluster.created.map((p) => p.metadata?.labels?.dbnd_task_run_attempt_uid)).size, 3);
  assert.deepEqual(result.tries.map((t) => t.podName).sort(), [...names].sort());
  // Every failed pod was deleted (keep_failed_pods is off).
  assert.deepEqual([...cluster.deleted].sort(), [...names].sort());

  // The delay: pod_default_retry_delay, slept on the clock (no real wait), and the user is told which rule gave it.
  assert.deepEqual(
    retries(events).map((e) => [e.nextTry, e.reason, e.retryCount, e.delaySeconds]),
    [
      [2, '3', 2, 10],
      [3, '3', 2, 10],
    ],
  );
  for (const e of retries(events))
    assert.equal(
      e.delayRule,
      "pod_default_retry_delay (10 s), as dbnd's runtime does; the entry's retry_delay (3m) is not used by dbnd",
    );
  assert.deepEqual(
    clock.sleeps.filter((ms) => ms === 10_000),
    [10_000, 10_000],
  );
  assert.ok(!clock.sleeps.includes(180_000), 'the entry retry_delay (3m) was not slept');
});

test('the retry delay happens between the tries: each next pod is created after it', async () => {
  const createdAt: number[] = [];
  const run = await simulate(
    ['pod_default_retry_delay = 7s', 'pod_error_cfg_source_dict = {"3": {"retry_count": 1}}'],
    [{ exitCode: 3 }, { exitCode: 0 }],
    (e) => {
      if (e.kind === 'submitted') createdAt.push(e.at);
    },
  );
  assert.equal(run.result.outcome, 'succeeded');
  assert.equal(run.result.reason, null);
  assert.equal(run.result.tries.length, 2);
  assert.ok(createdAt[1] - createdAt[0] >= 7_000, `tries ${createdAt[1] - createdAt[0]} ms apart`);
  assert.equal(retries(run.events)[0].delayRule, "pod_default_retry_delay (7 s), as dbnd's runtime does");
});

test('a reason missing from the dict falls back to task_retries (0): the run ends at once with that reason', async () => {
  const { result, events, cluster } = await simulate(
    ['pod_error_cfg_source_dict = {"3": {"retry_count": 5}}'],
    [{ exitCode: 137 }],
  );
  assert.equal(result.outcome, 'failed');
  assert.equal(result.reason, '137');
  assert.match(result.message, /\(reason "137"; 0 retries allowed by task_retries\)$/);
  assert.equal(retries(events).length, 0);
  assert.equal(cluster.created.length, 1);
});

test('the reason of each try decides: retries allowed for "3" do not carry over to a try that ends with "1"', async () => {
  const { result, cluster } = await simulate(
    ['pod_default_retry_delay = 1s', 'pod_error_cfg_source_dict = {"3": {"retry_count": 4}, "1": {"retry_count": 1}}'],
    [{ exitCode: 3 }, { exitCode: 3 }, { exitCode: 1 }],
  );
  // Try 3 ended with "1", whose retry_count (1) is below the try number: the run ends naming "1".
  assert.equal(cluster.created.length, 3);
  assert.equal(result.reason, '1');
  assert.match(
    result.message,
    /exited with code 1 .*\(reason "1" after 3 tries; 1 retry allowed by pod_error_cfg_source_dict\)/,
  );
});

test('a pod with no reason key (a failed phase with no container exit) uses task_retries', async () => {
  const evicted = { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' };
  const { result, cluster } = await simulate(['pod_error_cfg_source_dict = {}'], [{ status: evicted }]);
  assert.equal(result.outcome, 'failed');
  assert.equal(result.cause, 'pod-failed');
  assert.equal(result.reason, null);
  assert.equal(
    result.message,
    'the pod failed: Evicted (The node was low on resource: memory.) (no reason key; 0 retries allowed by task_retries)',
  );
  assert.equal(cluster.created.length, 1);
});

test('a dict entry without retry_count ends the run with the KeyError dbnd would raise', async () => {
  const { result, cluster } = await simulate(
    ['pod_error_cfg_source_dict = {"3": {"retry_delay": "1m"}}'],
    [{ exitCode: 3 }],
  );
  assert.equal(result.outcome, 'failed');
  assert.equal(result.reason, '3');
  assert.match(result.message, /dbnd would then fail on pod_error_cfg_source_dict with KeyError: 'retry_count'$/);
  assert.equal(cluster.created.length, 1);
});

test('cancel during the retry delay: no next pod, the run is cancelled', async () => {
  const { result, cluster } = await simulate(
    ['pod_default_retry_delay = 1h', 'pod_error_cfg_source_dict = {"3": {"retry_count": 3}}'],
    [{ exitCode: 3 }],
    (e, abort) => {
      if (e.kind === 'retry') abort();
    },
  );
  assert.equal(result.outcome, 'cancelled');
  assert.equal(result.message, 'cancelled between tries');
  assert.equal(cluster.created.length, 1);
});

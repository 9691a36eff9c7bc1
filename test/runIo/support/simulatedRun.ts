// A driver run of a small Kubernetes project on the simulated cluster and a manual clock: the plan from the core's
// prepareClusterRun (fixed ids and time), then runDriverPod, every event recorded.
import { prepareClusterRun, type ClusterRunPlan } from '../../../server/src/core/run';
import { runDriverPod, runPolicyFromEngine, type DriverRunResult, type RunEvent } from '../../../server/src/runIo';
import { ManualClock } from './manualClock';
import { SimulatedCluster, type TryEnding } from './simulatedCluster';

export const IDS = {
  runUid: 'run-uid-1',
  taskRunUid: '6a8330cc-aaaa',
  taskRunAttemptUid: 'attempt-1',
  resultFileUuid: 'result-1',
};
export const NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 678);

/** The plan of env `sim`, whose engine [sim_k8s] has these lines after the image settings. */
export function simPlan(engine: readonly string[]): ClusterRunPlan {
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
    environment: {},
    readFile: () => undefined,
    envName: 'sim',
    task: 'hello',
    set: [],
    ids: IDS,
    now: NOW,
  });
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.plan;
}

export interface SimulatedRun {
  readonly result: DriverRunResult;
  readonly events: RunEvent[];
  readonly cluster: SimulatedCluster;
  readonly clock: ManualClock;
}

/** `endings[0]` is how the driver pod ends; a second pod fails the simulated cluster. */
export async function simulateRun(
  engine: readonly string[],
  endings: readonly TryEnding[],
  options: { onEvent?: (e: RunEvent, abort: () => void) => void; abortFirst?: boolean } = {},
): Promise<SimulatedRun> {
  const plan = simPlan(engine);
  const cluster = new SimulatedCluster(endings);
  const clock = new ManualClock();
  const events: RunEvent[] = [];
  const ac = new AbortController();
  if (options.abortFirst) ac.abort();
  const result = await runDriverPod({
    api: cluster,
    pod: plan.pod,
    policy: runPolicyFromEngine(plan.engineValues),
    clock,
    signal: ac.signal,
    onEvent: (e) => {
      events.push(e);
      options.onEvent?.(e, () => ac.abort());
    },
  });
  return { result, events, cluster, clock };
}

// What the Databand Pods view writes for a run and a pod, kept apart from the view (no vscode import) so the words
// are unit-tested in Node: a pod's state as kubectl would say it (Terminating once deletionTimestamp is set), and a
// run named by what the user started (task and env from the driver's `dbnd run` command, and its start time)
// rather than by its uid.
import { summarizePod, type KubePod, type WatchStatus } from '../../../server/src/runIo';

export interface PodText {
  readonly label: string;
  /** Short enough for a normal sidebar: the state first, so that is what stays visible. */
  readonly description: string;
  readonly tooltip: string;
  /** A codicon id. */
  readonly icon: string;
  readonly failed: boolean;
}

/** kubectl's STATUS column: Terminating wins over the phase once the API server has been asked to delete the pod. */
export function podState(pod: KubePod): string {
  if (pod.metadata?.deletionTimestamp) return 'Terminating';
  const s = summarizePod(pod);
  return s.detail && s.phase !== 'Succeeded' ? s.detail : s.phase;
}

export function podText(pod: KubePod): PodText {
  const s = summarizePod(pod);
  const state = podState(pod);
  const terminating = state === 'Terminating';
  const lines = [
    s.name,
    `phase: ${s.phase}${terminating ? ' (being deleted)' : ''}`,
    ...(s.detail ? [`detail: ${s.detail}`] : []),
    ...(s.tryNumber ? [`try: ${s.tryNumber}`] : []),
    ...(s.failure ? [s.failure] : []),
    ...(s.reason ? [`dbnd's reason key: ${s.reason}`] : []),
  ];
  return {
    label: s.name,
    description: `${state}${s.tryNumber ? ` · try ${s.tryNumber}` : ''}`,
    tooltip: lines.join('\n'),
    icon: terminating
      ? 'trash'
      : s.phase === 'Succeeded'
        ? 'pass'
        : s.failure
          ? 'error'
          : s.phase === 'Running'
            ? 'sync~spin'
            : 'clock',
    failed: s.failure !== null,
  };
}

interface ContainerWithCommand {
  readonly command?: readonly string[] | null;
  readonly args?: readonly string[] | null;
  readonly env?: readonly { readonly name?: string; readonly value?: string | null }[] | null;
}

/** Task and env of a driver pod's `dbnd run TASK --env ENV …` command (DBND_ENV when --env is absent). */
function driverCommand(pod: KubePod): { task: string | null; env: string | null } | null {
  const container = pod.spec?.containers?.[0] as ContainerWithCommand | undefined;
  const argv = [...(container?.command ?? []), ...(container?.args ?? [])];
  const run = argv.indexOf('run');
  if (run < 0) return null;
  let task: string | null = null;
  let env: string | null = null;
  for (let i = run + 1; i < argv.length; i++) {
    if (argv[i] === '--env') env = argv[++i] ?? null;
    else if (argv[i].startsWith('--env=')) env = argv[i].slice('--env='.length);
    else if (argv[i].startsWith('-')) i++;
    else task ??= argv[i];
  }
  env ??= container?.env?.find((e) => e.name === 'DBND_ENV')?.value ?? null;
  return { task, env };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local time of day, with the date in front when it is not today. */
export function startedText(iso: string, now: Date): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const time = `${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
  const sameDay = t.toDateString() === now.toDateString();
  return sameDay ? time : `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${time}`;
}

export interface RunText {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
}

/** A run as its user knows it: `prepare_data · kubernetes_cluster_env`, started 12:03:04, with the uid in the tooltip. */
export function runText(runUid: string, pods: readonly KubePod[], now: Date): RunText {
  const driver = pods.find((p) => p.metadata?.labels?.dbnd === 'dbnd-system-task-run');
  const command = driver ? driverCommand(driver) : null;
  const taskPod = pods.find((p) => p.metadata?.labels?.dbnd === 'task-run-executor');
  const task = command?.task ?? taskPod?.metadata?.labels?.dbnd_task_family ?? null;
  const name = task
    ? `${task}${command?.env ? ` · ${command.env}` : ''}`
    : `run ${runUid.length > 8 ? runUid.slice(0, 8) : runUid}`;
  const created = pods
    .map((p) => p.metadata?.creationTimestamp ?? '')
    .filter((t) => t !== '')
    .sort()[0];
  const started = created ? startedText(created, now) : null;
  const count = `${pods.length} pod${pods.length === 1 ? '' : 's'}`;
  return {
    label: name,
    description: started ? `${started} · ${count}` : count,
    tooltip: [name, ...(created ? [`started ${created}`] : []), `run uid (label dbnd_run_uid): ${runUid}`, count].join(
      '\n',
    ),
  };
}

/**
 * The view's status line after a watch status. A resumed watch reports `watching`, not `synced` (no re-list is
 * needed when the resourceVersion is still valid), so that is what clears "Reconnecting…" once the cluster is back.
 */
export function messageAfter(status: WatchStatus, current: string | undefined): string | undefined {
  switch (status.kind) {
    case 'synced':
      return undefined;
    case 'watching':
      return current?.startsWith(RECONNECTING) ? undefined : current;
    case 'reconnecting':
      return `${RECONNECTING}: ${status.error}`;
    default:
      return current;
  }
}

export const RECONNECTING = 'Reconnecting';

/** What the view says when it lists nothing. */
export function emptyText(context: string, namespace: string): string {
  return `No dbnd pods in ${context} / ${namespace}. Pods of "Databand: Run Task on Cluster" appear here live.`;
}

/** Show Failure Reason's answer: dbnd's error and reason key, or why there is none yet. */
export function failureText(pod: KubePod): string {
  const s = summarizePod(pod);
  return s.failure
    ? `${s.name}: ${s.failure}${s.reason ? ` — dbnd's reason key is "${s.reason}" (pod_error_cfg_source_dict)` : ''}`
    : `${s.name} has not failed (${podState(pod)}${s.detail && s.detail !== podState(pod) ? `, ${s.detail}` : ''}).`;
}

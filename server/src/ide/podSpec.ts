// Feature: Pod spec — the Kubernetes Pod `dbnd run --env <env>` would submit for the project: the driver's, or
// one task's with what its `@task(task_config=...)` adds; or why there is none (dbnd's exception and the line
// that causes it, or an engine that is not Kubernetes). Values dbnd only knows at submission (run uids, the
// automatic image tag's build time) are stand-ins, listed with what they mean.
//
//   podSpec(analysis, { env: 'kubernetes_cluster_env', mode: 'task', taskName: 'prepare_data',
//                       taskConfig: { kubernetes: { limit_memory: '3Gi' } } })
//     → pod.spec.containers[0].resources.limits.memory = '3Gi'
import type { Json } from '../core/json';
import { renderContext, runDbnd } from '../core/run';
import type { Analysis } from './analysis';
import { type DbndFailure, dbndFailure, runBase } from './dbndRun';

export interface PodSpecOptions {
  /** `dbnd run --env`; absent: the snapshot's default environment, else dbnd's own choice. */
  readonly env?: string;
  /** Build this engine section instead of the environment's. */
  readonly engine?: string;
  /** `driver`: the pod `dbnd run` submits for the driver; `task`: the pod of one task. */
  readonly mode: 'driver' | 'task';
  /** The task (task mode): its name is also the pod name's stem. */
  readonly taskName?: string;
  /** `{section: {key: value}}` from `@task(task_config=...)` (task mode only: it never reaches the driver). */
  readonly taskConfig?: { readonly [section: string]: { readonly [key: string]: Json } };
}

export interface PodSpec {
  readonly env: string;
  readonly engine: string | null;
  /** The Pod request body as the Kubernetes API receives it; null when dbnd fails or builds no pod. */
  readonly pod: Json | null;
  /** Why there is no pod although dbnd does not fail. */
  readonly noPod: string | null;
  readonly error: DbndFailure | null;
  /** What dbnd does not say but the reader should know. */
  readonly notes: readonly string[];
  readonly placeholders: readonly { readonly value: string; readonly meaning: string }[];
  /** The URIs of the project's config files, in dbnd's order. */
  readonly files: readonly string[];
}

export function podSpec(analysis: Analysis, options: PodSpecOptions): PodSpec {
  const envName = options.env ?? analysis.snapshot.environmentName;
  const base = runBase(analysis);
  const task = options.mode === 'task';
  const render = renderContext(
    { mode: options.mode, ...(task ? { taskName: options.taskName } : {}) },
    base.environment,
  );
  const r = runDbnd({
    ...base,
    envName,
    engine: options.engine,
    taskConfig: task ? options.taskConfig : undefined,
    render,
  });
  return {
    env: r.settings?.envName ?? envName ?? 'local',
    engine: r.settings?.engineName ?? options.engine ?? null,
    pod: r.pod?.pod ?? null,
    noPod: r.noPod,
    error: r.failure ? dbndFailure(r.failure) : null,
    notes: r.notes,
    placeholders: r.placeholders.map((p) => ({ value: p.value, meaning: p.meaning })),
    files: analysis.files.map((f) => f.uri),
  };
}

// Runs a dbnd task on the testbed through the cluster module (not the CLI), recording its events and log lines.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openCluster,
  runDriverPod,
  runPolicyFromEngine,
  type DriverRunResult,
  type KubeApi,
  type LogLine,
  type RunEvent,
} from '../../../server/src/runIo';
import { prepareClusterRun } from '../../../server/src/core/run';

export interface ModuleRun {
  readonly result: DriverRunResult;
  readonly lines: LogLine[];
  readonly events: RunEvent[];
  readonly api: KubeApi;
  readonly runUid: string;
}

export interface ModuleRunOptions {
  readonly set?: readonly (readonly [string, string])[];
  readonly context?: string;
  /** Sees every event as it happens, with the API, e.g. to delete the pod once it runs. */
  readonly onEvent?: (event: RunEvent, api: KubeApi, abort: () => void) => void;
  readonly maxOutageMs?: number;
}

export async function moduleRun(projectDir: string, options: ModuleRunOptions = {}): Promise<ModuleRun> {
  const path = join(projectDir, 'project.cfg');
  const prepared = prepareClusterRun({
    files: [{ path, text: readFileSync(path, 'utf8') }],
    environment: process.env,
    readFile: (p) => readFileSync(p, 'utf8'),
    envName: 'tb',
    task: 'hello',
    set: (options.set ?? []).map(([k, v]) => `${k}=${v}`),
    context: options.context ?? null,
    ids: {
      runUid: randomUUID(),
      taskRunUid: randomUUID(),
      taskRunAttemptUid: randomUUID(),
      resultFileUuid: randomUUID(),
    },
    now: Date.now(),
  });
  if (!prepared.ok) throw new Error(`prepare failed: ${prepared.message}`);
  const plan = prepared.plan;
  const api = await openCluster({ ...plan.kubeconfig, env: process.env });
  const lines: LogLine[] = [];
  const events: RunEvent[] = [];
  const ac = new AbortController();
  const result = await runDriverPod({
    api,
    pod: plan.pod,
    policy: runPolicyFromEngine(plan.engineValues),
    signal: ac.signal,
    maxOutageMs: options.maxOutageMs,
    onEvent: (e) => {
      events.push(e);
      options.onEvent?.(e, api, () => ac.abort());
    },
    onLogLines: (batch) => lines.push(...batch),
  });
  return { result, lines, events, api, runUid: plan.runUid };
}

/** Pods of a run still in the namespace, not counting those already being deleted. */
export async function livePodsOfRun(api: KubeApi, runUid: string): Promise<string[]> {
  const list = await api.listPods({ labelSelector: `dbnd_run_uid=${runUid}` });
  return list.items.filter((p) => !p.metadata?.deletionTimestamp).map((p) => p.metadata?.name ?? '');
}

/** A shell command for debug_with_command that prints `n` numbered lines, optionally with a pause between. */
export function printLines(n: number, prefix = 'line', pause = ''): string {
  const body = pause ? `echo ${prefix}-$i; sleep ${pause}` : `echo ${prefix}-$i`;
  return `sh -c 'i=1; while [ $i -le ${n} ]; do ${body}; i=$((i+1)); done'`;
}

export const expectedLines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

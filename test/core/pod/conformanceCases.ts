// Loads the conformance cases that reach the pod stage and turns them into renderer inputs (docs/conformance.md §3–§7):
// engine values from expected `engine_config` overlaid with `pod_engine`, the render context from case.json,
// and the process environment of §4 plus `env_vars`. `{{FILES_DIR}}` becomes the case's absolute files folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineValues, PodRenderContext } from '../../../server/src/core/pod/types';
import { ORACLE_BASE_ENVIRONMENT } from '../../../server/src/core/conformance/caseInput';
import type { Json, JsonObject } from '../../../server/src/core/json';
import { CONFORMANCE_CASES_DIR } from '../../support/paths';

export const CASES_DIR = CONFORMANCE_CASES_DIR;

export interface PodCase {
  readonly name: string;
  readonly filesDir: string;
  readonly render: JsonObject;
  readonly expected: JsonObject;
  readonly engine: EngineValues;
  readonly env: Record<string, string>;
}

function substitute(value: Json, from: string, to: string): Json {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => substitute(v, from, to));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, from, to)]));
  }
  return value;
}

/** Writes the absolute folder back as `{{FILES_DIR}}`, as the oracle does in expected.json. */
export function placeholderBack(value: Json, filesDir: string): Json {
  return substitute(value, filesDir, '{{FILES_DIR}}');
}

export function loadPodCases(): PodCase[] {
  const out: PodCase[] = [];
  for (const name of readdirSync(CASES_DIR).sort()) {
    const dir = join(CASES_DIR, name);
    const filesDir = join(dir, 'files');
    const caseJson = substitute(
      JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Json,
      '{{FILES_DIR}}',
      filesDir,
    ) as JsonObject;
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as JsonObject;
    const error = expected.error as JsonObject | null;
    if (!caseJson.render || !expected.engine_config) continue;
    if (expected.pod === null && !(error && error.stage === 'pod')) continue;
    const engineConfig = expected.engine_config as JsonObject;
    const params = engineConfig.params as Record<string, JsonObject>;
    const values: Record<string, Json> = {};
    for (const [k, p] of Object.entries(params)) values[k] = substitute(p.value, '{{FILES_DIR}}', filesDir);
    const podEngine = substitute(expected.pod_engine ?? {}, '{{FILES_DIR}}', filesDir) as JsonObject;
    out.push({
      name,
      filesDir,
      render: caseJson.render as JsonObject,
      expected,
      engine: { ...values, engineName: engineConfig.name as string, ...podEngine } as EngineValues,
      env: { ...ORACLE_BASE_ENVIRONMENT, ...(caseJson.env_vars as Record<string, string>) },
    });
  }
  return out;
}

/** The render context of case.json's `render`, with the given container command. */
export function renderContext(c: PodCase, cmds: readonly string[]): PodRenderContext {
  const r = c.render;
  const envName = ((c.expected.env_config as JsonObject | null)?.name as string | undefined) ?? 'local';
  return {
    mode: r.mode as 'driver' | 'task',
    cmds,
    taskName: r.task_name as string,
    taskFamily: r.task_family as string,
    fullTaskFamilyShort: r.full_task_family_short as string,
    taskAfId: r.task_af_id as string,
    isSystem: r.is_system as boolean,
    runUid: r.run_uid as string,
    taskRunUid: r.task_run_uid as string,
    taskRunAttemptUid: r.task_run_attempt_uid as string,
    user: r.user as string,
    trackerUrl: r.tracker_url as string,
    sourceVersion: r.source_version as string,
    spawnEnv: (r.spawn_env ?? {}) as Record<string, string>,
    labels: r.mode === 'task' ? ((r.labels ?? null) as Record<string, Json> | null) : null,
    tryNumber: r.mode === 'task' ? ((r.try_number ?? null) as number | null) : null,
    envName,
    now: (r.now as string | undefined) ?? undefined,
  };
}

// A conformance case (docs/conformance.md §3 of the corpus, docs/dbnd-rules.md for the rules) as a run request: the
// oracle's fixed environment plus the case's variables, its files after the package defaults, `cli_set` as
// `--set S.K=V` arguments, and the render fields as they are (the oracle gives every run-time value).
import type { RenderContext, RunRequest } from '../run';
import { type CaseRender, type CaseSpec, ORACLE_BASE_ENVIRONMENT } from './caseInput';

/** `{"section.key": "value"}` → `section.key=value`, the argument the oracle's `--set` received. */
function setArguments(values: Readonly<Record<string, string>> | undefined): string[] {
  return Object.entries(values ?? {}).map(([path, value]) => `${path}=${value}`);
}

function renderContextOf(r: CaseRender): RenderContext {
  return {
    mode: r.mode,
    command: r.command,
    taskName: r.task_name,
    taskFamily: r.task_family,
    fullTaskFamilyShort: r.full_task_family_short,
    taskAfId: r.task_af_id,
    isSystem: r.is_system,
    runUid: r.run_uid,
    taskRunUid: r.task_run_uid,
    taskRunAttemptUid: r.task_run_attempt_uid,
    user: r.user,
    trackerUrl: r.tracker_url,
    sourceVersion: r.source_version,
    spawnEnv: r.spawn_env,
    labels: r.labels,
    tryNumber: r.try_number,
    dockerBuildTime: r.docker_build_time_str ?? '',
    // The case's command is complete: these only feed a driver command the run would build itself.
    executionDate: '',
    runFolderName: '',
    resultFileUuid: '',
    containerTagOverride: r.container_tag_override,
    now: r.now,
  };
}

/**
 * The request for a case whose `{{FILES_DIR}}` is already replaced by `filesDir`. `readFile` reads files of the
 * case folder by absolute path (config files and pod templates), undefined when missing.
 */
export function caseRequest(
  spec: CaseSpec,
  filesDir: string,
  readFile: (path: string) => string | undefined,
): RunRequest {
  return {
    files: spec.files.map((name) => {
      const path = `${filesDir}/${name}`;
      return { path, text: readFile(path) ?? '' };
    }),
    environment: { ...ORACLE_BASE_ENVIRONMENT, ...(spec.env_vars ?? {}) },
    envName: spec.env ?? undefined,
    engine: spec.engine ?? undefined,
    set: setArguments(spec.cli_set),
    setOverride: setArguments(spec.cli_override),
    taskConfig: spec.task_config,
    render: spec.render ? renderContextOf(spec.render) : undefined,
    readFile,
  };
}

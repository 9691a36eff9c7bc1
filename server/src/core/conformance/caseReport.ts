// A run result as the corpus' expected.json (docs/conformance.md §5 of the corpus): snake_case keys, every stage's
// object, the first error with its stage. Paths under the case's files folder are named relative to it.
import { dbndViewToJson } from '../reader';
import type { Json } from '../json';
import { type RunResult, configObjectJson, failureJson, settingsJson, warningJson } from '../run';

type Report = Record<string, Json>;

function dockerBuildJson(result: RunResult): Json {
  const step = result.dockerStep;
  if (!step) return null;
  if (step.kind === 'simulated') return { mode: 'container_tag_override', tag: step.tag };
  return { mode: 'real_step', build: step.kind === 'build' ? { ...step.build } : null };
}

export function caseReport(result: RunResult, filesDir: string): Report {
  const files: Record<string, Json> = {};
  for (const view of result.files) {
    const name = view.source.startsWith(`${filesDir}/`) ? view.source.slice(filesDir.length + 1) : view.source;
    files[name] = dbndViewToJson(view) as Json;
  }
  const pod = result.pod;
  // Log lines are reported from the env stage on, as the oracle captured them.
  const reachedEnv = result.settings !== null;
  return {
    files,
    env_config: result.env ? configObjectJson(result.env) : null,
    engine_config: result.engine ? configObjectJson(result.engine) : null,
    warnings: result.warnings.map(warningJson),
    other_warnings: result.otherWarnings.map(warningJson),
    run: settingsJson(result.settings),
    docker_build: dockerBuildJson(result),
    driver_submit: result.submission ? { ...result.submission, args: [...result.submission.args] } : null,
    pod: pod ? pod.pod : null,
    secret_volume_names: pod ? [...pod.secretVolumeNames] : null,
    external_links: pod ? { ...pod.externalLinks } : null,
    pod_engine: pod ? { ...pod.engineDiff } : null,
    log_warnings: reachedEnv ? [...result.logWarnings] : null,
    error: failureJson(result.failure),
  };
}

// What one dbnd run produced: each stage's object, and where dbnd would stop. A stage that was not reached is
// null; `failure` names the stage and dbnd's exception. Nothing here is pre-formatted for one consumer: the
// CLI, the editor views and the conformance report each present it their own way.
import type { DbndFileView } from '../reader';
import type { JsonObject } from '../json';
import type { Json } from '../json';
import type { BuildError } from '../resolve/buildError';
import type { ConfigObject } from '../resolve/buildConfigObject';
import type { DockerBuild } from '../resolve/dockerBuildStep';
import type { DriverSubmit } from '../resolve/driverSubmission';
import type { UnknownKeyWarning } from '../resolve/unknownKeys';
import type { PlaceholderField } from './request';

/**
 * Where dbnd stops (docs/dbnd-rules.md §1.5–§3): `load` reading files, `DBND__` variables and the command line;
 * `env` entering the context (settings objects, the env name, the env object); `engine` building the engine
 * (in task mode also its clone and the per-task build); `pod` the docker step, the driver submission and build_pod.
 */
export type RunStage = 'load' | 'env' | 'engine' | 'pod';

export interface RunFailure {
  readonly stage: RunStage;
  /** The exception dbnd would raise: Python class name, dbnd's message, nested exceptions, origin if known. */
  readonly error: BuildError;
}

/** What the env decides about the run (RunExecutor): the engine to build and what gets submitted. */
export interface RunSettingsSummary {
  readonly envName: string;
  /** The engine section that is built: the request's `engine`, else remote_engine, else local_engine. */
  readonly engineName: string;
  readonly remoteEngine: string | null;
  readonly localEngine: string | null;
  /** `[run] submit_driver` when set, else the env's value. */
  readonly submitDriver: boolean;
  readonly submitTasks: boolean;
  readonly interactive: boolean;
}

/** What dbnd's docker build step (prepare_docker_for_executor) did before the pod was built. */
export type DockerStepReport =
  /** `container_tag` was set: nothing to build. */
  | { readonly kind: 'tagSet' }
  /** dbnd builds (and pushes, if `push`) this image, then forces `[kubernetes] container_tag` to its tag. */
  | { readonly kind: 'build'; readonly build: DockerBuild }
  /** The request's `containerTagOverride` stood in for a finished build. */
  | { readonly kind: 'simulated'; readonly tag: string };

export interface RenderedPod {
  /** The request body dbnd passes to `create_namespaced_pod`. */
  readonly pod: JsonObject;
  /** Names generated for volume secrets, in creation order. */
  readonly secretVolumeNames: readonly string[];
  /** `k8s_dashboard` / `pod_log` links dbnd registers on the task run. */
  readonly externalLinks: Readonly<Record<string, string>>;
  /** Parameters of the engine that really built the pod that differ from `RunResult.engine` (the driver's clones). */
  readonly engineDiff: Readonly<Record<string, Json>>;
}

/** A value in the rendered pod that dbnd only knows at submission; the UI says so next to it. */
export interface PlaceholderUse {
  readonly field: PlaceholderField;
  /** The stand-in value the pod carries. */
  readonly value: string;
  /** For people: what dbnd puts there instead, and when. */
  readonly meaning: string;
}

export interface RunResult {
  /** Each config file as dbnd reads it alone (package defaults not included), in load order. */
  readonly files: readonly DbndFileView[];
  readonly settings: RunSettingsSummary | null;
  /** The env object (`ctx.run_settings.env`). */
  readonly env: ConfigObject | null;
  /**
   * The engine object in the final layer stack: after the docker build OVERRIDE and, for a task (task pod, or
   * `effective` with a task_config), the per-task build inside the task_config layer.
   */
  readonly engine: ConfigObject | null;
  readonly dockerStep: DockerStepReport | null;
  /** driver mode: the DockerRunTask that carries the driver (args, command string, image). */
  readonly submission: DriverSubmit | null;
  readonly pod: RenderedPod | null;
  /** A pod was asked for but this env submits none; says why (not a dbnd failure: dbnd runs locally). */
  readonly noPod: string | null;
  /** Unknown-key warnings of the env and engine objects, de-duplicated, first occurrence first. */
  readonly warnings: readonly UnknownKeyWarning[];
  /** The same for every other object built on the way ([run], [core], ...). */
  readonly otherWarnings: readonly UnknownKeyWarning[];
  /** WARNING lines dbnd logs on the way ("switching to auto_remove=False", "replacing pod command"). */
  readonly logWarnings: readonly string[];
  /** Where dbnd is silent but the user should know (e.g. task_config does not reach the driver pod). */
  readonly notes: readonly string[];
  /** Placeholder values that ended up in the pod or the submission. */
  readonly placeholders: readonly PlaceholderUse[];
  readonly failure: RunFailure | null;
}

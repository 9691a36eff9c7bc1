// dbnd's prepare_docker_for_executor: with a container_tag nothing happens; otherwise, when docker_build is
// on, the tag becomes `docker_build_tag` or `<docker_build_tag_base>_<process start time>` and is written to
// `[kubernetes] container_tag` with OVERRIDE priority (plus `image_pull_policy = Never` when not pushing).
import { ConfigStore } from '../config/configStore';
import { Priority, configValue } from '../config/configValue';
import { type BuildError } from './buildError';
import { type DbndResult, failWith, ok } from '../result';
import type { ConfigObject } from './buildConfigObject';
import type { Json } from '../json';

export interface DockerBuild {
  readonly image_name: Json;
  readonly tag: string;
  readonly push: boolean;
}

export interface DockerStepResult {
  /** OVERRIDE layers dbnd pushes, in order (each `set_parameter` call is its own layer). */
  readonly layers: readonly ConfigStore[];
  /** The build dbnd would run, or null when the tag was already set. */
  readonly build: DockerBuild | null;
}

const SOURCE = 'prepare_docker_for_executor';

function overrideLayer(section: string, key: string, value: string): ConfigStore {
  const store = new ConfigStore();
  store.set(section, key, configValue(value, SOURCE, { kind: 'computed' }, { priority: Priority.OVERRIDE }));
  return store;
}

/** The real step. `buildTimeStr` is the `%Y%m%d_%H%M%S` process start time. */
export function dockerBuildStep(engine: ConfigObject, buildTimeStr: string): DbndResult<DockerStepResult, BuildError> {
  const value = (key: string) => engine.params.get(key)?.value ?? null;
  if (value('container_tag')) return ok({ layers: [], build: null });
  if (!value('docker_build')) {
    return failWith({
      type: 'DatabandConfigError',
      message: "You are running with 'docker_build=False', however, 'container_tag' is not defined",
      param: 'container_tag',
    });
  }
  const explicitTag = value('docker_build_tag');
  const tag = explicitTag ? String(explicitTag) : `${String(value('docker_build_tag_base'))}_${buildTimeStr}`;
  const layers = [overrideLayer(engine.cls.family, 'container_tag', tag)];
  const push = Boolean(value('docker_build_push'));
  if (engine.cls.family === 'kubernetes' && !push)
    layers.push(overrideLayer(engine.cls.family, 'image_pull_policy', 'Never'));
  return ok({ layers, build: { image_name: value('container_repository'), tag, push } });
}

/** The conformance simulation of a finished build: only the OVERRIDE of `[kubernetes] container_tag`. */
export function simulatedDockerBuild(engine: ConfigObject, tag: string): DockerStepResult {
  return { layers: [overrideLayer(engine.cls.family, 'container_tag', tag)], build: null };
}

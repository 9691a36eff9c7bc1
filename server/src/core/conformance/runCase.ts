// Runs one conformance case through the core exactly as `dbnd run` would (FORMAT.md §6) and returns the
// document `expected.json` describes. This is the contract of `dbnd-cfg case CASE_DIR`; it never reads
// expected.json. Stages: load → env → engine → pod; the first error stops the run and is reported with its stage.
import { type ConfigLayer } from '../config/configLayers';
import { type ConfigFile, PACKAGE_DEFAULT_FILES, loadConfig } from '../config/loadConfig';
import { taskConfigStore } from '../config/taskConfigValues';
import { parseCfg, toDbndView, dbndViewToJson } from '../reader';
import { renderPod } from '../pod/renderPod';
import type { PodRenderContext } from '../pod/types';
import type { BuildError } from '../resolve/buildError';
import type { ConfigObject } from '../resolve/buildConfigObject';
import { type NamedBuild, buildNamedObject, cloneObject } from '../resolve/buildNamedObject';
import { type DockerStepResult, dockerBuildStep, simulatedDockerBuild } from '../resolve/dockerBuildStep';
import { driverCommandList, driverSubmission, splitImage } from '../resolve/driverSubmission';
import { paramValuesRecord } from '../resolve/paramValue';
import { resolveRunSettings } from '../resolve/runSettings';
import type { UnknownKeyWarning } from '../resolve/unknownKeys';
import { type CaseRender, type CaseSpec, ORACLE_BASE_ENVIRONMENT } from './caseInput';
import { describeError, describeObject, describeWarning, uniqueWarnings } from './describe';
import type { Environment } from '../environment';
import type { Json } from '../json';

export interface CaseFiles {
  /** Absolute folder of the case files (`{{FILES_DIR}}`). */
  readonly dir: string;
  /** Reads a file of the case folder by absolute path (config files and pod templates). */
  readonly readFile: (path: string) => string | undefined;
  /** Add `defined_at` (file:line) to every parameter; the conformance format has no such field. */
  readonly provenance?: boolean;
}

type Report = Record<string, Json>;

function emptyReport(): Report {
  return {
    files: {},
    env_config: null,
    engine_config: null,
    warnings: [],
    other_warnings: [],
    run: null,
    docker_build: null,
    driver_submit: null,
    pod: null,
    secret_volume_names: null,
    external_links: null,
    pod_engine: null,
    log_warnings: null,
    error: null,
  };
}

function pairs(record: Readonly<Record<string, string>> | undefined): [string, string][] {
  return Object.entries(record ?? {});
}

/** Parameters of `final` whose values differ from `reported` (deep comparison). */
function paramDiff(reported: ConfigObject, final: ConfigObject): Record<string, Json> {
  const diff: Record<string, Json> = {};
  for (const [name, p] of final.params) {
    if (JSON.stringify(p.value) !== JSON.stringify(reported.params.get(name)?.value ?? null)) diff[name] = p.value;
  }
  return diff;
}

class CaseRun {
  readonly report = emptyReport();
  readonly warnings: UnknownKeyWarning[] = [];
  readonly otherWarnings: UnknownKeyWarning[] = [];
  readonly logWarnings: string[] = [];

  constructor(
    readonly spec: CaseSpec,
    readonly files: readonly ConfigFile[],
    readonly io: CaseFiles,
    readonly env: Environment,
  ) {}

  fail(stage: string, error: BuildError): Report {
    this.report.error = describeError(stage, error);
    return this.finish();
  }

  finish(): Report {
    this.report.warnings = uniqueWarnings(this.warnings).map(describeWarning);
    this.report.other_warnings = uniqueWarnings(this.otherWarnings).map(describeWarning);
    return this.report;
  }

  describe(obj: ConfigObject): Json {
    return describeObject(obj, this.io.provenance === true);
  }

  get parse() {
    return { env: this.env, readFile: (p: string) => this.io.readFile(p) };
  }

  /** Builds an object and records its warnings as dbnd logs them. */
  keep(result: ReturnType<typeof buildNamedObject>): NamedBuild | BuildError {
    if (!result.ok) return result.error;
    this.warnings.push(...result.value.object.warnings);
    this.logWarnings.push(...result.value.notes.map((n) => n.message));
    return result.value;
  }

  run(): Report {
    // Parsed once: the files report and the load below read the same documents.
    const files = this.files.map((f) => ({ ...f, doc: f.doc ?? parseCfg(f.text) }));
    const filesReport: Record<string, Json> = {};
    for (const f of files) {
      const name = this.io.dir && f.path.startsWith(`${this.io.dir}/`) ? f.path.slice(this.io.dir.length + 1) : f.path;
      filesReport[name] = dbndViewToJson(toDbndView(f.doc, f.path)) as Json;
    }
    this.report.files = filesReport;

    const loaded = loadConfig([...PACKAGE_DEFAULT_FILES, ...files], this.env, {
      env: this.spec.env ?? undefined,
      set: pairs(this.spec.cli_set),
      override: pairs(this.spec.cli_override),
    });
    if (!loaded.ok) {
      const f = loaded.failure;
      return this.fail('load', { type: 'DatabandConfigError', message: f.message, nested: [{ type: f.error.type, message: f.error.message }] });
    }
    const base = loaded.layer;

    const settings = resolveRunSettings(base, this.parse);
    if (!settings.ok) return this.fail('env', settings.error);
    const s = settings.value;
    for (const obj of s.settings) this.otherWarnings.push(...obj.warnings);
    this.warnings.push(...s.env.warnings);
    this.report.env_config = this.describe(s.env);
    const engineName = this.spec.engine ?? s.remoteEngine ?? s.localEngine ?? 'local_machine_engine';
    this.report.run = {
      env: s.envName,
      engine: engineName,
      remote_engine: s.remoteEngine,
      local_engine: s.localEngine,
      submit_driver: s.submitDriver,
      submit_tasks: s.submitTasks,
      interactive: s.interactive,
    };
    this.report.log_warnings = this.logWarnings;

    const runEngine = this.keep(buildNamedObject(engineName, base, this.parse));
    if ('type' in runEngine) return this.fail('engine', runEngine);
    this.report.engine_config = this.describe(runEngine.object);

    const render = this.spec.render;
    if (!render) return this.finish();
    return render.mode === 'task'
      ? this.renderTask(render, base, runEngine.object, s.envName)
      : this.renderDriver(render, base, runEngine.object, s.envName, s.interactive);
  }

  dockerStep(render: CaseRender, engine: ConfigObject): DockerStepResult | BuildError {
    if (render.container_tag_override !== undefined) {
      this.report.docker_build = { mode: 'container_tag_override', tag: render.container_tag_override };
      return simulatedDockerBuild(engine, render.container_tag_override);
    }
    const step = dockerBuildStep(engine, render.docker_build_time_str ?? '');
    if (!step.ok) return step.error;
    this.report.docker_build = { mode: 'real_step', build: step.value.build as unknown as Json };
    return step.value;
  }

  renderTask(render: CaseRender, base: ConfigLayer, runEngine: ConfigObject, envName: string): Report {
    const clone = this.keep(cloneObject(runEngine, base, this.parse, { require_submit: false }));
    if ('type' in clone) return this.fail('engine', clone);
    this.report.engine_config = this.describe(clone.object);
    const docker = this.dockerStep(render, clone.object);
    if ('type' in docker) return this.fail('pod', docker);
    let layer = docker.layers.reduce((l, store) => l.push('prepare_docker_for_executor', store), base);
    if (this.spec.task_config) layer = layer.push('task_config', taskConfigStore(this.spec.task_config, `${render.full_task_family_short}[task_config]`));
    const taskEngine = this.keep(buildNamedObject(runEngine.name, layer, this.parse));
    if ('type' in taskEngine) return this.fail('engine', taskEngine);
    this.report.engine_config = this.describe(taskEngine.object);
    return this.renderPodWith(taskEngine.object, render, render.command, envName, {});
  }

  renderDriver(render: CaseRender, base: ConfigLayer, runEngine: ConfigObject, envName: string, interactive: boolean): Report {
    const docker = this.dockerStep(render, runEngine);
    if ('type' in docker) return this.fail('pod', docker);
    const layer = docker.layers.reduce((l, store) => l.push('prepare_docker_for_executor', store), base);
    const reported = this.keep(buildNamedObject(runEngine.name, layer, this.parse));
    if ('type' in reported) return this.fail('pod', reported);
    this.report.engine_config = this.describe(reported.object);
    let engine = reported.object;

    if (!interactive) {
      const detached = this.keep(cloneObject(engine, layer, this.parse, { auto_remove: true, detach_run: true }));
      if ('type' in detached) return this.fail('pod', detached);
      engine = detached.object;
    }
    const values = paramValuesRecord(engine.params);
    const image = `${String(values.container_repository)}:${String(values.container_tag)}`;
    const submit = driverSubmission(values.dbnd_executable, render.command, image, render.task_name, this.env);
    if (!submit.ok) return this.fail('pod', submit.error);
    this.report.driver_submit = submit.value as unknown as Json;
    const split = splitImage(submit.value.image);
    if (!split.ok) return this.fail('pod', split.error);
    const final = this.keep(
      cloneObject(engine, layer, this.parse, { container_repository: split.value.repository, container_tag: split.value.tag }),
    );
    if ('type' in final) return this.fail('pod', final);
    const cmds = driverCommandList(submit.value.command);
    if (!cmds.ok) return this.fail('pod', cmds.error);
    return this.renderPodWith(final.object, render, cmds.value, envName, paramDiff(reported.object, final.object));
  }

  /** `podEngine`: how the engine that builds the pod differs from the reported one (reported on success). */
  renderPodWith(engine: ConfigObject, render: CaseRender, cmds: readonly string[], envName: string, podEngine: Record<string, Json>): Report {
    const ctx: PodRenderContext = {
      mode: render.mode,
      cmds,
      taskName: render.task_name,
      taskFamily: render.task_family,
      fullTaskFamilyShort: render.full_task_family_short,
      taskAfId: render.task_af_id,
      isSystem: render.is_system,
      runUid: render.run_uid,
      taskRunUid: render.task_run_uid,
      taskRunAttemptUid: render.task_run_attempt_uid,
      user: render.user,
      trackerUrl: render.tracker_url,
      sourceVersion: render.source_version,
      spawnEnv: render.spawn_env,
      labels: render.labels ?? null,
      tryNumber: render.try_number ?? null,
      envName,
      now: render.now,
    };
    // renderPod itself knows the packaged template; other `pod_yaml` paths are read from the case's files.
    const templates = { readTemplate: (path: string) => this.io.readFile(path) };
    const result = renderPod({ engineName: engine.name, ...paramValuesRecord(engine.params) }, ctx, templates);
    if (!result.ok) return this.fail('pod', { type: result.error.type, message: result.error.message });
    this.logWarnings.push(...result.logWarnings);
    this.report.pod = result.pod;
    this.report.secret_volume_names = [...result.secretVolumeNames];
    this.report.external_links = { ...result.externalLinks };
    this.report.pod_engine = podEngine;
    return this.finish();
  }
}

/**
 * dbnd's whole flow for the given config files (in load order, after the package defaults) and environment:
 * the report of FORMAT.md §5, for the CLI's `effective` and `render-pod` as for the conformance cases.
 */
export function runDbnd(spec: CaseSpec, files: readonly ConfigFile[], io: CaseFiles, env: Environment): Report {
  return new CaseRun(spec, files, io, env).run();
}

/** The report for a case, computed by the core. Paths under `io.dir` are left absolute; the caller maps them back. */
export function runConformanceCase(spec: CaseSpec, io: CaseFiles): Report {
  const env: Environment = { ...ORACLE_BASE_ENVIRONMENT, ...(spec.env_vars ?? {}) };
  const files = spec.files.map((name) => {
    const path = `${io.dir}/${name}`;
    return { path, text: io.readFile(path) ?? '' };
  });
  return runDbnd(spec, files, io, env);
}

// One dbnd run, stage by stage, as `dbnd run` does it (docs/dbnd-rules.md §1.5, §3.1, §5.2): load the files,
// variables and command line → enter the context (settings, env) → build the engine → docker build step →
// driver submission or per-task engine → build_pod. The first exception dbnd would raise stops the run and is
// returned with its stage; everything computed before it stays in the result.
import { type ConfigLayer } from '../config/configLayers';
import { type CommandLineSetting, parseCommandLineArgument } from '../config/commandLineArguments';
import { PACKAGE_DEFAULT_FILES, loadConfig } from '../config/loadConfig';
import { taskConfigStore } from '../config/taskConfigValues';
import { parseCfg, toDbndView } from '../reader';
import { renderPod } from '../pod/renderPod';
import type { PodRenderContext } from '../pod/types';
import type { Json } from '../json';
import type { BuildError } from '../resolve/buildError';
import type { PythonError } from '../result';
import type { ConfigObject } from '../resolve/buildConfigObject';
import { type NamedBuild, buildNamedObject, cloneObject } from '../resolve/buildNamedObject';
import { type DockerStepResult, dockerBuildStep, simulatedDockerBuild } from '../resolve/dockerBuildStep';
import { driverCommandList, driverSubmission, splitImage } from '../resolve/driverSubmission';
import { paramValuesRecord } from '../resolve/paramValue';
import { resolveRunSettings } from '../resolve/runSettings';
import type { UnknownKeyWarning } from '../resolve/unknownKeys';
import { pyRepr } from '../python';
import { type DbndResult, ok } from '../result';
import { MAX_HJSON_NESTING } from '../values/hjson';
import { expandEnvVar } from '../values/expandVars';
import { driverRunArguments } from './driverCommand';
import { PLACEHOLDER_MEANINGS } from './renderDefaults';
import type { PlaceholderField, RenderContext, RunRequest } from './request';
import type { DockerStepReport, PlaceholderUse, RenderedPod, RunResult, RunSettingsSummary, RunStage } from './result';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Unknown-key warnings de-duplicated by (object, section, key, level), first occurrence kept: dbnd may build twice. */
function uniqueWarnings(warnings: readonly UnknownKeyWarning[]): UnknownKeyWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const id = JSON.stringify([w.object, w.section, w.key, w.level]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Parameters of `final` whose values differ from `reported` (deep comparison). */
function paramDiff(reported: ConfigObject, final: ConfigObject): Record<string, Json> {
  const diff: Record<string, Json> = {};
  for (const [name, p] of final.params) {
    if (JSON.stringify(p.value) !== JSON.stringify(reported.params.get(name)?.value ?? null)) diff[name] = p.value;
  }
  return diff;
}

/** How deeply arrays and objects nest in `value`, walked with a stack (no recursion). */
function nestingDepth(value: Json): number {
  let max = 0;
  const stack: [Json, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, depth] = item;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, depth + 1);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child as Json, depth + 1]);
  }
  return max;
}

function isMapping(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

class Run {
  private readonly result: Mutable<RunResult> = {
    files: [],
    settings: null,
    env: null,
    engine: null,
    dockerStep: null,
    submission: null,
    pod: null,
    noPod: null,
    warnings: [],
    otherWarnings: [],
    logWarnings: [],
    notes: [],
    placeholders: [],
    failure: null,
  };
  private readonly warnings: UnknownKeyWarning[] = [];
  private readonly otherWarnings: UnknownKeyWarning[] = [];
  private readonly logWarnings: string[] = [];
  private readonly notes: string[] = [];
  /** The stack once the context started (files, variables, command line, `[databand]conf`). */
  private contextLayer: ConfigLayer | null = null;
  /** The `[run_info]` values that replaced the render's user and source version (runInfo). */
  private runInfoSet = { user: false, sourceVersion: false };

  constructor(private readonly request: RunRequest) {}

  private get parse() {
    const readFile = this.request.readFile ?? (() => undefined);
    return { env: this.request.environment, readFile };
  }

  private fail(stage: RunStage, error: BuildError): RunResult {
    this.result.failure = { stage, error };
    return this.finish();
  }

  private finish(): RunResult {
    this.result.warnings = uniqueWarnings(this.warnings);
    this.result.otherWarnings = uniqueWarnings(this.otherWarnings);
    this.result.logWarnings = this.logWarnings;
    this.result.notes = this.notes;
    return this.result;
  }

  /** Keeps an object's warnings and dbnd's log lines from its `_initialize`. */
  private keep(result: DbndResult<NamedBuild, BuildError>): DbndResult<NamedBuild, BuildError> {
    if (!result.ok) return result;
    this.warnings.push(...result.value.object.warnings);
    this.logWarnings.push(...result.value.notes.map((n) => n.message));
    return result;
  }

  /** `--set`/`--set-override` arguments as dbnd reads them; the first it cannot read fails the load. */
  private commandLine(args: readonly string[], rootTask: boolean): DbndResult<CommandLineSetting[]> {
    const settings: CommandLineSetting[] = [];
    for (const arg of args) {
      const parsed = parseCommandLineArgument(arg, { rootTask });
      if (!parsed.ok) return parsed;
      settings.push(...parsed.value.settings);
      for (const name of parsed.value.rootTaskParams) {
        this.notes.push(`--set ${name}=…: a name without a section is a parameter of the task being run, not config`);
      }
    }
    return ok(settings);
  }

  run(): RunResult {
    const { request } = this;
    // Parsed once: the files view and the load read the same documents.
    // dbnd reads the files in order and stops at the first it cannot read: files after one that is not UTF-8
    // are never read.
    const undecodable = request.files.findIndex((f) => f.decodeError !== undefined);
    const readable = undecodable < 0 ? request.files : request.files.slice(0, undecodable);
    const files = readable.map((f) => ({ ...f, doc: f.doc ?? parseCfg(f.text) }));
    this.result.files = files.map((f) => toDbndView(f.doc, f.path));

    const set = this.commandLine(request.set ?? [], true);
    if (!set.ok) return this.fail('load', set.error);
    const override = this.commandLine(request.setOverride ?? [], false);
    if (!override.ok) return this.fail('load', override.error);
    const loaded = loadConfig([...PACKAGE_DEFAULT_FILES, ...files], request.environment, {
      env: request.envName,
      confFile: request.confFile,
      set: set.value,
      override: override.value,
    });
    if (!loaded.ok) return this.fail('load', loaded.error);
    if (undecodable >= 0) {
      const { path, decodeError } = request.files[undecodable];
      const error = decodeError as PythonError;
      const message = `Failed to read configuration file at ${path}: ${error.message}`;
      return this.fail('load', {
        type: 'DatabandConfigError',
        message,
        nested: [{ type: error.type, message: error.message }],
      });
    }
    const settings = resolveRunSettings(loaded.value, this.parse, request.readConfFile);
    if (!settings.ok) return this.fail('env', settings.error);
    const s = settings.value;
    // From here on the stack includes the `[databand]conf` layers the context pushed.
    const base = s.layer;
    this.contextLayer = base;
    this.result.files = [
      ...this.result.files,
      ...s.confFiles.map((f) => toDbndView(f.doc ?? parseCfg(f.text), f.path)),
    ];
    for (const obj of s.settings) this.otherWarnings.push(...obj.warnings);
    this.warnings.push(...s.env.warnings);
    this.result.env = s.env;
    const engineName = request.engine ?? s.remoteEngine ?? s.localEngine ?? 'local_machine_engine';
    const summary: RunSettingsSummary = {
      envName: s.envName,
      engineName,
      remoteEngine: s.remoteEngine,
      localEngine: s.localEngine,
      submitDriver: s.submitDriver,
      submitTasks: s.submitTasks,
      interactive: s.interactive,
    };
    this.result.settings = summary;

    const built = this.keep(buildNamedObject(engineName, base, this.parse));
    if (!built.ok) return this.fail('engine', built.error);
    const runEngine = built.value;
    this.result.engine = runEngine.object;

    const render = request.render;
    if (!render) {
      // `effective` for a task: the engine that task's pods get (clone, then the build inside task_config).
      return request.taskConfig ? this.taskEngine(base, runEngine.object, 'task', null) : this.finish();
    }
    if (runEngine.object.cls.family !== 'kubernetes') {
      this.result.noPod =
        `the env '${s.envName}' submits no pod: its engine '${engineName}' is a ${runEngine.object.cls.className}, ` +
        'and only a Kubernetes engine (_type = kubernetes) makes dbnd build pods';
      return this.finish();
    }
    if (render.mode === 'driver') {
      if (request.taskConfig) {
        this.notes.push(
          "task_config does not reach the driver pod: dbnd builds it from the run-level engine, before any task's task_config",
        );
      }
      if (!s.submitDriver)
        this.notes.push(
          'dbnd would not submit this driver pod: submit_driver is False, so the driver runs on this machine',
        );
      return this.renderDriver(render, base, runEngine.object, summary);
    }
    if (!s.submitTasks)
      this.notes.push('dbnd would not submit this task pod: submit_tasks is False, so tasks run inside the driver');
    return this.taskEngine(base, runEngine.object, render.fullTaskFamilyShort, render);
  }

  private dockerStep(render: RenderContext, engine: ConfigObject): DbndResult<DockerStepResult, BuildError> {
    if (render.containerTagOverride !== undefined) {
      this.result.dockerStep = { kind: 'simulated', tag: render.containerTagOverride };
      return ok(simulatedDockerBuild(engine, render.containerTagOverride));
    }
    const step = dockerBuildStep(engine, render.dockerBuildTime);
    if (!step.ok) return step;
    const report: DockerStepReport = step.value.build ? { kind: 'build', build: step.value.build } : { kind: 'tagSet' };
    this.result.dockerStep = report;
    return step;
  }

  /**
   * The per-task engine (docs/dbnd-rules.md §5.2): the RunExecutor's clone of the run-level engine, the docker step
   * (when rendering), then a fresh build inside the task_config layer.
   */
  private taskEngine(
    base: ConfigLayer,
    runEngine: ConfigObject,
    sourcePrefix: string,
    render: RenderContext | null,
  ): RunResult {
    const clone = this.keep(cloneObject(runEngine, base, this.parse, { require_submit: false }));
    if (!clone.ok) {
      // The executor's clone is where the task's engine comes from: without it there is no final engine object
      // (docs/conformance.md §6.3), so none is reported next to the failure.
      this.result.engine = null;
      return this.fail('engine', clone.error);
    }
    this.result.engine = clone.value.object;
    let layer = base;
    if (render) {
      const docker = this.dockerStep(render, clone.value.object);
      if (!docker.ok) return this.fail('pod', docker.error);
      layer = docker.value.layers.reduce((l, store) => l.push('prepare_docker_for_executor', store), layer);
    }
    const taskConfig = this.request.taskConfig;
    if (taskConfig) {
      // parse_and_build_config_store: every section's value must be a mapping.
      if (Object.values(taskConfig).some((v) => !isMapping(v))) {
        return this.fail('engine', {
          type: 'DatabandConfigError',
          message: `can't convert '${pyRepr(taskConfig)}' to configuration `,
        });
      }
      // Python copies and compares these values recursively: as deep as a value hjson could not parse, dbnd
      // runs out of recursion too.
      if (nestingDepth(taskConfig) > MAX_HJSON_NESTING + 1) {
        return this.fail('engine', {
          type: 'RecursionError',
          message: `maximum recursion depth exceeded (a task_config value nested more than ${MAX_HJSON_NESTING} levels deep)`,
        });
      }
      const store = taskConfigStore(
        taskConfig as Readonly<Record<string, Readonly<Record<string, Json>>>>,
        `${sourcePrefix}[task_config]`,
      );
      layer = layer.push('task_config', store);
    }
    const task = this.keep(buildNamedObject(runEngine.name, layer, this.parse));
    if (!task.ok) return this.fail('engine', task.error);
    this.result.engine = task.value.object;
    if (!render) return this.finish();
    return this.renderPodWith(task.value.object, render, render.command ?? [], this.result.settings?.envName ?? '', {});
  }

  private renderDriver(
    render: RenderContext,
    base: ConfigLayer,
    runEngine: ConfigObject,
    s: RunSettingsSummary,
  ): RunResult {
    const docker = this.dockerStep(render, runEngine);
    if (!docker.ok) return this.fail('pod', docker.error);
    const layer = docker.value.layers.reduce((l, store) => l.push('prepare_docker_for_executor', store), base);
    const reportedBuild = this.keep(buildNamedObject(runEngine.name, layer, this.parse));
    if (!reportedBuild.ok) return this.fail('pod', reportedBuild.error);
    const reported = reportedBuild.value;
    this.result.engine = reported.object;
    let engine = reported.object;

    if (!s.interactive) {
      // submit_to_engine_task: a detached clone unless `[run] interactive`.
      const detached = this.keep(cloneObject(engine, layer, this.parse, { auto_remove: true, detach_run: true }));
      if (!detached.ok) return this.fail('pod', detached.error);
      engine = detached.value.object;
    }
    const values = paramValuesRecord(engine.params);
    const command = render.command ?? this.driverArguments(render);
    const image = `${String(values.container_repository)}:${String(values.container_tag)}`;
    const submit = driverSubmission(values.dbnd_executable, command, image, render.taskName, this.request.environment);
    if (!submit.ok) return this.fail('pod', submit.error);
    this.result.submission = submit.value;
    const split = splitImage(submit.value.image);
    if (!split.ok) return this.fail('pod', split.error);
    const final = this.keep(
      cloneObject(engine, layer, this.parse, {
        container_repository: split.value.repository,
        container_tag: split.value.tag,
      }),
    );
    if (!final.ok) return this.fail('pod', final.error);
    const cmds = driverCommandList(submit.value.command);
    if (!cmds.ok) return this.fail('pod', cmds.error);
    const finalEngine = final.value.object;
    return this.renderPodWith(finalEngine, render, cmds.value, s.envName, paramDiff(reported.object, finalEngine));
  }

  /** run_submitter's command around the user's arguments; `dbnd_root` comes from the env object. */
  private driverArguments(render: RenderContext): string[] {
    return driverRunArguments({
      taskArgs: render.taskArgs ?? [],
      runUid: render.runUid,
      dbndRoot: String(this.result.env?.params.get('dbnd_root')?.value ?? ''),
      executionDate: render.executionDate,
      runFolderName: render.runFolderName,
      resultFileUuid: render.resultFileUuid,
    });
  }

  /** `engineDiff`: how the engine that builds the pod differs from the reported one. */
  private renderPodWith(
    engine: ConfigObject,
    render: RenderContext,
    cmds: readonly string[],
    envName: string,
    engineDiff: Record<string, Json>,
  ): RunResult {
    const ctx: PodRenderContext = {
      mode: render.mode,
      cmds,
      taskName: render.taskName,
      taskFamily: render.taskFamily,
      fullTaskFamilyShort: render.fullTaskFamilyShort,
      taskAfId: render.taskAfId,
      isSystem: render.isSystem,
      runUid: render.runUid,
      taskRunUid: render.taskRunUid,
      taskRunAttemptUid: render.taskRunAttemptUid,
      ...this.runInfo(render),
      trackerUrl: render.trackerUrl,
      spawnEnv: render.spawnEnv,
      labels: render.labels ?? null,
      tryNumber: render.tryNumber ?? null,
      envName,
      now: render.now,
    };
    // renderPod knows the packaged template itself; other `pod_yaml` paths are read through the request.
    const templates = { readTemplate: (path: string) => this.request.readFile?.(path) };
    const rendered = renderPod({ engineName: engine.name, ...paramValuesRecord(engine.params) }, ctx, templates);
    // The engine rendered here may be dbnd's clone (values set by its ctor); the user's line is in the reported one.
    if (!rendered.ok) return this.fail('pod', withTemplateOrigin(rendered.error, [engine, this.result.engine]));
    this.logWarnings.push(...rendered.value.logWarnings);
    const pod: RenderedPod = {
      pod: rendered.value.pod,
      secretVolumeNames: [...rendered.value.secretVolumeNames],
      externalLinks: { ...rendered.value.externalLinks },
      engineDiff,
    };
    this.result.pod = pod;
    this.result.placeholders = this.placeholdersUsed(render);
    return this.finish();
  }

  /**
   * `[run_info] user` and `source_version` as RunInfoConfig.build_task_run_info reads them: a configured user
   * replaces the OS user (`self.user or dbnd_getuser()`); a configured source version is used as written, except
   * the VersionStr aliases (`git`, the default, `now`, `context_uid`), which only the real run can resolve.
   */
  private runInfo(render: RenderContext): { user: string; sourceVersion: string } {
    const read = (key: string): string | undefined => {
      const raw = this.contextLayer?.get('run_info', key)?.value;
      if (typeof raw !== 'string') return undefined;
      const value = expandEnvVar(raw, this.request.environment).value;
      return value === '' || value.toLowerCase() === '@none' ? undefined : value;
    };
    const version = read('source_version');
    const user = read('user');
    const alias = version === undefined || ['git', 'now', 'context_uid'].includes(version);
    this.runInfoSet = { user: user !== undefined, sourceVersion: !alias };
    return { user: user ?? render.user, sourceVersion: alias ? render.sourceVersion : version };
  }

  /** The flagged render values that really ended up in the pod or the submission. */
  private placeholdersUsed(render: RenderContext): PlaceholderUse[] {
    const used = (field: PlaceholderField): boolean => {
      if (field === 'dockerBuildTime') {
        // Only an automatic tag `<docker_build_tag_base>_<time>` carries the build time.
        const step = this.result.dockerStep;
        return step?.kind === 'build' && step.build.tag.endsWith(`_${render.dockerBuildTime}`);
      }
      if (field === 'user' || field === 'sourceVersion') return !this.runInfoSet[field];
      if (field === 'runFolderName' || field === 'resultFileUuid')
        return render.mode === 'driver' && render.command === undefined;
      return true;
    };
    const valueOf = (field: PlaceholderField): string => {
      if (field === 'taskCommand') return (render.command ?? []).join(' ');
      const value = render[field];
      return typeof value === 'string' ? value : '';
    };
    return (render.placeholders ?? [])
      .filter(used)
      .map((field) => ({ field, value: valueOf(field), meaning: PLACEHOLDER_MEANINGS[field] }));
  }
}

/** Runs dbnd's flow for the request: see RunResult for what each stage leaves. Never throws for any input. */
export function runDbnd(request: RunRequest): RunResult {
  return new Run(request).run();
}

/**
 * The pod template dbnd cannot open (FileNotFoundError, e.g. a `$VAR` in `pod_yaml` that is not set, which
 * expandvars leaves as it is) is caused by the `pod_yaml` value: its line is where lint and the editor report it.
 */
function withTemplateOrigin(error: BuildError, engines: readonly (ConfigObject | null)[]): BuildError {
  if (error.type !== 'FileNotFoundError' || error.origin) return error;
  const written = engines.flatMap((e) => e?.params.get('pod_yaml')?.origins ?? []).filter((o) => o.kind !== 'computed');
  const origin = written[0];
  return origin ? { ...error, origin } : error;
}

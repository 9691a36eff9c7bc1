// Feature: environments — the environments of `[run] environments`, in order, each with the engine `dbnd run
// --env <name>` uses, whether that engine is a Kubernetes engine (so the environment has a Pod spec), the
// environment's section header and the exception dbnd would raise entering it; for the environment picker and
// its status bar item.
//
//   [run]
//   environments = ['local', 'k8s']   →  local: local_machine_engine (LocalMachineEngineConfig);
//   [k8s]                                 k8s: my_engine (KubernetesEngineConfig, kubernetes), at [k8s]
//   remote_engine = my_engine
//
// The whole answer is remembered per snapshot, and each environment's run is the one the effective-config
// view of that environment uses (ide/dbndRun projectRun), so asking again before an edit costs nothing.
import { buildSettings } from '../core/resolve/runSettings';
import type { Analysis } from './analysis';
import { type DbndFailure, type PathRange, dbndFailure, projectRun } from './dbndRun';
import { layerOf } from './projectQueries';

export interface EnvironmentView {
  readonly name: string;
  /** The engine section `dbnd run` uses there: remote_engine, else local_engine; null when dbnd fails before. */
  readonly engine: string | null;
  /** The engine's config class, when it can be built. */
  readonly engineClass: string | null;
  readonly kubernetes: boolean;
  /** The environment's section header in the last file that declares it (the one whose keys win). */
  readonly location?: PathRange;
  /** Why dbnd cannot enter this environment or build its engine. */
  readonly error?: DbndFailure;
}

export interface Environments {
  /** What `dbnd run` uses without `--env`: the editor's default environment, else `[databand] env`, else `local`. */
  readonly defaultEnv: string;
  readonly environments: readonly EnvironmentView[];
  /** Set when the configuration cannot be loaded at all (the list is empty then). */
  readonly error: DbndFailure | null;
  /** The URIs of the project's config files, in dbnd's order. */
  readonly files: readonly string[];
}

export function environments(analysis: Analysis): Environments {
  return analysis.memo('environments', () => computeEnvironments(analysis));
}

function computeEnvironments(analysis: Analysis): Environments {
  const files = analysis.files.map((f) => f.uri);
  const override = analysis.snapshot.environmentName;
  const loaded = projectRun(analysis, override);
  if (loaded.failure?.stage === 'load')
    return { defaultEnv: override ?? 'local', environments: [], error: dbndFailure(loaded.failure), files };
  const layer = layerOf(analysis);
  if (!layer) return { defaultEnv: override ?? 'local', environments: [], error: null, files };
  const parse = { env: analysis.env, readFile: analysis.snapshot.readFile };
  // Read even when entering the default environment fails: the picker must still offer the others.
  const system = buildSettings('databand', layer, parse);
  const run = buildSettings('run', layer, parse);
  const env = system?.ok ? system.value.params.get('env')?.value : undefined;
  const list = run?.ok ? run.value.params.get('environments')?.value : undefined;
  const names = Array.isArray(list) ? list.filter((e): e is string => typeof e === 'string') : [];
  return {
    defaultEnv: override ?? (typeof env === 'string' && env ? env : 'local'),
    environments: names.map((name) => environmentView(analysis, name)),
    error: null,
    files,
  };
}

function environmentView(analysis: Analysis, name: string): EnvironmentView {
  const r = projectRun(analysis, name);
  const location = sectionHeader(analysis, name);
  return {
    name,
    engine: r.settings?.engineName ?? null,
    engineClass: r.engine?.cls.className ?? null,
    kubernetes: r.engine?.cls.family === 'kubernetes',
    ...(location ? { location } : {}),
    ...(r.failure ? { error: dbndFailure(r.failure) } : {}),
  };
}

/** The header of section `name` in the last file that declares it, matched with dbnd's case rules. */
function sectionHeader(analysis: Analysis, name: string): PathRange | undefined {
  for (const file of [...analysis.files].reverse()) {
    const section = analysis.document(file).sections.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (section) return { path: file.path, range: section.headerRange };
  }
  return undefined;
}

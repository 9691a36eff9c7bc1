// Feature: effective config — the env and engine objects `dbnd run --env <env>` would build for the project
// (or the engine section asked for instead of the environment's), every value with where it comes from, the
// warnings dbnd logs on the way and the exception it would raise; the "Show Effective Config" document.
//
//   [kubernetes_cluster_env]          effectiveConfig(analysis, { env: 'kubernetes_cluster_env' })
//   remote_engine = my_engine    →    env object, then my_engine's: namespace = 'databand' from
//                                      /p/.dbnd/databand-system.cfg:12, debug = False from `code default`
import type { Json } from '../core/json';
import type { ConfigObject } from '../core/resolve/buildConfigObject';
import { originText } from '../core/run';
import type { Analysis } from './analysis';
import { type DbndFailure, type PathRange, dbndFailure, originRange, projectRun } from './dbndRun';

/** Where one value that decided a parameter came from: in words, and the range when it is in a file. */
export interface EffectiveValueSource {
  readonly text: string;
  readonly location?: PathRange;
}

export interface EffectiveParameter {
  readonly name: string;
  /** dbnd's value type name (`str`, `bool`, `Dict`, ...). */
  readonly type: string;
  readonly value: Json;
  /** dbnd's own source string (`config[project.cfg]`). */
  readonly source: string;
  /** Every value that decided it, lowest layer first. */
  readonly from: readonly EffectiveValueSource[];
  /** dbnd hides it from users (`system=True`). */
  readonly system: boolean;
}

export interface EffectiveObjectView {
  readonly role: 'env' | 'engine';
  readonly name: string;
  readonly className: string;
  readonly classPath: string;
  readonly sections: readonly string[];
  readonly params: readonly EffectiveParameter[];
}

export interface EffectiveConfig {
  readonly env: string;
  readonly engine: string | null;
  /** The env object, then the engine object, as far as dbnd gets before an error. */
  readonly objects: readonly EffectiveObjectView[];
  /** Unknown-key warnings, dbnd's WARNING lines and notes, in that order. */
  readonly warnings: readonly string[];
  readonly error: DbndFailure | null;
  /** The URIs of the project's config files, in dbnd's order. */
  readonly files: readonly string[];
}

export interface EffectiveConfigOptions {
  /** `dbnd run --env`; absent: the snapshot's default environment, else dbnd's own choice. */
  readonly env?: string;
  /** Build this engine section instead of the environment's. */
  readonly engine?: string;
}

export function effectiveConfig(analysis: Analysis, options: EffectiveConfigOptions): EffectiveConfig {
  const envName = options.env ?? analysis.snapshot.environmentName;
  const r = projectRun(analysis, envName, options.engine);
  const root = analysis.env.DBND_HOME;
  return {
    env: r.settings?.envName ?? envName ?? 'local',
    engine: r.settings?.engineName ?? options.engine ?? null,
    objects: [
      ...(r.env ? [effectiveObject('env', r.env, root)] : []),
      ...(r.engine ? [effectiveObject('engine', r.engine, root)] : []),
    ],
    warnings: [...r.warnings.map((w) => w.message), ...r.logWarnings, ...r.notes],
    error: r.failure ? dbndFailure(r.failure) : null,
    files: analysis.files.map((f) => f.uri),
  };
}

/** `root`: the project's DBND_HOME, which file names are relative to (core/run/provenance.ts). */
function effectiveObject(
  role: EffectiveObjectView['role'],
  obj: ConfigObject,
  root: string | undefined,
): EffectiveObjectView {
  return {
    role,
    name: obj.name,
    className: obj.cls.className,
    classPath: obj.cls.classPath,
    sections: [...obj.sections],
    params: [...obj.params.values()].map((p) => ({
      name: p.name,
      type: p.type,
      value: p.value,
      source: p.source,
      // A value no layer set (dbnd computes it in `_initialize`) still gets one source, in words.
      from: (p.origins.length > 0 ? p.origins : [undefined]).map((o) => {
        const location = originRange(o);
        return { text: o ? originText(o, p.source, root) : 'computed by dbnd', ...(location ? { location } : {}) };
      }),
      system: p.system === true,
    })),
  };
}

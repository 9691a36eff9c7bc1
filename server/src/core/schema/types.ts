// The shape of the key schema: what the editor knows about every key of every dbnd config class. This is
// data, read by completion, hover, diagnostics, the resolver (parameter lists, code defaults) and the README
// key table, so every consumer agrees on one description of dbnd 1.0.28.0.
import type { Json } from '../json';

/**
 * dbnd's value-type name of a parameter, as dbnd reports it (`type` in expected.json) where the corpus shows it.
 * `Target` is a dbnd folder target (`DirTarget`), `Enum` is `validate_no_extra_params`' enum, `object` a
 * parameter dbnd declares with the Python type `object` (a `@python://` reference in practice).
 */
export type ValueTypeName =
  | 'str'
  | 'bool'
  | 'int'
  | 'float'
  | 'timedelta'
  | 'date'
  | 'Dict'
  | 'List'
  | 'List[str]'
  | 'Dict[str,str]'
  | 'VersionStr'
  | 'Target'
  | 'Enum'
  | 'object';

export interface ParamSchema {
  /** The key as dbnd stores it (lower case). */
  readonly name: string;
  readonly type: ValueTypeName;
  /** False when the code declares no default: a value must come from config or dbnd raises MissingParameterError. */
  readonly hasDefault: boolean;
  /**
   * The code default in docs/conformance.md §5.2's JSON form (timedelta = total seconds, None = null). Present
   * exactly when `hasDefault`. Values dbnd computes at import time are written with a `{{PLACEHOLDER}}` (see placeholders.ts).
   */
  readonly default?: Json;
  /** The system parameter `validate_no_extra_params` (reported with `"system": true`). */
  readonly system?: true;
  readonly enumValues?: readonly string[];
  /** dbnd's value validator: `NonEmptyString` rejects an empty string. */
  readonly validator?: 'NonEmptyString';
  /** Why nothing in dbnd reads this key (a set value has no effect). */
  readonly unused?: string;
  /** Why the key should not be used any more and what to use instead. */
  readonly deprecated?: string;
  /**
   * dbnd changes the value after reading it (`_initialize`/`_validate`), so the value an object ends up with can
   * differ from config and code default. Describes the rule; the resolver implements it.
   */
  readonly derived?: string;
  /** Markdown in our own words, including the traps docs/dbnd-rules.md lists. First sentence is the short meaning. */
  readonly docs: string;
  /** Example values as one would write them in a .cfg file. */
  readonly examples?: readonly string[];
  /** When the key appeared, for keys added after dbnd 1.0 (version-aware completion). */
  readonly since?: string;
  /** The `dbnd run` switch that writes this key, e.g. `--docker-build-tag`. */
  readonly cliFlag?: string;
}

/**
 * `engine`: an engine class (`remote_engine`/`local_engine` targets); `env`: an environment class;
 * `settings`: a global settings object (`[run]`, `[core]`, `[databand]`); `section`: a section dbnd reads for many
 * objects rather than one class (`[config]` for every Config object, `[task]` for every task).
 */
export type ConfigClassKind = 'engine' | 'env' | 'settings' | 'section';

/**
 * A key that was a parameter of this class in older dbnd (≤ 1.0.14, the LEGACY layout) and is an unknown key
 * now: dbnd warns about it and ignores it. Kept apart from `params` so the unknown-key check stays faithful.
 */
export interface LegacyKeySchema {
  readonly name: string;
  /** Where the key lives now (`[run] environments`), if it moved. */
  readonly movedTo?: string;
  readonly docs: string;
}

export interface ConfigClassSchema {
  readonly className: string;
  /** Full dotted class path as dbnd reports it, e.g. `dbnd_docker.kubernetes.kubernetes_engine_config.KubernetesEngineConfig`. */
  readonly classPath: string;
  /** dbnd's `task_family`, the section every object of this class reads, e.g. `kubernetes`. */
  readonly family: string;
  /** dbnd's short family used in `...[default]` sources, e.g. `d.k.k.KubernetesEngineConfig`. */
  readonly shortFamily: string;
  readonly kind: ConfigClassKind;
  readonly docs: string;
  /** Every parameter in dbnd's definition order, the system key first (as in expected.json). */
  readonly params: readonly ParamSchema[];
  /**
   * Keys the shipped package defaults (databand-core.cfg, dbnd-run.cfg) set in this class's family section.
   * The values are data in core/defaults; a key listed here without a code default is not required in practice.
   */
  readonly packageDefaultKeys: readonly string[];
  /** Keys of older dbnd versions that are unknown keys in 1.0.28 (see LegacyKeySchema). */
  readonly legacyKeys: readonly LegacyKeySchema[];
  /**
   * Whether dbnd's task registry knows this class by family and full class path (docs/dbnd-rules.md §1.7
   * step 1). False for `[config]`/`[task]`, which are sections, not classes one can build by name.
   */
  readonly registered: boolean;
}

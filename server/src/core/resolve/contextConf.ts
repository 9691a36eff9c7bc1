// The `[databand]conf` layers dbnd pushes when its context starts (DatabandContext._on_enter, docs/dbnd-rules.md
// §1.5 item 3): `DatabandSystemConfig()` is built from the files, variables and command line; its `conf` dict is
// pushed as a layer, then the files of its `conf_file` list (read_from_config_files, merged into one store) as
// another, both above the command line, so their values beat `--set`. The env name was read before: an `env`
// (or a `conf_file`) set inside these layers has no effect.
import type { ConfigLayer } from '../config/configLayers';
import { ConfigStore } from '../config/configStore';
import { configValue } from '../config/configValue';
import { fileConfigStore } from '../config/fileValues';
import type { Json } from '../json';
import { pyRepr } from '../python';
import { type CfgDocument, parseCfg, toDbndView } from '../reader';
import { type DbndResult, failWith, ok, type PythonError } from '../result';
import type { ConfigObject } from './buildConfigObject';
import type { BuildError } from './buildError';
import { range } from '../text/range';

/** A `conf_file` file as the caller read it (the core reads no disk). */
export interface ConfFile {
  /** The path dbnd names in its messages: as written in `conf_file`. */
  readonly path: string;
  readonly text: string;
  readonly doc?: CfgDocument;
  /** The bytes are not UTF-8 (reader/decodeUtf8.ts): dbnd fails to read the file. */
  readonly decodeError?: PythonError;
}

/** Reads a `conf_file` entry; undefined when there is no such file. Relative paths are the caller's to resolve
 *  (dbnd opens them relative to the process's working folder). */
export type ReadConfFile = (path: string) => ConfFile | undefined;

export interface ContextConf {
  /** The layer stack with the `[databand]conf` layers on top (the input stack when neither is set). */
  readonly layer: ConfigLayer;
  /** The `conf_file` files read, in order. */
  readonly files: readonly ConfFile[];
}

const SOURCE = '[databand]conf';

function isMapping(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `[databand] conf` as a store (parse_and_build_config_store): every section's value must be a mapping. */
function confStore(system: ConfigObject): DbndResult<ConfigStore, BuildError> {
  const param = system.params.get('conf');
  const conf = param?.value ?? null;
  const store = new ConfigStore();
  if (!isMapping(conf) || Object.keys(conf).length === 0) return ok(store);
  const origin = param?.origins.at(-1) ?? { kind: 'computed' as const };
  for (const [section, values] of Object.entries(conf)) {
    if (!isMapping(values)) {
      return failWith({
        type: 'DatabandConfigError',
        message: `can't convert '${pyRepr(conf)}' to configuration `,
        param: 'conf',
        origin,
      });
    }
    for (const [key, value] of Object.entries(values)) store.set(section, key, configValue(value, SOURCE, origin));
  }
  return ok(store);
}

/** read_from_config_files: every file must exist and load; the first that does not fails the context. */
function confFileStore(
  system: ConfigObject,
  readConfFile: ReadConfFile | undefined,
): DbndResult<{ store: ConfigStore; files: ConfFile[] }, BuildError> {
  const param = system.params.get('conf_file');
  const list = Array.isArray(param?.value) ? (param.value as Json[]).map(String) : [];
  const origin = param?.origins.at(-1);
  const store = new ConfigStore();
  const files: ConfFile[] = [];
  for (const path of list) {
    const file = readConfFile?.(path);
    if (!file) {
      return failWith({
        type: 'DatabandConfigError',
        message: `Failed to read configuration file at ${path}, file not found!`,
        param: 'conf_file',
        origin,
      });
    }
    files.push(file);
    const readError = (nested: PythonError): BuildError => ({
      type: 'DatabandConfigError',
      message: `Failed to read configuration file at ${path}: ${nested.message}`,
      nested: [nested],
      param: 'conf_file',
      origin,
    });
    if (file.decodeError) return failWith(readError(file.decodeError));
    const view = toDbndView(file.doc ?? parseCfg(file.text), path);
    if (view.kind === 'error') {
      // The cause is in that file, at the line configparser names (when it knows one).
      const line = (view.error.line ?? 1) - 1;
      const at = range(line, 0, line, 0);
      const inFile = {
        kind: 'file' as const,
        path,
        keyRange: at,
        valueRange: at,
        sectionName: view.error.section ?? '',
      };
      return failWith({ ...readError({ type: view.error.type, message: view.error.message }), origin: inFile });
    }
    store.update(fileConfigStore(view, path));
  }
  return ok({ store, files });
}

/** The stack as dbnd's context leaves it, given the `DatabandSystemConfig` built on `layer`. */
export function pushContextConf(
  layer: ConfigLayer,
  system: ConfigObject,
  readConfFile: ReadConfFile | undefined,
): DbndResult<ContextConf, BuildError> {
  const conf = confStore(system);
  if (!conf.ok) return conf;
  const confFiles = confFileStore(system, readConfFile);
  if (!confFiles.ok) return confFiles;
  const stack = layer.push(SOURCE, conf.value).push(SOURCE, confFiles.value.store);
  return ok({ layer: stack, files: confFiles.value.files });
}

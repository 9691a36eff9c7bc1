// The layers of a `dbnd run`, bottom to top: the system layer (package defaults, then the config files in dbnd's
// order, merged key by key, then DBND__S__K variables), then the command line. The first file dbnd cannot read
// fails the whole load, as DatabandConfigError naming that file.
import { DATABAND_CORE_CFG, DBND_RUN_CFG } from '../defaults/packageDefaults';
import { type CfgDocument, type DbndReadError, parseCfg, toDbndView } from '../reader';
import { ConfigLayer } from './configLayers';
import { ConfigStore } from './configStore';
import { type CommandLineOptions, commandLineConfigStore } from './commandLineValues';
import { environmentConfigStore } from './environmentValues';
import { fileConfigStore } from './fileValues';
import type { Environment } from '../environment';
import { type DbndResult, failWith, ok, type PythonError } from '../result';

export interface ConfigFile {
  /** Absolute path (or a name for in-memory files); dbnd names the file in messages and sources. */
  readonly path: string;
  readonly text: string;
  /** A pre-parsed document for `text`, when the caller already has one (the language server does). */
  readonly doc?: CfgDocument;
}

/** The package default files dbnd always loads first; parsed once here, not on every lint. */
export const PACKAGE_DEFAULT_FILES: readonly ConfigFile[] = [
  { path: '{{DBND_LIB_DIR}}/conf/databand-core.cfg', text: DATABAND_CORE_CFG },
  { path: '{{DBND_RUN_CONF_DIR}}/dbnd-run.cfg', text: DBND_RUN_CFG },
].map((f) => ({ ...f, doc: parseCfg(f.text) }));

/** dbnd's DatabandConfigError for the first config file it cannot read, with configparser's exception nested. */
export interface LoadError extends PythonError {
  readonly type: 'DatabandConfigError';
  readonly nested: readonly [DbndReadError];
  /** The file dbnd failed to read. */
  readonly file: ConfigFile;
}

function loadError(file: ConfigFile, readError: DbndReadError): LoadError {
  return {
    type: 'DatabandConfigError',
    message: `Failed to read configuration file at ${file.path}: ${readError.message}`,
    nested: [readError],
    file,
  };
}

/** The system store of the files (in load order) and env vars, or the first file dbnd fails to read. */
export function loadSystemStore(files: readonly ConfigFile[], env: Environment): DbndResult<ConfigStore, LoadError> {
  const store = new ConfigStore();
  for (const file of files) {
    const view = toDbndView(file.doc ?? parseCfg(file.text), file.path);
    if (view.kind === 'error') return failWith(loadError(file, view.error));
    store.update(fileConfigStore(view, file.path));
  }
  store.update(environmentConfigStore(env));
  return ok(store);
}

/** The layers of a run: the system layer under the command line, or the first file dbnd fails to read. */
export function loadConfig(
  files: readonly ConfigFile[],
  env: Environment,
  commandLine: CommandLineOptions,
): DbndResult<ConfigLayer, LoadError> {
  const system = loadSystemStore(files, env);
  if (!system.ok) return system;
  return ok(ConfigLayer.root('system', system.value).push('cmdline', commandLineConfigStore(commandLine)));
}

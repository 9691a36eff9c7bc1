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

export interface LoadFailure {
  readonly file: ConfigFile;
  readonly error: DbndReadError;
  /** dbnd's DatabandConfigError text. */
  readonly message: string;
}

export type LoadResult = { readonly ok: true; readonly layer: ConfigLayer } | { readonly ok: false; readonly failure: LoadFailure };

/** The system store of the files (in load order) and env vars, or the first file dbnd fails to read. */
export function loadSystemStore(files: readonly ConfigFile[], env: Environment): { store: ConfigStore } | { failure: LoadFailure } {
  const store = new ConfigStore();
  for (const file of files) {
    const view = toDbndView(file.doc ?? parseCfg(file.text), file.path);
    if (view.kind === 'error') {
      return { failure: { file, error: view.error, message: `Failed to read configuration file at ${file.path}: ${view.error.message}` } };
    }
    store.update(fileConfigStore(view, file.path));
  }
  store.update(environmentConfigStore(env));
  return { store };
}

export function loadConfig(files: readonly ConfigFile[], env: Environment, commandLine: CommandLineOptions): LoadResult {
  const system = loadSystemStore(files, env);
  if ('failure' in system) return { ok: false, failure: system.failure };
  const layer = ConfigLayer.root('system', system.store).push('cmdline', commandLineConfigStore(commandLine));
  return { ok: true, layer };
}

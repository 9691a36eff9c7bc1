// The values dbnd changes right after building an object (`_initialize`): the env derives its system folders
// and submit flags; the Kubernetes engine applies its cross-key rules. The source keeps naming where the
// original value came from, as dbnd reports it.
import { type BuildError } from './buildError';
import { type DbndResult, failWith, ok } from '../result';
import type { ConfigObject } from './buildConfigObject';
import type { ParamValue } from './paramValue';
import type { Json } from '../json';

type Mutable = Map<string, ParamValue>;

function setValue(params: Mutable, name: string, value: Json): void {
  const p = params.get(name);
  if (p) params.set(name, { ...p, value });
}

const valueOf = (params: Mutable, name: string): Json => params.get(name)?.value ?? null;

/** A folder target is local when it has no URL scheme other than file://. */
function isLocalPath(path: string): boolean {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(path);
  return !scheme || scheme[1].toLowerCase() === 'file';
}

/** `target.folder(name)`: a sub-folder of a folder target, with the trailing slash dbnd prints. */
function subFolder(folder: string, name: string): string {
  return `${folder.endsWith('/') ? folder : `${folder}/`}${name}/`;
}

/** EnvConfig._initialize. */
export function initializeEnv(obj: ConfigObject): DbndResult<ConfigObject, BuildError> {
  const params: Mutable = new Map(obj.params);
  const root = valueOf(params, 'root');
  let dbndRoot = valueOf(params, 'dbnd_root');
  if (!dbndRoot) {
    if (typeof root !== 'string' || !root) {
      return failWith({
        type: 'DatabandConfigError',
        message: `Failed to access dbnd_root: the environment [${obj.name}] has no root`,
        param: 'root',
      });
    }
    dbndRoot = subFolder(root, 'dbnd');
    setValue(params, 'dbnd_root', dbndRoot);
  }
  const dbndRootPath = String(dbndRoot);
  if (!valueOf(params, 'dbnd_local_root')) {
    if (!isLocalPath(dbndRootPath)) {
      return failWith({
        type: 'DatabandConfigError',
        message: `Failed to access dbnd_root: environment ${obj.name} doesn't have dbnd_local_root defined`,
        param: 'dbnd_local_root',
      });
    }
    setValue(params, 'dbnd_local_root', dbndRootPath);
  }
  if (!valueOf(params, 'dbnd_data_sync_root')) setValue(params, 'dbnd_data_sync_root', subFolder(dbndRootPath, 'sync'));
  const remote = Boolean(valueOf(params, 'remote_engine'));
  if (valueOf(params, 'submit_driver') === null) setValue(params, 'submit_driver', remote);
  if (valueOf(params, 'submit_tasks') === null) setValue(params, 'submit_tasks', remote);
  return ok({ ...obj, params });
}

export interface InitializeNote {
  readonly message: string;
}

/** KubernetesEngineConfig._initialize: debug/show_pod_log keep the run attached; auto_remove needs detach_run. */
export function initializeKubernetesEngine(obj: ConfigObject): { object: ConfigObject; notes: InitializeNote[] } {
  const params: Mutable = new Map(obj.params);
  const notes: InitializeNote[] = [];
  if (valueOf(params, 'debug')) {
    notes.push({
      message: 'Running in debug mode, setting all k8s loggers to debug, waiting for every pod completion!',
    });
    setValue(params, 'detach_run', false);
  }
  if (valueOf(params, 'show_pod_log')) {
    notes.push({ message: 'Showing pod logs at runtime, waiting for every pod completion!' });
    setValue(params, 'detach_run', false);
  }
  if (valueOf(params, 'auto_remove') && !valueOf(params, 'detach_run')) {
    notes.push({
      message: "Can't auto remove pod if not running from detach_run=True mode, switching to auto_remove=False",
    });
    setValue(params, 'auto_remove', false);
  }
  if (valueOf(params, 'airflow_log_enabled') && !valueOf(params, 'trap_exit_file_flag')) {
    setValue(params, 'trap_exit_file_flag', valueOf(params, 'airflow_log_trap_exit_flag_default'));
  }
  return { object: { ...obj, params }, notes };
}

// A conformance case folder (docs/conformance.md §3): case.json plus files/, with `{{FILES_DIR}}` replaced by the
// folder's absolute path. Reading the folder is the caller's job; this module only interprets it.
import type { TaskConfig } from '../config/taskConfigValues';
import type { Json } from '../json';

export interface CaseRender {
  readonly mode: 'driver' | 'task';
  readonly command: readonly string[];
  readonly task_name: string;
  readonly task_family: string;
  readonly full_task_family_short: string;
  readonly task_af_id: string;
  readonly is_system: boolean;
  readonly run_uid: string;
  readonly task_run_uid: string;
  readonly task_run_attempt_uid: string;
  readonly user: string;
  readonly tracker_url: string;
  readonly source_version: string;
  readonly spawn_env: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, Json>>;
  readonly try_number?: number;
  readonly docker_build_time_str?: string;
  readonly container_tag_override?: string;
  readonly now?: string;
}

export interface CaseSpec {
  readonly files: readonly string[];
  readonly env_vars?: Readonly<Record<string, string>>;
  readonly cli_set?: Readonly<Record<string, string>>;
  readonly cli_override?: Readonly<Record<string, string>>;
  readonly env?: string | null;
  readonly engine?: string | null;
  readonly task_config?: TaskConfig;
  readonly render?: CaseRender | null;
}

/** docs/conformance.md §4: the only process environment of every oracle run. */
export const ORACLE_BASE_ENVIRONMENT: Readonly<Record<string, string>> = {
  DBND_HOME: '/home/alice/project',
  HOME: '/home/alice',
  USER: 'oracle',
  LOGNAME: 'oracle',
  TZ: 'UTC',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  PYTHONHASHSEED: '0',
  DBND__NO_TABLES: 'True',
  DBND_SYSTEM: '/home/alice/project/.dbnd',
};

export const FILES_DIR = '{{FILES_DIR}}';

/** Replace `{{FILES_DIR}}` everywhere in a JSON value. */
export function substituteFilesDir<T extends Json>(value: T, dir: string): T {
  return JSON.parse(JSON.stringify(value).split(FILES_DIR).join(dir.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))) as T;
}

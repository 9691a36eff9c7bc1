// The `dbnd run` command-line layer: the main switches dbnd always writes (False, not None, so a file value
// for them never wins), `--env`, then `--set` and `--set-override` groups. It is one store, so a later group
// replaces an earlier one for the same key.
import type { Json } from '../json';
import { ConfigStore } from './configStore';
import { Priority, configValue } from './configValue';
import type { CommandLineSetting } from './commandLineArguments';

export interface CommandLineOptions {
  /** `--env NAME`; undefined keeps dbnd's default `local`. */
  readonly env?: string;
  /** `--conf-file a.cfg[,b.cfg]` → `[databand] conf_file` (read when the context starts, contextConf.ts). */
  readonly confFile?: string;
  /** `--set` values, in order (parseCommandLineArgument reads them as dbnd does). */
  readonly set?: readonly CommandLineSetting[];
  /** `--set-override` values (OVERRIDE priority). */
  readonly override?: readonly CommandLineSetting[];
}

const MAIN_SWITCHES: readonly (readonly [string, string, Json])[] = [
  ['databand', 'verbose', false],
  ['databand', 'describe', false],
  ['run_info', 'is_archived', false],
  ['run', 'parallel', false],
  ['run', 'interactive', false],
  ['run', 'open_web_tracker_in_browser', false],
];

export function commandLineConfigStore(options: CommandLineOptions): ConfigStore {
  const store = new ConfigStore();
  const cli = { kind: 'cli', flag: 'cli' } as const;
  for (const [section, key, value] of MAIN_SWITCHES) store.set(section, key, configValue(value, 'cli', cli));
  if (options.env !== undefined)
    store.set('databand', 'env', configValue(options.env, 'cli', { kind: 'cli', flag: '--env' }));
  if (options.confFile !== undefined)
    store.set('databand', 'conf_file', configValue(options.confFile, 'cli', { kind: 'cli', flag: '--conf-file' }));
  const groups = [
    ['--set', options.set ?? [], Priority.NORMAL],
    ['--set-override', options.override ?? [], Priority.OVERRIDE],
  ] as const;
  for (const [flag, pairs, priority] of groups) {
    for (const { section, key, value } of pairs) {
      store.set(section, key, configValue(value, flag, { kind: 'cli', flag }, { priority }));
    }
  }
  return store;
}

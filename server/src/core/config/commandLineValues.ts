// The `dbnd run` command-line layer: the main switches dbnd always writes (False, not None, so a file value
// for them never wins), `--env`, then `--set` and `--set-override` groups. It is one store, so a later group
// replaces an earlier one for the same key.
import { ConfigStore } from './configStore';
import { Priority, configValue } from './configValue';
import type { Json } from '../json';

export interface CommandLineOptions {
  /** `--env NAME`; undefined keeps dbnd's default `local`. */
  readonly env?: string;
  /** `--set section.key=value`, in order. */
  readonly set?: readonly (readonly [string, string])[];
  /** `--set-override section.key=value` (OVERRIDE priority). */
  readonly override?: readonly (readonly [string, string])[];
}

const MAIN_SWITCHES: readonly (readonly [string, string, Json])[] = [
  ['databand', 'verbose', false],
  ['databand', 'describe', false],
  ['run_info', 'is_archived', false],
  ['run', 'parallel', false],
  ['run', 'interactive', false],
  ['run', 'open_web_tracker_in_browser', false],
];

/** `section.key` split at the last dot, as dbnd's `--set` does. */
export function splitSectionKey(path: string): [section: string, key: string] | undefined {
  const dot = path.lastIndexOf('.');
  if (dot <= 0 || dot === path.length - 1) return undefined;
  return [path.slice(0, dot), path.slice(dot + 1)];
}

export function commandLineConfigStore(options: CommandLineOptions): ConfigStore {
  const store = new ConfigStore();
  const cli = { kind: 'cli', flag: 'cli' } as const;
  for (const [section, key, value] of MAIN_SWITCHES) store.set(section, key, configValue(value, 'cli', cli));
  if (options.env !== undefined) store.set('databand', 'env', configValue(options.env, 'cli', { kind: 'cli', flag: '--env' }));
  const groups = [
    ['--set', options.set ?? [], Priority.NORMAL],
    ['--set-override', options.override ?? [], Priority.OVERRIDE],
  ] as const;
  for (const [flag, pairs, priority] of groups) {
    for (const [path, value] of pairs) {
      const split = splitSectionKey(path);
      if (!split) continue;
      store.set(split[0], split[1], configValue(value, flag, { kind: 'cli', flag }, { priority }));
    }
  }
  return store;
}

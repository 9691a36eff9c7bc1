// `DBND__<SECTION>__<KEY>` process variables: part of the system layer, on top of the files. The section part
// is greedy, so the last `__` splits off the key; the source names the key part as written.
import { ConfigStore } from './configStore';
import { configValue } from './configValue';
import type { Environment } from '../environment';

const DBND_ENVIRON = /^DBND__([\w-]+)__([\w-]+)$/;

/** `[section, key]` for a variable dbnd reads as config, or undefined. */
export function parseDbndVariable(name: string): [section: string, key: string] | undefined {
  if (!name.startsWith('DBND__')) return undefined;
  const m = DBND_ENVIRON.exec(name);
  return m ? [m[1], m[2]] : undefined;
}

export function environmentConfigStore(env: Environment): ConfigStore {
  const store = new ConfigStore();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const parsed = parseDbndVariable(name);
    if (!parsed) continue;
    store.set(parsed[0], parsed[1], configValue(value, `environ[${parsed[1]}]`, { kind: 'environ', variable: name }));
  }
  return store;
}

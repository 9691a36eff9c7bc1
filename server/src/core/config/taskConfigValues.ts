// A task's `task_config` as a config layer (dbnd's parse_and_build_config_store): values are objects, not
// strings; `{"__override__": v}` stands for dbnd's override(v) and `{"__extend__": v}` for extend(v).
import { ConfigStore } from './configStore';
import { Priority, configValue } from './configValue';
import type { Json } from '../json';

export type TaskConfig = Readonly<Record<string, Readonly<Record<string, Json>>>>;

function unwrap(value: Json): { value: Json; priority: number; extend: boolean } {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, Json>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === '__override__')
      return { value: obj.__override__, priority: Priority.OVERRIDE, extend: false };
    if (keys.length === 1 && keys[0] === '__extend__')
      return { value: obj.__extend__, priority: Priority.NORMAL, extend: true };
  }
  return { value, priority: Priority.NORMAL, extend: false };
}

export function taskConfigStore(taskConfig: TaskConfig, source: string): ConfigStore {
  const store = new ConfigStore();
  for (const [section, values] of Object.entries(taskConfig)) {
    for (const [key, raw] of Object.entries(values)) {
      const { value, priority, extend } = unwrap(raw);
      store.set(section, key, configValue(value, source, { kind: 'task_config' }, { priority, extend }));
    }
  }
  return store;
}

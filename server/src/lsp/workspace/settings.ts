// The `databand.*` settings (contributed in package.json, read with `workspace/configuration` per workspace
// folder) and their normaliser: whatever the client sends, the project model gets well-typed values.
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../../ide/projectAnalysis';

/** The configuration section the client is asked for. */
export const SETTINGS_SECTION = 'databand';

/** The settings of one workspace folder: the project settings the CLI shares (ide/projectAnalysis). */
export type DatabandSettings = ProjectSettings;

export const DEFAULT_SETTINGS: DatabandSettings = DEFAULT_PROJECT_SETTINGS;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings from an untrusted `workspace/configuration` answer: wrong types fall back to the defaults. */
export function normaliseSettings(raw: unknown): DatabandSettings {
  if (!isRecord(raw)) return DEFAULT_SETTINGS;
  const extra = Array.isArray(raw.extraConfigFiles)
    ? raw.extraConfigFiles.filter((f): f is string => typeof f === 'string' && f !== '')
    : [];
  const vars: Record<string, string> = {};
  if (isRecord(raw.environmentVariables)) {
    for (const [name, value] of Object.entries(raw.environmentVariables)) {
      if (typeof value === 'string') vars[name] = value;
      else if (typeof value === 'number' || typeof value === 'boolean') vars[name] = String(value);
    }
  }
  const defaultEnvironment = typeof raw.defaultEnvironment === 'string' ? raw.defaultEnvironment.trim() : '';
  return { extraConfigFiles: extra, environmentVariables: vars, defaultEnvironment };
}

/** Whether two folders' settings say the same (a `workspace/configuration` answer repeated is no change). */
export function sameSettings(a: DatabandSettings, b: DatabandSettings): boolean {
  const varsA = Object.entries(a.environmentVariables);
  return (
    a.defaultEnvironment === b.defaultEnvironment &&
    a.extraConfigFiles.length === b.extraConfigFiles.length &&
    a.extraConfigFiles.every((f, i) => f === b.extraConfigFiles[i]) &&
    varsA.length === Object.keys(b.environmentVariables).length &&
    varsA.every(([name, value]) => b.environmentVariables[name] === value)
  );
}

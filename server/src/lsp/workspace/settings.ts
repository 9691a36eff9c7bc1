// The `databand.*` settings (contributed in package.json, read with `workspace/configuration` per workspace
// folder) and their normaliser: whatever the client sends, the project model gets well-typed values.

/** The configuration section the client is asked for. */
export const SETTINGS_SECTION = 'databand';

export interface DatabandSettings {
  /** Config files read after dbnd's own files, in order (as `DBND_CONFIG` or `--conf` would add them);
   *  relative paths are relative to the workspace folder. */
  readonly extraConfigFiles: readonly string[];
  /** Variables added to the server's environment for `$VAR` expansion and `DBND__SECTION__KEY` values. */
  readonly environmentVariables: Readonly<Record<string, string>>;
  /** The dbnd environment the editor resolves (`dbnd run --env`); empty means dbnd's `[databand] env`. */
  readonly defaultEnvironment: string;
}

export const DEFAULT_SETTINGS: DatabandSettings = {
  extraConfigFiles: [],
  environmentVariables: {},
  defaultEnvironment: '',
};

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

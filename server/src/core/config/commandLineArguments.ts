// `dbnd run --set ARG` / `--set-override ARG` as dbnd reads ARG (cmd_run.py ConfigValueType, then
// parse_and_build_config_store with auto_section_parse): the stripped text is either hjson (it starts with
// `{`, `[` or `@`) or `name=value` split at the first `=`; each name is split into section and key at its last
// dot. docs/dbnd-rules.md §1.5 and §5.1.
import { parseHjson } from '../values/hjson';
import { pyRepr, pyStrip, pyTypeName } from '../python';
import type { Json } from '../json';
import { type DbndResult, fail, ok } from '../result';

/** One value of the command-line layer: `section`/`key` as written (the store lower-cases them). */
export interface CommandLineSetting {
  readonly section: string;
  readonly key: string;
  /** A string for `S.K=V`; any JSON value from the hjson form (used as an object, like task_config). */
  readonly value: Json;
}

/** What one argument sets. When dbnd cannot read it, the run reports the error at the `load` stage. */
export interface CommandLineArgument {
  readonly settings: readonly CommandLineSetting[];
  readonly rootTaskParams: readonly string[];
}

const HJSON_PREFIXES = '@{[';
/** `_SECTION_NAME_RE = (.*)\.([^.]*)` with re.match: `.` stops at a newline, the key takes the rest. */
const SECTION_KEY = /^([^\n]*)\.([^.]*)/;

function isMapping(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * One `--set`-style argument. `rootTask`: dbnd's `--set` (not `--set-override`) hands a dot-less
 * `name=value` to the root task as a parameter instead of the config; those names come back in `rootTaskParams`.
 */
export function parseCommandLineArgument(
  text: string,
  options: { readonly rootTask: boolean },
): DbndResult<CommandLineArgument> {
  const stripped = pyStrip(text);
  // `value[0]` on an empty argument: dbnd's click type raises IndexError.
  if (stripped === '') return fail('IndexError', 'string index out of range');
  let values: Json;
  if (HJSON_PREFIXES.includes(stripped[0])) {
    const parsed = parseHjson(stripped);
    if (!parsed.ok) return parsed;
    values = parsed.value;
  } else {
    const eq = stripped.indexOf('=');
    const name = eq < 0 ? stripped : stripped.slice(0, eq);
    values = { [name]: eq < 0 ? '' : stripped.slice(eq + 1) };
  }
  // `if not config_values: return new_config`: an empty dict or list (or any falsy value) sets nothing.
  if (
    values === null ||
    values === false ||
    values === 0 ||
    values === '' ||
    (Array.isArray(values) && values.length === 0)
  ) {
    return ok({ settings: [], rootTaskParams: [] });
  }
  if (!isMapping(values)) {
    return fail('AttributeError', `'${pyTypeName(values)}' object has no attribute 'items'`);
  }
  const settings: CommandLineSetting[] = [];
  const rootTaskParams: string[] = [];
  const seen = new Set<string>();
  for (const [name, sectionValues] of Object.entries(values)) {
    // cmd_run.py: a dot-less `--set` name with a string value is a parameter of the root task, not config.
    if (options.rootTask && !name.includes('.') && typeof sectionValues === 'string') {
      rootTaskParams.push(name);
      continue;
    }
    const m = SECTION_KEY.exec(name);
    const section = m ? m[1] : name;
    const entries = m ? { [m[2]]: sectionValues } : sectionValues;
    if (!isMapping(entries)) {
      return fail('DatabandConfigError', `can't convert '${pyRepr(values)}' to configuration `);
    }
    for (const [key, value] of Object.entries(entries)) {
      const id = `${section.toLowerCase()}\u0000${key}`;
      if (seen.has(id)) {
        return fail('Exception', `multiple definition of ${section}.${key} at ${pyRepr(values)}`);
      }
      seen.add(id);
      settings.push({ section, key, value });
    }
  }
  return ok({ settings, rootTaskParams });
}

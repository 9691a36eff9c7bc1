// Turning one config value into the parameter's value exactly as dbnd's ParameterDefinition.calc_init_value
// does: `$VAR`/`~` expansion of the whole string, the `@` prefixes, then the type's parser and normalizer.
// Values given as objects (task_config, the CLI's boolean switches) skip the string steps.
import type { ParamSchema, ValueTypeName } from '../schema/types';
import { expandEnvVar } from './expandVars';
import { parseBool } from './parseBool';
import { parseFloat64, parseInt10 } from './parseNumber';
import { type DbndResult, fail, ok } from '../result';
import { parseStructureText, stringifyLeaves } from './parseStructured';
import { parseTimedelta } from './parseTimedelta';
import type { Environment } from '../environment';
import type { Json } from '../json';
import { pyRepr, pyStr } from '../python';

export interface ValueParseContext {
  readonly env: Environment;
  /** UTC time for the `container_tag = now` alias, as `YYYYMMDD_HHMMSS`. */
  readonly nowTag?: string;
  /** Reads `@/path/to/file` references; without it such a reference fails as dbnd fails on a missing file. */
  readonly readFile?: (path: string) => string | undefined;
}

/** `ValueType._interpolate_from_str`: `@None` (any case) → None, `@@x` → `@x`, `@path` → file content. */
function resolveAtPrefix(value: string, ctx: ValueParseContext): DbndResult<string | null> {
  if (!value.startsWith('@')) return ok(value);
  const rest = value.slice(1);
  if (rest.startsWith('@')) return ok(rest);
  if (rest.toLowerCase() === 'none') return ok(null);
  if (rest.startsWith('python://')) {
    return fail('ImportError', `cannot call '${rest.slice(9)}': python references are evaluated only by dbnd`);
  }
  const path = rest.startsWith('target:') ? rest.slice(7) : rest;
  const content = ctx.readFile?.(path);
  if (content === undefined) return fail('FileNotFoundError', `[Errno 2] No such file or directory: ${pyRepr(path)}`);
  return ok(content);
}

/** A dbnd folder target prints with a trailing slash. */
function folderTarget(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** What parsing needs to know of a parameter: its type, and its members when it is an Enum. */
export type ParamTypeSpec = Pick<ParamSchema, 'type' | 'enumValues'>;

function parseScalarText(text: string, param: ParamTypeSpec, ctx: ValueParseContext): DbndResult<Json> {
  switch (param.type) {
    case 'bool':
      return parseBool(text);
    case 'int':
      return parseInt10(text);
    case 'float':
      return parseFloat64(text);
    case 'timedelta':
      return parseTimedelta(text);
    case 'Target':
      return ok(folderTarget(text));
    case 'Enum': {
      // EnumParameter parses by member name; validate_no_extra_params (ParamValidation) is the only Enum
      // parameter of the modelled classes, so dbnd's message names that enum class.
      const members = param.enumValues ?? [];
      if (members.includes(text)) return ok(text);
      return fail(
        'ValueError',
        `Invalid enum value '${text}' - could not be parsed, use one of [${members.map((m) => `<ParamValidation.${m}: '${m}'>`).join(', ')}]`,
      );
    }
    case 'VersionStr':
      return ok(text === 'now' && ctx.nowTag ? ctx.nowTag : text);
    default:
      return ok(text);
  }
}

function structureKind(type: ValueTypeName): 'Dict' | 'List' | undefined {
  if (type === 'Dict' || type === 'Dict[str,str]') return 'Dict';
  if (type === 'List' || type === 'List[str]') return 'List';
  return undefined;
}

const hasStringLeaves = (type: ValueTypeName) => type === 'List[str]' || type === 'Dict[str,str]';

/** Sub-type parse of each leaf of a `List[str]`: a string leaf may itself be an `@` reference. */
function parseStringLeaves(value: Json, ctx: ValueParseContext): DbndResult<Json> {
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const item of value) {
      const r = parseStringLeaves(item, ctx);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = parseStringLeaves(v, ctx);
      if (!r.ok) return r;
      out[k] = r.value;
    }
    return ok(out);
  }
  if (typeof value === 'string') return resolveAtPrefix(value, ctx);
  return ok(stringifyLeaves(value));
}

function parseString(raw: string, param: ParamTypeSpec, ctx: ValueParseContext): DbndResult<Json> {
  const at = resolveAtPrefix(raw, ctx);
  if (!at.ok || at.value === null) return at;
  const kind = structureKind(param.type);
  if (!kind) return parseScalarText(at.value, param, ctx);
  const parsed = parseStructureText(at.value, kind);
  if (!parsed.ok || !hasStringLeaves(param.type)) return parsed;
  const leaves = parseStringLeaves(parsed.value, ctx);
  if (!leaves.ok) return leaves;
  // ValueType.parse_value then normalizes the whole structure: str() of every leaf, so a JSON null (or an
  // `@None` item) becomes the string 'None' (docs/dbnd-rules.md §1.2). Objects from task_config skip this step.
  return ok(stringifyLeaves(leaves.value, { noneAsString: true }));
}

/** A value that is already an object (task_config, CLI switches): only the type's normalize applies. */
function normalizeObject(value: Json, type: ValueTypeName, ctx: ValueParseContext): DbndResult<Json> {
  if (value === null) return ok(null);
  if (hasStringLeaves(type)) return parseStringLeaves(value, ctx);
  if (type === 'bool') return ok(Boolean(value));
  if (type === 'str' || type === 'VersionStr') {
    return ok(typeof value === 'object' ? JSON.stringify(value) : pyStr(value));
  }
  return ok(value);
}

/**
 * dbnd's `calc_init_value` for one config value of a parameter of `type`. Strings are expanded first
 * (repeated `$VAR`/`~` expansion), so an `@` that comes out of a variable counts too.
 */
export function parseParameterValue(raw: Json, param: ParamTypeSpec, ctx: ValueParseContext): DbndResult<Json> {
  if (typeof raw !== 'string') return normalizeObject(raw, param.type, ctx);
  return parseString(expandEnvVar(raw, ctx.env).value, param, ctx);
}

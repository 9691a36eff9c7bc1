// Building one dbnd config object (TaskFactory._build_parameter_value for every parameter): the config stack
// for the key, OVERRIDE values before constructor kwargs before plain config values, then the code default.
// Values are parsed by type; an extend stack is merged. Parse errors stop the build at once; missing values
// are collected and raised after the unknown-key check, as dbnd does.
import type { ConfigLayer } from '../config/configLayers';
import { Priority, type ConfigValue, type ValueOrigin } from '../config/configValue';
import type { ConfigClassSchema, ParamSchema } from '../schema/types';
import { parseParameterValue, type ValueParseContext } from '../values/parseValue';
import { type BuildError, safeString } from './buildError';
import { type DbndResult, failWith, ok } from '../result';
import type { ParamValue, ParamValues } from './paramValue';
import { findUnknownKeys, type UnknownKeyWarning } from './unknownKeys';
import type { Json } from '../json';

export interface ConfigObject {
  readonly name: string;
  readonly cls: ConfigClassSchema;
  readonly sections: readonly string[];
  readonly params: ParamValues;
  readonly warnings: readonly UnknownKeyWarning[];
}

export interface BuildRequest {
  readonly name: string;
  readonly cls: ConfigClassSchema;
  readonly sections: readonly string[];
  readonly layer: ConfigLayer;
  /** Constructor kwargs (dbnd's clone passes every current value this way). */
  readonly kwargs?: Readonly<Record<string, Json>>;
  readonly parse: ValueParseContext;
}

interface ParsedOne {
  readonly value: Json;
  readonly source: string;
  readonly origins: readonly ValueOrigin[];
}

function describe(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function parseOne(
  req: BuildRequest,
  param: ParamSchema,
  cv: Pick<ConfigValue, 'value' | 'source' | 'origin'>,
): DbndResult<ParsedOne, BuildError> {
  const parsed = parseParameterValue(cv.value, param, req.parse);
  if (!parsed.ok) {
    return failWith({
      type: 'DatabandBuildError',
      message: `Failed to calculate value from '${safeString(describe(cv.value))}' for parameter '${param.name}' at ${req.cls.family}()`,
      nested: [parsed.error],
      param: param.name,
      origin: cv.origin,
    });
  }
  if (param.validator === 'NonEmptyString' && parsed.value === '') {
    return failWith({
      type: 'DatabandBuildError',
      message: `Failed to validate value='' for parameter '${param.name}' at ${req.cls.family}()`,
      nested: [
        {
          type: 'ParseParameterError',
          message: `${req.cls.family}.${param.name}(parameter[str] at ContainerEngineConfig) has empty string value`,
        },
      ],
      param: param.name,
      origin: cv.origin,
    });
  }
  return ok({ value: parsed.value, source: cv.source, origins: [cv.origin] });
}

/** dbnd's merge of an extend stack: dicts `dict(lower, **higher)`, lists concatenated, strings joined. */
function merge(
  lower: ParsedOne,
  higher: ParsedOne,
  param: ParamSchema,
  req: BuildRequest,
): DbndResult<ParsedOne, BuildError> {
  if (higher.value === null) return ok(lower);
  const l = lower.value;
  const h = higher.value;
  let value: Json;
  if (Array.isArray(l) && Array.isArray(h)) value = [...l, ...h];
  else if (typeof l === 'string' && typeof h === 'string') value = l + h;
  else if (l && h && typeof l === 'object' && typeof h === 'object' && !Array.isArray(l) && !Array.isArray(h))
    value = { ...l, ...h };
  else {
    return failWith({
      type: 'ValueError',
      message: `value type ${param.type} not supporting merge (parameter '${param.name}' at ${req.cls.family}())`,
      param: param.name,
      origin: higher.origins[0],
    });
  }
  return ok({ value, source: `${lower.source},${higher.source}`, origins: [...lower.origins, ...higher.origins] });
}

function parseStack(
  req: BuildRequest,
  param: ParamSchema,
  stack: readonly ConfigValue[],
): DbndResult<ParsedOne, BuildError> {
  let acc: ParsedOne | undefined;
  for (const cv of stack) {
    const one = parseOne(req, param, cv);
    if (!one.ok) return one;
    if (!acc) acc = one.value;
    else {
      const merged = merge(acc, one.value, param, req);
      if (!merged.ok) return merged;
      acc = merged.value;
    }
  }
  return ok(acc as ParsedOne);
}

function missing(req: BuildRequest, param: ParamSchema): BuildError {
  return {
    type: 'MissingParameterError',
    message: `No value defined for '${param.name}' at ${req.cls.family}(task_name='${req.name}')@<class '${req.cls.classPath}'>`,
    param: param.name,
  };
}

function buildParam(req: BuildRequest, param: ParamSchema): DbndResult<ParsedOne | undefined, BuildError> {
  const stack = req.layer.lookup(req.sections, param.name);
  const hasOverride = stack.some((cv) => cv.priority >= Priority.OVERRIDE);
  if (!hasOverride && req.kwargs && Object.prototype.hasOwnProperty.call(req.kwargs, param.name)) {
    const source = `${req.cls.shortFamily}[ctor]`;
    return parseOne(req, param, { value: req.kwargs[param.name], source, origin: { kind: 'computed' } });
  }
  if (stack.length > 0) return parseStack(req, param, stack);
  if (param.hasDefault) {
    const source = `${req.cls.shortFamily}[default]`;
    return parseOne(req, param, { value: param.default ?? null, source, origin: { kind: 'computed' } });
  }
  return ok(undefined);
}

/** Build the object, or return the first error dbnd raises. Unknown-key warnings come with the object. */
export function buildConfigObject(req: BuildRequest): DbndResult<ConfigObject, BuildError> {
  const params = new Map<string, ParamValue>();
  const missingErrors: BuildError[] = [];
  for (const param of req.cls.params) {
    const result = buildParam(req, param);
    if (!result.ok) return result;
    if (result.value === undefined && !param.derived) missingErrors.push(missing(req, param));
    const { value, source, origins } = result.value ?? { value: null, source: '', origins: [] };
    params.set(param.name, {
      name: param.name,
      type: param.type,
      value,
      source,
      origins,
      ...(param.system ? { system: true } : {}),
    });
  }
  const level = String(params.get('validate_no_extra_params')?.value ?? 'disabled');
  const warnings = findUnknownKeys(req.name, req.cls, req.sections, req.layer, level);
  if (level === 'error' && warnings.length > 0) {
    missingErrors.push(
      ...warnings.map((w) => ({ type: 'UnknownParameterError', message: w.message, origin: w.origin })),
    );
  }
  if (missingErrors.length === 1) return failWith(missingErrors[0]);
  if (missingErrors.length > 1) {
    return failWith({
      type: 'DatabandBuildError',
      message: `Failed to create task ${req.cls.family}(task_name='${req.name}'): ${missingErrors.map((e) => e.message).join('; ')}`,
      nested: missingErrors.map((e) => ({ type: e.type, message: e.message })),
      origin: missingErrors[0].origin,
    });
  }
  return ok({ name: req.name, cls: req.cls, sections: req.sections, params, warnings });
}

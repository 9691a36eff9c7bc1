// Small constructors that keep the per-class files readable as tables: one call per key, in dbnd's order.
import type { ParamSchema, ValueTypeName } from './types';
import type { Json } from '../json';

type Extra = Omit<ParamSchema, 'name' | 'type' | 'hasDefault' | 'default' | 'docs'>;

/** A key with a code default (`null` for dbnd's `default=None`). */
export function withDefault(
  name: string,
  type: ValueTypeName,
  defaultValue: Json,
  docs: string,
  extra: Extra = {},
): ParamSchema {
  return { name, type, hasDefault: true, default: defaultValue, docs, ...extra };
}

/** A key without a code default: dbnd raises MissingParameterError unless config supplies a value. */
export function withoutDefault(name: string, type: ValueTypeName, docs: string, extra: Extra = {}): ParamSchema {
  return { name, type, hasDefault: false, docs, ...extra };
}

/** The values of dbnd's `ParamValidation` enum, the type of `validate_no_extra_params`. */
export const PARAM_VALIDATION_VALUES = ['disabled', 'warn', 'error'] as const;

/**
 * The system key every config object has. Its code default differs by base class (`disabled` for Config,
 * `error` for Task); the shipped `[config] validate_no_extra_params = warn` is what config objects see in practice.
 */
export function validateNoExtraParams(codeDefault: (typeof PARAM_VALIDATION_VALUES)[number]): ParamSchema {
  return withDefault(
    'validate_no_extra_params',
    'Enum',
    codeDefault,
    "What dbnd does with keys it does not know in this object's sections: `disabled` ignores them, `warn` logs " +
      '"Unknown parameter" build warnings, `error` fails the build. The code default is `' +
      codeDefault +
      '`, but the shipped `databand-core.cfg` sets `[config] validate_no_extra_params = warn`, which every config ' +
      'object reads. `_type`, `_from` and `*__target` keys are never reported.',
    { system: true, enumValues: PARAM_VALIDATION_VALUES, examples: ['warn', 'error'] },
  );
}

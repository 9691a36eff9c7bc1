// The value one parameter of a built config object ends up with, and where it came from.
import type { ValueOrigin } from '../config/configValue';
import type { ValueTypeName } from '../schema/types';
import type { Json } from '../json';

export interface ParamValue {
  readonly name: string;
  readonly type: ValueTypeName;
  readonly value: Json;
  /** dbnd's source string (`config[x.cfg]`, `environ[KEY]`, `--set`, `d.k.k.KubernetesEngineConfig[default]`...). */
  readonly source: string;
  readonly system?: true;
  /** Where each value that decided this parameter was written (several when `extend` merged them), lowest first. */
  readonly origins: readonly ValueOrigin[];
}

/** The parameters of a built object by name, in dbnd's definition order. */
export type ParamValues = ReadonlyMap<string, ParamValue>;

export function paramValuesRecord(params: ParamValues): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, p] of params) out[name] = p.value;
  return out;
}

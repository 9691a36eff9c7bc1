// What a key's value looks like when completion inserts the key: a JSON skeleton for dicts and lists (valid
// JSON once the placeholders are filled), a choice for booleans and enums. Snippet syntax.
import type { ParamSchema } from '../../core/schema/types';
import { snippetText } from './completionItem';

/** Keys whose JSON shape dbnd expects more precisely than "a dict" or "a list". */
const SKELETONS: Readonly<Record<string, string>> = {
  secrets: '[{"type": "${1|env,volume|}", "target": "$2", "secret": "$3", "key": "$4"}]',
  pod_error_cfg_source_dict: '{"${1:255}": {"retry_count": ${2:3}}}',
  environments: '["${1:local}"]',
  volumes: '[{"name": "$1", "persistentVolumeClaim": {"claimName": "$2"}}]',
  volume_mounts: '[{"name": "$1", "mountPath": "$2"}]',
  tolerations:
    '[{"key": "$1", "operator": "${2|Equal,Exists|}", "value": "$3", "effect": "${4|NoSchedule,PreferNoSchedule,NoExecute|}"}]',
};

export function valueSkeleton(param: ParamSchema | undefined, key: string): string {
  const known = SKELETONS[key];
  if (known) return known;
  if (!param) return '$0';
  if (param.type === 'bool') return '${1|True,False|}';
  if (param.enumValues?.length) return `\${1|${param.enumValues.join(',')}|}`;
  if (param.type === 'Dict' || param.type === 'Dict[str,str]') return '{"$1": "$2"}';
  if (param.type === 'List' || param.type === 'List[str]') return '[$1]';
  return '$0';
}

/** `key = <skeleton>` as a snippet. */
export function keyWithValueSnippet(key: string, param: ParamSchema | undefined): string {
  return `${snippetText(key)} = ${valueSkeleton(param, key)}`;
}

// What accepting a key on a new line inserts: `key = ` and, when completion has a value list for the key, that
// list at once (the entry's `reopen`); for a dict or list, a JSON skeleton (valid JSON once the placeholders are
// filled), as a snippet.
import type { ParamSchema } from '../../core/schema/types';
import { snippetText } from './completionItem';
import { offersValueList } from './completionValues';

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

/** The JSON skeleton of a dict or list key (snippet syntax), undefined for any other key. */
export function valueSkeleton(param: ParamSchema | undefined, key: string): string | undefined {
  const known = SKELETONS[key];
  if (known) return known;
  if (param?.type === 'Dict' || param?.type === 'Dict[str,str]') return '{"$1": "$2"}';
  if (param?.type === 'List' || param?.type === 'List[str]') return '[$1]';
  return undefined;
}

export interface KeyInsertion {
  readonly insertText: string;
  readonly snippet: boolean;
  readonly reopen: boolean;
}

/** `key = ` (plain text), or `key = <skeleton>` as a snippet. */
export function keyInsertion(key: string, param: ParamSchema | undefined): KeyInsertion {
  // A value list beats a snippet choice (`${1|True,False|}`): it shows each value's docs and filters as one types.
  if (offersValueList(key, param)) return { insertText: `${key} = `, snippet: false, reopen: true };
  const skeleton = valueSkeleton(param, key);
  if (skeleton) return { insertText: `${snippetText(key)} = ${skeleton}`, snippet: true, reopen: false };
  return { insertText: `${key} = `, snippet: false, reopen: false };
}

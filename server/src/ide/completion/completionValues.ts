// Feature: completion of values, by what the key expects: booleans, enum values, `_type` classes, section
// references (`_from`, `remote_engine`, `local_engine`, `environments`), `image_pull_policy`, the reason keys
// and fields of `pod_error_cfg_source_dict`, the fields of a `secrets` entry, kubeconfig contexts for
// `cluster_context`.
import { POD_FAILURE_REASONS } from '../../core/lifecycle';
import { ALL_CONFIG_CLASSES, paramOf } from '../../core/schema';
import type { ConfigClassKind, ParamSchema } from '../../core/schema/types';
import { parseParameterValue } from '../../core/values/parseValue';
import type { Analysis } from '../analysis';
import type { CompletionEntry, CompletionKind } from './completionItem';
import type { CursorContext } from './cursorContext';
import { kubeContexts } from './kubeContexts';
import { definedSectionNames, sectionClass, valueStack } from '../projectQueries';

type ValueContext = Extract<CursorContext, { kind: 'value' }>;

const IMAGE_PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** Exit codes dbnd's shipped config retries on, and the reasons its scheduler looks up (docs/dbnd-rules.md §4.4). */
const POD_ERROR_REASONS: readonly { key: string; docs: string }[] = [
  { key: '255', docs: 'The `base` container exited with code 255 (the shipped config retries it 3 times).' },
  { key: '137', docs: 'The container was killed (exit code 137), typically out of memory.' },
  {
    key: POD_FAILURE_REASONS.errImagePull,
    docs: 'The image could not be pulled (`ErrImagePull` only, not `ImagePullBackOff`).',
  },
  {
    key: POD_FAILURE_REASONS.errConfigError,
    docs: 'The pod spec refers to something missing (`CreateContainerConfigError`), e.g. a secret.',
  },
  { key: POD_FAILURE_REASONS.errPodDeleted, docs: 'The pod disappeared from the cluster (deleted or preempted).' },
  { key: POD_FAILURE_REASONS.errPodEvicted, docs: "The pod reported success but Airflow's task never finished." },
];

const SECRET_FIELDS: readonly { key: string; docs: string }[] = [
  { key: 'type', docs: '`env` (an environment variable) or `volume` (files in a mounted folder).' },
  { key: 'target', docs: 'The variable name (upper-cased by Airflow) or the mount path.' },
  { key: 'secret', docs: 'The name of the Kubernetes Secret.' },
  { key: 'key', docs: 'The key inside the Secret; for a volume, leave it out to mount every key.' },
];

/** Keys whose value list (below) is not always empty; the switch and the type checks of valueCompletions. */
const KEYS_WITH_VALUE_LIST = new Set([
  '_type',
  '_from',
  'remote_engine',
  'local_engine',
  'image_pull_policy',
  'cluster_context',
]);

/** Whether valueCompletions offers values right after `key = `: accepting such a key opens the list at once. */
export function offersValueList(key: string, param: ParamSchema | undefined): boolean {
  if (KEYS_WITH_VALUE_LIST.has(key)) return key.startsWith('_') || param !== undefined;
  return param !== undefined && (param.type === 'bool' || Boolean(param.enumValues?.length));
}

export function valueCompletions(analysis: Analysis, ctx: ValueContext): CompletionEntry[] {
  const key = ctx.entry.key;
  const sectionName = ctx.section?.name;
  const item = (
    label: string,
    kind: CompletionKind,
    detail?: string,
    documentation?: string,
    insertText?: string,
  ): CompletionEntry => ({
    label,
    kind,
    detail,
    documentation,
    insertText,
    replace: ctx.replace,
  });
  const quoted = (name: string) => (ctx.json.stack.length > 0 && !ctx.json.inString ? `"${name}"` : name);

  if (key === '_type')
    return classChoices(analysis, sectionName).map((c) => item(c.label, 'reference', c.detail, c.docs));
  if (key === '_from')
    return sectionChoices(analysis, sectionName, undefined).map((name) => item(name, 'reference', 'section'));
  if (!sectionName) return [];
  const cls = sectionClass(analysis, sectionName);
  const param: ParamSchema | undefined = cls?.ok ? paramOf(cls.value, key) : undefined;
  if (!param) return [];

  switch (key) {
    case 'remote_engine':
    case 'local_engine':
      return sectionChoices(analysis, sectionName, 'engine').map((name) => item(name, 'reference', 'engine section'));
    case 'environments':
      return sectionChoices(analysis, sectionName, 'env').map((name) =>
        item(name, 'reference', 'environment section', undefined, quoted(name)),
      );
    case 'image_pull_policy':
      return IMAGE_PULL_POLICIES.map((p) => item(p, 'enum', 'imagePullPolicy'));
    case 'cluster_context':
      return clusterContexts(analysis, sectionName).map((c) =>
        item(c.name, 'value', c.current ? 'current context' : 'kubeconfig context'),
      );
    case 'pod_error_cfg_source_dict':
      return podErrorCompletions(ctx, item);
    case 'secrets':
      return secretCompletions(ctx, item);
  }
  if (param.type === 'bool') return ['True', 'False'].map((b) => item(b, 'enum', 'bool'));
  if (param.enumValues?.length) return param.enumValues.map((v) => item(v, 'enum', param.name));
  return [];
}

type ItemFn = (
  label: string,
  kind: CompletionKind,
  detail?: string,
  documentation?: string,
  insertText?: string,
) => CompletionEntry;

function podErrorCompletions(ctx: ValueContext, item: ItemFn): CompletionEntry[] {
  const { stack, position, inString } = ctx.json;
  if (stack.length === 1 && position === 'key') {
    return POD_ERROR_REASONS.map((r) =>
      item(r.key, 'field', 'reason key', r.docs, inString ? r.key : `"${r.key}": {"retry_count": 1}`),
    );
  }
  if (stack.length === 2 && position === 'key') {
    // `retry_delay` is accepted but never read for these entries (docs/dbnd-rules.md §4.4), so it is not offered.
    return [
      item(
        'retry_count',
        'field',
        'int',
        'How many times dbnd retries a pod that failed for this reason.',
        inString ? 'retry_count' : '"retry_count": ',
      ),
    ];
  }
  return [];
}

function secretCompletions(ctx: ValueContext, item: ItemFn): CompletionEntry[] {
  const { stack, position, inString, keys } = ctx.json;
  if (stack.at(-1) !== '{') return [];
  if (position === 'key')
    return SECRET_FIELDS.map((f) =>
      item(f.key, 'field', 'secret entry field', f.docs, inString ? f.key : `"${f.key}": `),
    );
  if (keys.at(-1) === 'type')
    return ['env', 'volume'].map((t) => item(t, 'enum', 'secret type', undefined, inString ? t : `"${t}"`));
  return [];
}

function classChoices(
  analysis: Analysis,
  sectionName: string | undefined,
): { label: string; detail: string; docs?: string }[] {
  const out: { label: string; detail: string; docs?: string }[] = [];
  for (const cls of ALL_CONFIG_CLASSES) {
    if (!cls.registered) continue;
    out.push({ label: cls.family, detail: cls.className, docs: cls.docs });
    out.push({ label: cls.classPath, detail: cls.className, docs: cls.docs });
  }
  const families = new Set(out.map((c) => c.label.toLowerCase()));
  for (const name of sectionChoices(analysis, sectionName, undefined)) {
    const cls = sectionClass(analysis, name);
    if (cls?.ok && !families.has(name.toLowerCase()))
      out.push({ label: name, detail: `section building ${cls.value.className}` });
  }
  return out;
}

/** Sections defined in the project (packaged defaults included), except `exclude`; of a class kind if given. */
function sectionChoices(analysis: Analysis, exclude: string | undefined, kind: ConfigClassKind | undefined): string[] {
  const out: string[] = [];
  for (const name of definedSectionNames(analysis)) {
    if (name === exclude?.toLowerCase() || name.includes('.') || name === 'default') continue;
    if (kind) {
      const cls = sectionClass(analysis, name);
      if (!cls?.ok || cls.value.kind !== kind) continue;
    }
    out.push(name);
  }
  return out.sort();
}

function clusterContexts(analysis: Analysis, sectionName: string): { name: string; current: boolean }[] {
  const configFile = valueStack(analysis, sectionName, 'config_file').at(-1);
  let path: string | undefined;
  if (configFile && configFile.value !== null) {
    const parsed = parseParameterValue(configFile.value, { type: 'str' }, { env: analysis.env });
    if (parsed.ok && typeof parsed.value === 'string' && parsed.value) path = parsed.value;
  }
  const contexts = kubeContexts(path, analysis.env, analysis.snapshot.readFile);
  return contexts.names.map((name) => ({ name, current: name === contexts.current }));
}

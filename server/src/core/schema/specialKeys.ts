// Keys that belong to no class but steer how dbnd builds objects from a section (docs/dbnd-rules.md §1.7, §1.9). They
// are valid in any section and never reported as unknown.

export interface SpecialKey {
  readonly name: '_type' | '_from';
  readonly docs: string;
  readonly examples: readonly string[];
}

export const SPECIAL_KEYS: readonly SpecialKey[] = [
  {
    name: '_type',
    docs:
      'The class of the object built from this section: a task family (`kubernetes`, `docker`, `local`), another ' +
      'section name whose own `_type`/`_from` decide, or a full class path such as ' +
      '`dbnd_docker.kubernetes.kubernetes_engine_config.KubernetesEngineConfig`. It only selects the class; the ' +
      "class's family section (`[kubernetes]`) is read anyway. Ignored in a section whose name is itself a " +
      'registered family or class path (`[kubernetes] _type = docker` still builds a Kubernetes engine).',
    examples: ['kubernetes', 'dbnd_docker.kubernetes.kubernetes_engine_config.KubernetesEngineConfig'],
  },
  {
    name: '_from',
    docs:
      'Inherit the values of another section: it is read after this one (and before the family section), ' +
      'following its own `_from` in turn. Without `_type` it also selects the class. A cycle of `_from` ' +
      'references makes dbnd fail with a RecursionError or hang.',
    examples: ['local', 'kubernetes'],
  },
];

/** `_type`/`_from` (case-insensitive, keys are lower-cased), or undefined. */
export function specialKey(key: string): SpecialKey | undefined {
  const lower = key.toLowerCase();
  return SPECIAL_KEYS.find((k) => k.name === lower);
}

/** dbnd never reports these as unknown parameters: `_type`, `_from` and keys ending in `__target`. */
export function isExemptFromUnknownKeyCheck(key: string): boolean {
  const lower = key.toLowerCase();
  return specialKey(lower) !== undefined || lower.endsWith('__target');
}

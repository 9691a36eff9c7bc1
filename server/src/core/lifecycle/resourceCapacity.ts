// DbndKubeResourcesChecker (kube_resources_checker.py): when a pod is unschedulable for lack of cpu/memory,
// compare `request_cpu`/`request_memory` (never the `requests` dict) with the largest node and fail when the
// request can never fit. A request dbnd cannot parse is itself a config error, raised before nodes are listed.
import type { DbndFailure } from './podStatus';
import { unschedulable } from './k8sErrors';
import { type DbndResult, fail, ok } from '../result';

export interface NodeCapacity {
  readonly name: string;
  /** `status.capacity` of the node, e.g. {cpu: "4", memory: "16374584Ki"}. */
  readonly capacity: Readonly<Record<string, string>>;
}

type Parsed = DbndResult<number | null>;

const SI_SUFFIXES = ['K', 'M', 'G', 'T', 'P', 'E'];
/** ISO (Ki..Ei, base 2^10) before SI (K..E, base 10^3), each also matched in lower case: `500m` reads as 500M. */
const SUFFIX_TABLES: ReadonlyArray<[string[], number, number]> = [
  [SI_SUFFIXES.map((s) => `${s}i`), 2, 10],
  [SI_SUFFIXES, 10, 3],
];

/** Python float() of a str: surrounding whitespace allowed, plus inf/nan spellings. */
function pyFloat(text: string): number | undefined {
  const t = text.trim().replace(/_/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return NaN;
  return undefined;
}

const floatError = (text: string) => `could not convert string to float: '${text}'`;

/** parse_kub_memory_string. */
export function parseMemoryString(memory: unknown): Parsed {
  if (!memory) return ok(null);
  const text = String(memory);
  for (const [suffixes, base, power] of SUFFIX_TABLES) {
    for (let i = 1; i <= suffixes.length; i++) {
      const s = suffixes[i - 1];
      if (text.endsWith(s) || text.endsWith(s.toLowerCase())) {
        const number = pyFloat(text.slice(0, -s.length));
        if (number === undefined) {
          return fail(
            'DatabandConfigError',
            `memory parse failed for ${text}: ${floatError(text.slice(0, -s.length))}`,
          );
        }
        return ok(number * Math.pow(base, power * i));
      }
    }
  }
  return fail('DatabandConfigError', `memory parse failed for ${text}: suffix not recognized`);
}

/** get_cpu_request: `250m` → 0.25, else float(). */
export function parseCpuRequest(cpu: unknown): Parsed {
  if (!cpu) return ok(null);
  const text = String(cpu);
  if (text.slice(-1).toLowerCase() === 'm') {
    const digits = text.slice(0, -1);
    if (/^\s*[+-]?\d+(_\d+)*\s*$/.test(digits)) return ok(Number(digits.replace(/_/g, '')) / 1000);
    return fail(
      'DatabandConfigError',
      `failed to parse request_cpu ${text}: invalid literal for int() with base 10: '${digits}'`,
    );
  }
  const number = pyFloat(text);
  if (number === undefined)
    return fail('DatabandConfigError', `failed to parse request_cpu ${text}: ${floatError(text)}`);
  return ok(number);
}

export interface CapacityCheck {
  readonly failure: DbndFailure | null;
  readonly warnings: readonly string[];
}

function aboveCapacityMessage(
  param: string,
  value: unknown,
  name: string,
  node: NodeCapacity,
  capacity: string,
): string {
  return (
    `Configured ${param} (${String(value)}) is larger than the node with most ${name} in the cluster (${node.name} with ${capacity}). ` +
    `Either lower the ${param} or add a node with enought ${name} to the cluster.`
  );
}

/** The largest node by a parsed capacity; the first one wins a tie, as Python's max() does. */
function largest(nodes: readonly NodeCapacity[], values: readonly number[]): { node: NodeCapacity; value: number } {
  let best = 0;
  for (let i = 1; i < nodes.length; i++) if (values[i] > values[best]) best = i;
  return { node: nodes[best], value: values[best] };
}

/** check_if_resource_request_above_max_capacity. */
export function checkResourceCapacity(
  conditionMessage: string,
  requestCpu: unknown,
  requestMemory: unknown,
  nodes: readonly NodeCapacity[] | undefined,
): CapacityCheck {
  const cpu = parseCpuRequest(requestCpu);
  if (!cpu.ok) return { failure: cpu.error, warnings: [] };
  const memory = parseMemoryString(requestMemory);
  if (!memory.ok)
    return {
      failure: { type: 'DatabandConfigError', message: `failed to parse request_memory: ${memory.error.message}` },
      warnings: [],
    };
  if (!cpu.value && !memory.value) return { failure: null, warnings: [] };
  // list_node() failing or returning nothing: dbnd gives up silently.
  if (!nodes || nodes.length === 0) return { failure: null, warnings: [] };
  // Any other problem is logged and the pod keeps waiting; a DatabandConfigError (a node memory dbnd cannot parse) is raised.
  const giveUp = (why: string): CapacityCheck => ({
    failure: null,
    warnings: [`failed to check if the requested pod resources are above maximum cluster capacity: ${why}`],
  });

  const components: string[] = [];
  if (cpu.value) {
    const values: number[] = [];
    for (const node of nodes) {
      const v = node.capacity.cpu === undefined ? undefined : pyFloat(String(node.capacity.cpu));
      if (v === undefined)
        return giveUp(node.capacity.cpu === undefined ? "'cpu'" : floatError(String(node.capacity.cpu)));
      values.push(v);
    }
    const max = largest(nodes, values);
    if (cpu.value > max.value)
      components.push(aboveCapacityMessage('request_cpu', requestCpu, 'CPUs', max.node, max.node.capacity.cpu));
  }
  if (memory.value) {
    const values: number[] = [];
    for (const node of nodes) {
      if (node.capacity.memory === undefined) return giveUp("'memory'");
      const v = parseMemoryString(node.capacity.memory);
      if (!v.ok) return { failure: v.error, warnings: [] };
      if (v.value === null) return giveUp("'>' not supported between instances of 'float' and 'NoneType'");
      values.push(v.value);
    }
    const max = largest(nodes, values);
    if (memory.value > max.value)
      components.push(
        aboveCapacityMessage('request_memory', requestMemory, 'memory', max.node, max.node.capacity.memory),
      );
  }
  return { failure: components.length ? unschedulable(conditionMessage, components.join('\n')) : null, warnings: [] };
}

// Summarises a V8 heap snapshot (a .heapsnapshot file, e.g. from serverMemory.ts): not a test, a measurement.
// Prints the live heap by constructor (objects) or kind (strings, arrays, code), count and self size, and who
// holds the strings and arrays: each is attributed to its first strong retainer, as `Constructor.property`, so
// "EntryNode.rawValue" or "ValueLineNode.text" says which field's strings take the memory.
// Usage: node out/test/bench/heapSummary.js file.heapsnapshot [rows]
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const file = process.argv[2];
const rows = Number(process.argv[3] ?? 30);
const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
const { meta } = snap.snapshot;
const nodeFieldCount = meta.node_fields.length;
const edgeFieldCount = meta.edge_fields.length;
const TYPE = meta.node_fields.indexOf('type');
const NAME = meta.node_fields.indexOf('name');
const SELF = meta.node_fields.indexOf('self_size');
const EDGES = meta.node_fields.indexOf('edge_count');
const E_TYPE = meta.edge_fields.indexOf('type');
const E_NAME = meta.edge_fields.indexOf('name_or_index');
const E_TO = meta.edge_fields.indexOf('to_node');
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const { nodes, edges, strings } = snap;
const nodeCount = nodes.length / nodeFieldCount;

const STRING_KINDS = new Set(['string', 'concatenated string', 'sliced string']);

function label(n: number): string {
  const type = nodeTypes[nodes[n * nodeFieldCount + TYPE]];
  const name = strings[nodes[n * nodeFieldCount + NAME]];
  if (type === 'object' || type === 'closure' || type === 'native')
    return `${type === 'object' ? '' : type + ' '}${name}`;
  if (type === 'hidden' || type === 'array' || type === 'code') return `(${type}) ${name.slice(0, 40)}`;
  return `(${type})`;
}

// First strong retainer of each node.
const retainer = new Int32Array(nodeCount).fill(-1);
const retainerEdge = new Int32Array(nodeCount).fill(-1);
let edgeIndex = 0;
for (let n = 0; n < nodeCount; n++) {
  const count = nodes[n * nodeFieldCount + EDGES];
  for (let k = 0; k < count; k++, edgeIndex += edgeFieldCount) {
    const type = edgeTypes[edges[edgeIndex + E_TYPE]];
    if (type === 'weak' || type === 'shortcut') continue;
    const to = edges[edgeIndex + E_TO] / nodeFieldCount;
    if (retainer[to] < 0) {
      retainer[to] = n;
      retainerEdge[to] = edgeIndex;
    }
  }
}

function edgeName(e: number): string {
  const type = edgeTypes[edges[e + E_TYPE]];
  const v = edges[e + E_NAME];
  return type === 'element' || type === 'hidden' ? `[]` : strings[v];
}

const byLabel = new Map<string, { count: number; size: number }>();
const heldBy = new Map<string, { count: number; size: number }>();
let total = 0;
for (let n = 0; n < nodeCount; n++) {
  const size = nodes[n * nodeFieldCount + SELF];
  total += size;
  const l = label(n);
  const a = byLabel.get(l) ?? { count: 0, size: 0 };
  a.count++;
  a.size += size;
  byLabel.set(l, a);
  const type = nodeTypes[nodes[n * nodeFieldCount + TYPE]];
  if (STRING_KINDS.has(type) || type === 'array' || type === 'number' || l.startsWith('(hidden) system / FixedArray')) {
    let r = retainer[n];
    let via = r >= 0 ? edgeName(retainerEdge[n]) : '?';
    // An array's elements are attributed to whoever holds the array.
    if (r >= 0 && nodeTypes[nodes[r * nodeFieldCount + TYPE]] === 'array' && retainer[r] >= 0) {
      via = `${edgeName(retainerEdge[r])}[]`;
      r = retainer[r];
    }
    const key = `${type === 'array' || type === 'hidden' ? 'array' : type} held by ${r >= 0 ? label(r) : '?'}.${via}`;
    const h = heldBy.get(key) ?? { count: 0, size: 0 };
    h.count++;
    h.size += size;
    heldBy.set(key, h);
  }
}

const mib = (b: number) => (b / 2 ** 20).toFixed(2).padStart(8);
console.log(`${file}: ${nodeCount} nodes, ${mib(total)} MiB self size in all`);
console.log(`\nby constructor / kind (top ${rows}):`);
for (const [l, a] of [...byLabel].sort((x, y) => y[1].size - x[1].size).slice(0, rows))
  console.log(`${mib(a.size)} MiB ${String(a.count).padStart(9)}  ${l}`);
console.log(`\nstrings, arrays and numbers by first retainer (top ${rows}):`);
for (const [l, a] of [...heldBy].sort((x, y) => y[1].size - x[1].size).slice(0, rows))
  console.log(`${mib(a.size)} MiB ${String(a.count).padStart(9)}  ${l}`);

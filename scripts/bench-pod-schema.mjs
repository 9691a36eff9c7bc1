// Writes test/bench/pod-v1.schema.json, the Kubernetes Pod JSON schema yaml-language-server validates against in
// `npm run bench` (offline: the benchmark never fetches a schema). It is cut out of a Kubernetes API server's
// OpenAPI v2 document: io.k8s.api.core.v1.Pod and every definition it references, with `$ref`s kept as
// `#/definitions/...` (yaml-language-server resolves them inside the file).
//
// Usage: node scripts/bench-pod-schema.mjs OPENAPI_V2_JSON
//   e.g. with the k8s testbed up (`test/k8s-testbed/testbed up --node none`, `eval "$(testbed env)"`):
//   kubectl get --raw /openapi/v2 > /tmp/openapi-v2.json && node scripts/bench-pod-schema.mjs /tmp/openapi-v2.json
import { readFileSync, writeFileSync } from 'node:fs';

const ROOT = 'io.k8s.api.core.v1.Pod';
const OUT = 'test/bench/pod-v1.schema.json';

const openapi = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const all = openapi.definitions;

/** Every definition name reachable from `name` through `$ref`s. */
function closure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') closure(v.replace('#/definitions/', ''), seen);
        else visit(v);
      }
    }
  };
  visit(all[name]);
  return seen;
}

/** The definition without the x-kubernetes-* extensions (a JSON schema validator has no use for them). */
function plain(node) {
  if (Array.isArray(node)) return node.map(plain);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => !k.startsWith('x-kubernetes-'))
      .map(([k, v]) => [k, plain(v)]),
  );
}

const names = [...closure(ROOT)].sort();
const schema = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  description: `Kubernetes ${openapi.info?.version ?? ''} Pod, from the API server's /openapi/v2 (scripts/bench-pod-schema.mjs)`,
  $ref: `#/definitions/${ROOT}`,
  definitions: Object.fromEntries(names.map((n) => [n, plain(all[n])])),
};
writeFileSync(OUT, JSON.stringify(schema, null, 1) + '\n');
console.log(`${OUT}: ${names.length} definitions`);

// The first lint of a big project takes shortcuts where the plain computation allocated per entry or per
// environment (engineReferences.ts, syntaxDiagnostics.ts, sectionList.ts, enabledObjects.ts): each must answer
// exactly as the plain computation, which each test here keeps as its reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PACKAGE_DEFAULT_FILES, loadConfig } from '../../../server/src/core/config/loadConfig';
import type { ConfigLayer } from '../../../server/src/core/config/configLayers';
import { enabledObjects } from '../../../server/src/core/diagnostics/enabledObjects';
import { enabledEnvironmentNames } from '../../../server/src/core/diagnostics/engineReferences';
import type { Environment } from '../../../server/src/core/environment';
import { parseCfg } from '../../../server/src/core/reader';
import { resolveConfigClass } from '../../../server/src/core/resolve/classResolution';
import { fromChain, objectSections } from '../../../server/src/core/resolve/sectionList';
import { KUBERNETES_ENGINE_CONFIG } from '../../../server/src/core/schema';
import { generateLargeConfig } from '../../support/generateLargeConfig';
import { REPO_ROOT } from '../../support/paths';

const NAMES = ['k8s', 'K8s', 'prod', 'PROD', 'local', 'dev_1', 'Dev_1', 'ı', 'I', 'İ', 'ß'];

test('enabledEnvironmentNames answers "is this section an enabled or the selected environment" as the scan did', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...NAMES), { maxLength: 6 }),
      fc.constantFrom(...NAMES),
      fc.constantFrom(...NAMES),
      (environments, selectedEnv, section) => {
        const enabled = { environments, selectedEnv, built: new Set<string>(), readSections: new Set<string>() };
        const plain = [...environments, selectedEnv].some((e) => e.toLowerCase() === section.toLowerCase());
        assert.equal(enabledEnvironmentNames(enabled).has(section.toLowerCase()), plain);
      },
    ),
    { numRuns: 3000 },
  );
});

/** Every .cfg the examples and the sample workspace hold, and a generated big project. */
function corpus(): { name: string; text: string }[] {
  const out = [{ name: 'generated', text: generateLargeConfig(3000) }];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.cfg')) out.push({ name: path, text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(REPO_ROOT, 'test', 'workspace'));
  return out;
}

test("an entry's lineCount is lines.length, for every entry of the corpus and of random texts", () => {
  const check = (text: string, name: string) => {
    const doc = parseCfg(text);
    for (const entry of [...doc.preamble, ...doc.sections.flatMap((s) => s.entries)]) {
      assert.equal(entry.lineCount, entry.lines.length, `${name}: ${entry.rawKey}`);
    }
  };
  for (const { name, text } of corpus()) check(text, name);
  const lines = ['[s]', 'a = 1', '  b', '', '# c', 'd =', '    [x]', '\t}', ' ', 'e: f', '[t]', '  g = h'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 12 }), (picked) => check(picked.join('\n'), 'random')),
    { numRuns: 2000 },
  );
});

test('objectSections equals the plain lower-case and deduplicate, for short and long chains', () => {
  const plain = (name: string, chain: readonly string[]) => [
    ...new Set(
      [name, ...chain, KUBERNETES_ENGINE_CONFIG.family, KUBERNETES_ENGINE_CONFIG.classPath, 'config'].map((s) =>
        s.toLowerCase(),
      ),
    ),
  ];
  const words = [
    'a',
    'A',
    'b',
    'Kubernetes',
    'kubernetes',
    'config',
    'CONFIG',
    'x.y',
    KUBERNETES_ENGINE_CONFIG.classPath,
  ];
  fc.assert(
    fc.property(fc.constantFrom(...words), fc.array(fc.constantFrom(...words), { maxLength: 40 }), (name, chain) => {
      assert.deepEqual(objectSections(name, KUBERNETES_ENGINE_CONFIG, chain), plain(name, chain));
    }),
    { numRuns: 3000 },
  );
});

function layerOf(text: string, env: Environment): ConfigLayer {
  const loaded = loadConfig([...PACKAGE_DEFAULT_FILES, { path: '/p/project.cfg', text }], env, {});
  assert.ok(loaded.ok);
  return loaded.value;
}

test('enabledObjects finds the engines the listed environments name as the plain lookups per environment do', () => {
  const env: Environment = {};
  const texts = [
    generateLargeConfig(2000),
    '[run]\nenvironments = ["a", "B", "c", "gone"]\n' +
      '[a]\n_from = local\nremote_engine = E1\n' +
      '[b]\n_from = a\nlocal_engine = e2\n' +
      '[c]\n_from = b\nremote_engine = @e3\n' +
      '[E1]\n_type = kubernetes\n[e2]\n_from = E1\n',
  ];
  for (const text of texts) {
    const layer = layerOf(text, env);
    const enabled = enabledObjects(layer, env);
    // The plain computation: each listed environment's class, `_from` chain and sections, worked out per key.
    const built = new Set<string>();
    for (const name of enabled.environments) {
      built.add(name.toLowerCase());
      const cls = resolveConfigClass(name, layer, env);
      if (!cls.ok || cls.value.kind !== 'env') continue;
      for (const key of ['remote_engine', 'local_engine']) {
        const chain = fromChain(name, layer, env);
        if (!chain.ok) continue;
        const engine = layer.lookup(objectSections(name, cls.value, chain.value), key).at(-1)?.value;
        if (typeof engine === 'string' && engine && !engine.startsWith('@')) built.add(engine.toLowerCase());
      }
    }
    assert.deepEqual([...enabled.built].sort(), [...built].sort());
    assert.ok(enabled.built.size > enabled.environments.length / 2, 'engines found');
  }
});

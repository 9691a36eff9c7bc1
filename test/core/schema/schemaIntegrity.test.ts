// The schema's own consistency: every key documented, no duplicates, defaults present exactly when declared,
// the short family derived like dbnd does, and the package-default bookkeeping in line with the shipped files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_CONFIG_CLASSES,
  KNOWN_UNMODELLED_SECTIONS,
  OBSOLETE_KEYS,
  classByFamily,
  firstSentence,
  knownUnmodelledSection,
  paramOf,
  shortFamilyOf,
} from '../../../server/src/core/schema';
import { DATABAND_CORE_CFG, DBND_RUN_CFG } from '../../../server/src/core/defaults/packageDefaults';

/** Section → keys of a shipped default file. Enough for these files: unindented `key = value` lines only. */
function shippedKeys(text: string): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of text.split('\n')) {
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      const name = header[1].toLowerCase();
      current = sections.get(name) ?? new Set<string>();
      sections.set(name, current);
      continue;
    }
    const entry = /^([^\s#;][^=:]*?)\s*[=:]/.exec(line);
    if (entry && current) current.add(entry[1].toLowerCase());
  }
  return sections;
}

const SHIPPED = new Map<string, Set<string>>();
for (const text of [DATABAND_CORE_CFG, DBND_RUN_CFG]) {
  for (const [section, keys] of shippedKeys(text)) {
    const all = SHIPPED.get(section) ?? new Set<string>();
    for (const k of keys) all.add(k);
    SHIPPED.set(section, all);
  }
}

test('families and class paths are unique', () => {
  const families = ALL_CONFIG_CLASSES.map((c) => c.family);
  const paths = ALL_CONFIG_CLASSES.map((c) => c.classPath.toLowerCase());
  assert.equal(new Set(families).size, families.length);
  assert.equal(new Set(paths).size, paths.length);
});

test('the Kubernetes engine has 77 parameters: 76 user keys and the system key', () => {
  const k8s = classByFamily('kubernetes');
  assert.ok(k8s);
  assert.equal(k8s.params.length, 77);
  assert.equal(k8s.params.filter((p) => p.system).length, 1);
});

for (const cls of ALL_CONFIG_CLASSES) {
  test(`${cls.className}: class facts are consistent`, () => {
    assert.ok(cls.docs.trim().length > 0);
    assert.equal(cls.family, cls.family.toLowerCase());
    assert.equal(cls.shortFamily, shortFamilyOf(cls.classPath));
    assert.ok(cls.classPath.endsWith(`.${cls.className}`));
  });

  test(`${cls.className}: every key is documented once, system key first`, () => {
    const names = cls.params.map((p) => p.name);
    assert.equal(new Set(names).size, names.length, 'duplicate keys');
    assert.equal(cls.params[0].name, 'validate_no_extra_params');
    assert.equal(cls.params[0].system, true);
    for (const p of cls.params) {
      assert.equal(p.name, p.name.toLowerCase(), `${p.name} must be lower case like dbnd stores it`);
      assert.ok(p.docs.trim().length > 0, `${p.name} has docs`);
      assert.ok(firstSentence(p.docs).length >= 10, `${p.name} has a meaningful first sentence`);
      assert.equal(p.hasDefault, p.default !== undefined, `${p.name}: default present exactly when hasDefault`);
      assert.equal(p.type === 'Enum', p.enumValues !== undefined, `${p.name}: enum values exactly for Enum`);
      if (p.enumValues && p.hasDefault) assert.ok(p.enumValues.includes(String(p.default)));
      for (const note of [p.unused, p.deprecated, p.derived]) {
        if (note !== undefined) assert.ok(note.trim().length > 0, `${p.name}: empty note`);
      }
    }
  });

  test(`${cls.className}: legacy keys are not parameters`, () => {
    for (const k of cls.legacyKeys) {
      assert.equal(paramOf(cls, k.name), undefined, `${k.name} is both legacy and a parameter`);
      assert.ok(k.docs.trim().length > 0);
    }
  });

  test(`${cls.className}: packageDefaultKeys are what the shipped files set in [${cls.family}]`, () => {
    const shipped = [...(SHIPPED.get(cls.family) ?? [])].sort();
    assert.deepEqual([...cls.packageDefaultKeys].sort(), shipped);
    for (const key of cls.packageDefaultKeys) {
      if (key === '_type' || paramOf(cls, key)) continue;
      // A shipped key that is not a parameter warns in every run; the class docs must say so.
      assert.ok(cls.docs.includes(`\`${key}\``), `${cls.className} docs should mention the unknown shipped ${key}`);
    }
  });
}

test('every section of the shipped default files is either modelled or known', () => {
  for (const section of SHIPPED.keys()) {
    assert.ok(
      classByFamily(section) ?? knownUnmodelledSection(section),
      `[${section}] is shipped but neither modelled nor listed as known`,
    );
  }
});

test('known unmodelled sections do not shadow modelled families', () => {
  for (const s of KNOWN_UNMODELLED_SECTIONS) {
    assert.equal(classByFamily(s.name), undefined, `[${s.name}] is modelled`);
    assert.ok(s.description.trim().length > 0);
  }
});

test('obsolete keys are not keys of their class and name a real replacement', () => {
  for (const k of OBSOLETE_KEYS) {
    const cls = classByFamily(k.family);
    assert.ok(cls, `family ${k.family}`);
    assert.equal(paramOf(cls, k.name), undefined);
    assert.ok(paramOf(cls, k.replacement), `${k.replacement} is a key of ${cls.className}`);
  }
});

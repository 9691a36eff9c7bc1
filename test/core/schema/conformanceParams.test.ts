// Every env/engine object the oracle built must match the schema: class, path, family, parameter names in dbnd's
// order, dbnd's type names, the system flag, and the code default wherever the reported value is the default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { classByPath, registeredClass } from '../../../server/src/core/schema';
import { CONFORMANCE_CASES_DIR } from '../../support/paths';

const CASES_DIR = CONFORMANCE_CASES_DIR;

interface ReportedParam {
  readonly type: string;
  readonly value: unknown;
  readonly source: string;
  readonly system?: boolean;
}
interface ReportedObject {
  readonly class: string;
  readonly class_path: string;
  readonly task_family: string;
  readonly sections: readonly string[];
  readonly params: Readonly<Record<string, ReportedParam>>;
}

const caseNames = readdirSync(CASES_DIR).filter((name) => existsSync(join(CASES_DIR, name, 'expected.json')));

test('the conformance corpus is present', () => {
  assert.ok(caseNames.length >= 40, `found ${caseNames.length} cases in ${CASES_DIR}`);
});

for (const caseName of caseNames) {
  const expected = JSON.parse(readFileSync(join(CASES_DIR, caseName, 'expected.json'), 'utf8')) as Record<
    string,
    ReportedObject | null
  >;
  for (const field of ['env_config', 'engine_config'] as const) {
    const reported = expected[field];
    if (!reported) continue;
    test(`${caseName} ${field} matches the schema of ${reported.class}`, () => {
      const cls = classByPath(reported.class_path);
      assert.ok(cls, `no schema for ${reported.class_path}`);
      assert.equal(cls.className, reported.class);
      assert.equal(cls.classPath, reported.class_path);
      assert.equal(cls.family, reported.task_family);
      assert.equal(registeredClass(reported.task_family), cls);
      assert.ok(reported.sections.includes(cls.family));
      assert.ok(reported.sections.includes(cls.classPath.toLowerCase()));

      assert.deepEqual(
        cls.params.map((p) => p.name),
        Object.keys(reported.params),
      );
      for (const param of cls.params) {
        const r: ReportedParam | undefined = reported.params[param.name];
        assert.ok(r, `${param.name} reported`);
        assert.equal(param.type, r.type, `type of ${param.name}`);
        assert.equal(param.system === true, r.system === true, `system flag of ${param.name}`);
        if (!r.source.endsWith('[default]')) continue;
        assert.equal(r.source, `${cls.shortFamily}[default]`, `default source of ${param.name}`);
        assert.ok(param.hasDefault, `${param.name} is reported from its default, so it has one`);
        // A derived value (env dbnd_root, submit_*; engine trap_exit_file_flag) keeps the default's source but
        // not its value; the resolver applies the rule.
        if (param.derived !== undefined && JSON.stringify(r.value) !== JSON.stringify(param.default)) continue;
        assert.deepEqual(param.default, r.value, `code default of ${param.name}`);
      }
    });
  }
}

// dbnd's own files and the examples it loads lint with no error through the editor's diagnostics (dbnd builds
// lazily, plugin classes are not errors); the broken ones do not lint clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileDiagnostics } from '../../server/src/ide/diagnostics';
import { analysisOf } from '../support/fixture';
import { EXAMPLES_DIR } from '../support/paths';

const EXAMPLES = EXAMPLES_DIR;
/**
 * The guide verbatim (indented sections swallowed), the GCP FAQ with `]]`, the extending guide with its typo; and
 * the legacy (1.0.14) default file, whose `[local_machine_engine] _type` names a module HEAD dbnd no longer has,
 * so a HEAD run of the default env fails building that engine (one verdict: lint says so).
 */
const BROKEN = ['16_', '18_', '19_', '03_'];

function lint(name: string) {
  const path = join('/home/alice/project', name);
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  return fileDiagnostics(analysisOf([{ path, text }]), path);
}

for (const name of readdirSync(EXAMPLES).filter((f) => f.endsWith('.cfg'))) {
  const broken = BROKEN.some((b) => name.startsWith(b));
  test(`${name} ${broken ? 'does not lint clean' : 'lints with no error'}`, () => {
    const diagnostics = lint(name);
    if (broken)
      assert.ok(
        diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning'),
        'an error or a warning',
      );
    else
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.range.start.line + 1}: ${d.message}`),
        [],
      );
  });
}

test('a plugin class is information, a bad value in an unbuilt engine a warning, in a built one an error', () => {
  const text =
    '[gcp_prod]\n_type = dbnd_gcp.env.GcpEnvConfig\n[spare]\n_type = kubernetes\ncontainer_repository = r\nkeep_finished_pods = maybe\n';
  const path = '/p/project.cfg';
  const mk = (t: string) => analysisOf([{ path, text: t }]);
  const unbuilt = fileDiagnostics(mk(text), path);
  assert.equal(unbuilt.find((d) => d.code === 'unmodelled-class')?.severity, 'information');
  const bad = unbuilt.find((d) => d.code === 'invalid-value');
  assert.equal(bad?.severity, 'warning');
  assert.match(bad!.message, /no enabled environment does now/);
  const built = fileDiagnostics(
    mk(`${text}[run]\nenvironments = ["prod"]\n[prod]\n_type = env\nremote_engine = spare\n`),
    path,
  );
  assert.equal(built.find((d) => d.code === 'invalid-value')?.severity, 'error');
});

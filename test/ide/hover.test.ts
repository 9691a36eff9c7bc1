// Hover on small fixtures: docs from the key schema and the effective value with where it comes from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../server/src/ide/hover';
import { analysisFixture } from '../support/fixture';
import { effectiveValue } from '../../server/src/ide/effectiveValue';
import { KUBERNETES_ENGINE_CONFIG, paramOf } from '../../server/src/core/schema';

function hoverText(spec: string, env?: Record<string, string>): string {
  const f = analysisFixture(spec, env);
  const result = hover(f.analysis, f.uri, f.position);
  assert.ok(result, 'a hover');
  return result.markdown;
}

test('a key: type, default and docs from the schema; the effective value is this line', () => {
  const text = hoverText('//- /p/project.cfg\n[kubernetes]\nimage_pull_po$0licy = Always\n');
  assert.match(text, /\*\*image_pull_policy\*\*: `str = IfNotPresent`/);
  assert.match(text, /imagePullPolicy/);
  assert.match(text, /\*\*Effective for \[kubernetes\]:\*\* `Always` from \/p\/project\.cfg:2/);
  assert.doesNotMatch(text, /overridden/);
});

test('a later file beats the line under the cursor: say which file and line', () => {
  const text = hoverText(`
//- /p/.dbnd/databand-system.cfg
[kubernetes]
namespace$0 = dev
//- /p/project.cfg
[kubernetes]
namespace = prod
`);
  assert.match(text, /`prod` from \/p\/project\.cfg:2/);
  assert.match(text, /\*\*This line is overridden:\*\* the value comes from \/p\/project\.cfg:2/);
});

test('a DBND__ variable beats the file', () => {
  const text = hoverText('//- /p/project.cfg\n[kubernetes]\nnamespace$0 = dev\n', {
    DBND__KUBERNETES__NAMESPACE: 'from-env',
  });
  assert.match(text, /`from-env` from \$DBND__KUBERNETES__NAMESPACE/);
  assert.match(text, /overridden/);
});

test("the object's own section beats its _from section in another file", () => {
  const text = hoverText(`
//- /p/databand-system.cfg
[base]
_type = kubernetes
namespace$0 = base-ns
//- /p/project.cfg
[base]
`);
  assert.match(text, /Effective for \[base\]:\*\* `base-ns` from \/p\/databand-system\.cfg:3/);
});

test('a packaged default and a code default are named as such', () => {
  const { analysis } = analysisFixture('//- /p.cfg\n[mine]\n_type = kubernetes\n$0\n');
  const param = (name: string) => paramOf(KUBERNETES_ENGINE_CONFIG, name);
  const fromPackage = effectiveValue(
    analysis,
    'mine',
    param('pod_error_cfg_source_dict'),
    'pod_error_cfg_source_dict',
  )!;
  assert.match(fromPackage.from[0].text, /^package default dbnd-run\.cfg:\d+$/);
  assert.match(fromPackage.text, /"255"/);
  assert.deepEqual(effectiveValue(analysis, 'mine', param('keep_finished_pods'), 'keep_finished_pods'), {
    text: 'False',
    from: [{ text: 'code default' }],
    thisLineWins: false,
  });
});

test('secrets show secret names and keys only', () => {
  const text = hoverText(
    '//- /p.cfg\n[kubernetes]\nsecr$0ets = [{"type": "env", "target": "TOKEN", "secret": "db-creds", "key": "password"}]\n',
  );
  assert.match(text, /`secrets db-creds\/password`/);
  assert.doesNotMatch(text, /TOKEN/);
});

test('a section name: its class, the sections its object reads, whether a run builds it', () => {
  const text = hoverText('//- /p.cfg\n[my_$0k8s]\n_from = kubernetes\n');
  assert.match(text, /Builds `KubernetesEngineConfig`/);
  assert.match(text, /`\[my_k8s\]`, `\[kubernetes\]`/);
  assert.match(text, /No enabled environment builds/);
  const plugin = hoverText('//- /p.cfg\n[g$0cp_prod]\n_type = dbnd_gcp.env.GcpEnvConfig\n');
  assert.match(plugin, /not one the editor models/);
});

test("the origin is relative to the project root (DBND_HOME) and links to the file's line", () => {
  const f = analysisFixture(
    `
//- /home/me/proj/.dbnd/databand-system.cfg
[kubernetes]
namespace = base
//- /home/me/proj/project.cfg
[kubernetes]
names$0pace = prod
`,
    { DBND_HOME: '/home/me/proj' },
  );
  const uriOf = (path: string) => `file://${path.replaceAll(' ', '%20')}`;
  const withLinks = hover(f.analysis, f.uri, f.position, uriOf)?.markdown ?? '';
  assert.match(withLinks, /`prod` from \[project\.cfg:2\]\(file:\/\/\/home\/me\/proj\/project\.cfg#L2\)/);
  // Without a way to name URIs (a plain-text client of ide/), the same words without the link.
  const plain = hover(f.analysis, f.uri, f.position)?.markdown ?? '';
  assert.match(plain, /`prod` from project\.cfg:2/);
});

test('an overridden line links to the winning line, relative to the root; outside the root the path stays whole', () => {
  const f = analysisFixture(
    `
//- /home/me/proj/.dbnd/databand-system.cfg
[kubernetes]
names$0pace = base
//- /elsewhere/extra (1).cfg
[kubernetes]
namespace = prod
`,
    { DBND_HOME: '/home/me/proj' },
  );
  const markdown = hover(f.analysis, f.uri, f.position, (path) => `file://${path.replaceAll(' ', '%20')}`)?.markdown;
  assert.match(
    markdown ?? '',
    /the value comes from \[\/elsewhere\/extra \(1\)\.cfg:2\]\(file:\/\/\/elsewhere\/extra%20%281%29\.cfg#L2\)/,
  );
});

test('a value from a variable or a default is not a link', () => {
  const f = analysisFixture('//- /p/project.cfg\n[kubernetes]\nnames$0pace = x\n', {
    DBND__KUBERNETES__NAMESPACE: 'from-env',
    DBND_HOME: '/p',
  });
  const markdown = hover(f.analysis, f.uri, f.position, (path) => `file://${path}`)?.markdown ?? '';
  assert.match(markdown, /the value comes from \$DBND__KUBERNETES__NAMESPACE\./);
  assert.doesNotMatch(markdown, /\]\(file:/);
});

// One verdict through the language server: for a sample of dbnd's conformance cases (every second one of those
// whose project is one databand-system.cfg with no --set, engine or task render: the folder is then a dbnd project
// as dbnd finds it, and the case's run is the driver's), the real server,
// started with the case's variables and its environment selected, publishes an error for the project exactly
// when its own `dbnd/renderPod` of that environment fails (for an env that submits no pod, exactly when
// dbnd fails before the pod: "no pod" is not a failure). test/core/run/verdictDifferential.test.ts checks every
// case in-process; this checks the server's side of the wire agrees, at the cost of one server per case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RenderPodRequest } from '../../protocol/customRequests';
import { REPO_ROOT } from '../support/paths';
import { fixtureEnv, writeFixture } from '../support/fixture';
import { LspServerProcess } from './lspServerProcess';
import { withTimeout } from './waitFor';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly env: string | undefined;
  readonly vars: Record<string, string>;
}

const SAMPLE_EVERY = 2;

function sampledCases(): Case[] {
  const root = join(REPO_ROOT, 'test/fixtures/conformance/cases');
  const eligible = readdirSync(root)
    .sort()
    .flatMap((name) => {
      const spec = JSON.parse(readFileSync(join(root, name, 'case.json'), 'utf8'));
      const plain =
        spec.files.length === 1 &&
        spec.files[0] === 'databand-system.cfg' &&
        Object.keys(spec.cli_set ?? {}).length === 0 &&
        !spec.engine &&
        (spec.render?.mode ?? 'driver') === 'driver';
      if (!plain) return [];
      const text = readFileSync(join(root, name, 'files', 'databand-system.cfg'), 'utf8');
      return [{ name, text, env: spec.env ?? undefined, vars: spec.env_vars ?? {} }];
    });
  return eligible.filter((_, i) => i % SAMPLE_EVERY === 0);
}

async function serverVerdict(c: Case): Promise<{ hasError: boolean; podError: string | null; codes: string[] }> {
  const fixture = writeFixture(`//- /.dbnd/databand-system.cfg\n${c.text}`);
  const server = LspServerProcess.start({ ...fixtureEnv(fixture), ...c.vars });
  try {
    // The case's environment is selected as the editor selects one: `databand.defaultEnvironment`.
    let pulled: () => void = () => undefined;
    const settingsRead = new Promise<void>((resolve) => (pulled = resolve));
    server.settings = () => (pulled(), { defaultEnvironment: c.env ?? '' });
    await server.initialize({
      workspaceFolders: [fixture.rootUri],
      capabilities: { workspace: { configuration: true } },
    });
    await withTimeout(settingsRead, `${c.name}: the settings pull`);
    const system = fixture.file('/.dbnd/databand-system.cfg');
    // Opened once the settings are read, a later publish is of the selected environment; the last one before the
    // Pod request's answer is what the editor shows (the request is answered after the lint it waits behind).
    const from = server.diagnostics.received.length;
    await server.open(system.uri, system.text);
    await server.nextDiagnostics(system.uri, `${c.name}: the first publish`, (p) => p.version === 1, from);
    const pod = await withTimeout(
      server.connection.sendRequest(RenderPodRequest.type, { uri: system.uri, mode: 'driver' }),
      `${c.name}: dbnd/renderPod`,
    );
    const published = server.diagnostics.received.filter((p) => p.uri === system.uri).at(-1)!;
    const errors = published.diagnostics.filter((d) => d.severity === 1);
    return {
      hasError: errors.length > 0,
      podError: pod.error ? `${pod.error.stage} ${pod.error.type}` : null,
      codes: errors.map((d) => `${d.range.start.line + 1}:${String(d.code)}`),
    };
  } finally {
    server.dispose();
    fixture.remove();
  }
}

test('the server publishes an error exactly when its dbnd/renderPod fails (a sample of the conformance cases)', async () => {
  const cases = sampledCases();
  assert.ok(cases.length >= 12, `${cases.length} cases sampled`);
  let failing = 0;
  for (const c of cases) {
    const v = await serverVerdict(c);
    assert.equal(
      v.hasError,
      v.podError !== null,
      `${c.name}: errors ${v.codes.join(', ') || 'none'}, renderPod ${v.podError ?? 'ok'}`,
    );
    if (v.podError) failing++;
  }
  // The sample holds both kinds, so the check can fail either way.
  assert.ok(failing > 0 && failing < cases.length, `${failing} of ${cases.length} sampled cases fail`);
});

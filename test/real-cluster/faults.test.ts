// Faults between the client and the API server (the testbed's fault proxy, context testbed-proxy) and of the API
// server itself: the run still ends as the pod did, with every log line once, complete, in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedLines, livePodsOfRun, moduleRun, printLines } from './support/moduleRun';
import { makeProject, proxyFault, proxyReset, requireTestbed, testbedScript } from './support/testbed';

const PROXY = 'testbed-proxy';

test('a watch cut every 1.5 s is resumed; the run succeeds with every line once', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  await proxyFault(tb, 'fault?name=drop-watch&value=1500');
  try {
    const run = await moduleRun(makeProject([`debug_with_command = ${printLines(40, 'w', '0.1')}`]), {
      context: PROXY,
    });
    assert.equal(run.result.outcome, 'succeeded', run.result.message);
    assert.deepEqual(
      run.lines.map((l) => l.text),
      expectedLines(40, 'w'),
    );
    assert.ok(
      run.events.some((e) => e.kind === 'connection' && /watch: .*reconnecting/.test(e.message)),
      'the cut watch was noticed',
    );
    assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
  } finally {
    await proxyReset(tb);
  }
});

test('410 Gone, as an answer and as an ERROR event, re-lists and the run goes on', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  await proxyFault(tb, 'fault?name=gone-on-watch&count=1');
  await proxyFault(tb, 'fault?name=watch-error-410&count=1');
  try {
    const run = await moduleRun(makeProject([`debug_with_command = ${printLines(10, 'g', '0.2')}`]), {
      context: PROXY,
    });
    assert.equal(run.result.outcome, 'succeeded', run.result.message);
    assert.deepEqual(
      run.lines.map((l) => l.text),
      expectedLines(10, 'g'),
    );
    assert.equal(
      run.events.filter((e) => e.kind === 'connection' && /410 Gone: .*listing again/.test(e.message)).length,
      2,
    );
  } finally {
    await proxyReset(tb);
  }
});

test('a log stream cut mid-line resumes with no loss, no duplicate and no partial line', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  // Each line is ~36 bytes with its timestamp: 150 bytes ends inside the 5th line. Three cuts.
  await proxyFault(tb, 'fault?name=cut-log&value=150&count=3');
  try {
    const run = await moduleRun(makeProject([`debug_with_command = ${printLines(60, 'cut', '0.05')}`]), {
      context: PROXY,
    });
    assert.equal(run.result.outcome, 'succeeded', run.result.message);
    assert.deepEqual(
      run.lines.map((l) => l.text),
      expectedLines(60, 'cut'),
    );
    const resumes = run.events.filter((e) => e.kind === 'log' && e.notice.kind === 'resumed');
    assert.ok(resumes.length >= 3, `expected 3 resumes, saw ${resumes.length}`);
  } finally {
    await proxyReset(tb);
  }
});

test('the API server killed and restarted mid-run: the run waits for it and ends with the whole log', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  let killed: Promise<string> | null = null;
  const run = await moduleRun(makeProject([`debug_with_command = ${printLines(30, 'k', '0.5')}`]), {
    maxOutageMs: 240_000,
    onEvent: (e) => {
      if (!killed && e.kind === 'status' && e.phase === 'Running') {
        killed = testbedScript(tb, 'apiserver', 'kill').then(() => testbedScript(tb, 'apiserver', 'start'));
      }
    },
  });
  assert.ok(killed, 'the API server was killed');
  await killed;
  assert.equal(run.result.outcome, 'succeeded', run.result.message);
  assert.deepEqual(
    run.lines.map((l) => l.text),
    expectedLines(30, 'k'),
  );
  assert.ok(
    run.events.some((e) => e.kind === 'connection'),
    'the outage was reported',
  );
  assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
});

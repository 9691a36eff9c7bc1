// Two runs of one task get two output channels: the name carries the start time.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { runChannelName } from '../../../client/src/cluster/runChannelName';

test('the channel name is the task, the env and the local start time', () => {
  assert.equal(
    runChannelName('say_rows', 'k8s', new Date(2026, 11, 6, 9, 5, 7)),
    'Databand Run: say_rows (k8s) at 09:05:07',
  );
});

test('runs started at different times get different channels', () => {
  const a = runChannelName('t', 'e', new Date(2026, 0, 1, 10, 0, 0));
  const b = runChannelName('t', 'e', new Date(2026, 0, 1, 10, 0, 1));
  assert.notEqual(a, b);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanLabelValue, cleanNameDns1123, podName } from '../../../server/src/core/pod/name';

const uid = '6a8330cc-1111-2222-3333-444455556666';

test('docs/dbnd-rules.md §3.2 examples', () => {
  assert.equal(
    podName({ taskFamily: 'prepare_data', taskName: 'prepare_data', taskRunUid: uid, tryNumber: 1 }),
    'dbnd.prepare-data.prepare-data.6a8330cc-1',
  );
  assert.equal(
    podName({ taskFamily: 'DockerRunTask', taskName: 'dbnd_driver_run', taskRunUid: uid }),
    'dbnd.docker-run-task.dbnd-driver-run.6a8330cc',
  );
  assert.equal(
    podName({ taskFamily: 'DockerRunTask', taskName: 'dbnd_task_submit', taskRunUid: uid }),
    'dbnd.docker-run-task.dbnd-task-submit.6a8330cc',
  );
  assert.equal(
    podName({ taskFamily: 'WordCountPySparkTask', taskName: 'word_count_v2', taskRunUid: uid }),
    'dbnd.word-count-py-spark-task.word-count-v2.6a8330cc',
  );
});

test('camel case splits except at the first character, runs collapse to their first special', () => {
  assert.equal(cleanLabelValue('MyTask'), 'my-task');
  assert.equal(cleanLabelValue('DBND_RUN.prepare_data'), 'd-b-n-d-r-u-n.prepare-data');
  assert.equal(cleanLabelValue('Joe.Smith@Example.com'), 'joe.smith-example.com');
  assert.equal(cleanLabelValue('CC 1234 / Finance'), 'c-c-1234-finance');
  assert.equal(cleanLabelValue('__Padded_Value__'), 'padded-value');
  assert.equal(cleanLabelValue('True'), 'true');
  assert.equal(cleanLabelValue(''), '');
  assert.equal(cleanLabelValue('été'), 't');
});

test('label values are cut to 63 characters, then stripped of trailing specials', () => {
  const long = 'this_value_is_definitely_longer_than_sixty_three_characters_for_sure_yes_it_is';
  assert.equal(cleanLabelValue(long), 'this-value-is-definitely-longer-than-sixty-three-characters-for');
  assert.equal(cleanLabelValue('a'.repeat(62) + '_b'), 'a'.repeat(62));
});

test('a long pod name is cut to 253 minus the raw postfix length, then the try number may exceed 253', () => {
  const name = podName({ taskFamily: 'F', taskName: 'x'.repeat(300), taskRunUid: uid, tryNumber: 3 });
  assert.equal(name, `dbnd.f.${'x'.repeat(244 - 'dbnd.f.'.length)}.6a8330cc-3`);
  assert.equal(name.length, 255);
});

test('the postfix is cleaned with the twice-escaped set: a backslash survives there; the joint collapses to its last special', () => {
  assert.equal(cleanNameDns1123('abc', 253, '.a\\b'), 'abc.a\\b');
  // '.Xy' → '.-xy' → '.xy' (first special wins inside the postfix); 'abc-' + '.xy' → 'abc.xy' (last wins at the joint)
  assert.equal(cleanNameDns1123('abc-', 253, '.Xy'), 'abc.xy');
  assert.equal(cleanNameDns1123('abc', 253, '..'), 'abc');
});

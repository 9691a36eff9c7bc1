// The response body reader of the cluster client: every byte once and in order, however the chunks fall; the
// chunks that wait while the consumer is busy handed over together; errors and cuts after the bytes before them;
// the source paused while too much waits; the response released however the reading stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { batchedChunks } from '../../server/src/runIo/batchedChunks';

const failWith = (err: unknown) => Object.assign(new Error(`cut: ${(err as Error).message}`), { cause: err });

/** Waits for one turn of the event loop, so that everything written so far has been emitted as 'data'. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

test('a consumer that keeps up gets each chunk as it arrives, in order, and the end', async () => {
  const source = new PassThrough();
  let released = 0;
  const body = batchedChunks(source, failWith, () => released++);
  const got: string[] = [];
  const reading = (async () => {
    for await (const chunk of body) got.push(chunk.toString());
  })();
  for (const part of ['a\n', 'b', 'c\n']) {
    source.write(part);
    await turn();
  }
  source.end();
  await reading;
  assert.deepEqual(got, ['a\n', 'b', 'c\n']);
  assert.equal(released, 1);
});

test('chunks that arrive while the consumer is busy come as one buffer, with every byte once', async () => {
  const source = new PassThrough();
  const body = batchedChunks(source, failWith, () => undefined);
  source.write('one\n');
  source.write('two\n');
  source.write('thr');
  await turn();
  const first = await body.next();
  assert.equal(first.done, false);
  assert.equal((first.value as Buffer).toString(), 'one\ntwo\nthr');
  source.end('ee\n');
  const rest: string[] = [];
  for await (const chunk of body) rest.push(chunk.toString());
  assert.deepEqual(rest, ['ee\n']);
});

test('an error is thrown after the bytes received before it, as the failure the caller makes of it', async () => {
  const source = new PassThrough();
  let released = 0;
  const body = batchedChunks(source, failWith, () => released++);
  source.write('complete line\n');
  source.write('partial');
  await turn();
  source.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
  await turn();
  const got: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const chunk of body) got.push(chunk.toString());
    })(),
    /cut: socket hang up/,
  );
  assert.deepEqual(got, ['complete line\npartial']);
  assert.equal(released, 1);
});

test('a close without an end is a cut, even with no error', async () => {
  const source = new PassThrough();
  const body = batchedChunks(source, failWith, () => undefined);
  const reading = (async () => {
    for await (const chunk of body) void chunk;
  })();
  source.write('x');
  await turn();
  source.destroy();
  await assert.rejects(reading, /cut: the response was closed before its end/);
});

test('a consumer waiting for data is woken by an error', async () => {
  const source = new PassThrough();
  const body = batchedChunks(source, failWith, () => undefined);
  const next = body.next();
  source.destroy(new Error('aborted'));
  await assert.rejects(next, /cut: aborted/);
});

test('an early return releases the response and stops listening to it', async () => {
  const source = new PassThrough();
  let released = 0;
  const body = batchedChunks(source, failWith, () => released++);
  source.write('first');
  for await (const chunk of body) {
    assert.equal(chunk.toString(), 'first');
    break;
  }
  assert.equal(released, 1);
  assert.equal(source.listenerCount('data'), 0);
  assert.equal(source.listenerCount('error'), 0);
  assert.equal((await body.next()).done, true);
  assert.equal(released, 1);
});

test('the source is paused while more than the limit waits, and resumed when the consumer takes it', async () => {
  const source = new PassThrough({ highWaterMark: 16 });
  const body = batchedChunks(source, failWith, () => undefined, { maxPendingBytes: 64 });
  const total = 40;
  const writer = (async () => {
    for (let i = 0; i < total; i++) {
      // write() returns false once the PassThrough's own buffer is full, i.e. when nobody drains it.
      if (!source.write(`${String(i).padStart(9, '0')}\n`)) await new Promise((r) => source.once('drain', r));
    }
    source.end();
  })();
  await turn();
  await turn();
  assert.ok(source.isPaused(), 'the source is paused while the consumer does not read');
  let text = '';
  let largest = 0;
  for await (const chunk of body) {
    largest = Math.max(largest, chunk.length);
    text += chunk.toString();
  }
  await writer;
  const expected = Array.from({ length: total }, (_, i) => `${String(i).padStart(9, '0')}\n`).join('');
  assert.equal(text, expected);
  // At most the limit plus the chunk that crossed it, plus what was in flight.
  assert.ok(largest <= 64 + 16 + 10, `a batch of ${largest} bytes`);
});

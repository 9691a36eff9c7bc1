// An HTTP response body as an async iterable of Buffers that hands over, at each step, every chunk received since
// the previous one. The API server flushes every line of a followed log as its own HTTP chunk (one TLS record
// each), so a reader that keeps up gets one chunk per step, and one that falls behind gets them all at once
// instead of paying a step per line. `for await (const chunk of res)` costs more per step: Node's Readable
// iterator is an async generator over 'readable' events, and the body was wrapped in a second one to translate
// errors. Here a step is one promise, resolved from the 'data' event itself, so no delay is added. Memory stays
// bounded: the response is paused while more than `maxPendingBytes` wait for the consumer.
import type { Readable } from 'node:stream';

export interface BatchOptions {
  /** Pause the source while this many bytes wait to be consumed. Default 1 MiB. */
  readonly maxPendingBytes?: number;
}

/**
 * Reads `source` to its end. Throws what `fail` makes of an error, or of a close before the end (a cut
 * connection); chunks received before the error are handed over first. `release` runs once when the consumer
 * stops: at the end, after an error, or on an early return.
 */
export function batchedChunks(
  source: Readable,
  fail: (err: unknown) => Error,
  release: () => void,
  options: BatchOptions = {},
): AsyncIterableIterator<Buffer> {
  const maxPending = options.maxPendingBytes ?? 1024 * 1024;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let ended = false;
  let failure: unknown = null;
  let finished = false;
  let waiter: { resolve: (r: IteratorResult<Buffer>) => void; reject: (e: unknown) => void } | null = null;

  const detach = () => {
    if (finished) return;
    finished = true;
    source.off('data', onData);
    source.off('end', onEnd);
    source.off('error', onError);
    source.off('close', onClose);
    release();
  };
  /** The next result, if one is ready: pending bytes first, then the error or the end. */
  const ready = (): IteratorResult<Buffer> | Error | null => {
    if (pending.length > 0) {
      const batch = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      if (source.isPaused() && !ended) source.resume();
      return { value: batch, done: false };
    }
    if (failure !== null) {
      detach();
      return fail(failure);
    }
    if (ended) {
      detach();
      return { value: undefined, done: true };
    }
    return null;
  };
  const settle = () => {
    if (!waiter) return;
    const r = ready();
    if (r === null) return;
    const w = waiter;
    waiter = null;
    if (r instanceof Error) w.reject(r);
    else w.resolve(r);
  };
  function onData(chunk: Buffer) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes > maxPending) source.pause();
    settle();
  }
  function onEnd() {
    ended = true;
    settle();
  }
  function onError(err: unknown) {
    failure ??= err;
    settle();
  }
  // A close without 'end' is a cut, even when the stream reports no error (an aborted response).
  function onClose() {
    if (!ended) onError(Object.assign(new Error('the response was closed before its end'), { code: 'ECONNRESET' }));
  }
  source.on('data', onData);
  source.on('end', onEnd);
  source.on('error', onError);
  source.on('close', onClose);

  return {
    next(): Promise<IteratorResult<Buffer>> {
      if (finished) return Promise.resolve({ value: undefined, done: true });
      const r = ready();
      if (r instanceof Error) return Promise.reject(r);
      if (r !== null) return Promise.resolve(r);
      return new Promise((resolve, reject) => (waiter = { resolve, reject }));
    },
    return(): Promise<IteratorResult<Buffer>> {
      detach();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

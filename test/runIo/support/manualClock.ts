// A Clock for unit tests: time moves only when the test (or a sleep) moves it, so nothing really waits.
import type { Clock } from '../../../server/src/runIo/clock';

export class ManualClock implements Clock {
  private t = 1_000_000;
  private timers: { due: number; fn: () => void; live: boolean }[] = [];
  readonly sleeps: number[] = [];

  now(): number {
    return this.t;
  }

  /** Advances time by `ms` at once (after a microtask, so callers interleave like real waits). */
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    await Promise.resolve();
    if (!signal?.aborted) this.advance(ms);
  }

  timer(ms: number, fn: () => void): () => void {
    const entry = { due: this.t + ms, fn, live: true };
    this.timers.push(entry);
    return () => {
      entry.live = false;
    };
  }

  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((x) => x.live && x.due <= this.t);
    this.timers = this.timers.filter((x) => x.live && x.due > this.t);
    for (const x of due) x.fn();
  }
}

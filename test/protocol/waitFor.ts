// Waiting on events without sleeping: a promise that settles when the event comes, or fails after a timeout
// that names what did not happen.

export const DEFAULT_TIMEOUT_MS = 10_000;

export function withTimeout<T>(promise: Promise<T>, what: string, ms = DEFAULT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Every value pushed so far, and promises for values still to come that match a predicate. */
export class EventLog<T> {
  readonly received: T[] = [];
  private readonly waiters: { predicate: (value: T) => boolean; resolve: (value: T) => void }[] = [];

  push(value: T): void {
    this.received.push(value);
    for (const w of [...this.waiters]) {
      if (w.predicate(value)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(value);
      }
    }
  }

  /** The first value at index >= `from` that matches, already received or still to come. */
  next(predicate: (value: T) => boolean, what: string, from = 0): Promise<T> {
    const seen = this.received.slice(from).find(predicate);
    if (seen !== undefined) return Promise.resolve(seen);
    return withTimeout(new Promise<T>((resolve) => this.waiters.push({ predicate, resolve })), what);
  }
}

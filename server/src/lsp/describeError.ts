// An error as one log entry: the stack when there is one (it names the core function that failed).
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

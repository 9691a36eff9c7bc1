// A handler that fails answers "nothing" instead of an error: a bug in one feature must not break the session
// (an editor shows a failed request as an error popup). The failure goes to the server log with its stack.
// A ResponseError thrown on purpose (a refusal with its reason) still reaches the client.
// A custom request has no "nothing" to answer (the client waits for a Pod or an error): `guardedRequest` logs the
// failure the same way and answers an InternalError naming the request, which the client shows as a failure.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { describeError } from '../describeError';

/** Logs an unexpected failure; rethrows a deliberate ResponseError. */
function logUnexpected(connection: Connection, method: string, err: unknown): void {
  if (err instanceof ResponseError) throw err;
  connection.console.error(`${method} failed: ${describeError(err)}`);
}

export function guarded<P extends unknown[], R>(
  connection: Connection,
  method: string,
  handler: (...args: P) => R,
  fallback: R,
): (...args: P) => R {
  return (...args: P) => {
    try {
      return handler(...args);
    } catch (err) {
      logUnexpected(connection, method, err);
      return fallback;
    }
  };
}

export function guardedRequest<P, R>(
  connection: Connection,
  method: string,
  handler: (params: P) => R,
): (params: P) => R {
  return (params: P) => {
    try {
      return handler(params);
    } catch (err) {
      logUnexpected(connection, method, err);
      // Only the first line reaches the client; the stack is in the server log.
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new ResponseError(ErrorCodes.InternalError, `${method} failed: ${reason}`);
    }
  };
}

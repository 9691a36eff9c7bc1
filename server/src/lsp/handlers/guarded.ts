// A handler that fails answers "nothing" instead of an error: a bug in one feature must not break the session
// (an editor shows a failed request as an error popup). The failure goes to the server log with its stack.
// A ResponseError thrown on purpose (a refusal with its reason) still reaches the client.
// A custom request has no "nothing" to answer (the client waits for a Pod or an error): `guardedRequest` logs the
// failure the same way and answers an InternalError naming the request, which the client shows as a failure.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { describeError } from '../describeError';

/** Why the params of a failed call are not what LSP defines, or undefined when they look right. Checked only
 *  after a failure, so a well-formed request pays nothing. */
function malformed(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return 'params are not an object';
  const p = params as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown } };
  if ('textDocument' in p && typeof p.textDocument?.uri !== 'string') return 'textDocument.uri is not a string';
  if ('position' in p && !(Number.isInteger(p.position?.line) && Number.isInteger(p.position?.character)))
    return 'position is not {line, character}';
  return undefined;
}

/** Logs an unexpected failure; rethrows a deliberate ResponseError. A call with malformed params is the
 *  client's mistake, not a bug here: one log line and an InvalidParams answer, no stack. */
function logUnexpected(connection: Connection, method: string, err: unknown, params: unknown): void {
  if (err instanceof ResponseError) throw err;
  const invalid = malformed(params);
  if (invalid) {
    connection.console.warn(`${method}: malformed params (${invalid})`);
    throw new ResponseError(ErrorCodes.InvalidParams, `${method}: malformed params (${invalid})`);
  }
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
      logUnexpected(connection, method, err, args[0]);
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
      logUnexpected(connection, method, err, params);
      // Only the first line reaches the client; the stack is in the server log.
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new ResponseError(ErrorCodes.InternalError, `${method} failed: ${reason}`);
    }
  };
}

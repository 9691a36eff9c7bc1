// A handler that fails answers "nothing" instead of an error: a bug in one feature must not break the session
// (an editor shows a failed request as an error popup). The failure goes to the server log with its stack.
// A ResponseError thrown on purpose (a refusal with its reason) still reaches the client.
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import { describeError } from '../describeError';

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
      // A deliberate answer such as "this name cannot be renamed" goes to the client as it is.
      if (err instanceof ResponseError) throw err;
      connection.console.error(`${method} failed: ${describeError(err)}`);
      return fallback;
    }
  };
}

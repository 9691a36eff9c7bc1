// Errors of the cluster module: one class with a kind the callers can branch on and a message that says what to
// fix. Messages are built from names (context, user, namespace, server) and the API server's own Status message,
// never from credentials; `redactSecrets` scrubs any credential value that might still slip into a text.

export type ClusterErrorKind =
  /** The kubeconfig or engine settings cannot give a usable client (missing file, unknown context, exec plugin). */
  | 'config'
  /** No answer from the API server: connection refused, DNS, timeout. */
  | 'unreachable'
  /** The server's certificate cannot be verified, or ours was refused at the TLS level. */
  | 'tls'
  /** 401: the credentials were not accepted. */
  | 'unauthorized'
  /** 403: authenticated, but RBAC forbids the action. */
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  /** 410: a resourceVersion is too old (watch must re-list). */
  | 'gone'
  | 'invalid'
  | 'server'
  /** The connection broke while a response was streaming. */
  | 'interrupted'
  /** Something answered, but not as a Kubernetes API server does: not JSON (an HTML login page), or too large. */
  | 'bad_answer'
  | 'cancelled';

export class ClusterError extends Error {
  constructor(
    readonly kind: ClusterErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ClusterError';
  }
}

export function isClusterError(err: unknown, ...kinds: ClusterErrorKind[]): err is ClusterError {
  return err instanceof ClusterError && (kinds.length === 0 || kinds.includes(err.kind));
}

/**
 * Failures that may pass by themselves, so a request is worth repeating: no connection (the API server restarts),
 * a connection cut, 429 Too Many Requests and 5xx. Everything else (404 namespace, 403, 422 invalid pod, an
 * answer that is not JSON, a bad kubeconfig) stays the same however often it is asked again.
 */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof ClusterError)) return false;
  if (err.kind === 'unreachable' || err.kind === 'interrupted' || err.kind === 'gone') return true;
  if (err.kind === 'server') return err.status === undefined || err.status === 429 || err.status >= 500;
  return false;
}

/** A ClusterError that no amount of waiting fixes: the user has to change something. */
export function isPermanent(err: unknown): boolean {
  return err instanceof ClusterError && !isTransient(err);
}

/** The start of a text for a message: one line, without control characters, at most `max` characters. */
function excerpt(text: string, max = 120): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * An answer that is not the JSON a Kubernetes API server gives (kubectl: "invalid character '<' looking for
 * beginning of value"). An HTML page with status 200 is what a proxy or an expired single-sign-on session gives.
 */
export function notJsonAnswer(
  status: number,
  contentType: string | undefined,
  body: string,
  what: string,
  t: RequestTarget,
): ClusterError {
  const html = /html/i.test(contentType ?? '') || /^\s*</.test(body);
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const shown = title
    ? `an HTML page titled "${excerpt(title, 80)}"`
    : html
      ? 'an HTML page'
      : `"${excerpt(body, 80)}"`;
  return new ClusterError(
    'bad_answer',
    `the server ${t.server} of context "${t.context}" did not answer as a Kubernetes API server when asked to ${what}: ` +
      `status ${status}${contentType ? `, ${contentType.split(';')[0]}` : ''}, not JSON (${body.trim() === '' ? 'an empty body' : shown}). ` +
      (html
        ? "It is perhaps the login page of a proxy or of an expired single-sign-on session: log in again (e.g. run your cloud CLI's login), or check the server address of that context."
        : 'Check the server address of that context: it should be the Kubernetes API server.'),
    status,
  );
}

/** An answer larger than the client reads. */
export function answerTooLarge(limitBytes: number, what: string, t: RequestTarget): ClusterError {
  return new ClusterError(
    'bad_answer',
    `the answer of ${t.server} (context "${t.context}") to ${what} is larger than ${Math.round(limitBytes / 2 ** 20)} MiB: it was not read to its end.`,
  );
}

/** Replace every occurrence of each secret (at least 4 characters, to avoid scrubbing ordinary words). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('<redacted>');
  // Bearer/Basic credentials that came from somewhere we do not know (an exec plugin's output quoted in an error).
  return out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 <redacted>');
}

export interface RequestTarget {
  readonly context: string;
  readonly namespace: string;
  readonly server: string;
  readonly user: string;
}

/** The message of an HTTP error answer, with what to do about it. `what` says what was attempted ("create pods"). */
export function httpErrorMessage(status: number, serverMessage: string, what: string, t: RequestTarget): ClusterError {
  const where = `namespace "${t.namespace}" of context "${t.context}" (${t.server})`;
  const said = serverMessage ? `: ${serverMessage}` : '';
  switch (status) {
    case 204:
      // The API server has no log location for a pod that is not bound to a node yet (pod/strategy.go LogLocation
      // returns none, and the streamer answers 204 No Content): nothing to read yet, as with a 400 for a
      // container that has not started.
      return new ClusterError(
        'invalid',
        `${what}: nothing to read yet, the pod is not on a node (204 No Content${said})`,
        status,
      );
    case 401:
      return new ClusterError(
        'unauthorized',
        `the API server rejected the credentials of user "${t.user}" in context "${t.context}" (401 Unauthorized${said}). ` +
          'The token or certificate is wrong or expired: log in again or fix that user in the kubeconfig.',
        status,
      );
    case 403:
      return new ClusterError(
        'forbidden',
        `user "${t.user}" may not ${what} in ${where} (403 Forbidden${said}). ` +
          'Ask for an RBAC role that allows create/get/list/watch/delete on pods and get on pods/log there, or use another context or namespace.',
        status,
      );
    case 404:
      // A create can only miss its namespace (kubectl: namespaces "x" not found).
      if (what.startsWith('create pods'))
        return new ClusterError(
          'not_found',
          `namespace "${t.namespace}" does not exist on the cluster of context "${t.context}" (${t.server}; 404 Not Found${said}). ` +
            `Set the engine's namespace (or --namespace) to an existing one, or create it: kubectl --context ${t.context} create namespace ${t.namespace}`,
          status,
        );
      return new ClusterError('not_found', `${what}: not found in ${where}${said}`, status);
    case 409:
      return new ClusterError('conflict', `${what}: conflict in ${where}${said}`, status);
    case 410:
      return new ClusterError('gone', `${what}: resource version expired (410 Gone${said})`, status);
    case 400:
    case 422:
      return new ClusterError('invalid', `${what}: the API server refused the request (${status}${said})`, status);
    default:
      return new ClusterError('server', `${what}: the API server answered ${status}${said}`, status);
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
]);
const INTERRUPTED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

/** A socket-level failure as a ClusterError. */
export function networkErrorMessage(err: unknown, what: string, t: RequestTarget): ClusterError {
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  if (UNREACHABLE_CODES.has(code)) {
    return new ClusterError(
      'unreachable',
      `cannot reach the API server ${t.server} of context "${t.context}" to ${what} (${code}). ` +
        'Check that the cluster is running and that the server address of that context is right, or pick another context.',
    );
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_OSSL/i.test(code) || /certificate/i.test(e?.message ?? '')) {
    return new ClusterError(
      'tls',
      `the TLS connection to ${t.server} (context "${t.context}") failed: ${e?.message ?? code}. ` +
        'Check certificate-authority(-data) of the cluster and the client certificate of the user in the kubeconfig.',
    );
  }
  if (INTERRUPTED_CODES.has(code) || /aborted|socket hang up|terminated|closed/i.test(e?.message ?? '')) {
    return new ClusterError(
      'interrupted',
      `the connection to ${t.server} broke while trying to ${what} (${code || e?.message})`,
    );
  }
  return new ClusterError(
    'unreachable',
    `cannot ${what} on ${t.server} (context "${t.context}"): ${e?.message ?? String(err)}`,
  );
}

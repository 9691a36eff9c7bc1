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

/** Kinds that no amount of waiting fixes: the user has to change something. */
export function isPermanent(err: unknown): boolean {
  return isClusterError(err, 'config', 'tls', 'unauthorized', 'forbidden', 'invalid', 'cancelled');
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

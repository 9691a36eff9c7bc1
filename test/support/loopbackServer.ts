// Real HTTP(S) servers on 127.0.0.1 (port 0: the system picks a free one) that misbehave as the test says: the
// client under test then goes through its real request, TLS and parsing code. Loopback only, never another
// address; each test closes its server.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoopbackServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  /** "METHOD path?query" of every request, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export interface TlsFiles {
  readonly certPath: string;
  readonly keyPath: string;
  readonly cert: Buffer;
  readonly key: Buffer;
}

/** A self-signed certificate for 127.0.0.1 (it is its own CA), made with the system's openssl. */
export function selfSignedCert(): TlsFiles {
  const dir = mkdtempSync(join(tmpdir(), 'loopback-tls-'));
  const certPath = join(dir, 'server.crt');
  const keyPath = join(dir, 'server.key');
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

export async function loopbackServer(handler: Handler, tls?: TlsFiles): Promise<LoopbackServer> {
  const requests: string[] = [];
  const listener: http.RequestListener = (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8')));
  };
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** A Kubernetes Status object, as the API server sends with an error. */
export function sendStatus(res: http.ServerResponse, code: number, reason: string, message: string): void {
  sendJson(res, code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code });
}

/** The login page a proxy or an expired single-sign-on session answers with, status 200. */
export function sendLoginPage(res: http.ServerResponse): void {
  const body =
    '<!DOCTYPE html>\n<html><head><title>Sign in - Corp SSO</title></head><body><form>...</form></body></html>';
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** A one-context kubeconfig file for `server`, with extra YAML lines for the cluster and the user. */
export function writeKubeconfig(
  dir: string,
  name: string,
  server: string,
  cluster: readonly string[] = [],
  user: readonly string[] = ['token: loopback-test-token'],
): string {
  const path = join(dir, name);
  const indent = (lines: readonly string[]) => lines.map((l) => `    ${l}`).join('\n');
  writeFileSync(
    path,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: loop',
      '  cluster:',
      `    server: ${JSON.stringify(server)}`,
      indent(cluster),
      'users:',
      '- name: tester',
      '  user:',
      indent(user),
      'contexts:',
      '- name: loop',
      '  context: {cluster: loop, user: tester}',
      'current-context: loop',
      '',
    ]
      .filter((l) => l !== '')
      .join('\n') + '\n',
  );
  return path;
}

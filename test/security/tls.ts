// Throwaway TLS material and a TLS front for a plaintext dev server. `temporal server start-dev` does not serve TLS,
// so a Node TLS server terminates it (HTTP/2 via ALPN, client certificate required when asked) and passes the bytes
// on: what the CLI and the worker speak to it is real gRPC over real (m)TLS.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Server, TLSSocket } from 'node:tls';
import { createServer } from 'node:tls';

export interface Pki {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A CA that signed nothing here: trusting it must not be enough. */
  otherCa: string;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** A CA, a server certificate for localhost/127.0.0.1 and a client certificate (P-256, valid one day). */
export function makePki(dir: string): Pki {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  for (const ca of ['ca', 'other-ca'])
    openssl(dir, [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.pem`,
      '-days',
      '1',
      '-subj',
      `/CN=atlas-restore test ${ca}`,
    ]);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, cn] of [
    ['server', 'localhost'],
    ['client', 'atlas-restore-worker'],
  ]) {
    openssl(dir, ['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    ]);
  }
  const p = (f: string) => join(dir, f);
  return {
    dir,
    ca: p('ca.pem'),
    serverCert: p('server.pem'),
    serverKey: p('server.key'),
    clientCert: p('client.pem'),
    clientKey: p('client.key'),
    otherCa: p('other-ca.pem'),
  };
}

export interface TlsFront {
  address: string;
  /** Sessions that completed the handshake, and the client certificate CN each presented. */
  sessions: { clientCn?: string }[];
  /** Handshakes refused (e.g. no client certificate). */
  refused: number;
  close(): Promise<void>;
}

export async function tlsFront(
  pki: Pki,
  upstream: { host: string; port: number },
  requireClientCert: boolean,
): Promise<TlsFront> {
  const sockets = new Set<Socket>();
  const front: TlsFront = { address: '', sessions: [], refused: 0, close: async () => undefined };
  const server: Server = createServer(
    {
      key: readFileSync(pki.serverKey),
      cert: readFileSync(pki.serverCert),
      ca: readFileSync(pki.ca),
      requestCert: requireClientCert,
      rejectUnauthorized: requireClientCert,
      ALPNProtocols: ['h2'],
    },
    (tls: TLSSocket) => {
      front.sessions.push({ clientCn: (tls.getPeerCertificate()?.subject as { CN?: string } | undefined)?.CN });
      const up = connect(upstream.port, upstream.host);
      sockets.add(tls).add(up);
      tls.pipe(up).pipe(tls);
      const done = () => {
        tls.destroy();
        up.destroy();
      };
      tls.on('error', done).on('close', done);
      up.on('error', done).on('close', done);
    },
  );
  server.on('tlsClientError', () => front.refused++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  front.address = `127.0.0.1:${(server.address() as { port: number }).port}`;
  front.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return front;
}

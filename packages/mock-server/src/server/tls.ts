// `--https`: a certificate for the loopback names, made at start and trusted by nobody until the user says so
// (NODE_EXTRA_CA_CERTS=<caFile>). Microsoft's graph-client 3.0.7 attaches tokens and follows @odata.nextLink only
// for https hosts, so it needs this to talk to the mock unchanged. Self-signed and a CA at once, so the one file is
// the trust anchor; valid for a week, since the mock is a development tool restarted often.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface LoopbackCertificate {
  key: string;
  cert: string;
  /** The certificate as a PEM file, for NODE_EXTRA_CA_CERTS or a client's `ca` option. */
  caFile: string;
}

const WEEK_MS = 7 * 24 * 3600_000;

export async function makeLoopbackCertificate(caFile?: string): Promise<LoopbackCertificate> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'Entitlement Kit mock Graph (127.0.0.1)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + WEEK_MS),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  const file = caFile ?? join(mkdtempSync(join(tmpdir(), 'entitlement-mock-')), 'mock-graph-ca.pem');
  writeFileSync(file, pems.cert);
  return { key: pems.private, cert: pems.cert, caFile: file };
}

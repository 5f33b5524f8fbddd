// A stand-in for the Logic App behind a custom extension: a node:http server on 127.0.0.1 that records each callout
// and lets a test await the next one (no polling, no sleeps).
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallout {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  payload: any;
}

export interface CalloutEndpoint {
  url: string;
  received: ReceivedCallout[];
  /** Resolves with the next callout not yet taken (one already received resolves at once). */
  next(): Promise<ReceivedCallout>;
  close(): Promise<void>;
}

export async function startCalloutEndpoint(status = 202): Promise<CalloutEndpoint> {
  const received: ReceivedCallout[] = [];
  const waiting: ((callout: ReceivedCallout) => void)[] = [];
  let taken = 0;
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const callout = { path: req.url ?? '/', headers: req.headers, payload: text ? JSON.parse(text) : undefined };
    received.push(callout);
    res.writeHead(status).end();
    if (waiting.length) {
      taken++;
      waiting.shift()!(callout);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/issue-tap`,
    received,
    next: () => (taken < received.length ? Promise.resolve(received[taken++]) : new Promise((resolve) => waiting.push(resolve))),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

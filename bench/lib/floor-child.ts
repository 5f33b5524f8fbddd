// The floor: a bare node:http server that answers each path with the bytes our mock answered it with (recorded
// once), with nothing else to do. What a read costs beyond this is the mock's own work.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const recorded = new Map<string, { type: string; body: Buffer }>(
  Object.entries(JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, { type: string; body: string }>).map(([path, r]) => [
    path,
    { type: r.type, body: Buffer.from(r.body) },
  ]),
);
const server = createServer((req, res) => {
  const hit = recorded.get(req.url ?? '');
  req.resume();
  if (!hit) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': hit.type, 'content-length': hit.body.length });
  res.end(hit.body);
});
server.listen(0, '127.0.0.1', () => process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));

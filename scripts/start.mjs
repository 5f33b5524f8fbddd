// `npm start [-- --port 5173]`: the Contoso intranet demo (demo/index.html) on Vite's dev server, bound to
// 127.0.0.1 only. The widgets run on the browser mock, so nothing else needs to be running.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const USAGE = 'usage: npm start -- [--port 5173]';

let args;
try {
  args = parseArgs({ options: { port: { type: 'string', default: '5173' }, help: { type: 'boolean', short: 'h', default: false } } }).values;
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(args.port);
if (!/^\d+$/.test(args.port) || port > 65535) {
  console.error(`--port must be 0-65535, not '${args.port}'.\n${USAGE}`);
  process.exit(2);
}

const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { host: '127.0.0.1', port, strictPort: true },
});
try {
  await server.listen();
} catch (error) {
  console.error(`Cannot start the demo on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
}
console.log('Contoso intranet demo (Entitlement Kit widgets on the browser mock, contoso seed):');
server.printUrls();

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

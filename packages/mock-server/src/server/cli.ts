// npm run mock-server -- [--port 4010] [--seed contoso|empty] [--state FILE] [--allow-remote-callouts]
import { parseArgs } from 'node:util';
import { hasOwnKey } from '../core/own-keys.ts';
import { SEEDS, type SeedName } from '../seed/index.ts';
import { startMockServer } from './index.ts';

const USAGE = 'usage: mock-server [--port 4010] [--seed contoso|empty] [--state FILE] [--allow-remote-callouts]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      seed: { type: 'string', default: 'contoso' },
      state: { type: 'string' },
      'allow-remote-callouts': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, not '${args.port}'.`);
if (!hasOwnKey(SEEDS, args.seed!)) fail(`--seed must be one of ${Object.keys(SEEDS).join(', ')}, not '${args.seed}'.`);

const server = await startMockServer({
  port,
  seed: args.seed as SeedName,
  stateFile: args.state,
  allowRemoteCallouts: args['allow-remote-callouts'],
}).catch((error: Error) => fail(`Cannot start the mock server: ${error.message}`));

console.log(`Mock Graph (seed ${args.seed}${args.state ? `, state in ${args.state}` : ''}) listening on 127.0.0.1 only:
  Graph:    ${server.graphUrl}
  Control:  ${server.url}/_mock   (POST /_mock/token {"userPrincipalName":"admin@contoso.com"} for a token)
Signatures of bearer tokens are not checked; do not expose this server.`);

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

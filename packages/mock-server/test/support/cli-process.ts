// The mock server as its CLI runs it: a child `node --import tsx .../cli.ts` whose printed base URL the test reads.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { MockEndpoint } from './graph-http.ts';

const CLI = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** tsx compiles the CLI on first start; on a loaded 2-core machine that takes a few seconds. */
const START_TIMEOUT_MS = 15_000;

export interface CliServer extends MockEndpoint {
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then the exit code once the process has gone. */
  stop(): Promise<number | null>;
}

export async function startCli(args: string[]): Promise<CliServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const graphUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the CLI printed no Graph URL within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /Graph:\s+(http:\/\/127\.0\.0\.1:\d+\/v1\.0)\s/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited (${code}) before it listened:\n${output}`));
    });
  }).catch(async (error) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url: graphUrl.replace(/\/v1\.0$/, ''),
    graphUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

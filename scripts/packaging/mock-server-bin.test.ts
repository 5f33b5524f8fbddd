// `npx @entitlement-kit/mock-server` (and its second name, `entitlement-mock`) from the installed tarball: the usage,
// a bad flag, and a real server on a free port that answers over HTTP and stops on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

const app = inject('consumerApp');
// Plain `npx <command>`, as the README has it: the package is installed, so npx runs its bin and downloads nothing.
const npx = (args: string[]) => spawnSync('npx', args, { cwd: app.dir, encoding: 'utf8' });

async function startServer(command: string): Promise<{ graphUrl: string; url: string; stop: () => Promise<number | null> }> {
  // Its own process group, so stopping it reaches the server behind npx.
  const child = spawn('npx', [command, '--port', '0'], { cwd: app.dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const graphUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Graph:\s+(http:\/\/127\.0\.0\.1:\d+\/v1\.0)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`${command} exited ${code} before listening:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { graphUrl, url: graphUrl.replace(/\/v1\.0$/, ''), stop: () => (process.kill(-child.pid!, 'SIGTERM'), exited) };
}

describe('the mock server command from the tarball', () => {
  it('prints its usage with --help and exits 0', () => {
    for (const command of ['@entitlement-kit/mock-server', 'entitlement-mock']) {
      const run = npx([command, '--help']);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/usage: mock-server \[--port 4010\] \[--seed contoso\|empty\] \[--state FILE\]/);
    }
  });

  it('refuses a bad flag with the usage and exit code 2', () => {
    const run = npx(['@entitlement-kit/mock-server', '--port', 'abc']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--port must be 0-65535/);
  });

  for (const command of ['@entitlement-kit/mock-server', 'entitlement-mock']) {
    it(`npx ${command} --port 0 serves Graph and the control API on 127.0.0.1`, async () => {
      const server = await startServer(command);
      try {
        const token = await fetch(`${server.url}/_mock/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userPrincipalName: 'lee.gu@contoso.com' }),
        });
        expect(token.status).toBe(200);
        const { access_token } = (await token.json()) as { access_token: string };
        const me = await fetch(`${server.graphUrl}/me`, { headers: { authorization: `Bearer ${access_token}` } });
        expect(me.status).toBe(200);
        expect(((await me.json()) as { displayName: string }).displayName).toBe('Lee Gu');
      } finally {
        await server.stop();
      }
    });
  }
});

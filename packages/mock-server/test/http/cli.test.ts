// Flow (i): the CLI as a user runs it. Port 0 prints the real port; --state keeps changes across a restart.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startCli, type CliServer } from '../support/cli-process.ts';
import { EM, GraphHttp, USERS } from '../support/graph-http.ts';

const running: CliServer[] = [];
const dir = mkdtempSync(join(tmpdir(), 'mock-cli-'));
afterEach(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(args: string[]): Promise<{ cli: CliServer; http: GraphHttp<CliServer> }> {
  const cli = await startCli(args);
  running.push(cli);
  return { cli, http: new GraphHttp(cli) };
}

/** A token through the control API, as a tool without the mock's sources would get one. */
const adminToken = async (http: GraphHttp<CliServer>) =>
  ({ token: (await http.ok('POST', '/_mock/token', 200, { body: { userPrincipalName: 'admin@contoso.com' } })).access_token as string });

describe('the mock-server CLI', () => {
  it('--port 0 --seed empty: prints the real loopback URL, serves the empty seed, exits 0 on SIGTERM', async () => {
    const { cli, http } = await start(['--port', '0', '--seed', 'empty']);
    expect(cli.graphUrl).toMatch(/^http:\/\/127\.0\.0\.1:(?!0\/)\d+\/v1\.0$/);
    expect(cli.output()).toContain(`Control:  ${cli.url}/_mock`);
    const as = await adminToken(http);
    expect((await http.ok('GET', '/me', 200, { as })).id).toBe(USERS.admin);
    expect((await http.ok('GET', `${EM}/accessPackages?$count=true`, 200, { as }))['@odata.count']).toBe(0);
    expect(await cli.stop()).toBe(0);
    await expect(fetch(`${cli.url}/_mock/clock`)).rejects.toThrow();
  });

  it('refuses a bad flag with exit code 2 and the usage', async () => {
    await expect(startCli(['--seed', 'fabrikam'])).rejects.toThrow(/exited \(2\)[\s\S]*--seed must be one of contoso, empty[\s\S]*usage:/);
  });

  it('--state FILE: a change survives a restart from the file', async () => {
    const file = join(dir, 'state.json');
    const first = await start(['--port', '0', '--seed', 'empty', '--state', file]);
    const as = await adminToken(first.http);
    const catalog = await first.http.ok('POST', `${EM}/catalogs`, 201, { as, body: { displayName: 'Kept across restarts' } });
    const moved = (await first.http.advance('P2D')).now;
    expect(await first.cli.stop()).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).now).toBe(moved);

    const second = await start(['--port', '0', '--seed', 'empty', '--state', file]);
    const again = await adminToken(second.http);
    expect((await second.http.ok('GET', `${EM}/catalogs/${catalog.id}`, 200, { as: again })).displayName).toBe('Kept across restarts');
    expect((await second.http.ok('GET', '/_mock/clock', 200)).now).toBe(moved);
  });
});

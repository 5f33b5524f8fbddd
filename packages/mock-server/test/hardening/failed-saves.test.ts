// --state when the disk says no: a write and its save happen together or not at all, and the reply says which;
// temporary files never stay behind; calls that change nothing write nothing.
import { TEST_ADAPTER } from '../support/test-adapter.ts';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readStateFile } from '../../src/server/state-file.ts';
import { startMockServer } from '../../src/server/index.ts';
import { EM, PACKAGES, send, stateHash, tokenOf, withServer } from '../support/hardening-http.ts';

const dir = mkdtempSync(join(tmpdir(), 'ek-failed-saves-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const catalog = (displayName: string) => ({ method: 'POST', path: `${EM}/catalogs`, token: tokenOf('admin'), body: { displayName } });
const temporaryFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

it('a write whose save fails (disk full) is refused with 507 StateNotSaved and leaves nothing changed', async () => {
  const folder = join(dir, 'full');
  mkdirSync(folder);
  const file = join(folder, 'state.json');
  // Every append to the journal lands on a device that is always full.
  symlinkSync('/dev/full', `${file}.journal`);
  const reported: unknown[] = [];
  const server = await startMockServer({ stateFile: file, adapter: TEST_ADAPTER, onUnexpectedError: (e) => reported.push(e) });
  try {
    const before = stateHash(server);
    const refused = await send(server, catalog('Not saved'));
    expect(refused.status).toBe(507);
    expect(refused.json.error.code).toBe('StateNotSaved');
    expect(refused.json.error.message).toMatch(/not made.*ENOSPC/);
    expect(stateHash(server)).toBe(before);
    const listed = await send(server, { method: 'GET', path: `${EM}/catalogs`, token: tokenOf('admin') });
    expect(listed.json.value.map((c: { displayName: string }) => c.displayName)).not.toContain('Not saved');
    // The next write is saved (a device cannot be truncated, so it starts over from a whole snapshot): 201.
    const retried = await send(server, catalog('Saved whole'));
    expect(retried.status).toBe(201);
    // (The journal is the device, endless to read: the snapshot alone shows it.)
    expect(JSON.parse(readFileSync(file, 'utf8')).catalogs[retried.json.id]?.displayName).toBe('Saved whole');
    // The operator hears of the cause once, not per call.
    expect(reported.map(String)).toEqual([expect.stringMatching(/saving .*state\.json failed \(ENOSPC\)/)]);
  } finally {
    await server.close().catch(() => undefined);
  }
  expect(temporaryFiles(folder)).toEqual([]);
});

it('a reset whose snapshot cannot be written is refused and changes nothing; the temporary file is cleaned', async () => {
  const file = join(dir, 'reset.json');
  await withServer(
    async (server) => {
      expect((await send(server, catalog('Kept'))).status).toBe(201);
      const before = stateHash(server);
      // Something in the way of the temporary file: the snapshot cannot be written.
      const blocker = `${file}.${process.pid}.tmp`;
      mkdirSync(blocker);
      const refused = await send(server, { method: 'POST', path: '/_mock/reset', body: { seed: 'empty' } });
      rmSync(blocker, { recursive: true });
      expect(refused.status).toBe(507);
      expect(refused.json.error.code).toBe('StateNotSaved');
      expect(stateHash(server)).toBe(before);
      expect(JSON.stringify(readStateFile(file))).toBe(JSON.stringify(server.engine.toJSON()));
      expect((await send(server, { method: 'POST', path: '/_mock/reset', body: { seed: 'empty' } })).status).toBe(204);
      expect(JSON.stringify(readStateFile(file))).toBe(JSON.stringify(server.engine.toJSON()));
    },
    { stateFile: file, onUnexpectedError: () => {} },
  );
  expect(temporaryFiles(dir)).toEqual([]);
});

it('a state file in a folder that cannot exist: the server refuses to start rather than lose changes', async () => {
  await expect(startMockServer({ stateFile: '/proc/no-such-folder/state.json', onUnexpectedError: () => {} })).rejects.toMatchObject({
    code: 'StateNotSaved',
  });
});

it('temporary files left by a crash are cleaned at start', async () => {
  const file = join(dir, 'crashed.json');
  await withServer(async () => undefined, { stateFile: file });
  const left = [`${file}.4242.tmp`, `${file}.4243.tmp`];
  mkdirSync(left[0]);
  symlinkSync('/dev/null', left[1]);
  await withServer(async () => expect(left.filter((f) => existsSync(f))).toEqual([]), { stateFile: file });
});

it('calls that change nothing write nothing: a token, applicable requirements, a $batch of GETs, reads', async () => {
  const file = join(dir, 'quiet.json');
  await withServer(
    async (server) => {
      const stamp = () => [file, `${file}.journal`].map((f) => `${statSync(f).size}@${statSync(f).mtimeMs}`).join(' ');
      const before = stamp();
      const calls = [
        { method: 'POST', path: '/_mock/token', body: { userPrincipalName: 'lee.gu@contoso.com' } },
        { method: 'POST', path: `${EM}/accessPackages/${PACKAGES.salesPipeline}/getApplicablePolicyRequirements`, token: tokenOf('alex') },
        {
          method: 'POST',
          path: '/$batch',
          token: tokenOf('lee'),
          body: { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: `${EM}/assignmentRequests/filterByCurrentUser(on='approver')` }] },
        },
        { method: 'GET', path: '/_mock/state' },
        { method: 'GET', path: `${EM}/accessPackages`, token: tokenOf('admin') },
      ];
      for (const call of calls) {
        const answer = await send(server, call);
        expect(answer.status, `${call.method} ${call.path}: ${answer.text}`).toBeLessThan(300);
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect(stamp(), `${call.method} ${call.path} wrote to the state file`).toBe(before);
      }
      // A change does write (so the stamp can move at all).
      expect((await send(server, catalog('Changed'))).status).toBe(201);
      expect(stamp()).not.toBe(before);
    },
    { stateFile: file },
  );
});

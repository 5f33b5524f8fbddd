// --state persistence: every acknowledged change is on disk before the client hears of it, a restart from the file
// loses nothing (equal state hashes), and a crash in the middle of writing leaves a file that parses and restarts.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { mintToken } from '../../src/identity/token.ts';
import { readStateFile } from '../../src/server/state-file.ts';
import { CATALOGS, EM, PACKAGES, POLICIES, QUESTIONS, USERS, REQUEST_TIMEOUT_MS, send, stateHash, tokenOf, withServer } from '../support/hardening-http.ts';

const dir = mkdtempSync(join(tmpdir(), 'ek-hardening-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The file is a snapshot plus a journal of the changes since; together they are the state.
const hashOfFile = (file: string) => createHash('sha256').update(JSON.stringify(readStateFile(file))).digest('hex');

it('saves after every change and restarts from the file with nothing lost', async () => {
  const file = join(dir, 'state.json');
  const changes: Array<{ method: string; path: string; token?: string | null; body?: unknown }> = [
    { method: 'POST', path: `${EM}/catalogs`, token: tokenOf('admin'), body: { displayName: 'Persisted catalog' } },
    {
      method: 'POST',
      path: `${EM}/assignmentRequests`,
      token: tokenOf('alex'),
      body: {
        requestType: 'userAdd',
        assignment: { accessPackageId: PACKAGES.salesPipeline, assignmentPolicyId: POLICIES.salesPipeline },
        answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'EMEA', answeredQuestion: { id: QUESTIONS.region } }],
      },
    },
    { method: 'PATCH', path: `/users/${USERS.adele}`, token: tokenOf('admin'), body: { jobTitle: 'Senior account executive' } },
    { method: 'POST', path: '/_mock/clock', body: { advance: 'P5D' } }, // time-outs and escalations run and must persist too
  ];
  let afterChanges = '';
  await withServer(
    async (server) => {
      for (const change of changes) {
        const answer = await send(server, change);
        expect(answer.status, `${change.method} ${change.path}: ${answer.text}`).toBeLessThan(300);
        // The reply waited for the save: the file already holds exactly the engine's state.
        expect(hashOfFile(file)).toBe(stateHash(server));
      }
      // A refused call changes nothing and so writes nothing new.
      const refused = await send(server, { method: 'POST', path: `${EM}/catalogs`, token: tokenOf('lee'), body: { displayName: 'Not allowed' } });
      expect(refused.status).toBe(403);
      expect(hashOfFile(file)).toBe(stateHash(server));
      afterChanges = stateHash(server);
    },
    { stateFile: file },
  );
  const restarted = await withServer(async (server) => stateHash(server), { stateFile: file });
  console.log(`persistence: ${changes.length} changes saved and reloaded, state hash ${restarted === afterChanges ? 'equal' : 'DIFFERENT'} after restart`);
  expect(restarted).toBe(afterChanges);
  // No temporary file is left behind after clean saves.
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

it('ignores a partial temporary file left by a crash and starts from the last whole file', async () => {
  const file = join(dir, 'partial.json');
  const saved = await withServer(
    async (server) => {
      await send(server, { method: 'POST', path: `${EM}/catalogs`, token: tokenOf('admin'), body: { displayName: 'Before the crash' } });
      return stateHash(server);
    },
    { stateFile: file },
  );
  // What a crash between writeFile and rename leaves: a truncated temp file beside the intact one.
  const whole = readFileSync(file, 'utf8');
  writeFileSync(`${file}.99999.tmp`, whole.slice(0, Math.floor(whole.length / 2)));
  const restarted = await withServer(async (server) => stateHash(server), { stateFile: file });
  expect(restarted).toBe(saved);
});

// ---- a real crash: the CLI in a child process, killed with SIGKILL while writes are in flight ----

const cli = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));

function startCli(file: string): Promise<{ child: ChildProcess; graphUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--state', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not start within 15 s:\n${out}`));
    }, 15_000);
    const read = (chunk: Buffer) => {
      out += chunk;
      const match = /Graph:\s+(http:\/\/127\.0\.0\.1:\d+\/v1\.0)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, graphUrl: match[1] });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited (${code}) before listening:\n${out}`));
    });
  });
}

it('survives SIGKILL of the CLI in the middle of a stream of writes: the file parses, restarts, and keeps every acknowledged change', async () => {
  const file = join(dir, 'killed.json');
  const admin = mintToken({ id: USERS.admin, userPrincipalName: 'admin@contoso.com' });
  let acknowledged = 0;
  let sent = 0;
  const rounds = 2;
  const acknowledgedNames: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const { child, graphUrl } = await startCli(file);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Keep 8 writes in flight at all times; kill the process while they are.
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `Crash ${round}-${w}-${i}`;
        sent++;
        try {
          const response = await fetch(`${graphUrl}${EM}/catalogs`, {
            method: 'POST',
            headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
            body: JSON.stringify({ displayName: name, description: 'x'.repeat(2000) }),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          if (response.status === 201) {
            acknowledged++;
            acknowledgedNames.push(name);
          }
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    await new Promise((resolve) => setTimeout(resolve, 300 + round * 150));
    child.kill('SIGKILL');
    stop = true;
    await exited;
    await Promise.all(writers);
    // The snapshot is whole JSON after the kill, and the journal replays on it...
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    expect(() => readStateFile(file)).not.toThrow();
  }
  // ...and a server starts from it with every change a client was told had succeeded.
  const names = await withServer(
    async (server) => {
      // The seed's own objects came through the crashes too (the file is the whole state, not just the tail).
      expect(server.engine.getCatalog(USERS.admin, CATALOGS.salesMarketing).id).toBe(CATALOGS.salesMarketing);
      return new Set(server.engine.listCatalogs(USERS.admin).map((c) => c.displayName));
    },
    { stateFile: file },
  );
  const lost = acknowledgedNames.filter((n) => !names.has(n));
  console.log(`persistence: CLI killed ${rounds} times mid-write, ${sent} writes sent, ${acknowledged} acknowledged, ${lost.length} lost, file parses and restarts`);
  expect(acknowledged).toBeGreaterThan(0);
  expect(lost).toEqual([]);
}, 60_000);

// A Temporary Access Pass by id over a real socket: read and delete it under /users/{id} and /me
// (temporaryaccesspassauthenticationmethod-get.md, -delete.md); the pass itself only in the create answer.
import { describe, expect, it } from 'vitest';
import { tokenFor, USERS, useMockServer, type GraphHttp } from '../support/graph-http.ts';

const graph = useMockServer();
const methods = (userId: string) => `/users/${userId}/authentication/temporaryAccessPassMethods`;
const MINE = '/me/authentication/temporaryAccessPassMethods';

const issue = (http: GraphHttp, userId: string) => http.ok('POST', methods(userId), 201, { as: 'admin', body: { lifetimeInMinutes: 60, isUsableOnce: true } });

describe('a Temporary Access Pass by id', () => {
  it('reads it under /users/{id} and /me with temporaryAccessPass null; only the create answer carries the pass', async () => {
    const http = graph();
    const made = await issue(http, USERS.adele);
    expect(made.temporaryAccessPass).toEqual(expect.any(String));
    // The create answer names its type; reads of the declared type leave it out.
    const { temporaryAccessPass: _, '@odata.type': __, ...rest } = made;
    const read = await http.ok('GET', `${methods(USERS.adele)}/${made.id}`, 200, { as: 'admin' });
    expect(read).toEqual({ ...rest, temporaryAccessPass: null });
    // The same pass; only the @odata.context names the path it was read under.
    const { '@odata.context': _context, ...pass } = read;
    expect(await http.ok('GET', `${MINE}/${made.id}`, 200, { as: 'adele' })).toMatchObject(pass);
    const mine = await http.ok('GET', MINE, 200, { as: 'adele' });
    expect(mine.value).toEqual([pass]);
    expect(mine['@odata.context']).toMatch(new RegExp(`\\$metadata#users\\('${USERS.adele}'\\)/authentication/temporaryAccessPassMethods$`));
    expect((await http.ok('GET', MINE, 200, { as: 'lee' })).value).toEqual([]);
  });

  it('refuses other users, unknown ids and a pass of someone else under /me', async () => {
    const http = graph();
    const made = await issue(http, USERS.adele);
    await http.refused('GET', `${methods(USERS.adele)}/${made.id}`, 403, 'Authorization_RequestDenied', { as: 'lee' });
    await http.refused('DELETE', `${methods(USERS.adele)}/${made.id}`, 403, 'Authorization_RequestDenied', { as: 'lee' });
    await http.refused('GET', `${MINE}/${made.id}`, 404, 'ResourceNotFound', { as: 'lee' });
    await http.refused('GET', `${methods(USERS.adele)}/dead0000-0000-4000-8000-00000000beef`, 404, 'ResourceNotFound', { as: 'admin' });
    // Creating one is documented only under /users/{id}: the path exists but not the method (405). The spec has no
    // such operation, so this goes around the validating client.
    const post = await fetch(http.url(MINE), {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor('adele')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lifetimeInMinutes: 60 }),
    });
    expect(post.status).toBe(405);
    expect((await post.json()).error.code).toEqual(expect.any(String));
  });

  it('deletes it: the user themself under /me, an Authentication Administrator under /users/{id}', async () => {
    const http = graph();
    const first = await issue(http, USERS.adele);
    expect((await http.call('DELETE', `${MINE}/${first.id}`, { as: 'adele' })).status).toBe(204);
    expect((await http.ok('GET', MINE, 200, { as: 'adele' })).value).toEqual([]);
    await http.refused('DELETE', `${MINE}/${first.id}`, 404, 'ResourceNotFound', { as: 'adele' });

    const second = await issue(http, USERS.adele);
    expect((await http.call('DELETE', `${methods(USERS.adele)}/${second.id}`, { as: 'admin' })).status).toBe(204);
    await http.refused('GET', `${methods(USERS.adele)}/${second.id}`, 404, 'ResourceNotFound', { as: 'admin' });
    // A new pass replaces the old one: the old id is gone.
    const third = await issue(http, USERS.adele);
    const fourth = await issue(http, USERS.adele);
    await http.refused('GET', `${methods(USERS.adele)}/${third.id}`, 404, 'ResourceNotFound', { as: 'admin' });
    expect((await http.ok('GET', `${methods(USERS.adele)}/${fourth.id}`, 200, { as: 'admin' })).id).toBe(fourth.id);
  });
});

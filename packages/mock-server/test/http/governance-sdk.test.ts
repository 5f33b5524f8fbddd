// The SDK's verbs for settings, subjects, connected organizations, sponsors and a Temporary Access Pass by id,
// against the mock's HTTP server: each reaches the operation and reads its answer.
import { createClient } from '@entitlement-kit/sdk';
import { createAdmin } from '@entitlement-kit/sdk/admin';
import { describe, expect, it } from 'vitest';
import { GROUPS, tokenFor, USERS, useMockServer } from '../support/graph-http.ts';

const graph = useMockServer();

describe('SDK administration verbs on the mock', () => {
  it('settings, subjects, organizations and sponsors', async () => {
    const http = graph();
    const admin = createAdmin(createClient({ baseUrl: http.server.graphUrl, getAccessToken: () => tokenFor('admin') }));
    expect(await admin.getSettings()).toMatchObject({ externalUserLifecycleAction: 'blockSignInAndDelete' });
    await admin.updateSettings({ externalUserLifecycleAction: 'blockSignIn' });
    expect((await admin.getSettings()).externalUserLifecycleAction).toBe('blockSignIn');

    expect((await admin.getSubject(USERS.rob)).subjectLifecycle).toBe('governed');
    await admin.updateSubject(USERS.rob, 'notGoverned');
    expect((await admin.getSubject(USERS.rob)).subjectLifecycle).toBe('notGoverned');

    const org = await admin.createConnectedOrganization({ displayName: 'Wingtip Toys', state: 'proposed' });
    expect(await admin.updateConnectedOrganization(org.id!, { state: 'configured' })).toMatchObject({ id: org.id, state: 'configured' });
    await admin.addSponsor(org.id!, 'internalSponsors', { id: GROUPS.salesTeam, type: 'group' });
    await admin.addSponsor(org.id!, 'externalSponsors', { id: USERS.rob, type: 'user' });
    expect((await admin.listSponsors(org.id!, 'internalSponsors').toArray()).map((s) => s.id)).toEqual([GROUPS.salesTeam]);
    await admin.removeSponsor(org.id!, 'externalSponsors', USERS.rob);
    expect(await admin.listSponsors(org.id!, 'externalSponsors').toArray()).toEqual([]);
    await admin.deleteConnectedOrganization(org.id!);
    await expect(admin.getConnectedOrganization(org.id!)).rejects.toMatchObject({ status: 404 });
  });

  it('a Temporary Access Pass by id, for another user and for oneself', async () => {
    const http = graph();
    const issuer = createClient({ baseUrl: http.server.graphUrl, getAccessToken: () => tokenFor('admin') });
    const adele = createClient({ baseUrl: http.server.graphUrl, getAccessToken: () => tokenFor('adele') });
    const pass = await issuer.createTemporaryAccessPass(USERS.adele, { lifetimeInMinutes: 60 });
    expect((await issuer.getTemporaryAccessPass(USERS.adele, pass.id!)).temporaryAccessPass).toBeNull();
    expect((await adele.getTemporaryAccessPass('me', pass.id!)).id).toBe(pass.id);
    await adele.deleteTemporaryAccessPass('me', pass.id!);
    await expect(issuer.getTemporaryAccessPass(USERS.adele, pass.id!)).rejects.toMatchObject({ status: 404 });
  });
});

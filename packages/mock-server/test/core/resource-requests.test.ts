// Resource requests are kept for GET resourceRequests: they survive a snapshot, and a snapshot saved before the
// table existed loads with it empty.
import { describe, expect, it } from 'vitest';
import { CATALOGS, GROUPS, newEngine, USERS } from './support/engine.ts';

describe('resource requests', () => {
  it('are listed after a snapshot round trip, and an older snapshot without them loads', () => {
    const engine = newEngine();
    const made = engine.createResourceRequest(USERS.admin, { requestType: 'adminAdd', resource: { originId: GROUPS.salesTeam, originSystem: 'AadGroup' }, catalog: { id: CATALOGS.finance } });
    const copy = newEngine({ seed: 'empty' });
    copy.fromJSON(JSON.parse(JSON.stringify(engine.toJSON())));
    expect(copy.listResourceRequests(USERS.admin, { expand: { resource: true } })).toMatchObject([{ id: made.id, requestType: 'adminAdd', resource: { originId: GROUPS.salesTeam } }]);

    const { resourceRequests: _, ...older } = engine.toJSON() as unknown as Record<string, unknown>;
    copy.fromJSON(JSON.parse(JSON.stringify(older)));
    expect(copy.listResourceRequests(USERS.admin)).toEqual([]);
  });
});

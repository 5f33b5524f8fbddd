// The default seed: Contoso, a believable tenant that exercises every rule of the mock. docs/seed-and-codes.md
// lists its people, catalogs and packages.
import { countingIds } from '../core/ids.ts';
import type { Seed } from '../core/snapshot.ts';
import { emptyState } from '../core/state.ts';
import { DAY, iso } from '../core/time.ts';
import type { Tx } from '../core/tx.ts';
import { addContosoActivity } from './contoso-activity.ts';
import { addContosoCatalogs } from './contoso-catalogs.ts';
import { addContosoDirectory } from './contoso-directory.ts';
import { addContosoPolicies } from './contoso-policies.ts';

export const contosoSeed: Seed = {
  name: 'contoso',
  start: '2026-11-02T09:00:00Z',
  build(startIso) {
    const start = Date.parse(startIso);
    const setUp = start - 120 * DAY;
    const tx: Tx = { state: emptyState(iso(setUp)), now: setUp, newId: countingIds('5eed0000'), callouts: [] };
    addContosoDirectory(tx.state);
    addContosoCatalogs(tx.state, iso(setUp));
    addContosoPolicies(tx, start, iso(setUp));
    addContosoActivity(tx, start);
    // The history above sent its emails long ago; the outbox starts empty so it shows what happens from now on.
    tx.state.outbox = [];
    return tx.state;
  },
};

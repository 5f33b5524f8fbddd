// --state: for any sequence of calls, what the journal and its snapshots saved loads back as the very same state,
// including across compactions (a tiny threshold makes them frequent) and resets.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { MockGraphError } from '../../src/core/errors.ts';
import { readStateFile, stateFileJournal } from '../../src/server/state-file.ts';
import { newEngine } from './support/engine.ts';
import { apply, op } from './support/random-calls.ts';

const dir = mkdtempSync(join(tmpdir(), 'ek-save-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('save -> load gives back an equal state after any sequence of calls', () => {
  let run = 0;
  let saved = 0;
  fc.assert(
    fc.property(fc.array(fc.oneof({ weight: 12, arbitrary: op }, { weight: 1, arbitrary: fc.constant('reset' as const) }), { maxLength: 40 }), fc.integer({ min: 200, max: 20_000 }), (calls, compactAt) => {
      const file = join(dir, `state-${run++}.json`);
      const engine = newEngine();
      const journal = stateFileJournal(file, () => {}, { minCompactBytes: compactAt });
      engine.setJournal(journal);
      for (const call of calls) {
        try {
          if (call === 'reset') engine.reset('contoso');
          else apply(engine, call);
          saved++;
        } catch (error) {
          if (!(error instanceof MockGraphError)) throw error;
        }
        // After every call, not only at the end: a crash can come at any moment. The live state is read first: a
        // read runs what fell due (a request created by the call is processed), and that is saved as well.
        const live = JSON.stringify(engine.toJSON());
        expect(JSON.stringify(readStateFile(file))).toBe(live);
      }
      journal.close();
      const loaded = newEngine({ seed: 'empty' });
      loaded.fromJSON(readStateFile(file));
      expect(JSON.stringify(loaded.toJSON())).toBe(JSON.stringify(engine.toJSON()));
    }),
    { numRuns: 40, seed: 11 },
  );
  console.log(`save -> load: ${saved} accepted calls in ${run} runs, every saved state loaded back equal`);
});

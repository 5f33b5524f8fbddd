// Our mock server in a process of its own for the scale bench (so the load generator does not share its event
// loop, and RSS is the server's alone), driven over IPC: seed through the engine, report RSS and state-file size.
import { statSync } from 'node:fs';
import { startMockServer } from '../../packages/mock-server/src/server/index.ts';
import { stateFileJournal } from '../../packages/mock-server/src/server/state-file.ts';
import { jsonBytes } from '../../packages/mock-server/src/http/json-text.ts';
import { scaleSeed, type ScaleSeedInfo } from '../scale-seed.ts';
import { median } from './stats.ts';

export type ChildCommand =
  | { cmd: 'seed'; packages: number; requestors: number }
  | { cmd: 'grow'; requests: number }
  | { cmd: 'persist' }
  | { cmd: 'stats' }
  | { cmd: 'pageCost'; caller: string; runs: number };

const stateFile = process.argv[2];
// The state file is attached once the tenant is laid out (`persist`): from then on every write is journaled.
const mock = await startMockServer({ port: 0, seed: 'empty' });
const info: ScaleSeedInfo = { packageIds: [], policyIds: [], requestorIds: [] };
let made = 0;

const fileBytes = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

process.on('message', (message: ChildCommand) => {
  const reply = (value: object) => process.send?.(value);
  if (message.cmd === 'seed') {
    mock.engine.reset(scaleSeed({ packages: message.packages, pending: 0, requestors: message.requestors }, info));
    made = 0;
    reply({ info });
  } else if (message.cmd === 'grow') {
    // Requests made one by one through the engine's own API (each a transaction, journaled like any write).
    const start = performance.now();
    for (let i = 0; i < message.requests; i++, made++) {
      const p = made % info.packageIds.length;
      mock.engine.createRequest(info.requestorIds[Math.floor(made / info.packageIds.length)], {
        requestType: 'userAdd',
        assignment: { accessPackageId: info.packageIds[p], assignmentPolicyId: info.policyIds[p] },
      });
    }
    reply({ ms: performance.now() - start, made });
  } else if (message.cmd === 'persist') {
    const start = performance.now();
    mock.engine.setJournal(stateFileJournal(stateFile));
    reply({ ms: performance.now() - start });
  } else if (message.cmd === 'pageCost') {
    // A page of 100 packages as the route builds it, in turns: every record projected, serialised and encoded afresh
    // (what a page costs after writes touched all of it), and from the projections and bytes kept between reads.
    const page = (shared: boolean) => {
      const t0 = performance.now();
      jsonBytes({ value: mock.engine.listPackages(message.caller, { window: { offset: 0, limit: 100 }, shared }) });
      return (performance.now() - t0) * 1000;
    };
    const fresh: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < message.runs; i++) {
      fresh.push(page(false));
      kept.push(page(true));
    }
    reply({ freshUs: median(fresh), keptUs: median(kept) });
  } else {
    reply({ rss: process.memoryUsage().rss, stateBytes: fileBytes(stateFile) + fileBytes(`${stateFile}.journal`), made });
  }
});
process.send?.({ graphUrl: mock.graphUrl });

// Run as its own process (node --import tsx) with NODE_EXTRA_CA_CERTS set to the mock's certificate, exactly as the
// README recipe runs Microsoft's @microsoft/microsoft-graph-client 3.0.7 against `mock-server --https`: the client
// is configured (customHosts, baseUrl), never patched. Prints one JSON line with what each step saw.
import { BatchRequestContent, BatchResponseContent, Client, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';

const [origin] = process.argv.slice(2);
const EM = '/identityGovernance/entitlementManagement';

async function tokenFor(userPrincipalName: string): Promise<string> {
  const response = await fetch(`${origin}/_mock/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userPrincipalName }) });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function clientFor(userPrincipalName: string): Promise<Client> {
  const token = await tokenFor(userPrincipalName);
  return Client.init({
    baseUrl: origin,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(origin).hostname]),
    authProvider: (done) => done(null, token),
  });
}

const ids = JSON.parse(process.argv[3]) as Record<string, string>;
const seen: Record<string, unknown> = {};

const lee = await clientFor('lee.gu@contoso.com');
seen.reports = (await lee.api('/me/directReports').get()).value.map((u: { id: string }) => u.id);
const created = await lee.api(`${EM}/assignmentRequests`).post({
  requestType: 'userAdd',
  assignment: { targetId: ids.pradeep, accessPackageId: ids.package, assignmentPolicyId: ids.policy },
  justification: 'Winter campaign',
  answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'MKT-1234', answeredQuestion: { id: ids.question } }],
});
seen.created = created.state;

const diego = await clientFor('diego.siciliani@contoso.com');
const pending = await diego.api(`${EM}/assignmentRequests/filterByCurrentUser(on='approver')`).get();
seen.pendingForDiego = pending.value.some((r: { id: string }) => r.id === created.id);
const approval = await diego.api(`${EM}/accessPackageAssignmentApprovals/${created.id}`).expand('stages').get();
const stage = approval.stages.find((s: { status: string }) => s.status === 'InProgress');
await diego.api(`${EM}/accessPackageAssignmentApprovals/${created.id}/stages/${stage.id}`).patch({ reviewResult: 'Approve', justification: 'OK' });

// Delivery runs after the decision's reply; the manager's view follows it.
let granted: { id: string } | undefined;
for (let attempt = 0; attempt < 50 && !granted; attempt++) {
  const team = await lee.api(`${EM}/assignments/filterByCurrentUser(on='targetManager')`).header('Prefer', 'include-unknown-enum-members').expand('target').top(2).get();
  const all: { id: string; state: string; target?: { objectId: string } }[] = [];
  await new PageIterator(lee, team as PageCollection, (item) => (all.push(item), true)).iterate();
  seen.teamPaged = all.length;
  granted = all.find((a) => a.target?.objectId === ids.pradeep && a.state === 'delivered');
  if (!granted) await new Promise((r) => setTimeout(r, 100));
}
seen.granted = !!granted;
seen.removal = (await lee.api(`${EM}/assignmentRequests`).post({ requestType: 'userRemove', assignment: { id: granted?.id } })).requestType;

// BatchRequestContent keeps a step's path after the host, and a batch step's URL is relative to the version root: in
// a browser `new Request('/me')` resolves against the page; in Node the same path needs an origin in front.
const batch = new BatchRequestContent([
  { id: '1', request: new Request(`${origin}/me`, { method: 'GET' }) },
  { id: '2', request: new Request(`${origin}/me/directReports`, { method: 'GET' }) },
]);
const batched = new BatchResponseContent(await lee.api('/$batch').post(await batch.getContent()));
seen.batch = [batched.getResponseById('1').status, batched.getResponseById('2').status];

// Every other Graph call answers 429 now; the client's RetryHandler waits Retry-After and tries again.
await fetch(`${origin}/_mock/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ throttleEvery: 2, retryAfterSeconds: 1 }) });
seen.throttled = [];
for (let i = 0; i < 3; i++) (seen.throttled as string[]).push((await lee.api('/me').get()).id);

console.log(JSON.stringify(seen));

// Six weeks of Contoso history before the seed's start, played through the same rules as live calls, so that
// every view has data: delivered, expired, denied, canceled, failed, scheduled and pending requests, stages
// decided and escalated, an on-behalf request, a bypassed approval and a resumed custom extension.
import { createRequest, type RequestInput } from '../core/requests.ts';
import { runDue } from '../core/scheduler.ts';
import type { RequestRecord } from '../core/state.ts';
import { DAY, HOUR, iso } from '../core/time.ts';
import type { Tx } from '../core/tx.ts';
import { cancel, decide, resume } from '../core/workflow.ts';
import { APPS, PACKAGES as P, POLICIES as POL, QUESTIONS as Q, USERS as U } from './ids.ts';

const answer = (questionId: string, value: string) => ({
  '@odata.type': '#microsoft.graph.accessPackageAnswerString',
  value,
  answeredQuestion: { id: questionId },
});

const add = (packageId: string, policyId: string, extra: Partial<RequestInput> & { targetId?: string } = {}): RequestInput => {
  const { targetId, ...rest } = extra;
  return { requestType: 'userAdd', assignment: { accessPackageId: packageId, assignmentPolicyId: policyId, ...(targetId && { targetId }) }, ...rest };
};

export function addContosoActivity(tx: Tx, start: number): void {
  const at = (offset: number) => runDue(tx, start + offset);
  // Each request is processed at once (as the next call would see it), so a decision can follow it directly.
  const ask = (callerId: string, body: RequestInput) => {
    const req = createRequest(tx, callerId, body);
    runDue(tx, tx.now);
    return tx.state.requests[req.id];
  };
  const decideLast = (approverId: string, req: RequestRecord, reviewResult: 'Approve' | 'Deny', justification?: string) =>
    decide(tx, approverId, req.id, (req.stages.at(-1) as { id: string }).id, { reviewResult, justification });
  const current = (req: RequestRecord) => tx.state.requests[req.id];

  at(-40 * DAY);
  ask(U.adele, add(P.salesPipeline, POL.salesPipeline, { answers: [answer(Q.region, 'EMEA')] }));

  at(-30 * DAY);
  ask(U.admin, { requestType: 'adminAdd', assignment: { accessPackageId: P.buildAgentsAdmin, assignmentPolicyId: POL.buildAgentsAdmin, targetId: U.grady } });

  at(-20 * DAY);
  ask(U.rob, add(P.engineeringWiki, POL.engineeringWiki));
  const vendorPayments = ask(U.lynne, add(P.vendorPaymentsCreate, POL.vendorPaymentsCreate, { justification: 'I run the monthly vendor payment batch.' }));
  at(-19 * DAY);
  decideLast(U.lidia, current(vendorPayments), 'Approve', 'Lynne owns the vendor payment run.');

  at(-15 * DAY);
  const export1 = ask(U.alex, add(P.customerDataExport, POL.customerDataExport));
  at(-14 * DAY);
  decideLast(U.grady, current(export1), 'Deny', 'Please use the anonymised extract in the reporting workspace instead.');

  at(-11 * DAY);
  ask(U.johanna, add(P.onCall, POL.onCall));

  at(-10 * DAY);
  const campaign = ask(U.alex, add(P.marketingCampaigns, POL.marketingCampaigns, {
    justification: 'Helping with the winter campaign.',
    answers: [answer(Q.campaignCode, 'MKT-2041'), answer(Q.campaignPlan, 'Launch e-mails and the landing page.')],
  }));
  at(-9 * DAY);
  decideLast(U.lee, current(campaign), 'Approve');

  at(-7 * DAY);
  ask(U.isaiah, add(P.projectPhoenix, POL.projectPhoenix));

  at(-6 * DAY);
  const budget = ask(U.lynne, add(P.budgetPlanning, POL.budgetPlanning, { justification: 'Q1 territory planning.' }));
  at(-6 * DAY + HOUR);
  cancel(tx, U.lynne, budget.id);

  at(-5 * DAY);
  ask(U.lee, add(P.salesPipeline, POL.salesPipeline, { targetId: U.pradeep, answers: [answer(Q.region, 'AMER')] }));

  at(-4 * DAY);
  const reporting = ask(U.alex, add(P.financialReporting, POL.financialReporting, {
    answers: [answer(Q.reports, 'pnl'), answer(Q.reports, 'headcount')],
  }));
  at(-3 * DAY);
  decideLast(U.lee, current(reporting), 'Approve', 'Alex prepares the sales headcount review.');
  const export2 = ask(U.henrietta, add(P.customerDataExport, POL.customerDataExport));
  ask(U.rob, add(P.partnerPortal, POL.partnerPortal));
  at(-3 * DAY + HOUR);
  decideLast(U.grady, current(export2), 'Approve', 'Quarterly export for the audit.');

  at(-2 * DAY);
  const planning = ask(U.christie, add(P.budgetPlanning, POL.budgetPlanning, {
    justification: 'Budget workbook for the new fiscal year.',
    schedule: { startDateTime: iso(start + 5 * DAY), expiration: { type: 'afterDateTime', endDateTime: iso(start + 35 * DAY) } },
  }));
  ask(U.adele, add(P.marketingCampaigns, POL.marketingCampaigns, {
    justification: 'Co-marketing with Fabrikam.',
    answers: [answer(Q.campaignCode, 'MKT-3100')],
  }));
  at(-2 * DAY + 2 * HOUR);
  decideLast(U.patti, current(planning), 'Approve');
  decideLast(U.patti, current(planning), 'Approve');

  at(-1 * DAY);
  ask(U.pradeep, add(P.financialReporting, POL.financialReporting, { answers: [answer(Q.reports, 'cashflow')] }));
  ask(U.henrietta, add(P.developerTools, POL.developerTools));

  at(-12 * HOUR);
  const tools = ask(U.henrietta, add(P.developerTools, POL.developerTools));
  at(-11 * HOUR);
  resume(tx, APPS.accessAutomation, tools.id, {
    source: 'Contoso.SodCheck',
    type: 'microsoft.graph.accessPackageCustomExtensionStage.assignmentRequestCreated',
    data: {
      stage: 'assignmentRequestCreated',
      customExtensionStageInstanceId: current(tools).callouts[0].id,
      customExtensionStageInstanceDetail: 'No conflicting access found.',
    },
  });

  at(-2 * HOUR);
  ask(U.lee, { ...add(P.temporaryAccessPass, POL.temporaryAccessPass, { targetId: U.lynne }), parameters: { bypassApproval: true } });

  at(0);
}

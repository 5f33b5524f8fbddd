// Flow (b) over a real socket: an employee answers the policy's questions (a pattern-checked code, free text,
// choices), asks for a specific period, finds the request in their history, cancels it and resubmits it.
import { describe, expect, it } from 'vitest';
import { answerString, EM, PACKAGES, POLICIES, QUESTIONS, USERS, useMockServer, userAdd } from '../support/graph-http.ts';

const graph = useMockServer();
const REQUESTS = `${EM}/assignmentRequests`;

describe('an employee requests for themself with answers and a schedule, cancels and resubmits', () => {
  it('reads the requirements, is refused for bad answers, then submits, cancels and resubmits', async () => {
    const http = graph();
    const [requirements] = (await http.ok('POST', `${EM}/accessPackages/${PACKAGES.marketingCampaigns}/getApplicablePolicyRequirements`, 200, { as: 'lynne' })).value;
    expect(requirements).toMatchObject({ policyId: POLICIES.marketingCampaigns, allowCustomAssignmentSchedule: true, isRequestorJustificationRequired: true });
    expect(requirements.questions.map((q: { id: string }) => q.id)).toEqual([QUESTIONS.campaignCode, QUESTIONS.campaignPlan]);

    const now = Date.parse((await http.ok('GET', '/_mock/clock', 200)).now);
    const day = 24 * 3600 * 1000;
    const schedule = {
      startDateTime: new Date(now + 3 * day).toISOString(),
      expiration: { type: 'afterDateTime', endDateTime: new Date(now + 17 * day).toISOString() },
    };
    const answers = [answerString(QUESTIONS.campaignCode, 'MKT-0815'), answerString(QUESTIONS.campaignPlan, 'Trade fair leads\nand follow-ups.')];
    const body = userAdd(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { justification: 'Spring trade fair.', answers, schedule });

    await http.refused('POST', REQUESTS, 400, 'AnswerDoesNotMatchPattern', { as: 'lynne', body: { ...body, answers: [answerString(QUESTIONS.campaignCode, 'MKT-81')] } });
    await http.refused('POST', REQUESTS, 400, 'RequiredQuestionNotAnswered', { as: 'lynne', body: { ...body, answers: answers.slice(1) } });
    await http.refused('POST', REQUESTS, 400, 'ScheduleOutsidePolicyExpiration', {
      as: 'lynne',
      body: { ...body, schedule: { ...schedule, expiration: { type: 'afterDateTime', endDateTime: new Date(now + 60 * day).toISOString() } } },
    });

    const first = await http.ok('POST', REQUESTS, 201, { as: 'lynne', body });
    expect(first).toMatchObject({ state: 'submitted', status: 'Accepted', schedule: { startDateTime: schedule.startDateTime.replace('.000', '') } });
    const history = await http.all(`${REQUESTS}/filterByCurrentUser(on='target')?$expand=accessPackage`, 'lynne');
    const listed = history.find((r) => r.id === first.id);
    expect(listed).toMatchObject({ status: 'PendingApproval', accessPackage: { id: PACKAGES.marketingCampaigns } });
    expect(listed.answers.map((a: { value: string }) => a.value)).toEqual(['MKT-0815', 'Trade fair leads\nand follow-ups.']);

    // A second open request for the same package is refused while the first is pending.
    await http.refused('POST', REQUESTS, 409, 'ExistingOpenRequest', { as: 'lynne', body });
    await http.refused('POST', `${REQUESTS}/${first.id}/cancel`, 403, 'Authorization_RequestDenied', { as: 'adele' });
    const canceled = await http.call('POST', `${REQUESTS}/${first.id}/cancel`, { as: 'lynne' });
    expect(canceled.status).toBe(204);
    expect(await http.ok('GET', `${REQUESTS}/${first.id}`, 200, { as: 'lynne' })).toMatchObject({ state: 'canceled', status: 'Canceled' });
    await http.refused('POST', `${REQUESTS}/${first.id}/cancel`, 409, 'RequestNotCancelable', { as: 'lynne' });

    // Resubmit = a new request with the old answers, as the history shows them.
    const resubmitted = await http.ok('POST', REQUESTS, 201, {
      as: 'lynne',
      body: { ...body, answers: listed.answers.map((a: any) => answerString(a.answeredQuestion.id, a.value)) },
    });
    expect(resubmitted.id).not.toBe(first.id);
    expect(resubmitted.state).toBe('submitted');
    const mine = await http.all(`${REQUESTS}/filterByCurrentUser(on='target')?$filter=accessPackage/id eq '${PACKAGES.marketingCampaigns}'`, 'lynne');
    expect(mine.map((r) => [r.id, r.state]).sort()).toEqual([[first.id, 'canceled'], [resubmitted.id, 'pendingApproval']].sort());
  });

  it('checks multiple-choice answers against the choices, and takes several where the question allows', async () => {
    const http = graph();
    const body = (...values: string[]) =>
      userAdd(PACKAGES.financialReporting, POLICIES.financialReporting, { answers: values.map((v) => answerString(QUESTIONS.reports, v)) });
    await http.refused('POST', REQUESTS, 400, 'AnswerNotAmongChoices', { as: 'lynne', body: body('pnl', 'payroll') });
    const created = await http.ok('POST', REQUESTS, 201, { as: 'lynne', body: body('pnl', 'cashflow') });
    expect(created.answers.map((a: { value: string }) => a.value)).toEqual(['pnl', 'cashflow']);
    const single = (value: string) =>
      userAdd(PACKAGES.salesPipeline, POLICIES.salesPipeline, { answers: [answerString(QUESTIONS.region, value), answerString(QUESTIONS.region, 'APAC')] });
    await http.refused('POST', REQUESTS, 400, 'MultipleAnswersNotAllowed', { as: 'alex', body: single('EMEA') });
    const pipeline = await http.ok('POST', REQUESTS, 201, {
      as: 'alex',
      body: userAdd(PACKAGES.salesPipeline, POLICIES.salesPipeline, { answers: [answerString(QUESTIONS.region, 'APAC')] }),
    });
    expect(pipeline.state).toBe('submitted');
    const held = await http.all(`${EM}/assignments/filterByCurrentUser(on='target')?$filter=accessPackage/id eq '${PACKAGES.salesPipeline}'&$expand=target`, 'alex');
    expect(held.map((a) => [a.state, a.target.objectId])).toEqual([['delivered', USERS.alex]]);
  });
});

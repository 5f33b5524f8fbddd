// What a request must carry: required answers, choices, text patterns, justification, and a schedule only
// when the policy allows one and within its expiration.
import { describe, expect, it } from 'vitest';
import { addBody, answer, campaignExtras, expectRefused, newEngine, PACKAGES, POLICIES, QUESTIONS, USERS, submit } from './support/engine.ts';

const campaign = (extra: Record<string, unknown>) => addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { ...campaignExtras(), ...extra });
const reporting = (answers: object[]) => addBody(PACKAGES.financialReporting, POLICIES.financialReporting, { answers });

describe('request requirements', () => {
  it('a complete request passes and keeps its answers with the question and a display value', () => {
    const engine = newEngine();
    const req = submit(engine, USERS.lynne, campaign({ answers: [answer(QUESTIONS.campaignCode, 'MKT-0042'), answer(QUESTIONS.campaignPlan, 'Line one\nLine two')] }));
    expect(req.justification).toBe('Winter campaign');
    expect(req.answers?.map((a) => [(a as { value?: string }).value, a.displayValue, a.answeredQuestion?.id])).toEqual([
      ['MKT-0042', 'MKT-0042', QUESTIONS.campaignCode],
      ['Line one\nLine two', 'Line one\nLine two', QUESTIONS.campaignPlan],
    ]);
  });

  it('a required question must be answered', () => {
    const engine = newEngine();
    const error = expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ answers: [] })), 400, 'RequiredQuestionNotAnswered');
    expect(error.target).toBe(QUESTIONS.campaignCode);
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ answers: [answer(QUESTIONS.campaignCode, '   ')] })), 400, 'RequiredQuestionNotAnswered');
  });

  it('a text answer must match the regex pattern and a single-line question takes one line', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ answers: [answer(QUESTIONS.campaignCode, 'MKT-12')] })), 400, 'AnswerDoesNotMatchPattern');
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ answers: [answer(QUESTIONS.campaignCode, 'MKT-1234\nMKT-1234')] })), 400, 'AnswerDoesNotMatchPattern');
  });

  it('a multiple-choice answer must be one of the choices; several only when multiple selection is allowed', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.lynne, reporting([answer(QUESTIONS.reports, 'payroll')])), 400, 'AnswerNotAmongChoices');
    const ok = submit(engine, USERS.lynne, reporting([answer(QUESTIONS.reports, 'pnl'), answer(QUESTIONS.reports, 'cashflow')]));
    expect(ok.answers?.map((a) => a.displayValue)).toEqual(['Profit and loss', 'Cash flow']);
    expectRefused(
      engine,
      () => submit(engine, USERS.alex, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { answers: [answer(QUESTIONS.region, 'EMEA'), answer(QUESTIONS.region, 'APAC')] })),
      400,
      'MultipleAnswersNotAllowed',
    );
  });

  it('answers must reference the policy’s questions and be answer strings', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ answers: [answer(QUESTIONS.campaignCode, 'MKT-1234'), answer(QUESTIONS.reports, 'pnl')] })), 400, 'UnknownQuestion');
    expectRefused(
      engine,
      () => submit(engine, USERS.lynne, campaign({ answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerChoice', value: 'x', answeredQuestion: { id: QUESTIONS.campaignCode } }] })),
      400,
      'UnsupportedAnswerType',
    );
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ answers: 'MKT-1234' })), 400, 'InvalidAnswers');
  });

  it('a justification is required when the policy says so', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ justification: '' })), 400, 'JustificationRequired');
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ justification: undefined })), 400, 'JustificationRequired');
  });

  it('a specific period only when the policy allows a custom schedule', () => {
    const engine = newEngine();
    const schedule = { startDateTime: '2026-11-10T00:00:00Z', expiration: { type: 'afterDateTime', endDateTime: '2026-11-20T00:00:00Z' } };
    expectRefused(
      engine,
      () => submit(engine, USERS.alex, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { answers: [answer(QUESTIONS.region, 'EMEA')], schedule })),
      400,
      'CustomScheduleNotAllowed',
    );
    const req = submit(engine, USERS.lynne, campaign({ schedule }));
    expect(req.schedule).toMatchObject(schedule);
  });

  it('a specific period must end within the policy’s expiration and after it starts', () => {
    const engine = newEngine();
    const period = (endDateTime: string) => ({ startDateTime: '2026-11-10T00:00:00Z', expiration: { type: 'afterDateTime', endDateTime } });
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ schedule: period('2026-12-10T00:00:01Z') })), 400, 'ScheduleOutsidePolicyExpiration');
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ schedule: { startDateTime: '2026-11-10T00:00:00Z', expiration: { type: 'noExpiration' } } })), 400, 'ScheduleOutsidePolicyExpiration');
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ schedule: { expiration: { type: 'afterDuration', duration: 'P31D' } } })), 400, 'ScheduleOutsidePolicyExpiration');
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ schedule: period('2026-11-09T00:00:00Z') })), 400, 'InvalidSchedule');
    expectRefused(engine, () => engine.createRequest(USERS.lynne, campaign({ schedule: { startDateTime: 'next monday' } })), 400, 'InvalidSchedule');
    expect(submit(engine, USERS.lynne, campaign({ schedule: period('2026-12-10T00:00:00Z') })).state).toBe('pendingApproval');
  });

  it('without a specific period the request carries the policy’s expiration', () => {
    const engine = newEngine();
    const req = submit(engine, USERS.lynne, campaign({}));
    expect(req.schedule).toMatchObject({ startDateTime: '2026-11-02T09:00:00Z', expiration: { type: 'afterDuration', duration: 'P30D' } });
  });
});

describe('a short-text question without a pattern', () => {
  it('still takes a single line', () => {
    const engine = newEngine();
    const policy = engine.createPolicy(USERS.admin, {
      displayName: 'Wiki with a question',
      accessPackage: { id: PACKAGES.engineeringWiki },
      allowedTargetScope: 'allMemberUsers',
      requestorSettings: { enableTargetsToSelfAddAccess: true },
      questions: [{ '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', id: 'team', text: 'Your team', isRequired: true, isSingleLineQuestion: true }],
    });
    const body = (value: string) => addBody(PACKAGES.engineeringWiki, policy.id as string, { answers: [answer('team', value)] });
    expectRefused(engine, () => engine.createRequest(USERS.adele, body('Sales\nEMEA')), 400, 'AnswerNotSingleLine');
    expect(submit(engine, USERS.adele, body('Sales EMEA')).state).toBe('delivered');
  });
});

import { STATE_LIMITS, closesCycle, gateOutcome, type CommissionView } from '@app/contracts';
import {
  applyDropDependency,
  applyGateChanged,
  checkDropDependency,
  dueTellings,
  gateChanged,
  registerDependent,
} from '../../../workflows/commission/stages/dependency';
import { checkPublishTender } from '../../../workflows/commission/stages/tender';
import { initialState } from '../../../workflows/commission/initial-state';
import { newCommission, people } from '../fixtures';
import { LATER, OPENED_AT } from './steps';

const UPSTREAM = '11111111-1111-4111-8111-111111111111';
const DEPENDENT = '22222222-2222-4222-8222-222222222222';
const REPORT = { at: LATER, reportId: 'r-interim', version: 2 };

const upstream = (): CommissionView => initialState(newCommission({ id: UPSTREAM }), OPENED_AT);
const dependent = (): CommissionView =>
  initialState(
    newCommission({ id: DEPENDENT, dependsOn: { commissionId: UPSTREAM, gate: 'interim-report-accepted' } }),
    OPENED_AT,
  );
const registration = { commissionId: DEPENDENT, gate: 'interim-report-accepted' as const };

describe('dependency gates, upstream: registering and telling dependents', () => {
  it('registers a dependent once, audited; a repeated signal changes nothing', () => {
    const s = upstream();
    expect(registerDependent(s, registration, LATER)).toMatchObject({
      action: 'dependent-registered',
      detail: { dependent: DEPENDENT, gate: 'interim-report-accepted' },
    });
    expect(registerDependent(s, registration, LATER)).toBeNull();
    expect(s.dependents).toEqual([{ ...registration, registeredAt: LATER, told: null, toldAt: null }]);
  });

  it('holds at most STATE_LIMITS.dependents dependents', () => {
    const s = upstream();
    for (let i = 0; i < STATE_LIMITS.dependents; i++) {
      expect(registerDependent(s, { ...registration, commissionId: `d-${i}` }, LATER)).not.toBeNull();
    }
    expect(registerDependent(s, registration, LATER)).toBeNull();
    expect(s.dependents).toHaveLength(STATE_LIMITS.dependents);
  });

  it('tells a dependent nothing while the gate is not met, then exactly once when it is', () => {
    const s = upstream();
    registerDependent(s, registration, OPENED_AT);
    expect(dueTellings(s, LATER)).toEqual([]);
    s.gatesMet = { 'interim-report-accepted': REPORT };
    const told = dueTellings(s, LATER);
    expect(told.map((t) => [t.dependent.commissionId, t.outcome])).toEqual([
      [DEPENDENT, { outcome: 'met', report: REPORT }],
    ]);
    expect(gateChanged(s, 'interim-report-accepted', told[0].outcome, LATER)).toMatchObject({
      upstreamId: UPSTREAM,
      outcome: 'met',
      report: REPORT,
      reason: null,
    });
    // Later changes, even a cancellation, tell it nothing more.
    expect(dueTellings(s, LATER)).toEqual([]);
    s.stage = 'cancelled';
    expect(dueTellings(s, LATER)).toEqual([]);
  });

  it('tells a dependent that registers after the gate was met at once', () => {
    const s = upstream();
    s.gatesMet = { 'interim-report-accepted': REPORT };
    registerDependent(s, registration, LATER);
    expect(dueTellings(s, LATER).map((t) => t.outcome.outcome)).toEqual(['met']);
  });

  it('waits for the gate the dependent named: the final report does not meet an interim gate… and vice versa', () => {
    const s = upstream();
    registerDependent(s, { ...registration, gate: 'final-report-accepted' }, LATER);
    s.gatesMet = { 'interim-report-accepted': REPORT };
    expect(dueTellings(s, LATER)).toEqual([]);
  });

  it('says never-to-be-met with the reason when cancelled, or when completed without the gate', () => {
    const cancelled = { stage: 'cancelled' as const, cancellation: { reason: 'Funding withdrawn' } };
    expect(gateOutcome(cancelled, 'interim-report-accepted')).toEqual({
      outcome: 'never-to-be-met',
      reason: 'it was cancelled: Funding withdrawn',
    });
    expect(gateOutcome({ stage: 'completed', cancellation: null }, 'final-report-accepted')).toMatchObject({
      outcome: 'never-to-be-met',
    });
    expect(gateOutcome({ stage: 'in-delivery', cancellation: null }, 'final-report-accepted')).toBeNull();
  });
});

describe('dependency gates, downstream: recording what it is told', () => {
  const met = {
    upstreamId: UPSTREAM,
    gate: 'interim-report-accepted' as const,
    outcome: 'met' as const,
    at: LATER,
    report: REPORT,
    reason: null,
    upstreamTitle: 'Study A',
  };

  it('records the gate met with the accepted report as an input document, and tells its officers', () => {
    const s = dependent();
    const change = applyGateChanged(s, met);
    expect(s.dependency).toMatchObject({
      status: 'met',
      metAt: LATER,
      input: { commissionId: UPSTREAM, reportId: 'r-interim', version: 2 },
    });
    expect(change?.action).toBe('dependency-gate-met');
    expect(change?.messages?.map((m) => [m.message, m.recipients.map((r) => r.userId)])).toEqual([
      ['dependency-met', [people.officer.userId]],
    ]);
    // Told again (a signal sent twice): nothing more is recorded.
    expect(applyGateChanged(s, met)).toBeNull();
  });

  it('ignores a signal about another commission or another gate', () => {
    const s = dependent();
    expect(applyGateChanged(s, { ...met, upstreamId: DEPENDENT })).toBeNull();
    expect(applyGateChanged(s, { ...met, gate: 'final-report-accepted' })).toBeNull();
    expect(s.dependency?.status).toBe('waiting');
  });

  it('records never-to-be-met with the reason; the tender stays refused until an officer drops it', () => {
    const s = dependent();
    s.stage = 'signed-off';
    const change = applyGateChanged(s, {
      ...met,
      outcome: 'never-to-be-met',
      report: null,
      reason: 'it was cancelled: Funding withdrawn',
    });
    expect(change?.messages?.[0]).toMatchObject({
      message: 'dependency-never-to-be-met',
      facts: { reason: 'it was cancelled: Funding withdrawn' },
    });
    expect(s.dependency).toMatchObject({
      status: 'never-to-be-met',
      reason: 'it was cancelled: Funding withdrawn',
    });
    const publish = { actor: people.officer } as Parameters<typeof checkPublishTender>[1];
    expect(checkPublishTender(s, publish, Date.parse(LATER))).toMatchObject({
      code: 'dependency-unmet',
      facts: { gate: 'interim-report-accepted', gateStatus: 'never-to-be-met' },
    });
    const drop = { actor: people.officer, reason: 'Study A will not be commissioned' };
    expect(checkDropDependency(s, drop)).toBeNull();
    applyDropDependency(s, drop, LATER);
    expect(s.dependency).toMatchObject({ status: 'dropped', dropped: { reason: drop.reason } });
    // Past the dependency gate, the tender's own checks speak (here: no dates given).
    expect(checkPublishTender(s, publish, Date.parse(LATER))?.code).not.toBe('dependency-unmet');
    // A gate met after it was dropped changes nothing.
    expect(applyGateChanged(s, met)).toBeNull();
  });

  it('lets an officer drop a waiting dependency before the tender, never after, and never twice', () => {
    const s = dependent();
    const drop = { actor: people.officer, reason: 'No longer needed' };
    expect(checkDropDependency(s, { ...drop, actor: people.chair })?.code).toBe('wrong-role');
    expect(checkDropDependency(s, { ...drop, reason: ' ' })?.code).toBe('invalid-input');
    expect(checkDropDependency(s, drop)).toBeNull();
    applyDropDependency(s, drop, LATER);
    expect(checkDropDependency(s, drop)?.code).toBe('no-dependency');
    const tendering = dependent();
    tendering.stage = 'tendering';
    expect(checkDropDependency(tendering, drop)?.code).toBe('wrong-stage');
    expect(checkDropDependency(upstream(), drop)?.code).toBe('no-dependency');
  });
});

describe('dependency cycles', () => {
  const chain = (edges: Record<string, string>) => async (id: string) => edges[id] ?? null;

  it('finds none in a chain that does not come back', async () => {
    expect(await closesCycle('c', 'b', chain({ b: 'a' }))).toBeNull();
  });

  it('finds the cycle a new edge would close, with its path', async () => {
    expect(await closesCycle('a', 'c', chain({ c: 'b', b: 'a' }))).toEqual(['a', 'c', 'b', 'a']);
    expect(await closesCycle('a', 'a', chain({}))).toEqual(['a', 'a']);
  });

  it('refuses a chain too long to walk rather than walking it for ever', async () => {
    expect(await closesCycle('x', 'b', chain({ b: 'c', c: 'b' }), 10)).not.toBeNull();
  });
});

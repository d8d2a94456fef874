/** Shared steps of the stage modules' unit tests: each runs the validator first, as the workflow does. */
import {
  type Actor,
  type CommissionView,
  type ProcurementRegime,
  type Decision,
  type EditSpecification,
  type SignOff,
  type SignOffRule,
} from '@app/contracts';
import {
  applyEditSpecification,
  applySubmitSpecification,
  checkEditSpecification,
  checkSubmitSpecification,
} from '../../../workflows/commission/stages/specification';
import { applySignOff, checkSignOff } from '../../../workflows/commission/stages/sign-off';
import { initialState } from '../../../workflows/commission/initial-state';
import { openReportDeadlines } from '../../../workflows/commission/kernel/deadline-book';
import { UNANIMOUS, newCommission, people, person } from '../fixtures';

export const OPENED_AT = '2030-01-01T09:00:00.000Z';
export const NOW = Date.parse('2030-01-02T09:00:00.000Z');
export const RESPOND_BY = '2030-01-15T17:00:00.000Z';
export const LATER = '2030-01-03T10:00:00.000Z';

export const ref = (a: Actor) => ({ userId: a.userId, name: a.name });

/** Stands in for the sha256 the API computes; equal texts give equal hashes. */
export const hashOf = (content: string) => `hash:${content}`;

export const editCmd = (by: Actor, content: string): EditSpecification => ({
  actor: by,
  content,
  contentHash: hashOf(content),
});

export const signOffCmd = (
  by: Actor,
  decision: Decision,
  specificationVersion: number,
  comment = '',
): SignOff => ({
  actor: by,
  decision,
  specificationVersion,
  comment,
});

export function opened(rule: SignOffRule = UNANIMOUS): CommissionView {
  return initialState(newCommission({ signOffRule: rule }), OPENED_AT);
}

/** Each step runs the validator first, as the workflow does, and fails the test if it refuses. */
export function edit(s: CommissionView, content: string, by: Actor = people.officer) {
  const cmd = editCmd(by, content);
  expect(checkEditSpecification(s, cmd)).toBeNull();
  return applyEditSpecification(s, cmd, LATER);
}

export function submit(s: CommissionView, respondBy = RESPOND_BY) {
  const cmd = { actor: people.officer, respondBy };
  expect(checkSubmitSpecification(s, cmd, NOW)).toBeNull();
  return applySubmitSpecification(s, cmd, LATER);
}

export function decide(s: CommissionView, cmd: SignOff, at = LATER) {
  expect(checkSignOff(s, cmd)).toBeNull();
  return applySignOff(s, cmd, at);
}

/** A commission whose first specification version is before the panel. */
export function underReview(rule: SignOffRule = UNANIMOUS): CommissionView {
  const s = opened(rule);
  edit(s, 'Version one of the specification');
  submit(s);
  return s;
}

/** Version 1 sent back by Isabelle Trowler, version 2 drafted and now before the panel. */
export function secondVersionUnderReview(): CommissionView {
  const s = underReview();
  decide(s, signOffCmd(people.trowler, 'request-changes', 1, 'Name the local authorities.'));
  edit(s, 'Version two of the specification');
  submit(s);
  return s;
}

/** A commission whose contract with Acme (people.supplier) was entered into, as the workflow builds it. */
export function inDelivery(regime: ProcurementRegime = 'below-threshold'): CommissionView {
  const s = initialState(newCommission({ regime }), OPENED_AT);
  openReportDeadlines(s, NOW);
  s.stage = 'in-delivery';
  s.contract = {
    bidId: '00000000-0000-4000-8000-000000000099',
    supplier: person(people.supplier),
    value: 90_000,
    startDate: '2030-03-01T00:00:00.000Z',
    enteredAt: '2030-03-01T00:00:00.000Z',
    milestones: { ...s.milestones },
  };
  return s;
}

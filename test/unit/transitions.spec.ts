import { ACTION_RULES, OPEN_STAGES, STAGES, TRANSITIONS, isAllowedTransition, isFinal } from '@app/contracts';

describe('the lifecycle table', () => {
  it('allows submitting, signing off, sending back and cancelling, by their commands only', () => {
    expect(isAllowedTransition('drafting', 'panel-review', { command: 'submit-specification' })).toBe(true);
    expect(isAllowedTransition('panel-review', 'signed-off', { command: 'sign-off' })).toBe(true);
    expect(isAllowedTransition('panel-review', 'drafting', { command: 'sign-off' })).toBe(true);
    expect(isAllowedTransition('drafting', 'signed-off', { command: 'sign-off' })).toBe(false);
    expect(isAllowedTransition('drafting', 'panel-review', { command: 'cancel' })).toBe(false);
    expect(isAllowedTransition('panel-review', 'signed-off', { deadline: 'sign-off' })).toBe(false);
  });

  it('lets every open stage be cancelled and no final stage move at all', () => {
    for (const stage of OPEN_STAGES) {
      expect(isAllowedTransition(stage, 'cancelled', { command: 'cancel' })).toBe(true);
    }
    for (const t of TRANSITIONS) for (const from of t.from) expect(isFinal(from)).toBe(false);
  });

  it('staying in the same stage is always allowed (a change without a stage move)', () => {
    for (const stage of STAGES)
      expect(isAllowedTransition(stage, stage, { command: 'declare-conflict' })).toBe(true);
  });

  it('moves only by commands whose rule allows them in the stage they leave', () => {
    for (const t of TRANSITIONS) {
      if (!('command' in t.by)) continue;
      for (const from of t.from) expect(ACTION_RULES[t.by.command].stages).toContain(from);
    }
  });
});

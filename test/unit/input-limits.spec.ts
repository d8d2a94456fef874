import {
  REMINDER_FLOORS,
  REMINDER_LIMITS,
  officersOnPanel,
  reminderFloorFor,
  reminderPolicyProblems,
} from '@app/contracts';

const production = REMINDER_FLOORS.production;

describe('what one commission can send', () => {
  it('production refuses second-scale escalations and reminders; development keeps them', () => {
    const fast = { before: ['PT4S', 'PT2S'], overdueEvery: 'PT1S' };
    expect(reminderPolicyProblems(fast, reminderFloorFor('test'))).toEqual([]);
    expect(reminderPolicyProblems(fast, reminderFloorFor('production'))).toEqual([
      { field: 'reminderPolicy.before', message: 'PT4S and PT2S are closer than PT1H' },
      {
        field: 'reminderPolicy.before',
        message: 'the last reminder (PT2S) must be at least PT1H before the due time',
      },
      { field: 'reminderPolicy.overdueEvery', message: 'escalations are at least P1D apart' },
    ]);
  });

  it('accepts the default policy in production', () => {
    expect(
      reminderPolicyProblems({ before: ['P14D', 'P7D', 'P1D'], overdueEvery: 'P7D' }, production),
    ).toEqual([]);
  });

  it('refuses two offsets that are the same time, however written', () => {
    expect(reminderPolicyProblems({ before: ['P7D', 'P1W'], overdueEvery: 'P7D' }, production)).toEqual([
      { field: 'reminderPolicy.before', message: 'P7D and P1W are the same time' },
    ]);
  });

  it(`caps the reminders before a due date at ${REMINDER_LIMITS.offsets}`, () => {
    const before = ['P6D', 'P5D', 'P4D', 'P3D', 'P2D', 'P1D'];
    expect(reminderPolicyProblems({ before, overdueEvery: 'P7D' }, production)).toEqual([
      {
        field: 'reminderPolicy.before',
        message: `at most ${REMINDER_LIMITS.offsets} reminders before a due date`,
      },
    ]);
  });
});

describe('separation of duties', () => {
  const p = (userId: string) => ({ userId, name: userId, email: `${userId}@example.gov.uk` });

  it('finds an officer who also sits on the panel, whatever the case of the id', () => {
    expect(officersOnPanel([p('officer.one'), p('alan.wood')], [p('Alan.Wood'), p('julian')])).toEqual([
      p('alan.wood'),
    ]);
    expect(officersOnPanel([p('officer.one')], [p('alan.wood')])).toEqual([]);
  });
});

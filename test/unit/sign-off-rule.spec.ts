import { describeRule, ruleProblems, tallyOf, verdictOf, type PanelMember } from '@app/contracts';
import { UNANIMOUS, approve, panelOfThree, people, quorum, requestChanges, seat } from './fixtures';

describe('the verdict of a sign-off round', () => {
  const panel = panelOfThree();

  describe('unanimous', () => {
    it('is open until every panel member has approved', () => {
      expect(verdictOf(UNANIMOUS, panel, [])).toBe('open');
      expect(verdictOf(UNANIMOUS, panel, [approve(people.chair), approve(people.wood)])).toBe('open');
    });

    it('is met when every panel member has approved', () => {
      const all = [approve(people.chair), approve(people.wood), approve(people.trowler)];
      expect(verdictOf(UNANIMOUS, panel, all)).toBe('met');
    });

    it('one member approving twice does not stand in for another', () => {
      const twice = [approve(people.chair), approve(people.wood), approve(people.wood)];
      expect(verdictOf(UNANIMOUS, panel, twice)).toBe('open');
    });
  });

  describe('quorum without the chair required', () => {
    const rule = quorum(2, false);

    it('is open below the quorum', () => {
      expect(verdictOf(rule, panel, [approve(people.wood)])).toBe('open');
    });

    it('is met by enough ordinary members without the chair', () => {
      expect(verdictOf(rule, panel, [approve(people.wood), approve(people.trowler)])).toBe('met');
    });

    it('counts members, not approvals: the same member twice is one approval', () => {
      expect(verdictOf(rule, panel, [approve(people.wood), approve(people.wood)])).toBe('open');
    });
  });

  describe('quorum with the chair required', () => {
    const rule = quorum(2, true);

    it('is open when the quorum is reached without the chair', () => {
      expect(verdictOf(rule, panel, [approve(people.wood), approve(people.trowler)])).toBe('open');
    });

    it('is met once the chair is among the approvals', () => {
      expect(verdictOf(rule, panel, [approve(people.wood), approve(people.chair)])).toBe('met');
    });

    it('the chair alone does not make a quorum of two', () => {
      expect(verdictOf(rule, panel, [approve(people.chair)])).toBe('open');
    });
  });

  describe('any request for changes sends the version back', () => {
    it.each([
      ['unanimous', UNANIMOUS],
      ['quorum of two', quorum(2, false)],
      ['quorum of two with the chair', quorum(2, true)],
    ])('under %s, as the first decision', (_name, rule) => {
      expect(verdictOf(rule, panel, [requestChanges(people.trowler, 'tighten the scope')])).toBe(
        'changes-requested',
      );
    });

    it('even when the approvals already meet the quorum', () => {
      const decisions = [
        approve(people.chair),
        approve(people.wood),
        requestChanges(people.trowler, 'tighten the scope'),
      ];
      expect(verdictOf(quorum(2, true), panel, decisions)).toBe('changes-requested');
    });
  });
});

describe('the tally of a sign-off round', () => {
  const panel = panelOfThree();

  it('before anyone decides, awaits the whole panel in panel order, by name and id only', () => {
    expect(tallyOf(UNANIMOUS, panel, [])).toEqual({
      approvals: 0,
      changeRequests: 0,
      awaiting: [
        { userId: people.chair.userId, name: people.chair.name },
        { userId: people.wood.userId, name: people.wood.name },
        { userId: people.trowler.userId, name: people.trowler.name },
      ],
      needed: 'every panel member approves',
    });
  });

  it('stops awaiting a member once they have decided either way', () => {
    const tally = tallyOf(quorum(2, true), panel, [
      approve(people.chair),
      requestChanges(people.trowler, 'name the local authorities'),
    ]);
    expect(tally.awaiting).toEqual([{ userId: people.wood.userId, name: people.wood.name }]);
    expect(tally.approvals).toBe(1);
    expect(tally.changeRequests).toBe(1);
    expect(tally.needed).toBe('2 approvals, the chair among them');
  });

  it('awaits nobody once everyone has approved', () => {
    const tally = tallyOf(UNANIMOUS, panel, [
      approve(people.chair),
      approve(people.wood),
      approve(people.trowler),
    ]);
    expect(tally.awaiting).toEqual([]);
    expect(tally.approvals).toBe(3);
  });
});

describe('describing a sign-off rule', () => {
  it('unanimous', () => {
    expect(describeRule(UNANIMOUS)).toBe('every panel member approves');
  });

  it('quorum without the chair', () => {
    expect(describeRule(quorum(2, false))).toBe('2 approvals');
  });

  it('quorum with the chair', () => {
    expect(describeRule(quorum(3, true))).toBe('3 approvals, the chair among them');
  });
});

describe('problems with a sign-off rule for a panel', () => {
  const panel = panelOfThree();

  it('a unanimous rule for a proper panel has none', () => {
    expect(ruleProblems(UNANIMOUS, panel)).toEqual([]);
  });

  it('a quorum from one up to the whole panel has none', () => {
    expect(ruleProblems(quorum(1, true), panel)).toEqual([]);
    expect(ruleProblems(quorum(3, false), panel)).toEqual([]);
  });

  it('a quorum of zero cannot be right', () => {
    expect(ruleProblems(quorum(0, false), panel)).toEqual([
      'quorum must be between 1 and the panel size (3)',
    ]);
  });

  it('a quorum larger than the panel can never be met', () => {
    expect(ruleProblems(quorum(4, false), panel)).toEqual([
      'quorum must be between 1 and the panel size (3)',
    ]);
  });

  it('requiring the chair needs a chair on the panel', () => {
    const chairless = [seat(people.wood), seat(people.trowler)];
    expect(ruleProblems(quorum(1, true), chairless)).toEqual(['chairRequired needs a chair on the panel']);
    expect(ruleProblems(quorum(1, false), chairless)).toEqual([]);
  });

  it('a panel has at most one chair, whatever the rule', () => {
    const twoChairs = [seat(people.chair, true), seat(people.wood, true)];
    expect(ruleProblems(UNANIMOUS, twoChairs)).toEqual(['a panel has at most one chair']);
  });

  it('each member sits on the panel once, whatever the rule', () => {
    const twice: PanelMember[] = [seat(people.chair, true), seat(people.wood), seat(people.wood)];
    expect(ruleProblems(UNANIMOUS, twice)).toEqual(['each panel member appears once']);
  });

  it('reports every problem at once', () => {
    const bad = [seat(people.wood), seat(people.wood)];
    expect(ruleProblems(quorum(5, true), bad)).toEqual([
      'each panel member appears once',
      'quorum must be between 1 and the panel size (2)',
      'chairRequired needs a chair on the panel',
    ]);
  });
});

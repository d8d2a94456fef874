import type { CommissionView } from '@app/contracts';
import { readTextField } from '../../../apps/api/src/web/forms/text-field';
import { clarificationRows, questionsClose } from '../../../apps/api/src/web/presenters/clarifications';
import { people, person } from '../fixtures';
import { evaluating, uuid } from '../stages/evaluation-steps';

function withQuestions(): CommissionView {
  const s = evaluating();
  s.clarifications = [
    {
      id: uuid(11),
      question: 'May the study use Ofsted data?',
      askedBy: person(people.supplier),
      askedAt: '2030-01-10T10:00:00.000Z',
      answer: {
        text: 'Yes.',
        by: { userId: people.officer.userId, name: people.officer.name },
        at: '2030-01-11T15:30:00.000Z',
      },
    },
    {
      id: uuid(12),
      question: 'Is sub-contracting allowed?',
      askedBy: person(people.rival),
      askedAt: '2030-01-12T10:00:00.000Z',
      answer: null,
    },
  ];
  return s;
}

describe('the clarification questions as each person reads them', () => {
  it('an officer reads every question with who asked, unanswered first, in London time', () => {
    const rows = clarificationRows(withQuestions(), people.officer);
    expect(rows.map((r) => [r.question, r.askedBy])).toEqual([
      ['Is sub-contracting allowed?', people.rival.name],
      ['May the study use Ofsted data?', people.supplier.name],
    ]);
    expect(rows[1].answer).toEqual({
      text: 'Yes.',
      by: people.officer.name,
      at: '3:30pm, Friday 11 January 2030',
    });
  });

  it('a supplier reads the answered questions and its own, never who else asked', () => {
    const view = withQuestions();
    const theirs = clarificationRows(view, people.supplier);
    expect(theirs.map((r) => [r.question, r.askedBy, r.answer?.by])).toEqual([
      ['May the study use Ofsted data?', 'You', null],
    ]);
    const rival = clarificationRows(view, people.rival);
    expect(rival.map((r) => [r.question, r.askedBy])).toEqual([
      ['Is sub-contracting allowed?', 'You'],
      ['May the study use Ofsted data?', null],
    ]);
    expect(JSON.stringify(rival)).not.toContain(people.supplier.name);
  });

  it('says when questions close, or closed', () => {
    const view = withQuestions();
    expect(questionsClose(view, new Date('2030-01-20T00:00:00Z'))).toBe(
      'Questions close at midday, Friday 1 February 2030.',
    );
    expect(questionsClose(view, new Date('2030-03-01T00:00:00Z'))).toMatch(/^Questions closed at/);
  });
});

describe('a required text field', () => {
  const words = { missing: 'Enter your question', what: 'Your question', max: 10 };
  it('asks for it when empty, limits its length, and trims it', () => {
    expect(readTextField({ question: '  ' }, 'question', words).errors).toEqual([
      { field: 'question', anchor: 'question', text: 'Enter your question' },
    ]);
    expect(readTextField({ question: 'x'.repeat(11) }, 'question', words, 'q-1').errors).toEqual([
      { field: 'question', anchor: 'q-1', text: 'Your question must be 10 characters or fewer' },
    ]);
    expect(readTextField({ question: ' Why? ' }, 'question', words).value).toBe('Why?');
  });
});

import {
  readCancellation,
  readDeadlineMove,
  readSignOff,
  readSpecification,
  readSubmission,
  formKey,
} from '../../../apps/api/src/web/forms/command-forms';
import { formErrors, refusalErrors } from '../../../apps/api/src/web/forms/form-errors';

const NOW = new Date('2027-01-10T12:00:00Z');
const date = (prefix: string, day: string, month: string, year: string, time = '') => ({
  [`${prefix}-day`]: day,
  [`${prefix}-month`]: month,
  [`${prefix}-year`]: year,
  [`${prefix}-time`]: time,
});

describe('the submit form’s respond-by date', () => {
  it('reads day, month, year and time as London time', () => {
    expect(readSubmission(date('respondBy', '15', '1', '2027', '5pm'), NOW).value).toEqual({
      respondBy: '2027-01-15T17:00:00+00:00',
    });
    expect(readSubmission(date('respondBy', '1', '7', '2027', '10:30am'), NOW).value).toEqual({
      respondBy: '2027-07-01T10:30:00+01:00',
    });
  });

  it('takes 5pm when no time is given', () => {
    expect(readSubmission(date('respondBy', '15', '1', '2027'), NOW).value).toEqual({
      respondBy: '2027-01-15T17:00:00+00:00',
    });
  });

  it.each([
    [date('respondBy', '', '', ''), 'Enter the date the panel must decide by', 'respondBy', 'respondBy-day'],
    [
      date('respondBy', '15', '', ''),
      'The date must include a month and year',
      'respondBy',
      'respondBy-month',
    ],
    [date('respondBy', '31', '2', '2027'), 'The date must be a real date', 'respondBy', 'respondBy-day'],
    [date('respondBy', 'x', '2', '2027'), 'The date must be a real date', 'respondBy', 'respondBy-day'],
    [date('respondBy', '15', '1', '27'), 'The date must be a real date', 'respondBy', 'respondBy-day'],
    [
      date('respondBy', '9', '1', '2027'),
      'The date and time must be in the future',
      'respondBy',
      'respondBy-day',
    ],
    [
      date('respondBy', '15', '1', '2027', 'teatime'),
      'Enter a time like 5pm or 10:30am',
      'respondBy-time',
      'respondBy-time',
    ],
  ])('explains what is wrong with %p', (body, text, field, anchor) => {
    const parsed = readSubmission(body, NOW);
    expect(parsed.value).toBeNull();
    expect(parsed.errors).toEqual([{ field, anchor, text }]);
    expect(parsed.entered.respondBy.day).toBe(body['respondBy-day']);
  });
});

describe('the sign-off form', () => {
  it('needs a decision, and a comment when asking for changes', () => {
    expect(readSignOff({ specificationVersion: '2' }).errors).toEqual([
      {
        field: 'decision',
        anchor: 'decision',
        text: 'Select whether you approve this version or ask for changes',
      },
    ]);
    expect(
      readSignOff({ decision: 'request-changes', comment: '  ', specificationVersion: '2' }).errors,
    ).toEqual([{ field: 'comment', anchor: 'comment', text: 'Enter the changes you are asking for' }]);
    expect(readSignOff({ decision: 'approve', comment: '', specificationVersion: '2' }).value).toEqual({
      decision: 'approve',
      comment: '',
      specificationVersion: 2,
    });
  });

  it('refuses a decision on no particular version', () => {
    expect(readSignOff({ decision: 'approve', specificationVersion: 'latest' }).value).toBeNull();
  });
});

describe('the other forms', () => {
  it('need the specification text and a reason to cancel', () => {
    expect(readSpecification({ content: ' \r\n ' }).errors[0].text).toBe('Enter the specification');
    expect(readSpecification({ content: '# A\r\nB' }).value).toBe('# A\nB');
    expect(readCancellation({}).errors[0].text).toBe('Enter why the commission is being cancelled');
    expect(readCancellation({ reason: ' Funding withdrawn ' }).value).toEqual({
      reason: 'Funding withdrawn',
    });
  });

  it('moves only an open deadline, to a future date, with a reason', () => {
    const parsed = readDeadlineMove(
      { milestone: 'tender-close', ...date('dueAt', '', '', '') },
      ['sign-off'],
      NOW,
    );
    expect(parsed.errors.map((e) => e.field)).toEqual(['milestone', 'dueAt', 'reason']);
    expect(
      readDeadlineMove(
        { milestone: 'sign-off', reason: 'Chair away', ...date('dueAt', '22', '1', '2027', '5pm') },
        ['sign-off'],
        NOW,
      ).value,
    ).toEqual({ milestone: 'sign-off', dueAt: '2027-01-22T17:00:00+00:00', reason: 'Chair away' });
  });

  it('pass on a well-formed form key only', () => {
    expect(formKey({ formKey: '2f1c1b9e-3f0e-4b7a-9d1b-0c9e8f7a6b5c' })).toBe(
      '2f1c1b9e-3f0e-4b7a-9d1b-0c9e8f7a6b5c',
    );
    expect(formKey({ formKey: 'x' })).toBeUndefined();
    expect(formKey({ formKey: ['a'] })).toBeUndefined();
  });
});

describe('errors in the GOV.UK error summary', () => {
  it('links each error to its field and keeps the first message per field', () => {
    expect(
      formErrors([
        { field: 'respondBy', anchor: 'respondBy-month', text: 'The date must include a month' },
        { field: 'respondBy', anchor: 'respondBy-day', text: 'second' },
      ]),
    ).toEqual({
      list: [
        { text: 'The date must include a month', href: '#respondBy-month' },
        { text: 'second', href: '#respondBy-day' },
      ],
      fields: { respondBy: 'The date must include a month' },
    });
    expect(formErrors([])).toBeUndefined();
  });

  it('puts a refusal’s field errors on the form’s fields, or its detail on the main field', () => {
    const main = { field: 'decision', anchor: 'decision' };
    expect(
      refusalErrors(
        {
          detail: 'you already decided "approve" on version 2; each member decides once per version',
          errors: undefined,
        },
        { decision: 'decision' },
        main,
      ),
    ).toEqual([
      {
        field: 'decision',
        anchor: 'decision',
        text: 'You already decided "approve" on version 2; each member decides once per version',
      },
    ]);
    expect(
      refusalErrors(
        { detail: 'invalid', errors: [{ field: 'comment', message: 'must be shorter.' }] },
        { comment: 'comment' },
        main,
      ),
    ).toEqual([{ field: 'comment', anchor: 'comment', text: 'Must be shorter' }]);
  });
});

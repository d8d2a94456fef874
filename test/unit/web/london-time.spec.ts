import {
  dueIn,
  fromLondon,
  londonDate,
  londonDateTime,
  londonTime,
  parseTimeOfDay,
} from '../../../apps/api/src/web/time/london-time';

describe('London time as people write it', () => {
  it('writes a winter time (GMT) without minutes when on the hour', () => {
    expect(londonDateTime('2027-01-15T17:00:00Z')).toBe('5pm, Friday 15 January 2027');
  });

  it('writes a summer time (BST) an hour ahead of UTC, with its minutes', () => {
    expect(londonTime('2027-06-30T09:30:00Z')).toBe('10:30am');
    expect(londonDate('2027-06-30T09:30:00Z')).toBe('Wednesday 30 June 2027');
  });

  it('says midday and midnight rather than 12pm and 12am', () => {
    expect(londonTime('2027-01-15T12:00:00Z')).toBe('midday');
    expect(londonTime('2027-07-01T23:00:00Z')).toBe('midnight');
    expect(londonTime('2027-01-15T00:05:00Z')).toBe('12:05am');
    expect(londonTime('2027-01-15T12:45:00Z')).toBe('12:45pm');
  });

  it('takes the date in London, not in UTC, near midnight in summer', () => {
    expect(londonDateTime('2027-06-30T23:30:00Z')).toBe('12:30am, Thursday 1 July 2027');
  });

  it('honours the offset written in the input', () => {
    expect(londonDateTime('2027-09-30T17:00:00+01:00')).toBe('5pm, Thursday 30 September 2027');
  });

  it('refuses text that is not a date-time', () => {
    expect(() => londonTime('soon')).toThrow(RangeError);
  });
});

describe('how far away a due date is', () => {
  const now = new Date('2027-01-12T10:00:00Z');
  it('counts London calendar days', () => {
    expect(dueIn('2027-01-15T17:00:00Z', now)).toBe('due in 3 days');
    expect(dueIn('2027-01-13T09:00:00Z', now)).toBe('due tomorrow');
    expect(dueIn('2027-01-12T17:00:00Z', now)).toBe('due today');
  });

  it('says how long it has been overdue', () => {
    expect(dueIn('2027-01-12T09:00:00Z', now)).toBe('overdue since 9am today');
    expect(dueIn('2027-01-11T17:00:00Z', now)).toBe('1 day overdue');
    expect(dueIn('2027-01-09T17:00:00Z', now)).toBe('3 days overdue');
  });
});

describe('reading a date and time typed into a form', () => {
  it('reads London wall-clock time with the offset of the day', () => {
    expect(fromLondon({ day: 15, month: 1, year: 2027, hour: 17, minute: 0 })).toBe(
      '2027-01-15T17:00:00+00:00',
    );
    expect(fromLondon({ day: 30, month: 6, year: 2027, hour: 17, minute: 0 })).toBe(
      '2027-06-30T17:00:00+01:00',
    );
  });

  it('refuses days that do not exist and the hour skipped when the clocks go forward', () => {
    expect(fromLondon({ day: 31, month: 2, year: 2027, hour: 17, minute: 0 })).toBeNull();
    expect(fromLondon({ day: 28, month: 3, year: 2027, hour: 1, minute: 30 })).toBeNull();
  });

  it.each([
    ['5pm', { hour: 17, minute: 0 }],
    ['5:30PM', { hour: 17, minute: 30 }],
    ['10.30am', { hour: 10, minute: 30 }],
    ['12am', { hour: 0, minute: 0 }],
    ['12pm', { hour: 12, minute: 0 }],
    ['17:00', { hour: 17, minute: 0 }],
    [' midday ', { hour: 12, minute: 0 }],
    ['midnight', { hour: 0, minute: 0 }],
  ])('reads the time %p', (text, expected) => {
    expect(parseTimeOfDay(text)).toEqual(expected);
  });

  it.each(['5', '13pm', '0am', '17:60', '25:00', 'teatime', ''])('refuses the time %p', (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });
});

import { londonLongDate, londonTimeOfDay, londonWhen } from '@app/contracts';

/** The pure formatter the e-mails and the pages share (no Intl, no time-zone data). */
describe('London time as people write it, without Intl', () => {
  it('switches to BST at 01:00 UTC on the last Sunday of March, and back in October', () => {
    expect(londonWhen('2027-03-28T00:59:00Z')).toBe('12:59am, Sunday 28 March 2027');
    expect(londonWhen('2027-03-28T01:00:00Z')).toBe('2am, Sunday 28 March 2027');
    expect(londonWhen('2027-10-31T00:59:00Z')).toBe('1:59am, Sunday 31 October 2027');
    expect(londonWhen('2027-10-31T01:00:00Z')).toBe('1am, Sunday 31 October 2027');
  });

  it('drops seconds and milliseconds rather than rounding them up', () => {
    expect(londonTimeOfDay('2027-01-15T16:59:59.999Z')).toBe('4:59pm');
  });

  it('reads the offset written and accepts a Date', () => {
    expect(londonWhen('2027-01-15T18:00:00+01:00')).toBe('5pm, Friday 15 January 2027');
    expect(londonLongDate(new Date('2028-02-29T12:00:00Z'))).toBe('Tuesday 29 February 2028');
  });

  it('refuses what is not an instant with its offset', () => {
    expect(() => londonWhen('2027-01-15T17:00:00')).toThrow(RangeError);
    expect(() => londonWhen(new Date('soon'))).toThrow(RangeError);
  });
});

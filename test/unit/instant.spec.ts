import { isInstant, parseInstant, toInstantText } from '@app/contracts';

describe('date-times: one strict RFC 3339 parser', () => {
  it.each([
    ['2027-09-30T17:00:00+01:00', '2027-09-30T16:00:00.000Z'],
    ['2027-09-30T17:00Z', '2027-09-30T17:00:00.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['2000-02-29T00:00:00-05:30', '2000-02-29T05:30:00.000Z'],
    ['2027-01-15T17:00:00.123456789Z', '2027-01-15T17:00:00.123Z'],
    ['2027-12-31T23:59:59.9-00:00', '2027-12-31T23:59:59.900Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(toInstantText(text)).toBe(iso);
  });

  it.each([
    ['2028-02-30T12:00:00Z', 'a day February does not have'],
    ['2027-02-29T12:00:00Z', 'the 29th of February in a common year'],
    ['1900-02-29T12:00:00Z', 'a century that is not a leap year'],
    ['2027-04-31T12:00:00Z', 'the 31st of April'],
    ['2027-13-01T12:00:00Z', 'month 13'],
    ['2027-00-10T12:00:00Z', 'month 0'],
    ['2027-09-30T24:00:00Z', 'hour 24'],
    ['2027-09-30T23:60:00Z', 'minute 60'],
    ['2027-12-31T23:59:60Z', 'a leap second'],
    ['2027-09-30T17:00:00', 'no offset'],
    ['2027-09-30', 'a date alone'],
    ['2027-09-30T17:00:00+24:00', 'an offset of 24 hours'],
    ['2027-09-30t17:00:00z', 'lower-case separators'],
    ['0099-01-01T00:00:00Z', 'a two-digit-era year'],
    ['9999-12-31T23:00:00-02:00', 'a time that is in year 10000 in UTC'],
    ['+275760-09-13T00:00:00Z', 'an expanded year'],
    ['1', 'what JavaScript reads as 2001'],
    ['2027-09-30T17:00:00.Z', 'an empty fraction'],
    [' 2027-09-30T17:00:00Z', 'a leading space'],
  ])('refuses %s (%s)', (text) => {
    expect(parseInstant(text)).toBeNull();
    expect(isInstant(text)).toBe(false);
  });

  it('agrees with Date.parse on every instant it accepts', () => {
    for (let day = 0; day < 800; day += 7) {
      const iso = new Date(Date.UTC(2027, 0, 1) + day * 86_400_000 + day * 3_333).toISOString();
      expect(parseInstant(iso)).toBe(Date.parse(iso));
    }
  });
});

import { isDuration, isEscalationInterval, isReminderOffset, parseDuration } from '@app/contracts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('reminder offsets as ISO 8601 durations', () => {
  it.each([
    ['P14D', 14 * DAY],
    ['P7D', 7 * DAY],
    ['PT40S', 40 * SECOND],
    ['P1DT12H', DAY + 12 * HOUR],
    ['P2W', 14 * DAY],
    ['PT1H30M', HOUR + 30 * MINUTE],
    ['PT1M', MINUTE],
    ['P1W2DT3H4M5S', 9 * DAY + 3 * HOUR + 4 * MINUTE + 5 * SECOND],
    ['P1.5D', 36 * HOUR],
    ['PT0.5S', 500],
  ])('%s lasts the right number of milliseconds', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(isDuration(text)).toBe(true);
  });

  it('an M after the T means minutes', () => {
    expect(parseDuration('PT2M')).toBe(2 * MINUTE);
  });

  it.each([
    ['P', 'no components at all'],
    ['PT', 'a time marker with no time'],
    ['P1DT', 'a trailing time marker'],
    ['P1Y', 'years depend on the calendar'],
    ['P1M', 'months depend on the calendar'],
    ['P1Y2M3D', 'years and months mixed with days'],
    ['', 'nothing'],
    ['14D', 'no leading P'],
    ['p14d', 'lower case'],
    [' P14D', 'surrounding space'],
    ['P-1D', 'a negative span'],
    ['P1,5D', 'a comma as the decimal mark'],
    ['PT1S1M', 'components out of order'],
    ['fourteen days', 'garbage'],
  ])('refuses %j (%s)', (text) => {
    expect(() => parseDuration(text)).toThrow(RangeError);
    expect(isDuration(text)).toBe(false);
  });

  it.each(['PT0S', 'P0D', 'PT0.0001S'])('parses %s but does not count it as a usable duration', (text) => {
    // A zero offset or escalation interval would fire without end.
    expect(() => parseDuration(text)).not.toThrow();
    expect(isDuration(text)).toBe(false);
  });

  it('names the text it refused', () => {
    expect(() => parseDuration('P1Y')).toThrow(/P1Y/);
  });
});

describe('bounds on reminder durations', () => {
  it('takes reminder offsets up to a year', () => {
    expect(isReminderOffset('PT1S')).toBe(true);
    expect(isReminderOffset('P366D')).toBe(true);
    expect(isReminderOffset('P367D')).toBe(false);
    expect(isReminderOffset('P300000000D')).toBe(false);
  });

  it('takes escalation intervals from a second to a year', () => {
    expect(isEscalationInterval('PT1S')).toBe(true);
    expect(isEscalationInterval('PT0.5S')).toBe(false);
    expect(isEscalationInterval('P7D')).toBe(true);
    expect(isEscalationInterval('P53W')).toBe(false);
  });
});

import { sendForToday } from '../../../apps/api/src/commissions/for-today';
import { ProblemException } from '../../../apps/api/src/problem/problem.exception';
import { problem } from '../../../apps/api/src/problem/problem';

/** A command computed from the API's day, refused because the workflow's day had moved on. */
const anotherDay = () =>
  new ProblemException(problem(409, 'computed on another day', { code: 'computed-for-another-day' }));

describe('sendForToday', () => {
  it('builds the command again from the new day and sends it once more', async () => {
    let day = 0;
    const build = jest.fn(() => ({ day: (day += 1) }));
    const send = jest.fn(async (cmd: { day: number }) => {
      if (cmd.day === 1) throw anotherDay();
      return `applied as built on day ${cmd.day}`;
    });
    await expect(sendForToday(build, send)).resolves.toBe('applied as built on day 2');
    expect(build).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('answers a second such refusal as it is, and never retries any other', async () => {
    const always = jest.fn(async () => {
      throw anotherDay();
    });
    await expect(sendForToday(() => ({}), always)).rejects.toBeInstanceOf(ProblemException);
    expect(always).toHaveBeenCalledTimes(2);
    const tooShort = ProblemException.conflict('the period is too short');
    const other = jest.fn(async () => {
      throw tooShort;
    });
    await expect(sendForToday(() => ({}), other)).rejects.toBe(tooShort);
    expect(other).toHaveBeenCalledTimes(1);
  });
});

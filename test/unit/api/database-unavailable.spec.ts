import { isDatabaseUnavailable } from '../../../apps/api/src/problem/database-unavailable';

/** The errors pg, pg-pool and TypeORM raise, as their shapes (no database needed to tell them apart). */
const pgError = (code: string, message = 'from the server') => Object.assign(new Error(message), { code });
const typeorm = (driverError: unknown) =>
  Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'the server shutting down (57P01)',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['the server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', pgError('08006')],
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a full pool', new Error('timeout exceeded when trying to connect')],
    ['any of these inside TypeORM', typeorm(pgError('57P01'))],
    ['any of these as a cause', new Error('wrapped', { cause: pgError('ECONNRESET') })],
  ])('is true for %s', (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', typeorm(pgError('23505', 'duplicate key value'))],
    ['a syntax error (42601)', pgError('42601')],
    ['a plain error', new Error('something else')],
    ['a string', 'Connection terminated unexpectedly'],
    ['nothing', undefined],
  ])('is false for %s', (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});

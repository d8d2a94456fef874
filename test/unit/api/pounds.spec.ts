import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SubmitBidDto } from '../../../apps/api/src/commissions/bids/bids.dto';

const problems = (price: unknown) =>
  validateSync(plainToInstance(SubmitBidDto, { price, proposal: 'Our method' })).map((e) => e.property);

describe('Pounds: an amount with at most two decimals', () => {
  it.each([0, 1, 98500, 98500.5, 98500.25, 0.01, 0.29, 1_000_000_000_000])('accepts %p', (price) => {
    expect(problems(price)).toEqual([]);
  });

  it.each([
    5e-324,
    1e-7,
    0.001,
    98500.255,
    -0.01,
    1_000_000_000_000.01,
    1e21,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '98500',
    null,
  ])('refuses %p as the price, without throwing', (price) => {
    expect(problems(price)).toEqual(['price']);
  });
});

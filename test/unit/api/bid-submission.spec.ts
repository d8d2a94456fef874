import type { Actor, CommissionView } from '@app/contracts';
import { BidSubmission } from '../../../apps/api/src/commissions/bids/bid-submission';
import type { BidVault } from '../../../apps/api/src/commissions/bids/bid-vault';
import type { CommissionsService } from '../../../apps/api/src/commissions/commissions.service';
import { notAnsweringProblem } from '../../../apps/api/src/commissions/completion-race';
import { ProblemException } from '../../../apps/api/src/problem/problem.exception';

/** What becomes of a sealed bid's content when the workflow's answer is a refusal, unknown, or yes. */
describe('BidSubmission', () => {
  const actor = { userId: 'supplier.one', name: 'Supplier One', roles: ['supplier'] } as unknown as Actor;
  const content = { price: 1000, proposal: 'We will do it.' };

  function submission(outcome: () => Promise<CommissionView>) {
    const vault = {
      seal: jest.fn(async (_c: string, _s: string, _bidId: string, _content: unknown) => ({
        contentHash: 'h',
        size: 10,
      })),
      discard: jest.fn(async (_bidId: string) => undefined),
    };
    const commissions = { command: jest.fn(outcome) };
    const bids = new BidSubmission(
      commissions as unknown as CommissionsService,
      vault as unknown as BidVault,
    );
    return { bids, vault, commissions };
  }

  it.each([
    ['refused by the workflow (409)', ProblemException.conflict('the tender has closed', 'evaluation')],
    ['refused by role (403)', ProblemException.forbidden('only suppliers bid')],
  ])('discards the sealed content when %s', async (_what, refusal) => {
    const { bids, vault } = submission(() => Promise.reject(refusal));
    await expect(bids.submit('c-1', actor, content, 'key-1')).rejects.toBe(refusal);
    expect(vault.discard).toHaveBeenCalledTimes(1);
    expect(vault.discard).toHaveBeenCalledWith(vault.seal.mock.calls[0]![2]);
  });

  it.each([
    ['the service did not answer in time (503)', notAnsweringProblem()],
    ['the connection failed', new Error('14 UNAVAILABLE: connection refused')],
  ])('keeps the sealed content when %s: the workflow may hold its receipt', async (_what, failure) => {
    const { bids, vault } = submission(() => Promise.reject(failure));
    await expect(bids.submit('c-1', actor, content, 'key-1')).rejects.toBe(failure);
    expect(vault.seal).toHaveBeenCalledTimes(1);
    expect(vault.discard).not.toHaveBeenCalled();
  });

  it('keeps the sealed content of an accepted bid and answers with its id', async () => {
    const view = { version: 7 } as unknown as CommissionView;
    const { bids, vault, commissions } = submission(() => Promise.resolve(view));
    const result = await bids.submit('c-1', actor, content, 'key-1');
    expect(result.view).toBe(view);
    expect(result.bidId).toBe(vault.seal.mock.calls[0]![2]);
    expect(commissions.command).toHaveBeenCalledWith(
      'c-1',
      expect.anything(),
      expect.objectContaining({ bidId: result.bidId, contentHash: 'h', size: 10 }),
      'key-1',
    );
    expect(vault.discard).not.toHaveBeenCalled();
  });
});

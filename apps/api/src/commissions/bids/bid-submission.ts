import { Injectable } from '@nestjs/common';
import { SubmitBidUpdate, type Actor, type CommissionView } from '@app/contracts';
import { isRefusal } from '../../problem/problem.exception';
import { CommissionsService } from '../commissions.service';
import { derivedId } from '../tender/derived-id';
import { BidVault } from './bid-vault';

/**
 * A sealed bid, as the JSON API and the web form both submit it: the content is encrypted and
 * stored before the workflow hears of it, and the workflow gets only the receipt; if the workflow
 * refuses (late, wrong stage), the sealed content is discarded.
 *
 * Only a refusal discards it. When the answer is unknown (the service did not answer in time, the
 * connection failed), the workflow may have recorded the receipt, and a receipt whose content is
 * gone can never be opened at the close; a retry with the same Idempotency-Key finds the content
 * kept, and a bid never recorded is never opened, so keeping it exposes nothing.
 */
@Injectable()
export class BidSubmission {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly vault: BidVault,
  ) {}

  async submit(
    id: string,
    actor: Actor,
    content: { price: number; proposal: string },
    key: string | undefined,
  ): Promise<{ view: CommissionView; bidId: string }> {
    const bidId = derivedId('bid', id, actor.userId, key);
    const sealed = await this.vault.seal(id, actor.userId, bidId, content);
    try {
      return {
        view: await this.commissions.command(id, SubmitBidUpdate, { actor, bidId, ...sealed }, key),
        bidId,
      };
    } catch (err) {
      if (isRefusal(err)) await this.vault.discard(bidId);
      throw err;
    }
  }
}

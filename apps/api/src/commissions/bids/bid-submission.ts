import { Injectable } from '@nestjs/common';
import { SubmitBidUpdate, type Actor, type CommissionView } from '@app/contracts';
import { CommissionsService } from '../commissions.service';
import { derivedId } from '../tender/derived-id';
import { BidVault } from './bid-vault';

/**
 * A sealed bid, as the JSON API and the web form both submit it: the content is encrypted and
 * stored before the workflow hears of it, and the workflow gets only the receipt; if the workflow
 * refuses (late, wrong stage), the sealed content is discarded.
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
      await this.vault.discard(bidId);
      throw err;
    }
  }
}

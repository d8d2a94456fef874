import { Body, Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  bidReceiptsFor,
  readsAsSupplier,
  standingsOf,
  type Actor,
  type CommissionView,
} from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { header, mustRead } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { BidSubmission } from './bid-submission';
import { BidVault, type OpenedBid } from './bid-vault';
import { SubmitBidDto } from './bids.dto';

/** Officers and panel members of this commission read bid content, and only once the tender has closed. */
function readsOpenedBids(view: CommissionView, actor: Actor): boolean {
  const standings = standingsOf(actor, view);
  return (
    view.tender?.outcome === 'bids-opened' &&
    (standings.includes('officer') || standings.includes('panel-member'))
  );
}

/**
 * Sealed bids. The API encrypts a bid before the workflow hears of it and sends only its receipt;
 * the workflow decides whether it is on time. Until the close nobody but the bidder reads a bid.
 */
@ApiTags('bids')
@ApiBearerAuth()
@Controller('commissions/:id/bids')
export class BidsController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly vault: BidVault,
    private readonly submission: BidSubmission,
  ) {}

  @CommandEndpoint(
    '',
    'Submit or replace a sealed bid (supplier, before the close); answers with its receipt',
    ['supplier'],
    201,
  )
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: SubmitBidDto,
    @Headers('idempotency-key') key?: string,
  ) {
    // Also answers 404 for an unknown or unpublished commission before anything is stored.
    const before = await this.commissions.view(id);
    mustRead('bids', before, actor);
    const { view, bidId } = await this.submission.submit(
      id,
      actor,
      { price: dto.price, proposal: dto.proposal },
      key,
    );
    const receipt = bidReceiptsFor(view, actor).find((b) => b.bidId === bidId);
    return { ...header(view, actor), receipt };
  }

  @Get()
  @ApiOperation({
    summary:
      'Bids: a supplier its own (with content); officers and panel the opened bids after the close; before it, receipts and the count only',
  })
  async list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    mustRead('bids', view, actor);
    const receipts = bidReceiptsFor(view, actor);
    let opened: OpenedBid[] = [];
    if (readsAsSupplier(actor)) {
      opened = await this.vault.openOwn(
        id,
        actor.userId,
        receipts.map((r) => r.bidId),
      );
    } else if (readsOpenedBids(view, actor)) {
      opened = await this.vault.openReleased(id);
    }
    const content = new Map(opened.map((b) => [b.bidId, b]));
    return {
      ...header(view, actor),
      sealed: view.tender?.outcome !== 'bids-opened',
      ...(readsAsSupplier(actor) ? {} : { count: receipts.filter((r) => r.status === 'current').length }),
      bids: receipts.map((r) => {
        const c = content.get(r.bidId);
        return c ? { ...r, price: c.price, proposal: c.proposal, salt: c.salt } : r;
      }),
    };
  }
}

import { Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { bidReceiptsFor, readsAsSupplier, type Actor, type CommissionView } from '@app/contracts';
import { BidVault } from '../../commissions/bids/bid-vault';
import { ProblemException } from '../../problem/problem.exception';
import { assessmentPage, yourBidPage } from '../presenters/supplier-bid';
import { PageRenderer } from '../render/page-renderer';
import { WebActor } from '../session/web-actor.decorator';
import { CommissionAccess } from './commission-access';
import { WebPages } from './web-pages.decorator';
import type { WebRequest } from './web-forms';

/** A supplier's own bid and, after the award, its own assessment summary. Nobody else's. */
@WebPages('commissions/:id')
export class SupplierBidPageController {
  constructor(
    private readonly access: CommissionAccess,
    private readonly vault: BidVault,
    private readonly pages: PageRenderer,
  ) {}

  @Get('your-bid')
  async yourBid(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    const view = await this.supplierView(id, actor);
    const receipts = bidReceiptsFor(view, actor);
    if (receipts.length === 0) throw ProblemException.notFound('you have not bid for this contract');
    const opened =
      view.tender?.outcome === 'bids-opened'
        ? await this.vault.openOwn(
            id,
            actor.userId,
            receipts.map((r) => r.bidId),
          )
        : [];
    this.pages.send(req, res, 'your-bid.njk', {
      title: 'Your bid',
      commission: view,
      bid: yourBidPage(view, actor, opened),
    });
  }

  @Get('assessment')
  async assessment(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    const view = await this.supplierView(id, actor);
    const summary = assessmentPage(view, actor);
    if (!summary)
      throw ProblemException.notFound('there is no assessment summary for you on this commission');
    this.pages.send(req, res, 'assessment.njk', {
      title: 'Your assessment summary',
      commission: view,
      summary,
    });
  }

  private async supplierView(id: string, actor: Actor): Promise<CommissionView> {
    if (!readsAsSupplier(actor)) throw ProblemException.forbidden('only a bidder reads its own bid here');
    return this.access.view(id, actor);
  }
}

import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AwardContractUpdate, evaluationSummary, type Actor, type CommissionView } from '@app/contracts';
import { AwardCommand } from '../../commissions/award/award.command';
import { BidVault } from '../../commissions/bids/bid-vault';
import { openedPrices } from '../../commissions/evaluation/evaluation.controller';
import { formKey } from '../forms/command-forms';
import type { FieldError } from '../forms/form-errors';
import { readAward } from '../forms/tender-forms';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import { WebForms, type WebRequest } from './web-forms';

type EnteredAward = {
  bidId: string;
  rationale: string;
  departureReason: string;
  voluntaryStandstill: string;
};

/**
 * An officer awards the contract to one bid with the reasons; departing from the ranking needs a
 * reason too, and below threshold the officer may set a voluntary standstill.
 */
@WebPages('commissions/:id/award')
export class AwardPageController {
  constructor(
    private readonly forms: WebForms,
    private readonly awarding: AwardCommand,
    private readonly vault: BidVault,
  ) {}

  @Get()
  async form(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'award');
    const blank = { bidId: '', rationale: '', departureReason: '', voluntaryStandstill: '' };
    await this.page(req, res, view, blank, []);
  }

  @Post()
  async award(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'award');
    const form = readAward(body);
    if (form.value === null) return this.page(req, res, view, form.entered, form.errors, 400);
    const choice = form.value;
    const outcome = await this.forms.commands.run(
      id,
      AwardContractUpdate,
      () => this.awarding.build(view, actor, choice),
      formKey(body),
    );
    await this.forms.settle(
      res,
      outcome,
      {
        fields: {
          rationale: 'rationale',
          departureReason: 'departureReason',
          voluntaryStandstill: 'voluntaryStandstill',
        },
        main: { field: 'bidId', anchor: 'bidId' },
      },
      `/commissions/${id}?done=awarded`,
      (errors, status) => this.page(req, res, view, form.entered, errors, status),
    );
  }

  private async page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    entered: EnteredAward,
    errors: FieldError[],
    status = 200,
  ) {
    const { bids, outstanding } = evaluationSummary(view, await openedPrices(this.vault, view));
    this.forms.render(
      req,
      res,
      'forms/award.njk',
      {
        title: 'Award the contract',
        commission: view,
        bids: bids.map((b) => ({
          value: b.bidId,
          text: `${b.supplier.name}`,
          hint: { text: b.rank === null ? 'Not ranked yet' : `Ranked ${b.rank}, weighted total ${b.total}` },
          checked: entered.bidId === b.bidId,
        })),
        outstanding: outstanding.length,
        belowThreshold: view.regime === 'below-threshold',
        entered,
      },
      errors,
      status,
    );
  }
}

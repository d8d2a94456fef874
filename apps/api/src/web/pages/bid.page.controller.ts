import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type Actor, type CommissionView } from '@app/contracts';
import { BidSubmission } from '../../commissions/bids/bid-submission';
import { formKey } from '../forms/command-forms';
import type { FieldError } from '../forms/form-errors';
import { readBid } from '../forms/tender-forms';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import { WebForms, type WebRequest } from './web-forms';

/**
 * A supplier reads the published tender (its criteria and dates) and submits a sealed bid, sealed
 * exactly as through the JSON API: nobody else reads it before the close.
 */
@WebPages('commissions/:id/bid')
export class BidPageController {
  constructor(
    private readonly forms: WebForms,
    private readonly bids: BidSubmission,
  ) {}

  @Get()
  async form(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'submit-bid');
    this.page(req, res, view, actor, { price: '', proposal: '' }, []);
  }

  @Post()
  async submit(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'submit-bid');
    const form = readBid(body);
    if (form.value === null) return this.page(req, res, view, actor, form.entered, form.errors, 400);
    const content = form.value;
    const key = formKey(body);
    const outcome = await this.forms.commands.attempt(
      async () => (await this.bids.submit(id, actor, content, key && `web-${key}`)).view,
    );
    await this.forms.settle(
      res,
      outcome,
      { fields: { price: 'price', proposal: 'proposal' }, main: { field: 'price', anchor: 'price' } },
      `/commissions/${id}?done=bid-submitted`,
      (errors, status) => this.page(req, res, view, actor, form.entered, errors, status),
    );
  }

  private page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    actor: Actor,
    entered: { price: string; proposal: string },
    errors: FieldError[],
    status = 200,
  ) {
    const own = (view.bids?.receipts ?? []).find(
      (b) => b.supplier.userId === actor.userId && b.status === 'current',
    );
    const answered = (view.clarifications ?? []).filter((c) => c.answer !== null);
    this.forms.render(
      req,
      res,
      'forms/bid.njk',
      {
        title: own ? 'Replace your bid' : 'Submit a bid',
        commission: view,
        tender: view.tender,
        answers: answered.map((c) => ({ question: c.question, answer: c.answer!.text })),
        own,
        entered,
      },
      errors,
      status,
    );
  }
}

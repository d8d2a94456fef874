import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  allowedActions,
  AskClarificationUpdate,
  type Actor,
  type CommissionView,
  TEXT_LIMITS,
} from '@app/contracts';
import { BidSubmission } from '../../commissions/bids/bid-submission';
import { derivedId } from '../../commissions/tender/derived-id';
import { formKey } from '../forms/command-forms';
import type { FieldError } from '../forms/form-errors';
import { readBid } from '../forms/tender-forms';
import { readTextField } from '../forms/text-field';
import { clarificationRows, questionsClose } from '../presenters/clarifications';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import { WebForms, type WebRequest } from './web-forms';

/** The API's limit on a question (AskClarificationDto). */
const MAX_QUESTION = TEXT_LIMITS.question;

type Entered = { price: string; proposal: string; question: string };
const BLANK: Entered = { price: '', proposal: '', question: '' };

/**
 * A supplier reads the published tender (its criteria and dates, the answers to clarification
 * questions), asks a question of its own, and submits a sealed bid, sealed exactly as through the
 * JSON API: nobody else reads it before the close.
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
    this.page(req, res, view, actor, BLANK, []);
  }

  /** A clarification question; its answer goes to every supplier alike (PA2023 s.12(2): suppliers treated the same). */
  @Post('question')
  async ask(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'ask-clarification');
    const form = readTextField(body, 'question', {
      missing: 'Enter your question',
      what: 'Your question',
      max: MAX_QUESTION,
    });
    const entered = { ...BLANK, question: form.entered };
    if (form.value === null) return this.page(req, res, view, actor, entered, form.errors, 400);
    const key = formKey(body);
    const questionId = derivedId('clarification', id, actor.userId, key && `web-${key}`);
    const outcome = await this.forms.commands.run(
      id,
      AskClarificationUpdate,
      { actor, questionId, question: form.value },
      key,
    );
    await this.forms.settle(
      res,
      outcome,
      { fields: { question: 'question' }, main: { field: 'question', anchor: 'question' } },
      `/commissions/${id}?done=question-asked`,
      (errors, status) => this.page(req, res, view, actor, entered, errors, status),
    );
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
    if (form.value === null)
      return this.page(req, res, view, actor, { ...BLANK, ...form.entered }, form.errors, 400);
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
      (errors, status) => this.page(req, res, view, actor, { ...BLANK, ...form.entered }, errors, status),
    );
  }

  private page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    actor: Actor,
    entered: Entered,
    errors: FieldError[],
    status = 200,
  ) {
    const own = (view.bids?.receipts ?? []).find(
      (b) => b.supplier.userId === actor.userId && b.status === 'current',
    );
    const now = new Date();
    this.forms.render(
      req,
      res,
      'forms/bid.njk',
      {
        title: own ? 'Replace your bid' : 'Submit a bid',
        commission: view,
        tender: view.tender,
        questions: clarificationRows(view, actor),
        questionsClose: questionsClose(view, now),
        mayAsk: allowedActions(view.stage, actor, view).includes('ask-clarification'),
        questionsOpen: Date.parse(view.tender?.clarificationsCloseAt ?? '') > now.getTime(),
        own,
        entered,
      },
      errors,
      status,
    );
  }
}

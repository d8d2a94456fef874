import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublishTenderUpdate, type Actor, type CommissionView } from '@app/contracts';
import { PublishTenderCommand } from '../../commissions/tender/publish-tender.command';
import { formKey } from '../forms/command-forms';
import type { FieldError } from '../forms/form-errors';
import { CRITERION_ROWS, readTender, type EnteredTender } from '../forms/tender-forms';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import { WebForms, type WebRequest } from './web-forms';

const EMPTY_DATE = { day: '', month: '', year: '', time: '' };
const BLANK: EnteredTender = {
  closesAt: EMPTY_DATE,
  clarificationsCloseAt: EMPTY_DATE,
  criteria: [
    { name: 'Quality', kind: 'quality', weight: '70' },
    { name: 'Price', kind: 'price', weight: '30' },
    ...Array.from({ length: CRITERION_ROWS - 2 }, () => ({ name: '', kind: '', weight: '' })),
  ],
  evaluationDays: '',
};

/** An officer publishes the tender: its closing dates, its award criteria, the panel's time to score. */
@WebPages('commissions/:id/tender')
export class TenderPageController {
  constructor(
    private readonly forms: WebForms,
    private readonly publishing: PublishTenderCommand,
  ) {}

  @Get()
  async form(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    this.page(req, res, await this.forms.access.forAction(id, actor, 'publish-tender'), BLANK, []);
  }

  @Post()
  async publish(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'publish-tender');
    const form = readTender(body, new Date());
    if (form.value === null) return this.page(req, res, view, form.entered, form.errors, 400);
    const terms = form.value;
    const outcome = await this.forms.commands.run(
      id,
      PublishTenderUpdate,
      () => this.publishing.build(view, actor, terms),
      formKey(body),
    );
    await this.forms.settle(
      res,
      outcome,
      {
        fields: { closesAt: 'closesAt-day', clarificationsCloseAt: 'clarificationsCloseAt-day' },
        main: { field: 'closesAt', anchor: 'closesAt-day' },
      },
      `/commissions/${id}?done=tender-published`,
      (errors, status) => this.page(req, res, view, form.entered, errors, status),
    );
  }

  private page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    entered: EnteredTender,
    errors: FieldError[],
    status = 200,
  ) {
    this.forms.render(
      req,
      res,
      'forms/publish-tender.njk',
      { title: 'Publish the tender', commission: view, entered },
      errors,
      status,
    );
  }
}

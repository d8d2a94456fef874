import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublishContractNoticeUpdate, type Actor, type CommissionView } from '@app/contracts';
import { ProblemException } from '../../problem/problem.exception';
import { formKey } from '../forms/command-forms';
import type { FieldError } from '../forms/form-errors';
import { contractSection } from '../presenters/contract';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import { WebForms, type WebRequest } from './web-forms';

/**
 * In delivery, an officer records that the notice due within 30 days of entering into the contract
 * was published (PA2023 s.53(1) and (3): UK7; s.88 below threshold; PCR2015 reg 50(1)), which meets
 * its deadline.
 */
@WebPages('commissions/:id/contract-notice')
export class ContractNoticePageController {
  constructor(private readonly forms: WebForms) {}

  @Get()
  async form(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    this.page(req, res, await this.forms.access.forAction(id, actor, 'publish-contract-notice'), []);
  }

  @Post()
  async publish(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'publish-contract-notice');
    const outcome = await this.forms.commands.run(id, PublishContractNoticeUpdate, { actor }, formKey(body));
    await this.forms.settle(
      res,
      outcome,
      { fields: {}, main: { field: 'publish', anchor: 'publish' } },
      `/commissions/${id}?done=contract-notice-published`,
      (errors, status) => this.page(req, res, view, errors, status),
    );
  }

  private page(req: WebRequest, res: Response, view: CommissionView, errors: FieldError[], status = 200) {
    if (!view.contract) throw ProblemException.conflict('no contract has been entered into yet', view.stage);
    this.forms.render(
      req,
      res,
      'forms/contract-notice.njk',
      {
        title: 'Publish the contract notice',
        commission: view,
        contract: contractSection(view, view.contract),
      },
      errors,
      status,
    );
  }
}

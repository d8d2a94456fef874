import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ScoreBidUpdate,
  allowedActions,
  currentBids,
  evaluationSummary,
  qualityCriteria,
  readsScores,
  type Actor,
  type CommissionView,
} from '@app/contracts';
import { BidVault } from '../../commissions/bids/bid-vault';
import { openedPrices } from '../../commissions/evaluation/evaluation.controller';
import { ProblemException } from '../../problem/problem.exception';
import { formKey } from '../forms/command-forms';
import type { FieldError } from '../forms/form-errors';
import { readScores } from '../forms/tender-forms';
import { evaluationPage } from '../presenters/evaluation';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import { WebForms, type WebRequest } from './web-forms';

type EnteredScores = { bidId: string; scores: { score: string; comment: string }[] };

/**
 * The evaluation for officers and the panel: means, totals, ranking, who still owes what and when
 * scores are due; a panel member scores each bid per criterion here, with a comment on each.
 */
@WebPages('commissions/:id/evaluation')
export class EvaluationPageController {
  constructor(
    private readonly forms: WebForms,
    private readonly vault: BidVault,
  ) {}

  @Get()
  async show(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    const view = await this.readable(id, actor);
    await this.page(req, res, view, actor, null, []);
  }

  @Post()
  async score(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'score-bid');
    const quality = qualityCriteria(view).map((c) => c.name);
    const form = readScores(body, quality);
    if (form.value === null) return this.page(req, res, view, actor, form.entered, form.errors, 400);
    const outcome = await this.forms.commands.run(
      id,
      ScoreBidUpdate,
      { actor, ...form.value },
      formKey(body),
    );
    const fields = Object.fromEntries(quality.map((_, i) => [`scores.${i}.score`, `score-${i + 1}`]));
    await this.forms.settle(
      res,
      outcome,
      { fields, main: { field: 'score-1', anchor: `bid-${form.value.bidId}` } },
      `/commissions/${id}/evaluation?scored=${encodeURIComponent(form.value.bidId)}#bid-${form.value.bidId}`,
      (errors, status) => this.page(req, res, view, actor, form.entered, errors, status),
    );
  }

  /** Officers and panel members of this commission, once the bids are open (as GET …/evaluation). */
  private async readable(id: string, actor: Actor): Promise<CommissionView> {
    const view = await this.forms.access.view(id, actor);
    if (!view.evaluation && view.tender?.outcome !== 'bids-opened') {
      throw ProblemException.conflict(
        'the bids are not open yet: the evaluation starts when the tender closes',
      );
    }
    if (!readsScores(view, actor)) throw ProblemException.notFound(`no commission with id ${id}`);
    return view;
  }

  private async page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    actor: Actor,
    entered: EnteredScores | null,
    errors: FieldError[],
    status = 200,
  ) {
    const summary = evaluationSummary(view, await openedPrices(this.vault, view));
    const canScore = allowedActions(view.stage, actor, view).includes('score-bid');
    const mine = (view.evaluation?.scores ?? []).filter((x) => x.member.userId === actor.userId);
    const quality = qualityCriteria(view);
    const scoreForms = canScore
      ? currentBids(view)
          .filter(
            (b) => !summary.excluded.some((x) => x.bidId === b.bidId && x.member.userId === actor.userId),
          )
          .map((b) => ({
            bidId: b.bidId,
            supplier: b.supplier.name,
            criteria: quality.map((c, i) => {
              const given = mine.find((x) => x.bidId === b.bidId && x.criterion === c.name);
              const typed = entered?.bidId === b.bidId ? entered.scores[i] : undefined;
              return {
                n: i + 1,
                name: c.name,
                weight: c.weight,
                score: typed?.score ?? (given ? String(given.score) : ''),
                comment: typed?.comment ?? given?.comment ?? '',
              };
            }),
            scored: quality.every((c) => mine.some((x) => x.bidId === b.bidId && x.criterion === c.name)),
            hasErrors: entered?.bidId === b.bidId && errors.length > 0,
          }))
      : [];
    this.forms.render(
      req,
      res,
      'evaluation.njk',
      {
        title: 'Evaluation of the bids',
        commission: view,
        evaluation: evaluationPage(view, summary),
        scoreForms,
        scored: typeof req.query.scored === 'string',
      },
      errors,
      status,
    );
  }
}

import { Body, Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ScoreBidUpdate,
  evaluationSummary,
  readsScores,
  type Actor,
  type CommissionView,
} from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { ProblemException } from '../../problem/problem.exception';
import { BidVault } from '../bids/bid-vault';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { header, mustRead } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { ScoreBidDto } from './evaluation.dto';

/** The opened prices of the current bids; none before the close (they are still sealed). */
export async function openedPrices(vault: BidVault, view: CommissionView) {
  if (view.tender?.outcome !== 'bids-opened') return [];
  const current = new Set(
    (view.bids?.receipts ?? []).filter((b) => b.status === 'current').map((b) => b.bidId),
  );
  return (await vault.openReleased(view.id))
    .filter((b) => current.has(b.bidId))
    .map((b) => ({ bidId: b.bidId, price: b.price }));
}

/** Scoring the opened bids, and the evaluation as the officers and the panel see it. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('commissions/:id')
export class EvaluationController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly vault: BidVault,
  ) {}

  @CommandEndpoint(
    'evaluations',
    'Score one bid on quality criteria, 0–100 with a comment (panel member, not conflicted with its supplier); revisable until the award',
    ['panel'],
  )
  async score(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: ScoreBidDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const cmd = {
      actor,
      bidId: dto.bidId,
      scores: dto.scores.map((x) => ({ criterion: x.criterion, score: x.score, comment: x.comment })),
    };
    const view = await this.commissions.command(id, ScoreBidUpdate, cmd, key);
    return { ...header(view, actor), evaluation: await this.present(view) };
  }

  @Get('evaluation')
  @ApiOperation({
    summary:
      'Each member’s scores, per-criterion means (conflicted members left out), price scores by formula, weighted totals, the ranking and who still has to score what (officers and panel)',
  })
  async read(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    mustRead('evaluation', view, actor);
    if (!readsScores(view, actor)) throw ProblemException.notFound(`no commission with id ${id}`);
    return { ...header(view, actor), evaluation: await this.present(view) };
  }

  private async present(view: CommissionView) {
    const prices = await openedPrices(this.vault, view);
    const summary = evaluationSummary(view, prices);
    const scoring = view.deadlines?.find((d) => d.milestone === 'scoring');
    return {
      criteria: view.tender?.criteria ?? [],
      // When the panel's scores are due (null for a tender from before scoring had a deadline).
      scoringDueAt: scoring?.dueAt ?? null,
      scoringMetAt: scoring?.metAt ?? null,
      priceFormula: 'lowest price ÷ bid price × 100',
      scores: view.evaluation?.scores ?? [],
      withdrawn: view.evaluation?.withdrawn ?? [],
      ...summary,
      complete: summary.outstanding.length === 0,
    };
  }
}

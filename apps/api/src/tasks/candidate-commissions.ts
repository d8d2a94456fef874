import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type Actor, type CommissionView } from '@app/contracts';
import { CommissionReadModel } from '../commissions/commission-read-model';
import { involves } from './involvement';

/** At most this many open commissions are looked at per request; beyond it a warning is logged. */
export const MAX_CANDIDATES = 200;

/**
 * The open commissions a person is named on, with their full state, from the read model (the view
 * each commission keeps there): one query, whatever the workflows are doing.
 */
@Injectable()
export class CandidateCommissions {
  constructor(
    private readonly readModel: CommissionReadModel,
    @InjectPinoLogger(CandidateCommissions.name) private readonly logger: PinoLogger,
  ) {}

  async openCommissionsOf(actor: Actor): Promise<CommissionView[]> {
    const named = await this.readModel.openViewsOf(actor.userId, MAX_CANDIDATES + 1);
    // A supplier is never named on a commission, but owes the reports of the contracts it holds.
    const contracted = actor.roles.includes('supplier')
      ? await this.readModel.contractedViewsOf(actor.userId, MAX_CANDIDATES + 1)
      : [];
    const views = [...named, ...contracted.filter((c) => !named.some((n) => n.id === c.id))];
    if (views.length > MAX_CANDIDATES) {
      this.logger.warn({ limit: MAX_CANDIDATES }, 'more open commissions than looked at for tasks');
    }
    return views.slice(0, MAX_CANDIDATES).filter((v) => involves(v, actor));
  }
}

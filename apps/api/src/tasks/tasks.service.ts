import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/contracts';
import { CandidateCommissions } from './candidate-commissions';
import { awaits } from './involvement';
import { byUrgency, tasksIn, type Task } from './task';

export interface MembershipFilter {
  /** Only commissions the caller is named on (officer, panel member, observer). */
  mine?: boolean;
  /** Only commissions that cannot move on until the caller acts. */
  awaiting?: 'me';
}

/** What waits on a person across commissions; used by `GET /v1/me/tasks` and the My tasks page. */
@Injectable()
export class TasksService {
  constructor(private readonly candidates: CandidateCommissions) {}

  async tasksFor(actor: Actor, now = new Date()): Promise<Task[]> {
    const views = await this.candidates.openCommissionsOf(actor);
    return views.flatMap((v) => tasksIn(v, actor, now)).sort(byUrgency);
  }

  /**
   * The ids of the open commissions that pass `mine` / `awaiting=me`, for the commission list to
   * restrict itself to (`c.id IN (:...ids)`). Null when neither filter is asked for.
   */
  async commissionIdsFor(actor: Actor, filter: MembershipFilter, now = new Date()): Promise<string[] | null> {
    if (!filter.mine && filter.awaiting !== 'me') return null;
    const views = await this.candidates.openCommissionsOf(actor);
    return views.filter((v) => filter.awaiting !== 'me' || awaits(v, actor, now)).map((v) => v.id);
  }
}

import { Injectable } from '@nestjs/common';
import { refusalFor, STAGES, viewFor, type Action, type Actor, type CommissionView } from '@app/contracts';
import { CommissionReadModel } from '../../commissions/commission-read-model';
import { CommissionsService } from '../../commissions/commissions.service';
import { ProblemException } from '../../problem/problem.exception';
import { STAGE_LABELS } from '../presenters/labels';

/** Reads a commission for a person with the JSON API's rules, and checks they may act on it. */
@Injectable()
export class CommissionAccess {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly readModel: CommissionReadModel,
  ) {}

  async view(id: string, actor: Actor): Promise<CommissionView> {
    const view = await this.commissions.view(id);
    // The JSON API's read rules: e.g. suppliers see a commission only once its tender is published.
    if (!viewFor(view, actor)) {
      throw ProblemException.notFound(`no commission with id ${id}`);
    }
    return view;
  }

  /** The commission, if `actor` may take `action` on it now; otherwise a refusal in plain words. */
  async forAction(id: string, actor: Actor, action: Action): Promise<CommissionView> {
    const view = await this.view(id, actor);
    const refusal = refusalFor(action, view.stage, actor, view);
    if (refusal?.kind === 'forbidden') {
      throw ProblemException.forbidden('your part in this commission does not let you do this');
    }
    if (refusal) {
      const stage = STAGES.includes(view.stage) ? STAGE_LABELS[view.stage].text.toLowerCase() : view.stage;
      throw ProblemException.conflict(
        `the commission is at the ${stage} stage, so this cannot be done now`,
        view.stage,
      );
    }
    return view;
  }

  async specificationText(id: string, version: number): Promise<string> {
    const record = await this.readModel.specificationVersion(id, version);
    if (!record) throw ProblemException.notFound(`no specification version ${version}`);
    return record.content;
  }

  history(id: string) {
    return this.readModel.history(id);
  }

  list(...args: Parameters<CommissionReadModel['list']>) {
    return this.readModel.list(...args);
  }
}

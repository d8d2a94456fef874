import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { OPEN_STAGES, type Actor, type CommissionView } from '@app/contracts';
import { TEMPORAL_CLIENT } from '@app/temporal';
import { CommissionReadModel } from '../commissions/commission-read-model';
import { CommissionsService } from '../commissions/commissions.service';
import { involves } from './involvement';

/** At most this many open commissions are looked at per request; beyond it a warning is logged. */
export const MAX_CANDIDATES = 200;
const PAGE = 100;
const CONCURRENCY = 8;
/** A query waits up to 30 s for a worker; a commission that does not answer in this time is skipped. */
const VIEW_TIMEOUT_MS = 5_000;

/**
 * The open commissions a person is named on, with their full state. For now: the read model's
 * open commissions (bounded), those whose workflow runs on this service's task queue (a query to a
 * workflow no worker serves would wait 30 s), each asked for its state. A read model that knows
 * membership will replace the body of `openCommissionsOf`; nothing else depends on how it works.
 */
@Injectable()
export class CandidateCommissions {
  constructor(
    private readonly readModel: CommissionReadModel,
    private readonly commissions: CommissionsService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger(CandidateCommissions.name) private readonly logger: PinoLogger,
  ) {}

  async openCommissionsOf(actor: Actor): Promise<CommissionView[]> {
    const [ids, served] = await Promise.all([this.openIds(), this.servedIds()]);
    const views = await mapPool(
      ids.filter((id) => !served || served.has(id)),
      CONCURRENCY,
      (id) => this.viewOrSkip(id),
    );
    return views.filter((v): v is CommissionView => v !== null && involves(v, actor));
  }

  private async openIds(): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.readModel.list({ stages: OPEN_STAGES, limit: PAGE, cursor });
      ids.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ids.length < MAX_CANDIDATES);
    if (cursor) this.logger.warn({ limit: MAX_CANDIDATES }, 'more open commissions than looked at for tasks');
    return ids.slice(0, MAX_CANDIDATES);
  }

  /** Null when the task queue's name cannot be put in a visibility query as it is. */
  private async servedIds(): Promise<Set<string> | null> {
    const queue = this.config.temporal.taskQueue;
    if (!/^[\w.:/-]+$/.test(queue)) return null;
    const ids = new Set<string>();
    const running = this.client.workflow.list({
      query: `WorkflowType = 'commissionWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = '${queue}'`,
    });
    for await (const wf of running) {
      ids.add(wf.workflowId.replace(/^commission-/, ''));
      if (ids.size >= MAX_CANDIDATES * 5) break;
    }
    return ids;
  }

  private async viewOrSkip(id: string): Promise<CommissionView | null> {
    let timer: NodeJS.Timeout | undefined;
    const query = this.commissions.view(id);
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), VIEW_TIMEOUT_MS);
    });
    try {
      const view = await Promise.race([query, timeout]);
      if (view === null) this.logger.warn({ commissionId: id }, 'commission state did not answer in time');
      return view;
    } catch (err) {
      this.logger.warn({ commissionId: id, err }, 'commission state could not be read');
      return null;
    } finally {
      clearTimeout(timer);
      query.catch(() => undefined);
    }
  }
}

/** Maps with at most `limit` calls in flight, keeping the order. */
async function mapPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

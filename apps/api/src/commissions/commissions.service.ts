import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { UpdateDefinition } from '@temporalio/common';
import {
  COMMISSION_WORKFLOW_TYPE,
  CommissionStateQuery,
  DEFAULT_REMINDER_POLICY,
  ProjectedUpdate,
  actorRef,
  closesCycle,
  isFinal,
  commissionWorkflowId,
  officersOnPanel,
  openingSearchAttributes,
  parseDuration,
  parseInstant,
  reminderFloorFor,
  reminderPolicyProblems,
  ruleProblems,
  uncoveredDateProblem,
  type Actor,
  type CalendarSnapshot,
  type CommissionView,
  type NewCommission,
  type Person,
  type SignOffRule,
} from '@app/contracts';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { TEMPORAL_CLIENT } from '@app/temporal';
import type { commissionWorkflowV5 } from '@app/workflows';
import { CALENDAR_SNAPSHOT } from '../calendar/calendar.snapshot';
import { idempotencyId } from '../idempotency/idempotency-id';
import { ProblemException } from '../problem/problem.exception';
import { CommissionReadModel } from './commission-read-model';
import { boundedCall, isTimeout, notAnsweringProblem, WORKFLOW_CALL_BOUND_MS } from './completion-race';
import { endedCommissionRefusal } from './ended-commission';
import type { CreateCommissionDto } from './dto/create-commission.dto';
import { isWorkflowGone, refusalToProblem } from './temporal-errors';
import { onRequestLine } from '../http/request-log';
import { decideRegime } from './tender/regime-decision';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CommissionWorkflow = typeof commissionWorkflowV5;

/** The API's side of the commission workflow: starting it, sending it commands, reading its state. */
@Injectable()
export class CommissionsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readModel: CommissionReadModel,
    @InjectPinoLogger(CommissionsService.name) private readonly logger: PinoLogger,
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
  ) {}

  /**
   * With an Idempotency-Key the commission id is derived from the caller and the key, and an
   * existing workflow is reused: a retry after an unknown outcome can never open a second one.
   */
  async create(actor: Actor, dto: CreateCommissionDto, idempotencyKey?: string): Promise<CommissionView> {
    const id = idempotencyKey ? uuidFrom(idempotencyId(actor.userId, idempotencyKey)) : randomUUID();
    const commission = await this.newCommission(id, actor, dto);
    const workflowId = commissionWorkflowId(commission.id);
    const start = new WithStartWorkflowOperation<CommissionWorkflow>(COMMISSION_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: this.config.temporal.taskQueue,
      args: [{ kind: 'open', commission }],
      workflowIdConflictPolicy: idempotencyKey ? 'USE_EXISTING' : 'FAIL',
      // Shown in the Temporal Web UI's list, so an operator sees which commission a workflow is.
      memo: { title: commission.title, programmeId: commission.programmeId },
      // What its first task would upsert, so that task upserts nothing (a visibility write saved).
      typedSearchAttributes: openingSearchAttributes(commission),
    });
    let view: CommissionView;
    try {
      // Bounded: with no worker polling, opening would otherwise wait for ever.
      view = await this.client.withDeadline(Date.now() + WORKFLOW_CALL_BOUND_MS, () =>
        this.client.workflow.executeUpdateWithStart(ProjectedUpdate, { startWorkflowOperation: start }),
      );
    } catch (err) {
      if (isTimeout(err)) throw notAnsweringProblem();
      throw err;
    }
    onRequestLine(this.logger, { workflowId, commissionId: commission.id }, 'commission opened');
    return view;
  }

  private async newCommission(id: string, actor: Actor, dto: CreateCommissionDto): Promise<NewCommission> {
    const panel = dto.panel.map((m) => ({ ...m, chair: m.chair ?? false }));
    const signOffRule: SignOffRule =
      dto.signOffRule.mode === 'unanimous'
        ? { mode: 'unanimous' }
        : { mode: 'quorum', quorum: dto.signOffRule.quorum, chairRequired: dto.signOffRule.chairRequired };
    const problems = ruleProblems(signOffRule, panel).map((message) => ({ field: 'signOffRule', message }));
    // The DTO has already refused anything but real RFC 3339 instants and passed them on in UTC.
    const interim = parseInstant(dto.milestones.interimReportDueAt)!;
    const final = parseInstant(dto.milestones.finalReportDueAt)!;
    if (interim >= final) {
      problems.push({ field: 'milestones', message: 'the interim report is due before the final report' });
    }
    for (const [field, at] of Object.entries({ interimReportDueAt: interim, finalReportDueAt: final })) {
      if (at <= Date.now()) problems.push({ field: `milestones.${field}`, message: 'must be in the future' });
      const uncovered = uncoveredDateProblem(this.calendar, at);
      if (uncovered) problems.push({ field: `milestones.${field}`, message: uncovered });
    }
    const reminderPolicy = dto.reminderPolicy ?? DEFAULT_REMINDER_POLICY;
    problems.push(...reminderPolicyProblems(reminderPolicy, reminderFloorFor(this.config.env)));
    if (dto.dependsOn) problems.push(...(await this.dependencyProblems(id, dto.dependsOn.commissionId)));
    if (
      dto.deliveryPlan &&
      parseDuration(dto.deliveryPlan.toInterim) >= parseDuration(dto.deliveryPlan.toFinal)
    ) {
      problems.push({ field: 'deliveryPlan', message: 'the interim report comes before the final one' });
    }
    const regime = decideRegime(dto.regime, dto.estimatedValue, dto.regimeJustification, new Date());
    problems.push(...regime.problems);
    if (!actor.email) {
      problems.push({
        field: 'token.email',
        message: 'the creating officer is sent reminders: the token must carry an email',
      });
    }
    const creator: Person = { userId: actor.userId, name: actor.name, email: actor.email };
    const officers = [creator, ...(dto.officers ?? []).filter((o) => o.userId !== actor.userId)];
    if (new Set(officers.map((o) => o.userId)).size !== officers.length) {
      problems.push({ field: 'officers', message: 'each officer appears once' });
    }
    for (const person of officersOnPanel(officers, panel)) {
      problems.push({
        field: person.userId === actor.userId ? 'panel' : 'officers',
        message: `${person.userId} cannot be both an officer of the commission and on its panel`,
      });
    }
    if (problems.length)
      throw ProblemException.badRequest('the commission cannot be opened as described', problems);
    return {
      id,
      title: dto.title,
      description: dto.description,
      programmeId: dto.programmeId ?? null,
      regime: regime.regime,
      estimatedValue: dto.estimatedValue ?? null,
      regimeBasis: regime.basis,
      panel,
      officers,
      observers: dto.observers ?? [],
      signOffRule,
      milestones: {
        interimReportDueAt: new Date(interim).toISOString(),
        finalReportDueAt: new Date(final).toISOString(),
      },
      reminderPolicy,
      dependsOn: dto.dependsOn ?? null,
      ...(dto.deliveryPlan
        ? { deliveryPlan: { toInterim: dto.deliveryPlan.toInterim, toFinal: dto.deliveryPlan.toFinal } }
        : {}),
      createdBy: actorRef(actor),
    };
  }

  /**
   * The commission depended on must exist, and depending on it must not close a cycle. A new
   * commission has no dependents yet, so only a retried create (the same key derives the same id)
   * or a corrupt chain could close one; the walk over the read model costs a few reads per level.
   */
  private async dependencyProblems(id: string, upstreamId: string) {
    if (!UUID.test(upstreamId) || !(await this.readModel.find(upstreamId))) {
      return [{ field: 'dependsOn.commissionId', message: 'no commission with this id' }];
    }
    const cycle = await closesCycle(id, upstreamId, async (at) => {
      if (at === id) return null;
      return (await this.readModel.viewOf(at))?.dependsOn?.commissionId ?? null;
    });
    return cycle
      ? [{ field: 'dependsOn.commissionId', message: `a dependency cycle: ${cycle.join(' → ')}` }]
      : [];
  }

  /**
   * Where the commission stands, from the read model: the view the workflow stored with its last
   * projected event. It answers whether or not the workflow still runs (ended, removed from
   * Temporal, or its worker down). Only a commission from before views were stored asks the
   * workflow instead.
   */
  async view(id: string): Promise<CommissionView> {
    if (!UUID.test(id)) throw this.notFound(id);
    const stored = await this.readModel.viewOf(id);
    if (stored) return stored;
    const handle = this.handle(id);
    try {
      return await boundedCall(this.client, handle, () => handle.query(CommissionStateQuery));
    } catch (err) {
      if (isWorkflowGone(err)) throw this.notFound(id);
      if (isTimeout(err)) throw notAnsweringProblem();
      throw err;
    }
  }

  /**
   * Sends a command; the workflow validates it and answers with the new state. The idempotency key,
   * when given, becomes the update id so that Temporal also refuses to apply it twice.
   */
  async command<Arg extends { actor: Actor }>(
    id: string,
    update: UpdateDefinition<CommissionView, [Arg]>,
    arg: Arg,
    idempotencyKey?: string,
  ): Promise<CommissionView> {
    const handle = this.handle(id);
    try {
      const view = await boundedCall(this.client, handle, () =>
        handle.executeUpdate(update, {
          args: [arg],
          updateId: idempotencyKey ? idempotencyId(arg.actor.userId, idempotencyKey) : undefined,
        }),
      );
      onRequestLine(
        this.logger,
        { workflowId: handle.workflowId, update: update.name, version: view.version },
        'command accepted',
      );
      return view;
    } catch (err) {
      const refusal = refusalToProblem(err);
      if (refusal) {
        this.logger.info(
          { workflowId: handle.workflowId, update: update.name, refusal: refusal.problem },
          'command refused',
        );
        throw refusal;
      }
      if (isWorkflowGone(err)) throw await this.goneProblem(id, arg.actor, update.name);
      if (isTimeout(err)) throw notAnsweringProblem();
      throw err;
    }
  }

  /**
   * A workflow that has ended (cancelled, completed) refuses commands with its final stage, after
   * the same role and membership check its validators would have made.
   */
  private async goneProblem(id: string, actor: Actor, updateName: string): Promise<ProblemException> {
    const record = await this.readModel.find(id);
    if (!record) return this.notFound(id);
    // The row just read holds the view; only a commission from before views were kept asks again.
    const view = record.view ?? (await this.view(id).catch(() => null));
    const refusal = endedCommissionRefusal(record.stage, view, actor, updateName);
    if (refusal.getStatus() === 409 && !isFinal(record.stage as CommissionView['stage'])) {
      // Ended outside any final stage: an operator terminated it (termination runs no code).
      return ProblemException.conflict(
        `the commission's workflow was ended by an operator while it was ${record.stage}; its record ` +
          'is kept as it was then and it takes no more actions',
        record.stage,
      );
    }
    return refusal;
  }

  private handle(id: string): WorkflowHandle<CommissionWorkflow> {
    if (!UUID.test(id)) throw this.notFound(id);
    return this.client.workflow.getHandle(commissionWorkflowId(id));
  }

  private notFound(id: string): ProblemException {
    return ProblemException.notFound(`no commission with id ${id}`);
  }
}

/** A UUID (version 5 layout) from the first 128 bits of a sha256 hex digest. */
function uuidFrom(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '5';
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export function contentHash(content: string): string {
  return `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}`;
}

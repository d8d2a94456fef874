import { condition, getExternalWorkflowHandle, isCancellation, log, setHandler } from '@temporalio/workflow';
import {
  DependencyGateChangedSignal,
  DependentRegisteredSignal,
  commissionWorkflowId,
  gateOutcome,
  isFinal,
  type ActorRef,
  type CommissionView,
  type DependencyGateChanged,
  type GateStanding,
} from '@app/contracts';
import {
  applyGateChanged,
  dependentsFull,
  dueTellings,
  gateChanged,
  gateChangedFrom,
  registerDependent,
} from '../stages/dependency';
import type { Change } from './change';

/** Who acts when a gate's outcome is recorded: the other commission, through its signal. */
export const DEPENDENCY_ACTOR: ActorRef = { userId: 'system:dependency', name: 'Dependency gate' };

type Record = (
  actor: ActorRef,
  fromStage: CommissionView['stage'] | null,
  change: Change,
  at: string,
) => void;

interface Outgoing {
  to: string;
  signal: DependencyGateChanged;
}

/**
 * The signals between a commission and the ones that depend on it. Outcomes are decided in the
 * state (stages/dependency.ts) and sent from a queue that the workflow waits on before it ends or
 * continues as new, so a decided signal is never left unsent. A signal to a workflow that has ended
 * cannot be delivered: a dependent that cannot register asks the read model instead (the ended
 * commission projected its last state before ending); an upstream that cannot tell a dependent
 * drops the signal, as that dependent has ended too.
 */
export class DependencyGates {
  private readonly outbox: Outgoing[] = [];
  private registering = false;

  constructor(
    private readonly state: CommissionView,
    private readonly record: Record,
    private readonly now: () => string,
    private readonly standingOf: (commissionId: string) => Promise<GateStanding | null>,
  ) {}

  listen(): void {
    setHandler(DependentRegisteredSignal, (sig) => {
      const s = this.state;
      const at = this.now();
      if (dependentsFull(s, sig)) {
        const reason = `the commission it depends on already has ${s.dependents?.length ?? 0} dependents, the most it may hold`;
        this.send(sig.commissionId, gateChanged(s, sig.gate, { outcome: 'never-to-be-met', reason }, at));
        return;
      }
      if (isFinal(s.stage)) {
        // Ended: nothing more is recorded here, but the dependent still learns the truth.
        const outcome = gateOutcome(s, sig.gate);
        if (outcome) this.send(sig.commissionId, gateChanged(s, sig.gate, outcome, at));
        return;
      }
      const change = registerDependent(s, sig, at);
      // Recording tells the new dependent at once if its gate is already met (afterChange).
      if (change) this.record(DEPENDENCY_ACTOR, s.stage, change, at);
    });
    setHandler(DependencyGateChangedSignal, (sig) => this.learn(sig));
  }

  /** After every recorded change: tells each dependent whose gate has newly an outcome. */
  afterChange(at: string): void {
    for (const { dependent, outcome } of dueTellings(this.state, at)) {
      this.send(dependent.commissionId, gateChanged(this.state, dependent.gate, outcome, at));
    }
  }

  /** A newly opened dependent registers with the commission it depends on. */
  async register(): Promise<void> {
    const s = this.state;
    const dependsOn = s.dependsOn;
    if (!dependsOn) return;
    this.registering = true;
    try {
      const upstream = getExternalWorkflowHandle(commissionWorkflowId(dependsOn.commissionId));
      try {
        await upstream.signal(DependentRegisteredSignal, { commissionId: s.id, gate: dependsOn.gate });
        return;
      } catch (err) {
        if (isCancellation(err)) throw err;
        log.info('the commission depended on did not take the registration; asking the read model', {
          upstream: dependsOn.commissionId,
          error: String(err),
        });
      }
      const standing = await this.standingOf(dependsOn.commissionId);
      const at = this.now();
      const outcome = standing
        ? gateOutcome(standing, dependsOn.gate)
        : { outcome: 'never-to-be-met' as const, reason: 'the commission it depends on no longer exists' };
      if (outcome) this.learn(gateChangedFrom(dependsOn.commissionId, dependsOn.gate, outcome, at));
    } finally {
      this.registering = false;
    }
  }

  /** Sends what is queued, in order, for as long as the run lasts. */
  async run(): Promise<void> {
    for (;;) {
      await condition(() => this.outbox.length > 0);
      const { to, signal } = this.outbox[0];
      try {
        await getExternalWorkflowHandle(commissionWorkflowId(to)).signal(DependencyGateChangedSignal, signal);
      } catch (err) {
        if (isCancellation(err)) throw err;
        log.info('a dependent could not be told its gate; it has ended', {
          dependent: to,
          error: String(err),
        });
      }
      this.outbox.shift();
    }
  }

  /**
   * Sends what is left, when the run is being cancelled by an operator and `run` has stopped. A
   * signal cut off mid-send may go twice: a dependent records only the first.
   */
  async flush(): Promise<void> {
    while (this.outbox.length > 0) {
      const { to, signal } = this.outbox.shift()!;
      await getExternalWorkflowHandle(commissionWorkflowId(to))
        .signal(DependencyGateChangedSignal, signal)
        .catch((err: unknown) =>
          log.info('a dependent could not be told its gate', { dependent: to, error: String(err) }),
        );
    }
  }

  /** Nothing decided is waiting to be sent. */
  get quiet(): boolean {
    return this.outbox.length === 0 && !this.registering;
  }

  private learn(sig: DependencyGateChanged): void {
    const at = this.now();
    const change = applyGateChanged(this.state, sig);
    if (change) this.record(DEPENDENCY_ACTOR, this.state.stage, change, at);
  }

  private send(to: string, signal: DependencyGateChanged): void {
    this.outbox.push({ to, signal });
  }
}

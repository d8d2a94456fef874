import {
  commissionWorkflowId,
  type CommissionSummary,
  type CommissionView,
  type NewCommission,
} from '@app/contracts';

export function initialState(c: NewCommission, at: string): CommissionView {
  return {
    id: c.id,
    workflowId: commissionWorkflowId(c.id),
    title: c.title,
    description: c.description,
    programmeId: c.programmeId,
    regime: c.regime,
    stage: 'drafting',
    version: 0,
    createdAt: at,
    createdBy: c.createdBy,
    updatedAt: at,
    panel: c.panel,
    officers: c.officers,
    observers: c.observers,
    signOffRule: c.signOffRule,
    milestones: c.milestones,
    reminderPolicy: c.reminderPolicy,
    dependsOn: c.dependsOn,
    specification: { currentVersion: null, versions: [] },
    signOff: { current: null, tally: null, rounds: [] },
    conflicts: [],
    cancellation: null,
    ...(c.regimeBasis ? { estimatedValue: c.estimatedValue ?? null, regimeBasis: c.regimeBasis } : {}),
    // Only when stated, so states opened without one stay exactly as before.
    ...(c.deliveryPlan ? { deliveryPlan: c.deliveryPlan } : {}),
    ...(c.dependsOn
      ? { dependency: { ...c.dependsOn, status: 'waiting' as const, metAt: null } }
      : { dependency: null }),
  };
}

/** The row the read model keeps for listing and filtering. */
export function summaryOf(s: CommissionView): CommissionSummary {
  return {
    id: s.id,
    workflowId: s.workflowId,
    title: s.title,
    description: s.description,
    programmeId: s.programmeId,
    regime: s.regime,
    stage: s.stage,
    version: s.version,
    specificationVersion: s.specification.currentVersion,
    keyDates: {
      // The earliest due date still open: a list can ask which commissions are overdue.
      nextDueAt:
        (s.deadlines ?? [])
          .filter((d) => d.closedReason === null)
          .map((d) => d.dueAt)
          .sort()[0] ?? null,
      signOffRespondBy: s.signOff.current?.respondBy ?? null,
      interimReportDueAt: s.milestones.interimReportDueAt,
      finalReportDueAt: s.milestones.finalReportDueAt,
    },
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

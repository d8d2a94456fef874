import type { CommissionView, Deadline, SignOffDecision } from '@app/contracts';
import { panelOfThree, people, person, quorum } from '../fixtures';

/**
 * A commission's state as plain data, built step by step like the workflow builds it:
 * `drafting().withVersion(1).inReview(1, respondBy)`.
 */
export class ViewFixture {
  private constructor(readonly view: CommissionView) {}

  static drafting(): ViewFixture {
    return new ViewFixture({
      id: '0b7c7e0e-8a43-4d6e-9d1f-2f4f3c6c1a10',
      workflowId: 'commission-0b7c7e0e-8a43-4d6e-9d1f-2f4f3c6c1a10',
      title: 'Study: creating improvement capacity',
      description: 'How improvement capacity can be created.',
      programmeId: 'birmingham',
      regime: 'PA2023',
      stage: 'drafting',
      version: 1,
      createdAt: '2027-01-04T10:00:00.000Z',
      createdBy: { userId: people.officer.userId, name: people.officer.name },
      updatedAt: '2027-01-04T10:00:00.000Z',
      panel: panelOfThree(),
      officers: [person(people.officer)],
      observers: [person(people.observer)],
      signOffRule: quorum(2, true),
      milestones: {
        interimReportDueAt: '2027-06-30T16:00:00.000Z',
        finalReportDueAt: '2027-09-30T16:00:00.000Z',
      },
      reminderPolicy: { before: ['P7D'], overdueEvery: 'P7D' },
      dependsOn: null,
      specification: { currentVersion: null, versions: [] },
      signOff: { current: null, tally: null, rounds: [] },
      conflicts: [],
      cancellation: null,
      deadlines: [
        deadline('interim-report', '2027-06-30T16:00:00.000Z'),
        deadline('final-report', '2027-09-30T16:00:00.000Z'),
      ],
      deadlineMoves: [],
    });
  }

  private with(change: (v: CommissionView) => void): ViewFixture {
    const copy = structuredClone(this.view);
    change(copy);
    return new ViewFixture(copy);
  }

  withVersion(version: number, at = '2027-01-05T10:00:00.000Z'): ViewFixture {
    return this.with((v) => {
      v.specification.versions.push({
        version,
        contentHash: `sha256:${version}`,
        author: { userId: people.officer.userId, name: people.officer.name },
        createdAt: at,
        changeRequests: [],
      });
      v.specification.currentVersion = version;
    });
  }

  inReview(respondBy: string, decisions: SignOffDecision[] = []): ViewFixture {
    return this.with((v) => {
      const version = v.specification.currentVersion!;
      v.stage = 'panel-review';
      v.signOff.current = {
        specificationVersion: version,
        respondBy,
        openedAt: '2027-01-05T11:00:00.000Z',
        decisions,
        outcome: 'open',
      };
      const decided = new Set(decisions.map((d) => d.member.userId));
      v.signOff.tally = {
        approvals: decisions.filter((d) => d.decision === 'approve').length,
        changeRequests: decisions.filter((d) => d.decision === 'request-changes').length,
        awaiting: v.panel
          .filter((m) => !decided.has(m.userId))
          .map((m) => ({ userId: m.userId, name: m.name })),
        needed: '2 approvals, the chair among them',
      };
      v.deadlines!.push(deadline('sign-off', respondBy));
    });
  }

  changesRequested(comment: string, at = '2027-01-06T10:00:00.000Z'): ViewFixture {
    return this.with((v) => {
      const version = v.specification.versions.at(-1)!;
      version.changeRequests.push({
        member: { userId: people.wood.userId, name: people.wood.name },
        comment,
        at,
      });
      v.stage = 'drafting';
      v.signOff.current = null;
      v.signOff.tally = null;
      v.deadlines = v.deadlines!.map((d) =>
        d.milestone === 'sign-off' ? { ...d, closedReason: 'met', metAt: at } : d,
      );
    });
  }

  signedOff(): ViewFixture {
    return this.with((v) => {
      v.stage = 'signed-off';
      v.signOff.current = null;
      v.signOff.tally = null;
    });
  }

  cancelled(reason: string, at = '2027-01-07T15:30:00.000Z'): ViewFixture {
    return this.with((v) => {
      v.stage = 'cancelled';
      v.cancellation = { reason, by: { userId: people.officer.userId, name: people.officer.name }, at };
    });
  }
}

export function deadline(milestone: Deadline['milestone'], dueAt: string): Deadline {
  return {
    milestone,
    dueAt,
    version: 1,
    setAt: '2027-01-04T10:00:00.000Z',
    metAt: null,
    closedReason: null,
    reminders: [
      {
        kind: 'reminder',
        offset: 'before:P7D',
        at: new Date(Date.parse(dueAt) - 7 * 86_400_000).toISOString(),
        status: 'scheduled',
      },
    ],
    escalations: 0,
  };
}

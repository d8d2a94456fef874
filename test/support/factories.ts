import { people, type TestUser } from './people';

type Rule = { mode: 'unanimous' } | { mode: 'quorum'; quorum: number; chairRequired: boolean };

const member = (u: TestUser, chair = false) => ({ userId: u.userId, name: u.name, email: u.email, chair });

/** Commission requests that read like the domain: `CommissionFactory.withPanel(3).quorum(2, true).build()`. */
export class CommissionFactory {
  private constructor(
    private readonly panel: ReturnType<typeof member>[],
    private readonly rule: Rule = { mode: 'unanimous' },
    private readonly extra: Record<string, unknown> = {},
  ) {}

  /** The letter's panel: the chair, Alan Wood and Isabelle Trowler, cut to `size`. */
  static withPanel(size: 1 | 2 | 3 = 3): CommissionFactory {
    return new CommissionFactory(
      [member(people.chair, true), member(people.wood), member(people.trowler)].slice(0, size),
    );
  }

  quorum(quorum: number, chairRequired: boolean): CommissionFactory {
    return new CommissionFactory(this.panel, { mode: 'quorum', quorum, chairRequired }, this.extra);
  }

  unanimous(): CommissionFactory {
    return new CommissionFactory(this.panel, { mode: 'unanimous' }, this.extra);
  }

  with(fields: Record<string, unknown>): CommissionFactory {
    return new CommissionFactory(this.panel, this.rule, { ...this.extra, ...fields });
  }

  build(): Record<string, unknown> {
    return {
      title: 'Study: creating improvement capacity in children’s services',
      description: 'How improvement capacity can be created or promoted in the children’s services system.',
      programmeId: 'birmingham',
      panel: this.panel,
      signOffRule: this.rule,
      // Fixed dates, so tests can assert what is planned back from them, and years ahead, so the
      // suite runs for years yet: 2038 has 2027's weekdays, and the calendar covers it.
      milestones: {
        interimReportDueAt: '2038-06-30T17:00:00+01:00',
        finalReportDueAt: '2038-09-30T17:00:00+01:00',
      },
      ...this.extra,
    };
  }
}

export function inOneHour(): string {
  return new Date(Date.now() + 3600_000).toISOString();
}

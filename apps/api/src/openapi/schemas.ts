import { STAGES } from '@app/contracts';

type Schema = Record<string, unknown>;

const text = (description: string): Schema => ({ type: 'string', description });
const instant = (description: string): Schema => ({ type: 'string', format: 'date-time', description });
const list = (items: Schema, description?: string): Schema => ({ type: 'array', items, description });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  required,
  // Field names may grow (docs/api.md): clients must ignore what they do not know.
  additionalProperties: true,
});
/** A sub-resource of one commission: the header every one starts with, then its own fields. */
const ofCommission = (properties: Record<string, Schema>, required: string[]): Schema => ({
  allOf: [ref('CommissionHeader'), object(properties, required)],
});

const actorRef = object({ userId: text('user id (token `sub`)'), name: text('display name') }, ['userId']);

/** The response bodies of the API, as components the operations refer to. */
export const RESPONSE_SCHEMAS: Record<string, Schema> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details: the body of every error (content type application/problem+json).',
    properties: {
      type: { type: 'string', format: 'uri', description: 'identifies the kind of problem' },
      title: text('short, the same for every problem of this type'),
      status: { type: 'integer', description: 'the HTTP status' },
      detail: text('what went wrong this time, for a person to read'),
      instance: text('the path that was asked for'),
      stage: { type: 'string', enum: [...STAGES], description: '409: the stage the commission is in' },
      errors: list(
        object({ field: text('the field, dotted for nested ones'), message: text('why') }, [
          'field',
          'message',
        ]),
        '400: one entry per invalid field',
      ),
    },
    required: ['type', 'title', 'status', 'detail'],
    additionalProperties: true,
  },
  CommissionHeader: object(
    {
      commissionId: { type: 'string', format: 'uuid' },
      stage: { type: 'string', enum: [...STAGES] },
      version: { type: 'integer', description: 'grows with every change to the commission' },
      allowedActions: list({ type: 'string' }, 'what the caller may do now'),
    },
    ['commissionId', 'stage', 'version', 'allowedActions'],
  ),
  Commission: object(
    {
      id: { type: 'string', format: 'uuid' },
      title: text('the study'),
      description: text('what is commissioned'),
      programmeId: { type: 'string', nullable: true },
      regime: { type: 'string', enum: ['PA2023', 'PCR2015', 'below-threshold'] },
      stage: { type: 'string', enum: [...STAGES] },
      version: { type: 'integer', description: 'grows with every change' },
      allowedActions: list({ type: 'string' }, 'what the caller may do now'),
      panel: list(object({ userId: text('user id'), name: text('name'), chair: { type: 'boolean' } })),
      signOffRule: object({ mode: { type: 'string', enum: ['unanimous', 'quorum'] } }, ['mode']),
      specification: object({
        currentVersion: { type: 'integer', nullable: true },
        versions: list(object({})),
      }),
      signOff: object({ current: object({}), tally: object({}) }),
      milestones: object({
        interimReportDueAt: instant('interim report due'),
        finalReportDueAt: instant('final report due'),
      }),
      deadlines: list(
        object({ milestone: text('which due date'), dueAt: instant('when'), version: { type: 'integer' } }),
      ),
      tender: object({}),
      cancellation: object({ reason: text('why'), by: actorRef, at: instant('when') }),
    },
    ['id', 'stage', 'version', 'allowedActions'],
  ),
  CommissionList: object(
    {
      items: list(
        object(
          {
            id: { type: 'string', format: 'uuid' },
            title: text('the study'),
            stage: { type: 'string', enum: [...STAGES] },
            programmeId: { type: 'string', nullable: true },
            nextDueAt: { type: 'string', format: 'date-time', nullable: true },
          },
          ['id', 'title', 'stage'],
        ),
      ),
      nextCursor: {
        type: 'string',
        nullable: true,
        description: 'pass as `cursor` for the next page; null on the last',
      },
    },
    ['items', 'nextCursor'],
  ),
  History: ofCommission(
    {
      events: list(
        object(
          {
            seq: { type: 'integer' },
            at: instant('when'),
            actor: actorRef,
            action: text('what was done'),
            fromStage: { type: 'string', nullable: true },
            toStage: { type: 'string', nullable: true },
            detail: object({}),
          },
          ['seq', 'at', 'actor', 'action'],
        ),
        'append-only, oldest first',
      ),
    },
    ['events'],
  ),
  Reminders: ofCommission(
    {
      deadlines: list(
        object({
          milestone: text('which due date'),
          dueAt: instant('when'),
          version: { type: 'integer' },
          open: { type: 'boolean' },
          closedReason: { type: 'string', nullable: true, enum: ['met', 'cancelled', null] },
          nextReminderAt: { type: 'string', format: 'date-time', nullable: true },
        }),
      ),
      notifications: list(
        object({
          key: text('outbox key'),
          milestone: text('which due date'),
          kind: text('reminder, escalation or message'),
          recipients: list(object({ userId: text('user id'), name: text('name'), email: text('address') })),
          status: text('pending, sent or failed'),
          deliveries: list(
            object({
              channel: text('email, webhook or log'),
              status: text('pending, sent or failed'),
              attempts: { type: 'integer' },
            }),
          ),
        }),
      ),
    },
    ['deadlines', 'notifications'],
  ),
  SpecificationVersion: ofCommission(
    {
      version: { type: 'integer' },
      contentHash: text('SHA-256 of the content'),
      author: actorRef,
      createdAt: instant('when this version was made'),
      content: text('markdown'),
    },
    ['version', 'content'],
  ),
  TenderDocument: ofCommission(
    {
      specificationVersion: { type: 'integer' },
      contentHash: text('SHA-256 of the content'),
      content: text('markdown'),
    },
    ['specificationVersion', 'contentHash', 'content'],
  ),
  SpecificationVersions: ofCommission(
    {
      versions: list(
        object({
          version: { type: 'integer' },
          contentHash: text('SHA-256'),
          author: actorRef,
          createdAt: instant('made'),
        }),
      ),
    },
    ['versions'],
  ),
  Clarifications: ofCommission(
    {
      clarifications: list(
        object({
          id: { type: 'string', format: 'uuid' },
          question: text('as asked'),
          answer: { type: 'string', nullable: true },
          askedAt: instant('asked'),
        }),
        'the asker is never named to other suppliers',
      ),
    },
    ['clarifications'],
  ),
  ClarificationAsked: ofCommission(
    { clarification: object({ id: { type: 'string', format: 'uuid' }, question: text('as asked') }) },
    ['clarification'],
  ),
  Bids: ofCommission(
    {
      sealed: { type: 'boolean', description: 'true until the tender closes: contents are not shown' },
      count: { type: 'integer', description: 'current bids (not shown to suppliers)' },
      bids: list(
        object({
          bidId: { type: 'string', format: 'uuid' },
          submittedAt: instant('received'),
          contentHash: text('SHA-256 receipt'),
          status: text('current or replaced'),
        }),
      ),
    },
    ['sealed', 'bids'],
  ),
  Evaluation: ofCommission(
    {
      evaluation: object({
        bids: list(
          object({
            bidId: { type: 'string', format: 'uuid' },
            total: { type: 'number', description: 'weighted total, 0–100' },
            rank: { type: 'integer' },
          }),
          'each opened bid with its per-criterion means, weighted total and rank',
        ),
        outstanding: list(object({}), 'who still has to score which bid'),
        complete: { type: 'boolean' },
        scoringDueAt: {
          ...instant(
            'when the panel’s scores are due (the scoring deadline: reminders before, escalations after)',
          ),
          nullable: true,
        },
      }),
    },
    ['evaluation'],
  ),
  ChallengeRecorded: ofCommission(
    { challenge: object({ id: { type: 'string', format: 'uuid' }, reason: text('as recorded') }) },
    ['challenge'],
  ),
  ReportChanged: ofCommission({ report: ref('Report') }, ['report']),
  Report: object(
    {
      reportId: { type: 'string', format: 'uuid' },
      kind: { type: 'string', enum: ['interim', 'final'] },
      status: { type: 'string', enum: ['awaiting-review', 'revision-requested', 'accepted'] },
      acceptedVersion: { type: 'integer', nullable: true },
      acceptedAt: { type: 'string', format: 'date-time', nullable: true },
      versions: list(ref('ReportVersion')),
    },
    ['reportId', 'kind', 'status', 'versions'],
  ),
  ReportVersion: object(
    {
      version: { type: 'integer' },
      contentHash: text('sha256: and the SHA-256 of the markdown'),
      size: { type: 'integer', description: 'UTF-8 bytes' },
      submittedBy: actorRef,
      onBehalfOfSupplier: { type: 'boolean', description: 'submitted by an officer for the supplier' },
      submittedAt: instant('received'),
      review: {
        ...object(
          {
            decision: { type: 'string', enum: ['accept', 'revise'] },
            comments: text('what to change (revise), or anything the reviewer added'),
            by: actorRef,
            at: instant('reviewed'),
          },
          ['decision'],
        ),
        nullable: true,
      },
    },
    ['version', 'contentHash', 'submittedAt'],
  ),
  Reports: ofCommission(
    {
      standings: list(
        object(
          {
            kind: { type: 'string', enum: ['interim', 'final'] },
            dueAt: instant('the deadline, as moved'),
            status: text('not-submitted, awaiting-review, revision-requested or accepted'),
            overdue: { type: 'boolean', description: 'due and not yet accepted' },
            reportId: { type: 'string', format: 'uuid', nullable: true },
          },
          ['kind', 'dueAt', 'status', 'overdue'],
        ),
        'where each report the supplier owes stands',
      ),
      reports: list(ref('Report')),
    },
    ['standings', 'reports'],
  ),
  ReportWithContent: {
    allOf: [
      ref('CommissionHeader'),
      ref('Report'),
      object({
        versions: list(object({ content: { type: 'string', nullable: true, description: 'markdown' } })),
      }),
    ],
  },
  BidReceipt: ofCommission(
    {
      receipt: object(
        {
          bidId: { type: 'string', format: 'uuid' },
          submittedAt: instant('received'),
          contentHash: text('SHA-256 of the sealed content'),
        },
        ['bidId'],
      ),
    },
    ['receipt'],
  ),
  Timeline: ofCommission(
    {
      today: { type: 'string', format: 'date', description: 'the London day planned for' },
      feasible: { type: 'boolean', nullable: true, description: 'null once the commission has ended' },
      verdict: { type: 'string', nullable: true, enum: ['on-track', 'at-risk', 'infeasible', null] },
      why: text('the verdict in a sentence or two'),
      deliveryPlan: object({
        toInterim: text('ISO 8601 duration from contract to interim report'),
        toFinal: text('ISO 8601 duration from contract to final report'),
        source: { type: 'string', enum: ['commission', 'default'] },
      }),
      settings: object({
        evaluationAllowance: text('ISO 8601 duration from close to award'),
        atRiskDays: { type: 'integer', description: 'less slack than this is at risk' },
      }),
      stages: list(
        object(
          {
            stage: text('sign-off, tender-publication, …, final-report'),
            latestFinish: { type: 'string', format: 'date', description: 'the last day it may finish' },
            planned: { type: 'string', format: 'date', description: 'when it finished or can finish' },
            basis: { type: 'string', enum: ['actual', 'published', 'projected'] },
            done: { type: 'boolean' },
            slackDays: { type: 'integer', description: 'latestFinish − planned; negative is late' },
            verdict: { type: 'string', enum: ['on-track', 'at-risk', 'infeasible'] },
            action: text('what to do, in a sentence'),
            rule: {
              ...object({ citation: text('where the law says it'), text: text('what it says') }),
              nullable: true,
            },
          },
          ['stage', 'latestFinish', 'planned', 'slackDays', 'verdict', 'action'],
        ),
      ),
      dependency: {
        ...object({
          commissionId: text('the commission depended on'),
          plannedDay: { type: 'string', format: 'date' },
        }),
        nullable: true,
      },
      calendarVersion: text('the bank holiday data used'),
    },
    ['feasible', 'verdict', 'why', 'stages', 'calendarVersion'],
  ),
  Notices: ofCommission(
    {
      notices: list(
        object(
          {
            type: text('UK4, UK6, UK7, UK12, contract-notice, below-threshold-tender-notice, …'),
            kind: {
              type: 'string',
              enum: ['tender', 'award', 'contract', 'termination', 'contract-termination'],
            },
            regime: { type: 'string', enum: ['PA2023', 'PCR2015', 'below-threshold'] },
            publishedAt: instant('when it was issued'),
            published: {
              type: 'boolean',
              description: 'false: a record kept for the audit, never published',
            },
            content: object({}),
            ocds: object({}, []),
          },
          ['type', 'kind', 'publishedAt', 'content', 'ocds'],
        ),
        'oldest first',
      ),
    },
    ['notices'],
  ),
  OcdsReleasePackage: object(
    {
      uri: { type: 'string', format: 'uri' },
      version: text('the OCDS version, 1.1'),
      extensions: list({ type: 'string', format: 'uri' }),
      publishedDate: instant('the latest release'),
      publisher: object({ name: text('who publishes') }, ['name']),
      releases: list(
        object({
          ocid: text('the contracting process'),
          id: text('the release'),
          tag: list({ type: 'string' }),
        }),
      ),
    },
    ['uri', 'version', 'publishedDate', 'publisher', 'releases'],
  ),
  Tasks: object(
    {
      items: list(
        object(
          {
            kind: text('decide, answer, score, review, …'),
            commissionId: { type: 'string', format: 'uuid' },
            commissionTitle: text('the study'),
            dueAt: { type: 'string', format: 'date-time', nullable: true },
            url: { type: 'string', format: 'uri', description: 'the web page to act on it' },
          },
          ['kind', 'commissionId'],
        ),
        'most urgent first',
      ),
    },
    ['items'],
  ),
  Health: object(
    {
      status: { type: 'string', enum: ['up', 'down'] },
      checks: object({
        temporal: object({ status: { type: 'string', enum: ['up', 'down'] } }),
        postgres: object({ status: { type: 'string', enum: ['up', 'down'] } }),
      }),
    },
    ['status'],
  ),
  WorkingDays: object(
    {
      regime: text('PA2023, PCR2015 or below-threshold'),
      from: { type: 'string', format: 'date' },
      to: { type: 'string', format: 'date' },
      workingDayCount: { type: 'integer' },
      workingDays: list({ type: 'string', format: 'date' }),
      skipped: list(
        object({
          date: { type: 'string', format: 'date' },
          why: text('weekend, or the holiday and its UK division'),
        }),
      ),
      rule: text('the law applied'),
      calendarVersion: text('the bank holiday data used'),
    },
    ['workingDays', 'skipped', 'rule'],
  ),
  Standstill: object(
    {
      lastDay: { type: 'string', format: 'date' },
      endsAt: instant('when standstill ends'),
      skipped: list(object({ date: { type: 'string', format: 'date' }, why: text('why not a working day') })),
    },
    ['lastDay', 'endsAt'],
  ),
  TenderPeriod: object(
    {
      earliestClosesAt: instant('the earliest lawful closing time'),
      rule: text('the law applied'),
      publishedAt: instant('as given'),
    },
    ['publishedAt'],
  ),
  ProgrammeSummary: object(
    {
      id: text('the slug commissions join with (`programmeId`)'),
      name: text('the programme'),
      description: text('what it groups'),
      createdBy: actorRef,
      createdAt: instant('when it was created'),
    },
    ['id', 'name'],
  ),
  Programmes: object({ items: list(ref('ProgrammeSummary')) }, ['items']),
  Programme: {
    allOf: [
      ref('ProgrammeSummary'),
      object(
        {
          commissions: list(
            object(
              {
                id: { type: 'string', format: 'uuid' },
                title: text('the study'),
                stage: { type: 'string', enum: [...STAGES] },
                version: { type: 'integer' },
                nextDue: {
                  type: 'object',
                  nullable: true,
                  description: 'the earliest open deadline',
                  properties: { milestone: text('what is due'), dueAt: instant('when') },
                },
                verdict: {
                  type: 'string',
                  nullable: true,
                  enum: ['on-track', 'at-risk', 'infeasible', null],
                  description:
                    'staff only: the timeline verdict (GET …/timeline) as of now; null once ended or when the dates cannot be planned',
                },
                feasible: {
                  type: 'boolean',
                  nullable: true,
                  description: 'staff only: whether both report dates can still be met',
                },
                why: text('staff only: the verdict in a sentence or two'),
              },
              ['id', 'title', 'stage'],
            ),
            'the commissions of the programme the caller may see',
          ),
          graph: object(
            {
              nodes: list(object({ id: text('commission id'), title: text('study'), stage: text('stage') })),
              edges: list(
                object(
                  {
                    from: text('the commission depended on'),
                    to: text('the dependent commission'),
                    gate: text('interim-report-accepted or final-report-accepted'),
                    status: { type: 'string', enum: ['waiting', 'met', 'never-to-be-met', 'dropped'] },
                    inProgramme: { type: 'boolean' },
                  },
                  ['from', 'to', 'gate', 'status'],
                ),
              ),
            },
            ['nodes', 'edges'],
          ),
          blocking: list(
            object(
              {
                commissionId: text('the commission held back'),
                blockedBy: text('the commission it waits on'),
                gate: text('the gate'),
                status: text('waiting or never-to-be-met'),
                says: text('what blocks what, in words'),
              },
              ['commissionId', 'blockedBy', 'says'],
            ),
            'what blocks what (staff only)',
          ),
        },
        ['commissions', 'graph', 'blocking'],
      ),
    ],
  },
};

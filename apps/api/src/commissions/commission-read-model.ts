import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditEventRecord,
  CommissionRecord,
  SpecificationVersionRecord,
  preparedQuery,
} from '@app/persistence';
import {
  OPEN_STAGES,
  PUBLISHED_STAGES,
  UNPUBLISHED_NOTICE_TYPES,
  parseInstant,
  type CommissionView,
  type Stage,
} from '@app/contracts';
import { ProblemException } from '../problem/problem.exception';
import { COMMISSION_ID } from './dto/validators';

export interface ListFilter {
  stages?: readonly Stage[];
  /** Only commissions made public by a published notice (what a supplier may list: READ_RULES). */
  publicOnly?: boolean;
  /** Only commissions this person is named on (officer, panel, observer). */
  memberId?: string;
  /** Only commissions waiting on this person's decision. */
  awaitingId?: string;
  programmeId?: string;
  q?: string;
  overdue?: boolean;
  cursor?: string;
  limit: number;
}

interface Cursor {
  createdAt: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/**
 * A cursor is opaque to callers but still input: its time is read by the one strict parser and
 * passed to PostgreSQL in the canonical form, never as the caller wrote it (JavaScript reads
 * `"1"` as a date; PostgreSQL does not).
 */
function decodeCursor(text: string): Cursor {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    c = null;
  }
  const { createdAt, id } = (c && typeof c === 'object' ? c : {}) as Partial<Record<keyof Cursor, unknown>>;
  const at = typeof createdAt === 'string' ? parseInstant(createdAt) : null;
  if (at === null || typeof id !== 'string' || !COMMISSION_ID.test(id)) {
    throw ProblemException.badRequest('cursor is not one this service issued', [
      { field: 'cursor', message: 'invalid cursor' },
    ]);
  }
  return { createdAt: new Date(at).toISOString(), id };
}

/**
 * Where the view names people (officers, panel, observers, the members a sign-off awaits, the
 * contract's supplier), as one document: what the GIN index `commissions_people_idx` holds
 * (migration PeopleIndex).
 */
export const PEOPLE_ON = 'commission_people(c.view)';

/** What `PEOPLE_ON` contains when a person is named in each of its places. */
export const PERSON_IN = {
  officers: (userId: string) => JSON.stringify({ officers: [{ userId }] }),
  panel: (userId: string) => JSON.stringify({ panel: [{ userId }] }),
  observers: (userId: string) => JSON.stringify({ observers: [{ userId }] }),
  awaiting: (userId: string) => JSON.stringify({ awaiting: [{ userId }] }),
  supplier: (userId: string) => JSON.stringify({ supplier: { userId } }),
};

/** A person named on a commission, as the view's people arrays hold them. */
const NAMED_IN = ['officers', 'panel', 'observers'] as const;
const NAMED_ON = NAMED_IN.map((k) => `${PEOPLE_ON} @> :${k}::jsonb`).join(' OR ');
const memberJson = (userId: string) => Object.fromEntries(NAMED_IN.map((k) => [k, PERSON_IN[k](userId)]));

/** What a list item shows (list-item.presenter.ts and the web list): every column but the view. */
const LISTED_COLUMNS = [
  'id',
  'workflowId',
  'title',
  'description',
  'programmeId',
  'regime',
  'stage',
  'version',
  'specificationVersion',
  'keyDates',
  'createdAt',
  'updatedAt',
] as const satisfies readonly Exclude<keyof CommissionRecord, 'view'>[];

/** Reads of the Postgres read model: lists, audit history and specification texts. */
@Injectable()
export class CommissionReadModel {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(filter: ListFilter) {
    if (filter.stages && filter.stages.length === 0) return { items: [], nextCursor: null };
    const qb = this.ds
      .getRepository(CommissionRecord)
      .createQueryBuilder('c')
      // A list item never shows the view: leaving it out spares reading and decoding a large jsonb per row.
      .select(LISTED_COLUMNS.map((k) => `c.${k}`))
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(filter.limit + 1);
    if (filter.stages) qb.andWhere('c.stage IN (:...stages)', { stages: filter.stages });
    if (filter.publicOnly) {
      // isPublic (read-rules.ts) in SQL: the notices are looked at only outside the published stages.
      qb.andWhere(
        `(c.stage IN (:...publishedStages) OR EXISTS (SELECT 1 FROM jsonb_array_elements(c.view->'notices') n
           WHERE n->>'type' NOT IN (:...unpublishedNotices)))`,
        { publishedStages: PUBLISHED_STAGES, unpublishedNotices: UNPUBLISHED_NOTICE_TYPES },
      );
    }
    if (filter.programmeId) qb.andWhere('c.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.andWhere('(c.title ILIKE :like OR c.description ILIKE :like)', { like });
    }
    if (filter.overdue !== undefined) {
      const overdue = `(c.key_dates->>'nextDueAt')::timestamptz < now()`;
      qb.andWhere(filter.overdue ? overdue : `NOT coalesce(${overdue}, false)`);
    }
    if (filter.memberId) qb.andWhere(`(${NAMED_ON})`, memberJson(filter.memberId));
    if (filter.awaitingId) {
      qb.andWhere(`${PEOPLE_ON} @> :awaiting::jsonb`, { awaiting: PERSON_IN.awaiting(filter.awaitingId) });
    }
    if (filter.cursor) {
      const c = decodeCursor(filter.cursor);
      qb.andWhere('(c.created_at, c.id) < (:createdAt, :id)', c);
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor:
        rows.length > filter.limit && last
          ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  }

  /** The views of the open commissions a person is named on, newest first. */
  async openViewsOf(userId: string, limit: number): Promise<CommissionView[]> {
    const rows = await this.ds
      .getRepository(CommissionRecord)
      .createQueryBuilder('c')
      .where('c.stage IN (:...stages)', { stages: OPEN_STAGES })
      .andWhere(`(${NAMED_ON})`, memberJson(userId))
      .orderBy('c.created_at', 'DESC')
      .take(limit)
      .getMany();
    return rows.map((r) => r.view).filter((v): v is CommissionView => v !== null);
  }

  /** Commissions in delivery whose contract is with this supplier: it owes their reports. */
  async contractedViewsOf(userId: string, limit: number): Promise<CommissionView[]> {
    const rows = await this.ds
      .getRepository(CommissionRecord)
      .createQueryBuilder('c')
      .where('c.stage = :stage', { stage: 'in-delivery' })
      .andWhere(`${PEOPLE_ON} @> :contract::jsonb`, { contract: PERSON_IN.supplier(userId) })
      .orderBy('c.created_at', 'DESC')
      .take(limit)
      .getMany();
    return rows.map((r) => r.view).filter((v): v is CommissionView => v !== null);
  }

  find(id: string): Promise<CommissionRecord | null> {
    return this.ds.getRepository(CommissionRecord).findOneBy({ id });
  }

  /**
   * A commission's stored view: `undefined` when there is no such commission, null when its row
   * predates stored views. One prepared statement: every read and most commands begin here.
   */
  async viewOf(id: string): Promise<CommissionView | null | undefined> {
    const [row] = await preparedQuery<{ view: CommissionView | null }>(this.ds, VIEW_OF, [id]);
    return row?.view;
  }

  history(commissionId: string): Promise<AuditEventRecord[]> {
    return this.ds.getRepository(AuditEventRecord).find({ where: { commissionId }, order: { seq: 'ASC' } });
  }

  specificationVersion(commissionId: string, version: number): Promise<SpecificationVersionRecord | null> {
    return this.ds.getRepository(SpecificationVersionRecord).findOneBy({ commissionId, version });
  }
}

const VIEW_OF = `SELECT view FROM commissions WHERE id = $1`;

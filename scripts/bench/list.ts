import { Client as PgClient } from 'pg';
import { STAGES } from '@app/contracts';
import { call, newCommission, type BenchCast } from './people';
import { Samples, timed, summarise, type Summary } from './stats';
import type { System } from './system';

export interface ListResult {
  rows: number;
  requests: Record<string, Summary>;
  overall: Summary;
}

const SEEDED = 'bench-list-';

/**
 * Fills the read model with `rows` commissions in one INSERT … SELECT: copies of a real one (its
 * jsonb view and key dates included, so rows are as wide as real ones), spread over the stages,
 * ten programmes, a minute apart, a third of them with a deadline already past.
 */
async function seed(pg: PgClient, templateId: string, rows: number): Promise<void> {
  await pg.query(
    `INSERT INTO commissions (id, workflow_id, title, description, programme_id, regime, stage, version,
                              specification_version, key_dates, view, created_at, updated_at)
     SELECT n.id, 'commission-' || n.id, t.title || ' ' || n.g || CASE WHEN n.g % 7 = 0 THEN ' capacity' ELSE '' END,
            t.description, $3 || (n.g % 10), t.regime, ($4::text[])[1 + n.g % cardinality($4::text[])], t.version,
            t.specification_version,
            jsonb_set(t.key_dates, '{nextDueAt}',
                      to_jsonb(to_char((now() + ((n.g % 3) - 1) * interval '30 days') AT TIME ZONE 'UTC',
                                       'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
            jsonb_set(t.view, '{id}', to_jsonb(n.id::text)),
            now() - n.g * interval '1 minute', now() - n.g * interval '1 minute'
     FROM commissions t, (SELECT g, gen_random_uuid() AS id FROM generate_series(1, $2::int) g) n
     WHERE t.id = $1`,
    [templateId, rows, SEEDED, [...STAGES]],
  );
  await pg.query('ANALYZE commissions');
}

/** GET /v1/commissions at `rows` commissions: filters, and cursor pages through the whole list. */
export async function measureList(
  system: System,
  cast: BenchCast,
  opts: { rows: number; requests: number },
  log: (line: string) => void,
): Promise<ListResult> {
  const pg = new PgClient({ connectionString: system.config.databaseUrl });
  await pg.connect();
  try {
    const template = await call(
      system.api,
      cast.officer.token,
      'POST',
      '/commissions',
      newCommission(cast, 'List template'),
    );
    log(`  seeding ${opts.rows} commissions into the read model`);
    await seed(pg, String(template.id), opts.rows);
    const { rows } = await pg.query<{ n: string }>('SELECT count(*) AS n FROM commissions');
    const total = Number(rows[0].n);
    log(`  ${total} commissions; timing ${opts.requests} requests of each kind`);

    const samples = new Samples();
    const get = (name: string, query: string) =>
      timed(samples, name, () =>
        call<{ items: unknown[]; nextCursor: string | null }>(
          system.api,
          cast.officer.token,
          'GET',
          `/commissions?${query}`,
        ),
      );
    const kinds: [string, (i: number) => string][] = [
      ['first page', () => 'limit=20'],
      ['stage', (i) => `stage=${STAGES[i % STAGES.length]}&limit=20`],
      ['programme', (i) => `programmeId=${SEEDED}${i % 10}&limit=20`],
      ['overdue', () => 'overdue=true&limit=20'],
      ['search', () => 'q=capacity&limit=20'],
    ];
    for (let i = 0; i < opts.requests; i++) for (const [name, query] of kinds) await get(name, query(i));
    // Cursor pages: walk the whole list, 100 a page, until `requests` pages are timed.
    let cursor: string | null = null;
    for (let i = 0; i < opts.requests; i++) {
      const page: { nextCursor: string | null } = await get(
        'cursor page (100)',
        `limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      cursor = page.nextCursor;
    }
    return {
      rows: total,
      requests: Object.fromEntries(samples.names().map((n) => [n, samples.summary(n)])),
      overall: summarise(samples.all()),
    };
  } finally {
    await pg
      .query(`DELETE FROM commissions WHERE programme_id LIKE $1`, [`${SEEDED}%`])
      .catch(() => undefined);
    await pg.end();
  }
}

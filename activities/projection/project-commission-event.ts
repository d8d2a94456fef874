import type { Projection, ProjectionEffect } from '@app/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Writes one workflow event to the read model. The audit row is keyed by (commission, seq): when
 * it already exists this is a retry or a replay, and nothing else is written, so the projection is
 * exactly-once in effect however often the activity runs.
 */
export async function projectCommissionEvent(ds: DataSource, p: Projection): Promise<boolean> {
  return ds.transaction(async (tx) => {
    await upsertCommission(tx, p);
    return insertEvent(tx, p);
  });
}

/** The audit row and, only when it is new, the event's effects; answers whether it was new. */
export async function insertEvent(tx: EntityManager, p: Projection): Promise<boolean> {
  const inserted: unknown[] = await tx.query(
    `INSERT INTO audit_events
       (commission_id, seq, at, actor_id, actor_name, action, from_stage, to_stage, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (commission_id, seq) DO NOTHING
     RETURNING id`,
    [
      p.commissionId,
      p.event.seq,
      p.event.at,
      p.event.actor.userId,
      p.event.actor.name,
      p.event.action,
      p.event.fromStage,
      p.event.toStage,
      JSON.stringify(p.event.detail),
    ],
  );
  if (inserted.length === 0) return false;
  for (const effect of p.effects) await applyEffect(tx, p, effect);
  return true;
}

/**
 * Inserts the commission or moves it forward; an older version never overwrites a newer one. (A
 * workflow task's own write, with its attempt, is project_attempt's: see project-attempt.ts.)
 */
export async function upsertCommission(tx: EntityManager, p: Projection): Promise<void> {
  const s = p.summary;
  await tx.query(
    `INSERT INTO commissions
       (id, workflow_id, title, description, programme_id, regime, stage, version,
        specification_version, key_dates, created_at, updated_at, view)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (id) DO UPDATE SET
       title = EXCLUDED.title, description = EXCLUDED.description,
       programme_id = EXCLUDED.programme_id, stage = EXCLUDED.stage, version = EXCLUDED.version,
       specification_version = EXCLUDED.specification_version, key_dates = EXCLUDED.key_dates,
       updated_at = EXCLUDED.updated_at, view = coalesce(EXCLUDED.view, commissions.view)
     WHERE commissions.version < EXCLUDED.version`,
    [
      s.id,
      s.workflowId,
      s.title,
      s.description,
      s.programmeId,
      s.regime,
      s.stage,
      s.version,
      s.specificationVersion,
      JSON.stringify(s.keyDates),
      s.createdAt,
      s.updatedAt,
      p.view ? JSON.stringify(p.view) : null,
    ],
  );
}

async function applyEffect(tx: EntityManager, p: Projection, e: ProjectionEffect): Promise<void> {
  switch (e.kind) {
    case 'specification-version':
      await tx.query(
        `INSERT INTO specification_versions
           (commission_id, version, content, content_hash, author_id, author_name, created_at, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [
          p.commissionId,
          e.version,
          e.content,
          e.contentHash,
          e.author.userId,
          e.author.name,
          e.createdAt,
          p.event.seq,
        ],
      );
      return;
    case 'sign-off':
      await tx.query(
        `INSERT INTO sign_offs
           (commission_id, specification_version, member_id, member_name, decision, comment, decided_at, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [
          p.commissionId,
          e.specificationVersion,
          e.member.userId,
          e.member.name,
          e.decision,
          e.comment,
          e.at,
          p.event.seq,
        ],
      );
      return;
    case 'conflict':
      await tx.query(
        `INSERT INTO conflicts
           (commission_id, seq, member_id, member_name, supplier, reason, declared_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [p.commissionId, p.event.seq, e.member.userId, e.member.name, e.supplier, e.reason, e.at],
      );
      return;
    case 'bids-opened':
      // Until this row says so, the API decrypts a bid for its bidder only (see bids/bid-vault.ts).
      await tx.query(
        `UPDATE bid_keys SET released_at = $2, released_seq = $3
          WHERE commission_id = $1 AND released_at IS NULL`,
        [p.commissionId, e.at, p.event.seq],
      );
      await tx.query(
        `UPDATE sealed_bids SET opened = true WHERE commission_id = $1 AND bid_id = ANY($2::uuid[])`,
        [p.commissionId, e.bidIds],
      );
      return;
    default: {
      const unknown: never = e;
      throw new Error(`unknown projection effect ${JSON.stringify(unknown)}`);
    }
  }
}

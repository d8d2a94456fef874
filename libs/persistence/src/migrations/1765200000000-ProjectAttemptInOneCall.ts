import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A workflow task's projection write in one statement, so one round trip (it runs inside the
 * workflow task that answers a command, on every command's path): begin_projection_attempt's
 * checks, then the commission row, then each event's audit row and, only when that row is new,
 * the rows its effects add (activities/projection/project-attempt.ts describes the rules; this is
 * the same writes as project-commission-event.ts makes one query at a time).
 *
 * p_row is the batch's last summary; p_events is [{ commissionId, event, effects }].
 */
export class ProjectAttemptInOneCall1765200000000 implements MigrationInterface {
  name = 'ProjectAttemptInOneCall1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION project_attempt(
        p_commission uuid, p_first integer, p_last integer,
        p_run_started_ms bigint, p_history_length integer, p_committed_through integer,
        p_provisional boolean, p_row jsonb, p_view jsonb, p_events jsonb,
        OUT stale text, OUT replaced integer, OUT written integer
      ) AS $$
      DECLARE
        ev jsonb;
        e jsonb;
        v_cid uuid;
        v_seq integer;
        new_id bigint;
      BEGIN
        written := 0;
        SELECT b.stale, b.replaced INTO stale, replaced
          FROM begin_projection_attempt(p_commission, p_first, p_last, p_run_started_ms,
                                        p_history_length, p_committed_through) b;
        IF stale IS NOT NULL THEN
          RETURN;
        END IF;
        INSERT INTO commissions
          (id, workflow_id, title, description, programme_id, regime, stage, version,
           specification_version, key_dates, created_at, updated_at, view,
           projected_run_started_ms, projected_history_length)
        VALUES ((p_row->>'id')::uuid, p_row->>'workflowId', p_row->>'title', p_row->>'description',
                p_row->>'programmeId', p_row->>'regime', p_row->>'stage', (p_row->>'version')::integer,
                (p_row->>'specificationVersion')::integer, p_row->'keyDates',
                (p_row->>'createdAt')::timestamptz, (p_row->>'updatedAt')::timestamptz, p_view,
                p_run_started_ms, p_history_length)
        ON CONFLICT (id) DO UPDATE SET
          title = EXCLUDED.title, description = EXCLUDED.description,
          programme_id = EXCLUDED.programme_id, stage = EXCLUDED.stage, version = EXCLUDED.version,
          specification_version = EXCLUDED.specification_version, key_dates = EXCLUDED.key_dates,
          updated_at = EXCLUDED.updated_at, view = coalesce(EXCLUDED.view, commissions.view),
          projected_run_started_ms = EXCLUDED.projected_run_started_ms,
          projected_history_length = EXCLUDED.projected_history_length;
        FOR ev IN SELECT value FROM jsonb_array_elements(p_events) LOOP
          v_cid := (ev->>'commissionId')::uuid;
          v_seq := (ev->'event'->>'seq')::integer;
          new_id := NULL;
          INSERT INTO audit_events
            (commission_id, seq, at, actor_id, actor_name, action, from_stage, to_stage, detail, provisional)
          VALUES (v_cid, v_seq, (ev->'event'->>'at')::timestamptz, ev->'event'->'actor'->>'userId',
                  ev->'event'->'actor'->>'name', ev->'event'->>'action', ev->'event'->>'fromStage',
                  ev->'event'->>'toStage', ev->'event'->'detail', p_provisional)
          ON CONFLICT (commission_id, seq) DO NOTHING
          RETURNING id INTO new_id;
          CONTINUE WHEN new_id IS NULL;
          written := written + 1;
          FOR e IN SELECT value FROM jsonb_array_elements(coalesce(ev->'effects', '[]'::jsonb)) LOOP
            CASE e->>'kind'
              WHEN 'specification-version' THEN
                INSERT INTO specification_versions
                  (commission_id, version, content, content_hash, author_id, author_name, created_at, seq)
                VALUES (v_cid, (e->>'version')::integer, e->>'content', e->>'contentHash',
                        e->'author'->>'userId', e->'author'->>'name', (e->>'createdAt')::timestamptz, v_seq)
                ON CONFLICT DO NOTHING;
              WHEN 'sign-off' THEN
                INSERT INTO sign_offs
                  (commission_id, specification_version, member_id, member_name, decision, comment,
                   decided_at, seq)
                VALUES (v_cid, (e->>'specificationVersion')::integer, e->'member'->>'userId',
                        e->'member'->>'name', e->>'decision', e->>'comment', (e->>'at')::timestamptz, v_seq)
                ON CONFLICT DO NOTHING;
              WHEN 'conflict' THEN
                INSERT INTO conflicts
                  (commission_id, seq, member_id, member_name, supplier, reason, declared_at)
                VALUES (v_cid, v_seq, e->'member'->>'userId', e->'member'->>'name', e->>'supplier',
                        e->>'reason', (e->>'at')::timestamptz)
                ON CONFLICT DO NOTHING;
              WHEN 'bids-opened' THEN
                -- Until this row says so, the API decrypts a bid for its bidder only (bids/bid-vault.ts).
                UPDATE bid_keys SET released_at = (e->>'at')::timestamptz, released_seq = v_seq
                 WHERE commission_id = v_cid AND released_at IS NULL;
                UPDATE sealed_bids SET opened = true
                 WHERE commission_id = v_cid
                   AND bid_id = ANY(ARRAY(SELECT jsonb_array_elements_text(e->'bidIds'))::uuid[]);
              ELSE
                RAISE EXCEPTION 'unknown projection effect %', e->>'kind';
            END CASE;
          END LOOP;
        END LOOP;
      END;
      $$ LANGUAGE plpgsql`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION project_attempt(uuid, integer, integer, bigint, integer, integer, boolean, jsonb, jsonb, jsonb)`,
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection is written from inside the workflow task that records the events (a local
 * activity), before that task is in the workflow's history. Should the task be lost (a killed
 * worker, a timeout) its retry may number or time the same commands differently, so:
 *
 * - the commission row remembers which task wrote it last (its run's start and its history length
 *   then), so that a lost task's late write never lands over a later one;
 * - audit rows from a task not yet in history are provisional: the retry replaces them, and the
 *   next task marks them final. Only provisional rows may be removed or changed, and only to be
 *   marked final: the audit trail stays append-only for everything the workflow committed.
 * - the rows events add beside the audit trail carry the event's sequence number, so a replaced
 *   event's rows go with it.
 */
export class ProjectionAttempts1765100000000 implements MigrationInterface {
  name = 'ProjectionAttempts1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE commissions
        ADD COLUMN projected_run_started_ms bigint NOT NULL DEFAULT 0,
        ADD COLUMN projected_history_length integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE audit_events ADD COLUMN provisional boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE specification_versions ADD COLUMN seq integer NULL`);
    await q.query(`ALTER TABLE sign_offs ADD COLUMN seq integer NULL`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.provisional THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.provisional AND NOT NEW.provisional
           AND (NEW.id, NEW.commission_id, NEW.seq, NEW.at, NEW.actor_id, NEW.actor_name, NEW.action,
                NEW.from_stage, NEW.to_stage, NEW.detail)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.commission_id, OLD.seq, OLD.at, OLD.actor_id, OLD.actor_name, OLD.action,
                OLD.from_stage, OLD.to_stage, OLD.detail) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only';
      END;
      $$ LANGUAGE plpgsql`);
    // The first step of a task's write, in one round-trip (activities/projection/project-attempt.ts):
    // answers why the write must be ignored (stale), or null once the way is clear for it, and how
    // many provisional events of a lost task it removed (replaced).
    await q.query(`
      CREATE FUNCTION begin_projection_attempt(
        p_commission uuid, p_first integer, p_last integer,
        p_run_started_ms bigint, p_history_length integer, p_committed_through integer,
        OUT stale text, OUT replaced integer
      ) AS $$
      DECLARE
        row_version integer;
        row_run bigint;
        row_history integer;
        removed integer[];
      BEGIN
        -- One writer per commission at a time: the check and the writes after it are one step.
        PERFORM pg_advisory_xact_lock(hashtextextended(p_commission::text, 7));
        SELECT version, projected_run_started_ms, projected_history_length
          INTO row_version, row_run, row_history
          FROM commissions WHERE id = p_commission;
        IF FOUND THEN
          IF (p_run_started_ms, p_history_length) < (row_run, row_history) THEN
            stale := format('a later workflow task (history %s) has written', row_history);
            RETURN;
          END IF;
          IF (p_run_started_ms, p_history_length) = (row_run, row_history) AND p_last < row_version THEN
            stale := format('this task has written up to %s already', row_version);
            RETURN;
          END IF;
        END IF;
        UPDATE audit_events SET provisional = false
         WHERE commission_id = p_commission AND provisional AND seq <= p_committed_through;
        WITH gone AS (
          DELETE FROM audit_events
           WHERE commission_id = p_commission AND seq >= p_first AND provisional
          RETURNING seq)
        SELECT array_agg(seq) INTO removed FROM gone;
        replaced := coalesce(cardinality(removed), 0);
        IF removed IS NOT NULL THEN
          DELETE FROM specification_versions WHERE commission_id = p_commission AND seq = ANY(removed);
          DELETE FROM sign_offs WHERE commission_id = p_commission AND seq = ANY(removed);
          DELETE FROM conflicts WHERE commission_id = p_commission AND seq = ANY(removed);
        END IF;
      END;
      $$ LANGUAGE plpgsql`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION begin_projection_attempt(uuid, integer, integer, bigint, integer, integer)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END;
      $$ LANGUAGE plpgsql`);
    await q.query(`ALTER TABLE sign_offs DROP COLUMN seq`);
    await q.query(`ALTER TABLE specification_versions DROP COLUMN seq`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN provisional`);
    await q.query(
      `ALTER TABLE commissions DROP COLUMN projected_history_length, DROP COLUMN projected_run_started_ms`,
    );
  }
}

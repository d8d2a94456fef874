import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CommissionReadModel1764100000000 implements MigrationInterface {
  name = 'CommissionReadModel1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE commissions (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL UNIQUE,
        title text NOT NULL,
        description text NOT NULL,
        programme_id text NULL,
        regime text NOT NULL,
        stage text NOT NULL,
        version integer NOT NULL,
        specification_version integer NULL,
        key_dates jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX commissions_stage_idx ON commissions (stage)`);
    await q.query(`CREATE INDEX commissions_programme_idx ON commissions (programme_id)`);
    await q.query(`CREATE INDEX commissions_created_idx ON commissions (created_at, id)`);

    await q.query(`
      CREATE TABLE specification_versions (
        commission_id uuid NOT NULL REFERENCES commissions(id),
        version integer NOT NULL,
        content text NOT NULL,
        content_hash text NOT NULL,
        author_id text NOT NULL,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (commission_id, version)
      )`);

    await q.query(`
      CREATE TABLE sign_offs (
        commission_id uuid NOT NULL REFERENCES commissions(id),
        specification_version integer NOT NULL,
        member_id text NOT NULL,
        member_name text NOT NULL,
        decision text NOT NULL,
        comment text NOT NULL,
        decided_at timestamptz NOT NULL,
        PRIMARY KEY (commission_id, specification_version, member_id)
      )`);

    await q.query(`
      CREATE TABLE conflicts (
        commission_id uuid NOT NULL REFERENCES commissions(id),
        seq integer NOT NULL,
        member_id text NOT NULL,
        member_name text NOT NULL,
        supplier text NOT NULL,
        reason text NOT NULL,
        declared_at timestamptz NOT NULL,
        PRIMARY KEY (commission_id, seq)
      )`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        commission_id uuid NOT NULL,
        seq integer NOT NULL,
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        from_stage text NULL,
        to_stage text NOT NULL,
        detail jsonb NOT NULL,
        CONSTRAINT audit_events_commission_seq_key UNIQUE (commission_id, seq)
      )`);
    // The audit trail is evidence: once written, no one edits or removes it.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END;
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        principal text NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NULL,
        response_body jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TRIGGER audit_events_no_change ON audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE conflicts`);
    await q.query(`DROP TABLE sign_offs`);
    await q.query(`DROP TABLE specification_versions`);
    await q.query(`DROP TABLE commissions`);
  }
}

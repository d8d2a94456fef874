import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sealed bids, outside the workflow: each bid's content and price encrypted (AES-256-GCM) under its
 * commission's data key, which is stored only wrapped by the master key (BID_MASTER_KEY). The
 * close's projection marks the key released; until then the API decrypts a bid for its bidder only.
 */
export class SealedBids1764600000000 implements MigrationInterface {
  name = 'SealedBids1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bid_keys (
        commission_id uuid PRIMARY KEY,
        wrapped_key bytea NOT NULL,
        wrap_iv bytea NOT NULL,
        wrap_tag bytea NOT NULL,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        released_at timestamptz NULL,
        released_seq integer NULL
      )`);
    await q.query(`
      CREATE TABLE sealed_bids (
        bid_id uuid PRIMARY KEY,
        commission_id uuid NOT NULL REFERENCES bid_keys (commission_id),
        supplier_id text NOT NULL,
        iv bytea NOT NULL,
        ciphertext bytea NOT NULL,
        auth_tag bytea NOT NULL,
        content_hash text NOT NULL,
        size integer NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now(),
        opened boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX sealed_bids_commission ON sealed_bids (commission_id, supplier_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sealed_bids`);
    await q.query(`DROP TABLE bid_keys`);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { preparedQuery } from '@app/persistence';
import { DataSource } from 'typeorm';
import {
  bidPlaintext,
  masterKeyId,
  newDataKey,
  readPlaintext,
  seal,
  unseal,
  type BidContent,
} from './bid-crypto';

/** The injection token of the master key (BID_MASTER_KEY, decoded). */
export const BID_MASTER_KEY = Symbol('BID_MASTER_KEY');

interface KeyRow {
  wrapped_key: Buffer;
  wrap_iv: Buffer;
  wrap_tag: Buffer;
  released_at: Date | null;
}

interface BidRow {
  bid_id: string;
  supplier_id: string;
  iv: Buffer;
  ciphertext: Buffer;
  auth_tag: Buffer;
  content_hash: string;
}

export interface OpenedBid extends BidContent {
  bidId: string;
  /** The salt sealed with the bid: with it a bidder can recompute its receipt's content hash. */
  salt: string;
}

/**
 * Where sealed bids live: encrypted in PostgreSQL, never in the workflow. Who may have a bid opened
 * is the caller's to decide (BidsController); this class only opens what the key state allows:
 * `openOwn` a supplier's own bids at any time, `openReleased` the bids opened at the close, and only
 * once the close's projection has marked the commission's key released.
 */
@Injectable()
export class BidVault {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(BID_MASTER_KEY) private readonly masterKey: Buffer,
  ) {}

  /**
   * Encrypts and stores one bid before the workflow hears of it; a retry of the same bid id keeps
   * the first. Two statements, no transaction: a key stored without its first bid is the key the
   * next bid uses.
   */
  async seal(
    commissionId: string,
    supplierId: string,
    bidId: string,
    content: BidContent,
  ): Promise<{ contentHash: string; size: number }> {
    const key = await this.dataKey(commissionId);
    const { plaintext, contentHash } = bidPlaintext(content);
    const sealed = seal(key, plaintext, aadOf(commissionId, bidId));
    const values = [
      bidId,
      commissionId,
      supplierId,
      sealed.iv,
      sealed.ciphertext,
      sealed.tag,
      contentHash,
      plaintext.length,
    ];
    // A retry storing the same bid id at this very moment is outside the statement's snapshot:
    // then the row is read again.
    const row =
      (await preparedQuery<StoredBid>(this.ds, STORE_BID, values))[0] ??
      (await preparedQuery<StoredBid>(this.ds, STORED_BID, [bidId]))[0];
    if (row.supplier_id !== supplierId) throw new Error('bid id collision with another supplier');
    return { contentHash: row.content_hash, size: row.size };
  }

  /** A bid the workflow refused (late, wrong stage) is not kept. */
  async discard(bidId: string): Promise<void> {
    await this.ds.query(`DELETE FROM sealed_bids WHERE bid_id = $1 AND NOT opened`, [bidId]);
  }

  async openOwn(commissionId: string, supplierId: string, bidIds: readonly string[]): Promise<OpenedBid[]> {
    if (bidIds.length === 0) return [];
    const rows = await preparedQuery<KeyRow & Partial<BidRow>>(this.ds, OWN_BIDS, [
      commissionId,
      supplierId,
      bidIds,
    ]);
    return this.openRows(commissionId, rows, false);
  }

  /** The bids opened at the close; none while the key has not been released. */
  async openReleased(commissionId: string): Promise<OpenedBid[]> {
    const rows = await preparedQuery<KeyRow & Partial<BidRow>>(this.ds, OPENED_BIDS, [commissionId]);
    return this.openRows(commissionId, rows, true);
  }

  /** The key's row joined to each bid's (one row, without a bid, when there is none). */
  private openRows(commissionId: string, rows: (KeyRow & Partial<BidRow>)[], released: boolean): OpenedBid[] {
    const [key] = rows;
    if (!key || (released && !key.released_at)) return [];
    const dataKey = this.unwrap(commissionId, key);
    return rows
      .filter((r): r is KeyRow & BidRow => r.bid_id != null)
      .map((r) => this.open(dataKey, commissionId, r));
  }

  private open(dataKey: Buffer, commissionId: string, r: BidRow): OpenedBid {
    const plaintext = unseal(
      dataKey,
      { iv: r.iv, ciphertext: r.ciphertext, tag: r.auth_tag },
      aadOf(commissionId, r.bid_id),
    );
    const { proposal, price, salt } = readPlaintext(plaintext);
    return { bidId: r.bid_id, proposal, price, salt };
  }

  /** The commission's data key, made (and stored wrapped) by the first bid. */
  private async dataKey(commissionId: string): Promise<Buffer> {
    const fresh = newDataKey();
    const wrapped = seal(this.masterKey, fresh, commissionId);
    // One made by another bid at this very moment is outside the statement's snapshot: read again.
    const row =
      (
        await preparedQuery<KeyRow>(this.ds, STORE_KEY, [
          commissionId,
          wrapped.ciphertext,
          wrapped.iv,
          wrapped.tag,
          masterKeyId(this.masterKey),
        ])
      )[0] ?? (await preparedQuery<KeyRow>(this.ds, STORED_KEY, [commissionId]))[0];
    return this.unwrap(commissionId, row);
  }

  private unwrap(commissionId: string, row: KeyRow): Buffer {
    return unseal(
      this.masterKey,
      { iv: row.wrap_iv, ciphertext: row.wrapped_key, tag: row.wrap_tag },
      commissionId,
    );
  }
}

const aadOf = (commissionId: string, bidId: string) => `${commissionId}:${bidId}`;

type StoredBid = { content_hash: string; size: number; supplier_id: string };

const KEY_COLUMNS = 'wrapped_key, wrap_iv, wrap_tag, released_at';

/** The commission's key, stored unless one is: the stored one, or none when made at this moment. */
const STORE_KEY = `WITH made AS (
    INSERT INTO bid_keys (commission_id, wrapped_key, wrap_iv, wrap_tag, master_key_id)
    VALUES ($1, $2, $3, $4, $5) ON CONFLICT (commission_id) DO NOTHING RETURNING ${KEY_COLUMNS})
  SELECT ${KEY_COLUMNS} FROM made
  UNION ALL SELECT ${KEY_COLUMNS} FROM bid_keys WHERE commission_id = $1 AND NOT EXISTS (SELECT 1 FROM made)`;

const STORED_KEY = `SELECT ${KEY_COLUMNS} FROM bid_keys WHERE commission_id = $1`;

const STORE_BID = `WITH stored AS (
    INSERT INTO sealed_bids (bid_id, commission_id, supplier_id, iv, ciphertext, auth_tag, content_hash, size)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (bid_id) DO NOTHING
    RETURNING content_hash, size, supplier_id)
  SELECT content_hash, size, supplier_id FROM stored
  UNION ALL SELECT content_hash, size, supplier_id FROM sealed_bids
   WHERE bid_id = $1 AND NOT EXISTS (SELECT 1 FROM stored)`;

const STORED_BID = `SELECT content_hash, size, supplier_id FROM sealed_bids WHERE bid_id = $1`;

const BID_COLUMNS = 's.bid_id, s.supplier_id, s.iv, s.ciphertext, s.auth_tag, s.content_hash';

const OWN_BIDS = `SELECT k.wrapped_key, k.wrap_iv, k.wrap_tag, k.released_at, ${BID_COLUMNS}
    FROM bid_keys k LEFT JOIN sealed_bids s
      ON s.commission_id = k.commission_id AND s.supplier_id = $2 AND s.bid_id = ANY($3::uuid[])
   WHERE k.commission_id = $1`;

const OPENED_BIDS = `SELECT k.wrapped_key, k.wrap_iv, k.wrap_tag, k.released_at, ${BID_COLUMNS}
    FROM bid_keys k LEFT JOIN sealed_bids s
      ON s.commission_id = k.commission_id AND s.opened AND k.released_at IS NOT NULL
   WHERE k.commission_id = $1`;

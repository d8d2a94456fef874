import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
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

  /** Encrypts and stores one bid before the workflow hears of it; a retry of the same bid id keeps the first. */
  async seal(
    commissionId: string,
    supplierId: string,
    bidId: string,
    content: BidContent,
  ): Promise<{ contentHash: string; size: number }> {
    return this.ds.transaction(async (tx) => {
      const key = await this.dataKey(tx, commissionId);
      const { plaintext, contentHash } = bidPlaintext(content);
      const sealed = seal(key, plaintext, aadOf(commissionId, bidId));
      await tx.query(
        `INSERT INTO sealed_bids (bid_id, commission_id, supplier_id, iv, ciphertext, auth_tag, content_hash, size)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (bid_id) DO NOTHING`,
        [
          bidId,
          commissionId,
          supplierId,
          sealed.iv,
          sealed.ciphertext,
          sealed.tag,
          contentHash,
          plaintext.length,
        ],
      );
      const [row] = (await tx.query(
        `SELECT content_hash, size, supplier_id FROM sealed_bids WHERE bid_id = $1`,
        [bidId],
      )) as { content_hash: string; size: number; supplier_id: string }[];
      if (row.supplier_id !== supplierId) throw new Error('bid id collision with another supplier');
      return { contentHash: row.content_hash, size: row.size };
    });
  }

  /** A bid the workflow refused (late, wrong stage) is not kept. */
  async discard(bidId: string): Promise<void> {
    await this.ds.query(`DELETE FROM sealed_bids WHERE bid_id = $1 AND NOT opened`, [bidId]);
  }

  async openOwn(commissionId: string, supplierId: string, bidIds: readonly string[]): Promise<OpenedBid[]> {
    if (bidIds.length === 0) return [];
    const key = await this.existingKey(commissionId);
    if (!key) return [];
    const rows = (await this.ds.query(
      `SELECT bid_id, supplier_id, iv, ciphertext, auth_tag, content_hash FROM sealed_bids
        WHERE commission_id = $1 AND supplier_id = $2 AND bid_id = ANY($3::uuid[])`,
      [commissionId, supplierId, bidIds],
    )) as BidRow[];
    return rows.map((r) => this.open(key.dataKey, commissionId, r));
  }

  /** The bids opened at the close; none while the key has not been released. */
  async openReleased(commissionId: string): Promise<OpenedBid[]> {
    const key = await this.existingKey(commissionId);
    if (!key?.releasedAt) return [];
    const rows = (await this.ds.query(
      `SELECT bid_id, supplier_id, iv, ciphertext, auth_tag, content_hash FROM sealed_bids
        WHERE commission_id = $1 AND opened`,
      [commissionId],
    )) as BidRow[];
    return rows.map((r) => this.open(key.dataKey, commissionId, r));
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
  private async dataKey(tx: EntityManager, commissionId: string): Promise<Buffer> {
    const fresh = newDataKey();
    const wrapped = seal(this.masterKey, fresh, commissionId);
    await tx.query(
      `INSERT INTO bid_keys (commission_id, wrapped_key, wrap_iv, wrap_tag, master_key_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (commission_id) DO NOTHING`,
      [commissionId, wrapped.ciphertext, wrapped.iv, wrapped.tag, masterKeyId(this.masterKey)],
    );
    const [row] = (await tx.query(`SELECT * FROM bid_keys WHERE commission_id = $1`, [
      commissionId,
    ])) as KeyRow[];
    return this.unwrap(commissionId, row);
  }

  private async existingKey(
    commissionId: string,
  ): Promise<{ dataKey: Buffer; releasedAt: Date | null } | null> {
    const [row] = (await this.ds.query(`SELECT * FROM bid_keys WHERE commission_id = $1`, [
      commissionId,
    ])) as KeyRow[];
    return row ? { dataKey: this.unwrap(commissionId, row), releasedAt: row.released_at } : null;
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

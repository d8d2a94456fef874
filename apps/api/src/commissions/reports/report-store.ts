import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReportKind } from '@app/contracts';
import { contentHash } from '../commissions.service';

export interface StoredReport {
  contentHash: string;
  size: number;
}

/**
 * Report markdown in PostgreSQL (report_versions). Stored before the workflow hears of a version,
 * so the workflow keeps only its receipt; who may read it is the controller's to decide.
 */
@Injectable()
export class ReportStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Stores one version; a retry with the same submission id keeps (and answers with) the first. */
  async keep(row: {
    submissionId: string;
    commissionId: string;
    kind: ReportKind;
    authorId: string;
    content: string;
  }): Promise<StoredReport> {
    const hash = contentHash(row.content);
    const size = Buffer.byteLength(row.content, 'utf8');
    await this.ds.query(
      `INSERT INTO report_versions (submission_id, commission_id, kind, author_id, content, content_hash, size)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (submission_id) DO NOTHING`,
      [row.submissionId, row.commissionId, row.kind, row.authorId, row.content, hash, size],
    );
    const [kept] = (await this.ds.query(
      `SELECT content_hash, size FROM report_versions WHERE submission_id = $1`,
      [row.submissionId],
    )) as { content_hash: string; size: number }[];
    return { contentHash: kept.content_hash, size: kept.size };
  }

  /** Drops a version the workflow refused. */
  async discard(submissionId: string): Promise<void> {
    await this.ds.query(`DELETE FROM report_versions WHERE submission_id = $1`, [submissionId]);
  }

  /** The markdown of these versions of one commission, by submission id. */
  async contents(commissionId: string, submissionIds: readonly string[]): Promise<Map<string, string>> {
    if (submissionIds.length === 0) return new Map();
    const rows = (await this.ds.query(
      `SELECT submission_id, content FROM report_versions WHERE commission_id = $1 AND submission_id = ANY($2::uuid[])`,
      [commissionId, submissionIds],
    )) as { submission_id: string; content: string }[];
    return new Map(rows.map((r) => [r.submission_id, r.content]));
  }
}

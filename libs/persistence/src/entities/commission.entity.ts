import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CommissionView } from '@app/contracts';

/** The read model of one commission, kept by the workflow's projection activity. */
@Entity({ name: 'commissions' })
export class CommissionRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Index()
  @Column({ name: 'programme_id', type: 'text', nullable: true })
  programmeId!: string | null;

  @Column('text')
  regime!: string;

  @Index()
  @Column('text')
  stage!: string;

  /** The workflow's change counter; a projection only ever moves it forward. */
  @Column('integer')
  version!: number;

  @Column({ name: 'specification_version', type: 'integer', nullable: true })
  specificationVersion!: number | null;

  @Column({ name: 'key_dates', type: 'jsonb' })
  keyDates!: Record<string, string | null>;

  /** The whole state after the last projected event; null for commissions from before it was kept. */
  @Column({ type: 'jsonb', nullable: true })
  view!: CommissionView | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only: a database trigger refuses UPDATE and DELETE. `(commission_id, seq)` is unique, so
 * a retried or replayed projection of the same workflow event writes nothing new.
 */
@Entity({ name: 'audit_events' })
@Index(['commissionId', 'seq'], { unique: true })
export class AuditEventRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'commission_id', type: 'uuid' })
  commissionId!: string;

  @Column('integer')
  seq!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column('text')
  action!: string;

  @Column({ name: 'from_stage', type: 'text', nullable: true })
  fromStage!: string | null;

  @Column({ name: 'to_stage', type: 'text' })
  toStage!: string;

  @Column('jsonb')
  detail!: Record<string, unknown>;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A declared conflict of interest, keyed by the workflow event that recorded it. */
@Entity({ name: 'conflicts' })
export class ConflictRecord {
  @PrimaryColumn({ name: 'commission_id', type: 'uuid' })
  commissionId!: string;

  @PrimaryColumn('integer')
  seq!: number;

  @Column({ name: 'member_id', type: 'text' })
  memberId!: string;

  @Column({ name: 'member_name', type: 'text' })
  memberName!: string;

  @Column('text')
  supplier!: string;

  @Column('text')
  reason!: string;

  @Column({ name: 'declared_at', type: 'timestamptz' })
  declaredAt!: Date;
}

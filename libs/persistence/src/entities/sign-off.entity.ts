import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One member's decision on one specification version: decided once, so the key is the three. */
@Entity({ name: 'sign_offs' })
export class SignOffRecord {
  @PrimaryColumn({ name: 'commission_id', type: 'uuid' })
  commissionId!: string;

  @PrimaryColumn({ name: 'specification_version', type: 'integer' })
  specificationVersion!: number;

  @PrimaryColumn({ name: 'member_id', type: 'text' })
  memberId!: string;

  @Column({ name: 'member_name', type: 'text' })
  memberName!: string;

  @Column('text')
  decision!: string;

  @Column('text')
  comment!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}

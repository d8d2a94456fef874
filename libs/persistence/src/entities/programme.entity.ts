import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A named group of commissions; a commission joins it by its `programmeId`. */
@Entity({ name: 'programmes' })
export class ProgrammeRecord {
  /** A slug (the id grammar of libs/contracts/src/text.ts), chosen by the officer or derived from the name. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  description!: string;

  @Column({ name: 'created_by', type: 'jsonb' })
  createdBy!: { userId: string; name: string };

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

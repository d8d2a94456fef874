import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'specification_versions' })
export class SpecificationVersionRecord {
  @PrimaryColumn({ name: 'commission_id', type: 'uuid' })
  commissionId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column('text')
  content!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'author_id', type: 'text' })
  authorId!: string;

  @Column({ name: 'author_name', type: 'text' })
  authorName!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

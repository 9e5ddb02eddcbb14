import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { type JobSearchFilter } from '@jobcode/search';

/** A search a person saved to be told about new matching jobs. */
@Entity('saved_search')
@Index(['accountId', 'createdAt'])
export class SavedSearch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @Column({ type: 'varchar', length: 30 })
  name: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  query: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  filter: JobSearchFilter;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

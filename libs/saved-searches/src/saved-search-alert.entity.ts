import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { SavedSearch } from './saved-search.entity';

/** One alert sent: a saved search is told about a job once, however often the job changes. */
@Entity('saved_search_alert')
export class SavedSearchAlert {
  @PrimaryColumn({ type: 'uuid' })
  savedSearchId: string;

  @PrimaryColumn({ type: 'uuid' })
  jobId: string;

  @ManyToOne(() => SavedSearch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'saved_search_id' })
  savedSearch?: SavedSearch;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

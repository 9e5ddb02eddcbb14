import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The PostgreSQL search index: one row per searchable (open) job, with a weighted tsvector
 * of Chinese characters, bigrams and pinyin built in Node (PostgreSQL's parsers do not
 * segment Chinese). Filled by the indexer, never written by features directly.
 */
@Entity('job_search_document')
@Index('job_search_document_tokens', { synchronize: false })
@Index('job_search_document_region_prefix', { synchronize: false })
@Index(['postedAt'])
export class JobSearchDocumentRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'varchar', length: 9 })
  townshipCode: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'integer', nullable: true })
  wageMonthlyMin: number | null;

  @Column({ type: 'integer', nullable: true })
  wageMonthlyMax: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  benefits: string[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  sourceKind: string | null;

  @Column({ type: 'timestamptz' })
  postedAt: Date;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  /** Everything searchable (title A, occupation and employer B, description C): matched through GIN. Large, so usually TOASTed. */
  @Column({ type: 'tsvector' })
  tokens: string;

  /**
   * Title (A) and occupation (B) only: small enough to stay inline, so ranking thousands of
   * matches does not detoast the full vector of each.
   */
  @Column({ type: 'tsvector' })
  rankTokens: string;
}

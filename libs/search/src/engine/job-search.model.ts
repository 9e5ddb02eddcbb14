import { type EntityManager } from 'typeorm';

import type { GeoPoint } from '@jobcode/common';

/** What the search engines hold for one job: enough to filter, rank and facet, not the whole job. */
export interface JobSearchDocument {
  id: string;
  title: string;
  occupation: string | null;
  description: string | null;
  employerName: string | null;
  /** The village, township or county the job is in (division code). */
  regionCode: string;
  kind: string;
  /** Monthly-equivalent wage in yuan (DAY × 22, HOUR × 176); null when paid by the piece. */
  wageMonthlyMin: number | null;
  wageMonthlyMax: number | null;
  /** BOARD, LODGING, TRANSPORT, SOCIAL_INSURANCE. */
  benefits: string[];
  /** How the advert states the wage (MONTH, DAY, HOUR, PIECE): its everyday words (日结, 计件) find the job. */
  wageUnit?: string | null;
  /** GIG_STATION, WORKSHOP, JOB_FAIR or null. */
  sourceKind: string | null;
  postedAt: Date;
  lat: number | null;
  lng: number | null;
}

export enum JobSearchSort {
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
  WAGE = 'WAGE',
  NEWEST = 'NEWEST',
}

export interface JobSearchFilter {
  /** Inside this region (division code prefix). */
  regionCode?: string;
  kinds?: string[];
  /** Monthly-equivalent wage at least this (the job's maximum reaches it). */
  minMonthlyWage?: number;
  /** Every one of these benefits. */
  benefits?: string[];
  sourceKinds?: string[];
  postedWithinDays?: number;
  /** Within this many kilometres of `near`. */
  withinKm?: number;
}

export interface JobSearchQuery {
  text?: string;
  filter?: JobSearchFilter;
  near?: GeoPoint;
  sort?: JobSearchSort;
  limit: number;
  offset: number;
  now?: Date;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface JobSearchFacets {
  kind: FacetCount[];
  township: FacetCount[];
  wageBand: FacetCount[];
  benefit: FacetCount[];
}

export interface JobSearchHit {
  id: string;
  score: number;
  distanceKm: number | null;
}

export interface JobSearchResult {
  hits: JobSearchHit[];
  total: number;
  /**
   * True when `total` or the facet counts are estimates (an engine may count a sample of a
   * very large match set, as Meilisearch's estimatedTotalHits does); shown to people as "约".
   */
  approximate: boolean;
  facets: JobSearchFacets;
}

/** Monthly wage bands shown as facets (yuan). */
export const WAGE_BANDS: { value: string; min: number; max: number | null }[] = [
  { value: 'UNDER_2000', min: 0, max: 2000 },
  { value: '2000_3000', min: 2000, max: 3000 },
  { value: '3000_4000', min: 3000, max: 4000 },
  { value: '4000_5000', min: 4000, max: 5000 },
  { value: '5000_PLUS', min: 5000, max: null },
];

/**
 * One interface, two engines (PostgreSQL full-text, Meilisearch), held to the same
 * contract tests. Engines are indexes: the indexer feeds them documents.
 */
export interface JobSearchEngine {
  readonly name: string;
  /**
   * `manager`: a transaction to write in when the engine lives in the same database (the
   * PostgreSQL engine; the indexer passes the outbox delivery's, so the write commits with
   * it). Engines elsewhere ignore it.
   */
  upsert(documents: JobSearchDocument[], manager?: EntityManager): Promise<void>;
  remove(ids: string[], manager?: EntityManager): Promise<void>;
  search(query: JobSearchQuery): Promise<JobSearchResult>;
  /** Empties the index (reindex, tests). */
  clear(): Promise<void>;
}

export const JOB_SEARCH_ENGINE = Symbol('JOB_SEARCH_ENGINE');

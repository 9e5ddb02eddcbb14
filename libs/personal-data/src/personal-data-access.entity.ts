import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum PersonalDataField {
  ID_NUMBER = 'ID_NUMBER',
  PHONE = 'PHONE',
}

/**
 * The personal-data access log (PIPL; GB/T 35273-2020 §9): each read of a full, unmasked
 * ID number or phone — who read it, whose it was, when and why. Append-only: a database
 * trigger refuses UPDATE, and DELETE of anything younger than 180 days.
 */
@Entity('personal_data_access')
@Index(['subjectId', 'at'])
@Index(['accountId', 'at'])
/** The security log lists both tables newest first, unfiltered: one merge of two index scans. */
@Index(['at'])
export class PersonalDataAccess {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** Who read it: the signed-in account. */
  @Column({ type: 'uuid' })
  accountId: string;

  /** Their role at the time (STAFF, ADMIN, SEEKER…). */
  @Column({ type: 'varchar', length: 10 })
  role: string;

  /** Whose data: the kind of record (`JobSeeker`) and its id. */
  @Column({ type: 'varchar', length: 40 })
  subjectKind: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'varchar', length: 20 })
  field: PersonalDataField;

  /** Why: the purpose the reader gave (or the default of the operation). */
  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  /** Through what: a GraphQL field or a route, e.g. `JobSeeker.idNumber`, `GET /seekers/export`. */
  @Column({ type: 'varchar', length: 100 })
  channel: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}

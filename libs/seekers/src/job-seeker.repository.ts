import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { PersonalDataCipher } from '@jobcode/personal-data';

import { type RegistrationChannel } from './job-seeker.enums';
import { type ValidJobSeeker } from './job-seeker-draft';

export const ID_NUMBER_HASH_PURPOSE = 'job-seeker-id-number';
export const SEEKER_PHONE_HASH_PURPOSE = 'job-seeker-phone';

/** A validated registration with its personal data sealed, ready to insert. */
export interface SealedJobSeeker {
  account_id: string | null;
  name: string;
  id_number_hash: string;
  id_number_encrypted: string;
  birth_date: string;
  sex: string;
  phone_hash: string;
  phone_encrypted: string;
  region_code: string;
  labor_capacity: string;
  education: string | null;
  skills: string[];
  wanted_occupations: string[];
  wanted_wage: number | null;
  wanted_wage_unit: string | null;
  willing_outside_county: boolean;
  willing_outside_province: boolean;
  must_stay_near_home: boolean;
  available_from: string | null;
  training_wanted: string[];
  consent_to_recommend: boolean;
  employment_status: string;
  channel: string;
  registered_by: string | null;
  support_group_codes: string[];
}

const COLUMNS = [
  ['account_id', 'uuid'],
  ['name', 'varchar'],
  ['id_number_hash', 'char(64)'],
  ['id_number_encrypted', 'text'],
  ['birth_date', 'date'],
  ['sex', 'varchar'],
  ['phone_hash', 'char(64)'],
  ['phone_encrypted', 'text'],
  ['region_code', 'varchar'],
  ['labor_capacity', 'varchar'],
  ['education', 'varchar'],
  ['skills', 'text[]'],
  ['wanted_occupations', 'text[]'],
  ['wanted_wage', 'integer'],
  ['wanted_wage_unit', 'varchar'],
  ['willing_outside_county', 'boolean'],
  ['willing_outside_province', 'boolean'],
  ['must_stay_near_home', 'boolean'],
  ['available_from', 'date'],
  ['training_wanted', 'text[]'],
  ['consent_to_recommend', 'boolean'],
  ['employment_status', 'varchar'],
  ['channel', 'varchar'],
  ['registered_by', 'uuid'],
] as const;

const NAMES = COLUMNS.map(([name]) => name).join(', ');

/**
 * One statement inserts a batch of registrations and their support groups:
 * `INSERT … ON CONFLICT (id_number_hash) DO NOTHING RETURNING`, so a person already
 * registered is skipped (and reported), and running the same batch twice creates nothing.
 * $1: the batch as a JSON array of SealedJobSeeker (exported for bench:seekers-import's EXPLAIN).
 */
export const SEEKER_BATCH_INSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')}, support_group_codes text[])
), inserted AS (
  INSERT INTO job_seeker (${NAMES})
  SELECT ${NAMES} FROM input
  -- People already registered are left out before job_seeker's row trigger computes their match
  -- keys for nothing (a second import of a ledger is all such rows); ON CONFLICT still covers
  -- someone registered by another transaction meanwhile.
   WHERE NOT EXISTS (SELECT 1 FROM job_seeker j WHERE j.id_number_hash = input.id_number_hash)
  ON CONFLICT (id_number_hash) DO NOTHING
  RETURNING id, id_number_hash
), grouped AS (
  INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code)
  SELECT inserted.id, code FROM inserted JOIN input USING (id_number_hash) CROSS JOIN LATERAL unnest(input.support_group_codes) AS code
)
SELECT id, id_number_hash AS "idNumberHash" FROM inserted`;

@Injectable()
export class JobSeekerRepository {
  constructor(private readonly cipher: PersonalDataCipher) {}

  idNumberHash(idNumber: string): string {
    return this.cipher.hash(idNumber, ID_NUMBER_HASH_PURPOSE);
  }

  phoneHash(phone: string): string {
    return this.cipher.hash(phone, SEEKER_PHONE_HASH_PURPOSE);
  }

  seal(seeker: ValidJobSeeker, by: { accountId: string | null; registeredBy: string | null; channel: RegistrationChannel }): SealedJobSeeker {
    return {
      account_id: by.accountId,
      name: seeker.name,
      id_number_hash: this.idNumberHash(seeker.id.idNumber),
      id_number_encrypted: this.cipher.encrypt(seeker.id.idNumber),
      birth_date: seeker.id.birthDate,
      sex: seeker.id.sex,
      phone_hash: this.phoneHash(seeker.phone),
      phone_encrypted: this.cipher.encrypt(seeker.phone),
      region_code: seeker.regionCode,
      labor_capacity: seeker.laborCapacity,
      education: seeker.education,
      skills: seeker.skills,
      wanted_occupations: seeker.wantedOccupations,
      wanted_wage: seeker.wantedWage,
      wanted_wage_unit: seeker.wantedWageUnit,
      willing_outside_county: seeker.willingOutsideCounty,
      willing_outside_province: seeker.willingOutsideProvince,
      must_stay_near_home: seeker.mustStayNearHome,
      available_from: seeker.availableFrom,
      training_wanted: seeker.trainingWanted,
      consent_to_recommend: seeker.consentToRecommend,
      employment_status: seeker.employmentStatus,
      channel: by.channel,
      registered_by: by.registeredBy,
      support_group_codes: seeker.supportGroupCodes,
    };
  }

  /** Inserts the batch (no two rows with the same ID number); returns the id of each row created, by ID-number hash. */
  async insertMany(manager: EntityManager, rows: readonly SealedJobSeeker[]): Promise<Map<string, string>> {
    if (!rows.length) return new Map();
    const created = (await manager.query(SEEKER_BATCH_INSERT_SQL, [JSON.stringify(rows)])) as { id: string; idNumberHash: string }[];
    return new Map(created.map((row) => [row.idNumberHash, row.id]));
  }
}

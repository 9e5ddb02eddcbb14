import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum SignatureParty {
  SEEKER = 'SEEKER',
  EMPLOYER = 'EMPLOYER',
}

/** A party's signature: who, when, how identity was checked, which digest. One per party per contract. */
@Entity('contract_signature')
@Index(['contractId', 'party'], { unique: true })
@Check('contract_signature_party_check', `"party" IN ('SEEKER', 'EMPLOYER')`)
export class ContractSignature {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @Column({ type: 'varchar', length: 10 })
  party: SignatureParty;

  @Column({ type: 'uuid' })
  accountId: string;

  /** How identity was checked, e.g. `NAME+ID_LAST6+SMS_OTP` or `EMPLOYER_MEMBER_SESSION`. */
  @Column({ type: 'varchar', length: 60 })
  identityCheck: string;

  /** The content digest the party signed. */
  @Column({ type: 'char', length: 64 })
  digest: string;

  @Column({ type: 'timestamptz' })
  signedAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in session. Access tokens name it; signing out or expiry ends every token of it. */
@Entity('session')
@Index(['accountId'])
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Access tokens name it; renewing moves it on, so only the newest token of the session is accepted. */
  @Column({ type: 'int', default: 0 })
  tokenGeneration: number;
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccountsService } from '@jobcode/accounts';
import { ApplicationsService } from '@jobcode/applications';
import { type Actor, countyToday } from '@jobcode/common';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { GigBookingsException, GigCancellationService } from '@jobcode/gig-bookings';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { seekerProfile, SeekersService, SupportGroupsService } from '@jobcode/seekers';

import { DataDeletionRequest, DeletionOutcome } from './data-deletion-request.entity';
import { DataErasure, inWords, type Retention, retentionOf } from './data-erasure';
import { type DataDeletionRequestObject, type PersonalDataApplicationObject, type PersonalDataContractObject } from './privacy.objects';

const OPEN_APPLICATION_STATUSES = ['APPLIED', 'SHORTLISTED', 'OFFERED'];
/** Gig bookings that hold a seat and are not yet worked: cancelled at a deletion request. */
const OPEN_GIG_STATUSES = ['BOOKED', 'CONFIRMED'];

/** A copy of what the platform holds about a person (PIPL art. 45): plain data, for JSON and for the printable page. */
export interface PersonalDataCopy {
  generatedAt: string;
  account: { name: string; phone: string; role: string; createdAt: string };
  profile: Record<string, unknown> | null;
  applications: PersonalDataApplicationObject[];
  contracts: PersonalDataContractObject[];
  notifications: { title: string; body: string; channel: string; deliveredAt: string }[];
  personalDataReads: { at: string; field: string; purpose: string; channel: string; readerRole: string }[];
  deletionRequest: DataDeletionRequestObject | null;
}

/**
 * A person's rights over their data, end to end (PIPL arts. 44–47): see everything held and
 * who read it, download a copy (JSON and a printable page), correct it (updateJobSeeker),
 * and ask for deletion. Deletion is decided at once: with nothing the law requires us to
 * keep, the person's data is erased (anonymised in place, so figures already counted keep
 * their count but no longer point to anyone) and the account closed; with labour contracts
 * or placements on record, those are kept only stored and protected until the retention
 * date, the person is no longer processed (no recommendations, no listings, no edits), and
 * everything else is erased. The answer and its date are shown and texted to the person.
 */
@Injectable()
export class PrivacyService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly seekers: SeekersService,
    private readonly groups: SupportGroupsService,
    private readonly applications: ApplicationsService,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
    private readonly cipher: PersonalDataCipher,
    private readonly gigCancellation: GigCancellationService,
    private readonly erasure: DataErasure,
  ) {}

  onModuleInit(): void {
    this.templates.register({ key: 'privacy.deletion-answered', title: '个人信息删除请求的答复', text: '{answer}' });
  }

  async applicationsOf(jobSeekerId: string): Promise<PersonalDataApplicationObject[]> {
    const rows: { id: string; title: string; employer: string | null; status: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT a.id, j.title, e.name AS employer, a.status, a.created_at
         FROM application a JOIN job j ON j.id = a.job_id LEFT JOIN employer e ON e.id = a.employer_id
        WHERE a.job_seeker_id = $1 ORDER BY a.created_at DESC`,
      [jobSeekerId],
    );
    return rows.map((r) => ({
      id: r.id,
      jobTitle: r.title,
      employerName: r.employer ?? '县人力资源和社会保障局（公益性岗位）',
      status: r.status,
      appliedAt: r.created_at,
    }));
  }

  async contractsOf(jobSeekerId: string): Promise<PersonalDataContractObject[]> {
    const rows: { id: string; content: string; status: string; start_date: string; end_date: string | null; ended_on: string | null }[] =
      await this.dataSource.query(
        `SELECT id, content, status, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
                to_char(ended_on, 'YYYY-MM-DD') AS ended_on
           FROM contract WHERE job_seeker_id = $1 ORDER BY created_at DESC`,
        [jobSeekerId],
      );
    return rows.map((r) => {
      const content = JSON.parse(r.content) as { job: { title: string }; parties: { employer: { name: string } } };
      return {
        id: r.id,
        employerName: content.parties.employer.name,
        jobTitle: content.job.title,
        status: r.status,
        startDate: r.start_date,
        endDate: r.ended_on ?? r.end_date,
      };
    });
  }

  async notificationCount(accountId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM notification_message WHERE account_id = $1`, [accountId])) as { n: number }[];
    return row.n;
  }

  async deletionRequestOf(accountId: string): Promise<DataDeletionRequestObject | null> {
    const row = await this.dataSource.manager.findOne(DataDeletionRequest, { where: { accountId } });
    return row ? this.toObject(row) : null;
  }

  private toObject(row: DataDeletionRequest): DataDeletionRequestObject {
    return {
      id: row.id,
      requestedAt: row.requestedAt,
      outcome: row.outcome,
      retained: row.retained,
      retainedUntil: row.retainedUntil,
      answer: row.answer,
      answeredAt: row.answeredAt,
      erasedAt: row.erasedAt,
      erased: row.erased,
    };
  }

  /** Everything held about the signed-in person, as plain data. */
  async copy(actor: Actor): Promise<PersonalDataCopy> {
    const account = await this.accounts.requireById(actor.accountId);
    const seeker = await this.seekers.mine(actor);
    const groups = seeker ? await this.groups.create().load(seeker.id) : [];
    const notifications: { title: string; body: string; channel: string; delivered_at: Date }[] = await this.dataSource.query(
      `SELECT title, body, channel, delivered_at FROM notification_message WHERE account_id = $1 ORDER BY delivered_at DESC LIMIT 500`,
      [actor.accountId],
    );
    const reads = seeker ? await this.seekers.dataReads(actor, seeker.id, 200) : [];
    return {
      generatedAt: new Date().toISOString(),
      account: { name: account.name, phone: this.accounts.phoneOf(account), role: account.role, createdAt: account.createdAt.toISOString() },
      profile: seeker
        ? {
            id: seeker.id,
            name: seeker.name,
            idNumber: this.cipher.decrypt(seeker.idNumberEncrypted),
            phone: this.cipher.decrypt(seeker.phoneEncrypted),
            birthDate: seeker.birthDate,
            sex: seeker.sex,
            regionCode: seeker.regionCode,
            supportGroups: groups.map((g) => g.name),
            ...seekerProfile(seeker),
            channel: seeker.channel,
            registeredAt: seeker.createdAt.toISOString(),
            updatedAt: seeker.updatedAt.toISOString(),
          }
        : null,
      applications: seeker ? await this.applicationsOf(seeker.id) : [],
      contracts: seeker ? await this.contractsOf(seeker.id) : [],
      notifications: notifications.map((n) => ({ title: n.title, body: n.body, channel: n.channel, deliveredAt: new Date(n.delivered_at).toISOString() })),
      personalDataReads: reads.map((r) => ({ at: r.at.toISOString(), field: r.field, purpose: r.purpose, channel: r.channel, readerRole: r.readerRole })),
      deletionRequest: await this.deletionRequestOf(actor.accountId),
    };
  }

  /** PIPL art. 47: decides and carries out a deletion request at once; asking again returns the first answer. */
  async requestDeletion(actor: Actor, reason: string | null | undefined): Promise<DataDeletionRequestObject> {
    const earlier = await this.deletionRequestOf(actor.accountId);
    if (earlier) return earlier;
    const seeker = await this.seekers.mine(actor);
    if (seeker) {
      // Open applications are withdrawn first, through their own rules (an open contract is cancelled with them).
      const open: { id: string }[] = await this.dataSource.query(`SELECT id FROM application WHERE job_seeker_id = $1 AND status = ANY($2)`, [
        seeker.id,
        OPEN_APPLICATION_STATUSES,
      ]);
      for (const { id } of open) await this.applications.withdraw(actor, id);
      // Booked gigs are cancelled the same way (the seat freed, the employer told); one past its cancellation cutoff stays and is kept.
      const booked: { id: string }[] = await this.dataSource.query(`SELECT id FROM gig_booking WHERE seeker_id = $1 AND status = ANY($2)`, [
        seeker.id,
        OPEN_GIG_STATUSES,
      ]);
      for (const { id } of booked) {
        try {
          await this.gigCancellation.cancel(actor, { bookingId: id });
        } catch (error) {
          if (!(error instanceof GigBookingsException)) throw error;
        }
      }
    }
    const account = await this.accounts.requireById(actor.accountId);
    const phone = this.accounts.phoneOf(account);
    const now = new Date();
    const today = countyToday(now);
    let saved: DataDeletionRequest;
    try {
      saved = await inTransaction(this.dataSource, async (manager) => {
        const retention: Retention = seeker
          ? await retentionOf(manager, seeker.id, today)
          : { retained: [], until: null, untilContractEnds: false, placements: 0 };
        const { retained } = retention;
        const outcome = retained.length ? DeletionOutcome.RESTRICTED : DeletionOutcome.DELETED;
        const until = retention.until;
        const hasContract = retained.some((r) => r.startsWith('劳动合同'));
        const answer =
          outcome === DeletionOutcome.DELETED
            ? `您的个人信息已于${inWords(today)}删除：姓名、身份证号、手机号、求职信息、报名留言和消息都已清除，账号已注销，此手机号以后可以重新注册。此前已计入的统计人数不变，但不再能识别到您。`
            : `您的删除请求已于${inWords(today)}处理。以下信息依法须保存：${retained.join('；')}。这些信息保存至${
                until ? inWords(until) : '仍在履行的劳动合同解除或终止后二年'
              }，期间只作存储和必要的安全保护，不再用于推荐、查询或其他处理，到期删除。其余信息（求职意向、技能、培训意愿、报名留言）已删除，您不会再被推荐给用人单位；账号保留，以便您随时查看${
                hasContract ? '和下载合同' : '保存的记录'
              }。`;
        await this.erasure.atRequest(manager, seeker, account.id, outcome === DeletionOutcome.DELETED, retention.placements > 0);
        if (outcome === DeletionOutcome.DELETED) {
          await manager.delete('notification_message', { accountId: account.id });
        }
        await this.notifications.send(manager, {
          to: { phone },
          channel: NotificationChannel.SMS,
          template: 'privacy.deletion-answered',
          params: { answer: answer.length > 300 ? `${answer.slice(0, 290)}…（详见平台）` : answer },
          idempotencyKey: `privacy:deletion:${account.id}`,
        });
        if (outcome === DeletionOutcome.DELETED) await this.erasure.closeAccount(manager, account);
        return manager.save(
          manager.create(DataDeletionRequest, {
            accountId: account.id,
            jobSeekerId: seeker?.id ?? null,
            reason: reason?.trim() || null,
            requestedAt: now,
            outcome,
            retained,
            retainedUntil: until,
            answer,
            answeredAt: new Date(),
            erasedAt: outcome === DeletionOutcome.DELETED ? new Date() : null,
            erased: [],
          }),
        );
      });
    } catch (error) {
      // Two requests at once (a double tap): the one that committed first holds the answer.
      const first = isUniqueViolation(error) ? await this.deletionRequestOf(actor.accountId) : null;
      if (first) return first;
      throw error;
    }
    return this.toObject(saved);
  }
}

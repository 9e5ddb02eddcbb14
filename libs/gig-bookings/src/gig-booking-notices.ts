import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { employerMemberAccountIds } from '@jobcode/employers';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { JobSeeker } from '@jobcode/seekers';

import { type GigBooking } from './gig-booking.entity';

const TEMPLATES = [
  { key: 'gig.shift.cancelled', title: '零工班次已取消', text: '您预约的{job}（{when}）已被用人单位取消，原因：{reason}。可以在零工驿站看板另选班次。' },
  { key: 'gig.booking.cancelled', title: '零工预约已取消', text: '您预约的{job}（{when}）已被{by}取消{reason}。' },
  { key: 'gig.booking.confirmed', title: '零工预约已确认', text: '您预约的{job}已确认，请于{when}到{place}扫码签到。' },
  // To the employer's people.
  { key: 'gig.booking.received', title: '收到零工预约', text: '{seeker}预约了“{job}”{when}开工的班次{next}。' },
  { key: 'gig.booking.cancelled-to-employer', title: '零工预约被取消', text: '{seeker}的“{job}”{when}开工的班次预约已被{by}取消{reason}，名额已空出。' },
  { key: 'gig.booking.checked-in', title: '零工已到岗签到', text: '{seeker}已于{time}签到“{job}”{when}开工的班次。' },
];

/** What a booking's parties are told, and how: the message templates and who receives them. */
@Injectable()
export class GigBookingNotices implements OnModuleInit {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
    private readonly cipher: PersonalDataCipher,
  ) {}

  onModuleInit(): void {
    for (const template of TEMPLATES) this.templates.register(template);
  }

  /** In-app message to each account acting for the booking's employer; sent once per booking and `what`. */
  async tellEmployer(manager: EntityManager, booking: GigBooking, template: string, what: string, params: Record<string, string>): Promise<void> {
    await this.notifications.sendToAccounts(manager, await employerMemberAccountIds(manager, booking.employerId), {
      template,
      params,
      idempotencyKey: `gig-booking:${booking.id}:${what}:employer`,
    });
  }

  /** In-app message to a seeker with an account; SMS to the registered phone otherwise. */
  async tellSeeker(manager: EntityManager, seekerId: string, template: string, idempotencyKey: string, params: Record<string, string>): Promise<void> {
    const seeker = await manager.findOne(JobSeeker, { where: { id: seekerId } });
    if (!seeker) return;
    const to = seeker.accountId ? { accountId: seeker.accountId } : { phone: this.cipher.decrypt(seeker.phoneEncrypted) };
    const channel = seeker.accountId ? NotificationChannel.IN_APP : NotificationChannel.SMS;
    await this.notifications.send(manager, { to, channel, template, params, idempotencyKey });
  }
}

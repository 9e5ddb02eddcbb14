import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { type Actor, countyClock, countyMoment, countyToday, isStaffOrAdmin, maskName, Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { GigStation } from '@jobcode/job-sources';
import { Job } from '@jobcode/jobs';
import { RegionScope } from '@jobcode/regions';
import { JobSeeker } from '@jobcode/seekers';
import { ServiceCodesService, ServiceCodeTargetKind } from '@jobcode/service-codes';

import { CheckInInput } from './dto/check-in.input';
import { GigBookingAccess } from './gig-booking-access';
import { GigBookingNotices } from './gig-booking-notices';
import { GigBooking } from './gig-booking.entity';
import { GigBookingStatus } from './gig-booking.enums';
import { GigBookingsException, GigBookingsExceptionCode } from './gig-bookings.exception';

/** Check-in opens this long before a shift starts. */
const EARLIEST_CHECK_IN_MS = 2 * 3_600_000;

const wrong = (message: string, details?: Record<string, unknown>) => new GigBookingsException(GigBookingsExceptionCode.WRONG_CHECK_IN, message, { details });

/**
 * 扫码签到 at the meeting station: a seeker scans the station's code, or staff/the employer
 * scan the seeker's personal code where they stand. Today's booking there becomes CHECKED_IN;
 * anything else is explained (which station, which day, not yet confirmed, too early, over).
 */
@Injectable()
export class GigCheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly codes: ServiceCodesService,
    private readonly access: GigBookingAccess,
    private readonly scope: RegionScope,
    private readonly notices: GigBookingNotices,
  ) {}

  async checkIn(actor: Actor, input: CheckInInput): Promise<GigBooking> {
    const resolved = await this.codes.resolve(input.token.trim());
    if (resolved.kind === 'replaced') throw wrong('这个二维码已经更换，请扫驿站现在张贴的码');
    const code = resolved.code;
    let seekerId: string;
    let stationId: string;
    if (actor.role === Role.SEEKER) {
      if (code.targetKind !== ServiceCodeTargetKind.GIG_STATION) throw wrong('签到请扫零工驿站张贴的驿站码');
      const seeker = await this.dataSource.manager.findOne(JobSeeker, { where: { accountId: actor.accountId } });
      if (!seeker) throw new GigBookingsException(GigBookingsExceptionCode.SEEKER_NOT_REGISTERED, '请先完成求职登记并预约班次，再扫码签到');
      seekerId = seeker.id;
      stationId = code.targetId;
      if (input.stationId && input.stationId !== stationId) throw wrong('扫到的驿站码与所填驿站不一致', { field: 'input.stationId' });
    } else {
      if (code.targetKind !== ServiceCodeTargetKind.SEEKER) throw wrong('请扫求职者的个人就业服务码');
      if (!input.stationId) throw wrong('请填写您所在的零工驿站（stationId）', { field: 'input.stationId' });
      seekerId = code.targetId;
      stationId = input.stationId;
    }
    const station = await this.dataSource.manager.findOne(GigStation, { where: { id: stationId } });
    if (!station) throw wrong('零工驿站不存在', { field: 'input.stationId' });
    if (isStaffOrAdmin(actor) && !this.scope.covers(actor, station.regionCode)) throw wrong(`${station.name}不在您的辖区内`);

    return inTransaction(this.dataSource, async (manager) => {
      const today = countyToday();
      const mine = await manager.find(GigBooking, {
        where: { seekerId, shiftDate: today, status: In([GigBookingStatus.BOOKED, GigBookingStatus.CONFIRMED, GigBookingStatus.CHECKED_IN]) },
        order: { startsAt: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const visible: GigBooking[] = [];
      for (const b of mine) if (actor.role === Role.SEEKER || (await this.access.partyOf(actor, b, manager)) !== null) visible.push(b);
      if (visible.length === 0) throw await this.nothingToday(manager, seekerId, today, actor.role === Role.SEEKER);

      const here = visible.filter((b) => b.stationId === stationId);
      if (here.length === 0) {
        const first = visible[0];
        const where = first.stationId ? ((await manager.findOne(GigStation, { where: { id: first.stationId } }))?.name ?? '另一个驿站') : '用人单位指定的地点';
        const who = actor.role === Role.SEEKER ? '您' : '该求职者';
        throw wrong(`${who}今天预约的是${where} ${countyClock(first.startsAt)} 的班次，不是这里（${station.name}）`, { bookingId: first.id });
      }
      const now = new Date();
      const open = here.find((b) => b.status !== GigBookingStatus.CHECKED_IN && b.endsAt > now);
      if (!open) {
        const done = here.find((b) => b.status === GigBookingStatus.CHECKED_IN);
        if (done?.checkedInAt) {
          throw new GigBookingsException(GigBookingsExceptionCode.INVALID_TRANSITION, `已于 ${countyClock(done.checkedInAt)} 签到，不用重复签到`);
        }
        throw wrong(`今天在${station.name}的班次已于 ${countyClock(here[here.length - 1].endsAt)} 结束，不能再签到`);
      }
      if (open.status === GigBookingStatus.BOOKED) {
        throw new GigBookingsException(GigBookingsExceptionCode.INVALID_TRANSITION, '用人单位还没有确认这个预约，请联系用人单位或驿站工作人员确认后再签到');
      }
      if (now.getTime() < open.startsAt.getTime() - EARLIEST_CHECK_IN_MS) {
        throw wrong(`签到从开工前 2 小时开始（这个班次 ${countyClock(open.startsAt)} 开工），请稍后再扫`);
      }
      open.status = GigBookingStatus.CHECKED_IN;
      open.checkedInAt = now;
      open.checkedInBy = actor.accountId;
      const saved = await manager.save(open);
      const [job, seeker] = await Promise.all([manager.findOne(Job, { where: { id: open.jobId } }), manager.findOne(JobSeeker, { where: { id: seekerId } })]);
      await this.notices.tellEmployer(manager, open, 'gig.booking.checked-in', 'checked-in', {
        seeker: maskName(seeker?.name ?? '求职者'),
        time: `${countyClock(now)}在${station.name}`,
        job: job?.title ?? '零工',
        when: countyMoment(open.startsAt),
      });
      return saved;
    });
  }

  private async nothingToday(manager: EntityManager, seekerId: string, today: string, self: boolean): Promise<GigBookingsException> {
    const next = await manager
      .createQueryBuilder(GigBooking, 'b')
      .where('b.seeker_id = :seekerId AND b.shift_date > :today AND b.status IN (:...live)', {
        seekerId,
        today,
        live: [GigBookingStatus.BOOKED, GigBookingStatus.CONFIRMED],
      })
      .orderBy('b.starts_at', 'ASC')
      .getOne();
    const who = self ? '您' : '该求职者';
    if (!next) return wrong(`${who}今天（${today}）没有预约零工班次`);
    const job = await manager.findOne(Job, { where: { id: next.jobId } });
    return wrong(`${who}今天（${today}）没有预约零工班次；预约的"${job?.title ?? '零工'}"是${countyMoment(next.startsAt)}开工，请当天再来签到`, {
      bookingId: next.id,
    });
  }
}

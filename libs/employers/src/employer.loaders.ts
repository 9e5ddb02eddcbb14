import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';

import { type LoaderFactory, type RequestContext, Role } from '@jobcode/common';

import { EmployerMember } from './employer-member.entity';
import { Employer } from './employer.entity';

/** Employers by id, one query per request batch. */
@Injectable()
export class EmployerLoader implements LoaderFactory<string, Employer | null> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, Employer | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.manager.find(Employer, { where: { id: In([...ids]) } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}

/** Whether the caller is a member of each employer: one query per request batch, none for non-employers. */
@Injectable()
export class EmployerMembershipLoader implements LoaderFactory<string, boolean> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(context: RequestContext): DataLoader<string, boolean> {
    return new DataLoader(async (employerIds) => {
      const actor = context.actor;
      if (!actor || actor.role !== Role.EMPLOYER) return employerIds.map(() => false);
      const rows = await this.dataSource.manager.find(EmployerMember, { where: { accountId: actor.accountId, employerId: In([...employerIds]) } });
      const mine = new Set(rows.map((r) => r.employerId));
      return employerIds.map((id) => mine.has(id));
    });
  }
}

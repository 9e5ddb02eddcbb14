import { Args, Mutation, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, badInput, CurrentActor, forbidden, RateLimit, Role } from '@jobcode/common';
import { NoIdempotencyKey } from '@jobcode/idempotency';

import { CreateDownloadLinkInput, DownloadKind, DownloadLinkObject } from './dto/create-download-link.input';
import { DownloadTicketsService } from './download-tickets.service';

const STAFF = [Role.STAFF, Role.ADMIN];

/** Each kind: the GET route it opens, and who may ask (the route checks scope and ownership itself). */
const ROUTES: Record<DownloadKind, { path: (id: string) => string; roles: Role[]; needsId?: boolean }> = {
  CONTRACT_PDF: { path: (id) => `/contracts/${id}/pdf`, roles: [Role.SEEKER, Role.EMPLOYER, ...STAFF], needsId: true },
  SEEKER_LEDGER: { path: () => '/seekers/export', roles: STAFF },
  PLACEMENT_LEDGER: { path: () => '/statistics/placements/export', roles: STAFF },
  FAIR_LEDGER: { path: () => '/statistics/fairs/export', roles: STAFF },
  FUNNEL_LEDGER: { path: () => '/statistics/funnel/export', roles: STAFF },
  WORKSHOP_LEDGER: { path: () => '/statistics/workshops/export', roles: STAFF },
  PERSONAL_DATA_JSON: { path: () => '/privacy/my-data.json', roles: [Role.SEEKER, Role.EMPLOYER] },
  PERSONAL_DATA_HTML: { path: () => '/privacy/my-data.html', roles: [Role.SEEKER, Role.EMPLOYER] },
  SERVICE_CODE_POSTERS: { path: () => '/service-codes/posters', roles: STAFF },
};

@Resolver()
export class DownloadLinksResolver {
  constructor(private readonly tickets: DownloadTicketsService) {}

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 60, windowSeconds: 600 })
  @NoIdempotencyKey()
  @Mutation(() => DownloadLinkObject, {
    description: '生成下载链接：点开即可下载（手机浏览器也能用，不用带登录凭证），5 分钟内有效，只能下载指定的这一个文件；退出登录后失效',
  })
  async createDownloadLink(@CurrentActor() actor: Actor, @Args('input') input: CreateDownloadLinkInput): Promise<DownloadLinkObject> {
    const route = ROUTES[input.kind];
    if (!route.roles.includes(actor.role)) throw forbidden('您的账号不能下载这类文件');
    if (route.needsId && !input.id) throw badInput('请指定要下载的合同编号', { field: 'input.id' });
    const query = input.query?.trim();
    return this.tickets.mint(actor, `${route.path(input.id ?? '')}${query ? `?${query}` : ''}`);
  }
}

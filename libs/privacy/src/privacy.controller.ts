import { Controller, Get, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';

import { type Actor, Allow, CurrentActor, RateLimit, Role } from '@jobcode/common';

import { personalDataPage } from './personal-data-page';
import { PrivacyService } from './privacy.service';

/** A copy of one's own data (PIPL art. 45): JSON for machines, a printable page for people. Open by a download link. */
@Controller('privacy')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Allow(Role.SEEKER, Role.EMPLOYER)
  @RateLimit({ points: 20, windowSeconds: 3600 })
  @Get('my-data.json')
  async json(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const copy = await this.privacy.copy(actor);
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="my-data.json"; filename*=UTF-8''${encodeURIComponent('我的个人信息.json')}`)
      .header('cache-control', 'private, no-store');
    return JSON.stringify(copy, null, 2);
  }

  @Allow(Role.SEEKER, Role.EMPLOYER)
  @RateLimit({ points: 20, windowSeconds: 3600 })
  @Get('my-data.html')
  async html(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const copy = await this.privacy.copy(actor);
    void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'private, no-store');
    return personalDataPage(copy);
  }
}

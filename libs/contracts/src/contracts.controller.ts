import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';

import { type Actor, Allow, badInput, CurrentActor, PUBLIC, RateLimit, ReqContext, type RequestContext, Role } from '@jobcode/common';

import { sha256Hex } from './canonical';
import { ContractVerificationService } from './contract-verification.service';
import { ContractsService } from './contracts.service';

const MAX_PDF_BYTES = 20 * 1024 * 1024;
const uuid = new ParseUUIDPipe({ exceptionFactory: () => badInput('合同编号格式不对', { field: 'id' }) });

/**
 * Download a contract's PDF (free, any time, for its parties and staff of the region), and
 * check an uploaded PDF against the sealed one (anyone: multipart field `file`).
 */
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly verification: ContractVerificationService,
  ) {}

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Get(':id/pdf')
  async pdf(
    @CurrentActor() actor: Actor,
    @ReqContext() context: RequestContext,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { pdf, contract } = await this.contracts.pdf(actor, id, context, 'GET /contracts/:id/pdf');
    void reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="contract-${contract.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`劳动合同-${contract.id.slice(0, 8)}.pdf`)}`,
      )
      .header('cache-control', 'private, no-store');
    return pdf;
  }

  @Allow(PUBLIC)
  @RateLimit({ points: 30, windowSeconds: 600 })
  @Post(':id/verify')
  @HttpCode(200)
  async verify(@Param('id', uuid) id: string, @Req() request: FastifyRequest) {
    if (!request.isMultipart()) throw badInput('请以 multipart/form-data 上传 PDF，文件放在 file 字段', { field: 'file' });
    const file = await request.file({ limits: { fileSize: MAX_PDF_BYTES, files: 1 } });
    if (!file) throw badInput('没有收到文件：请在 file 字段上传合同 PDF', { field: 'file' });
    const bytes = await file.toBuffer().catch(() => {
      throw badInput(`文件超过 ${MAX_PDF_BYTES / 1024 / 1024} MB，不是平台生成的合同 PDF`, { field: 'file' });
    });
    const digest = sha256Hex(bytes);
    const { result, message, ...rest } = await this.verification.checkDigest({ contractId: id }, digest);
    // The verdict on this file first (result, message); the stored record's own state last.
    return { result, message, digest, ...rest };
  }
}

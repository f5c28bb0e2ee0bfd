import { InjectQueue } from '@nestjs/bullmq';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { Roles } from '@tl/auth';
import { JobName, QueueName, WeeklyDigestPayload } from '@tl/queues';
import { RollupRebuilder } from '../reconcile/rollup-rebuilder.service';
import { RollupsReader } from '../rollups.reader';
import { DigestRecipients } from './digest-recipients';
import { ProvincesQuery, SendDigestDto, TrendQuery } from './rollups.dto';

@ApiTags('rollups')
@ApiBearerAuth()
@Controller('rollups')
export class RollupsController {
  constructor(
    private readonly reader: RollupsReader,
    private readonly rebuilder: RollupRebuilder,
    private readonly recipients: DigestRecipients,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
  ) {}

  @Get('provinces')
  provinces(@Query() query: ProvincesQuery) {
    return this.reader.provinces(query.programId);
  }

  @Get('provinces/:code')
  province(@Param('code') code: string) {
    return this.reader.provinceDetail(code);
  }

  @Get('provinces/:code/trend')
  trend(@Param('code') code: string, @Query() query: TrendQuery) {
    return this.reader.trend(code, query);
  }

  @Get('programs')
  programs() {
    return this.reader.programs();
  }

  /** The drift metric: how many rows reconciliations found wrong, and the last reconciliation. */
  @Get('health')
  health() {
    return this.rebuilder.health();
  }

  /** Recomputes every row from the source tables now and reports (and repairs) any drift. */
  @Roles()
  @Post('rebuild')
  @HttpCode(200)
  rebuild() {
    return this.rebuilder.rebuild('manual');
  }

  /** Sends the weekly digest now (the worker sends it); for testing and demonstrations. */
  @Roles()
  @Post('digest/send')
  @HttpCode(202)
  async sendDigest(@Body() body: SendDigestDto) {
    if (body?.officialIds?.length) await this.recipients.assertLeadership(body.officialIds);
    const payload: WeeklyDigestPayload = { trigger: 'manual', officialIds: body?.officialIds, resend: body?.resend ?? false };
    const job = await this.maintenance.add(JobName.WeeklyDigest, payload, { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 200 } });
    return { jobId: job.id, status: 'queued', ...payload };
  }

  @Roles()
  @Get('digest/sends')
  digestSends() {
    return this.reader.digestSends();
  }
}

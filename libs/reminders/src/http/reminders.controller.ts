import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CommitmentEntity } from '@tl/commitments';
import { NotFoundError } from '@tl/domain';
import { ReminderEntity } from '../persistence/reminder.entity';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('commitments/:id/reminders')
export class RemindersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The whole plan and delivery log of a commitment, future reminders included, in time order. */
  @Get()
  async list(@Param('id', new ParseUUIDPipe()) id: string) {
    if (!(await this.dataSource.getRepository(CommitmentEntity).existsBy({ id }))) throw new NotFoundError('commitment', id);
    const rows = await this.dataSource.getRepository(ReminderEntity).find({ where: { commitmentId: id }, order: { scheduledFor: 'ASC', createdAt: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: r.label,
      dueAt: r.dueAt,
      scheduledFor: r.scheduledFor,
      // 'sending' is an internal step; to a client it is still on its way.
      status: r.status === 'sending' ? 'scheduled' : r.status,
      sentAt: r.sentAt ?? undefined,
      recipients: r.recipients,
      attempts: r.attempts,
      error: r.error ?? undefined,
    }));
  }
}

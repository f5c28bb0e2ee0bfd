import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorOf, AuthenticatedUser, CurrentUser, Roles } from '@tl/auth';
import { ReopenCommitmentCommand } from '../commands/reopen-commitment/reopen-commitment.command';
import { ReportProgressCommand } from '../commands/report-progress/report-progress.command';
import { ReviseCommitmentCommand } from '../commands/revise-commitment/revise-commitment.command';
import { CommitmentsReader } from '../commitments.reader';
import { ListCommitmentsQuery, ProgressDto, ReopenDto, UpdateCommitmentDto } from './commitments.dto';

const uuid = new ParseUUIDPipe();

@ApiTags('commitments')
@ApiBearerAuth()
@Controller('commitments')
export class CommitmentsController {
  constructor(private readonly commands: CommandBus, private readonly reader: CommitmentsReader) {}

  @Get()
  list(@Query() query: ListCommitmentsQuery) {
    return this.reader.list(query);
  }

  @Get(':id')
  get(@Param('id', uuid) id: string) {
    return this.reader.get(id);
  }

  @Roles('secretariat')
  @Patch(':id')
  async revise(@Param('id', uuid) id: string, @Body() body: UpdateCommitmentDto, @CurrentUser() user: AuthenticatedUser) {
    const { version, ...changes } = body;
    await this.commands.execute(new ReviseCommitmentCommand(id, version, changes, actorOf(user)));
    return this.reader.get(id);
  }

  @Roles('secretariat', 'official')
  @Post(':id/progress')
  async progress(@Param('id', uuid) id: string, @Body() body: ProgressDto, @CurrentUser() user: AuthenticatedUser) {
    await this.commands.execute(new ReportProgressCommand(id, body, actorOf(user)));
    return this.reader.get(id);
  }

  @Roles('secretariat')
  @Post(':id/reopen')
  @HttpCode(200)
  async reopen(@Param('id', uuid) id: string, @Body() body: ReopenDto, @CurrentUser() user: AuthenticatedUser) {
    await this.commands.execute(new ReopenCommitmentCommand(id, body.reason, actorOf(user)));
    return this.reader.get(id);
  }

  @Get(':id/history')
  history(@Param('id', uuid) id: string) {
    return this.reader.history(id);
  }
}

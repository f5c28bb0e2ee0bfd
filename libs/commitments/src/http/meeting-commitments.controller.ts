import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorOf, AuthenticatedUser, CurrentUser, Roles } from '@tl/auth';
import { AgreeCommitmentCommand } from '../commands/agree-commitment/agree-commitment.command';
import { CarryForwardCommand } from '../commands/carry-forward/carry-forward.command';
import { CommitmentsReader } from '../commitments.reader';
import { CarryForwardDto, CreateCommitmentDto } from './commitments.dto';

const uuid = new ParseUUIDPipe();

/** The commitments side of a meeting: what it agreed, and what it took over from earlier meetings. */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings/:id')
export class MeetingCommitmentsController {
  constructor(private readonly commands: CommandBus, private readonly reader: CommitmentsReader) {}

  @Roles('secretariat')
  @Post('commitments')
  async agree(@Param('id', uuid) meetingId: string, @Body() body: CreateCommitmentDto, @CurrentUser() user: AuthenticatedUser) {
    const commitment = await this.commands.execute(new AgreeCommitmentCommand(meetingId, body, actorOf(user)));
    return this.reader.get(commitment.id);
  }

  @Get('carry-forward')
  candidates(@Param('id', uuid) meetingId: string) {
    return this.reader.carryForwardCandidates(meetingId);
  }

  @Roles('secretariat')
  @Post('carry-forward')
  async carryForward(@Param('id', uuid) meetingId: string, @Body() body: CarryForwardDto, @CurrentUser() user: AuthenticatedUser) {
    const results = await this.commands.execute(new CarryForwardCommand(meetingId, body, actorOf(user)));
    return { meetingId, items: results };
  }
}

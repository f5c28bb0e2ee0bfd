import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { OneOrManyPipe } from '@tl/api-kit';
import { actorOf, AuthenticatedUser, CurrentUser, Roles } from '@tl/auth';
import { RegisterAttendeesCommand } from '../commands/register-attendees/register-attendees.command';
import { ScheduleMeetingCommand } from '../commands/schedule-meeting/schedule-meeting.command';
import { MeetingsReader } from '../meetings.reader';
import { MeetingCommitmentsQuery } from '../queries/meeting-commitments.query';
import { AttendeeDto, CreateMeetingDto, ListMeetingsQuery } from './meetings.dto';

const uuid = new ParseUUIDPipe();

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus, private readonly reader: MeetingsReader) {}

  @Roles('secretariat')
  @Post()
  async create(@Body() body: CreateMeetingDto, @CurrentUser() user: AuthenticatedUser) {
    const meeting = await this.commands.execute(new ScheduleMeetingCommand(body, actorOf(user)));
    return this.reader.meetingView(meeting);
  }

  @Get()
  list(@Query() query: ListMeetingsQuery) {
    return this.reader.list(query);
  }

  @Get(':id')
  async get(@Param('id', uuid) id: string) {
    const meeting = await this.reader.get(id);
    const commitments = await this.queries.execute(new MeetingCommitmentsQuery(id));
    return { ...meeting, commitments };
  }

  @Roles('secretariat')
  @Post(':id/attendees')
  @ApiBody({ type: AttendeeDto, isArray: true, description: 'one attendee or an array of them' })
  async addAttendees(
    @Param('id', uuid) id: string,
    @Body(new OneOrManyPipe(AttendeeDto)) attendees: AttendeeDto[],
    @Body() raw: unknown,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const rows = await this.commands.execute(new RegisterAttendeesCommand(id, attendees, actorOf(user)));
    const views = rows.map((a) => this.reader.attendeeView(a));
    return Array.isArray(raw) ? views : views[0];
  }
}

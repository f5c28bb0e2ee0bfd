import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@tl/directory';
import { RegisterAttendeesHandler } from './commands/register-attendees/register-attendees.handler';
import { ScheduleMeetingHandler } from './commands/schedule-meeting/schedule-meeting.handler';
import { MeetingsController } from './http/meetings.controller';
import { MeetingsReader } from './meetings.reader';
import { AttendeeEntity } from './persistence/attendee.entity';
import { MeetingEntity } from './persistence/meeting.entity';

/** Meetings and who attended them. */
@Module({
  imports: [TypeOrmModule.forFeature([MeetingEntity, AttendeeEntity]), DirectoryModule],
  controllers: [MeetingsController],
  providers: [MeetingsReader, ScheduleMeetingHandler, RegisterAttendeesHandler],
  exports: [MeetingsReader],
})
export class MeetingsModule {}

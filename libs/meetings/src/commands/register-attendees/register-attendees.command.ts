import { Command } from '@nestjs/cqrs';
import type { Attendance, AttendeeEntity, AttendeeRole } from '../../persistence/attendee.entity';

export interface AttendeeInput {
  officialId: string;
  role: AttendeeRole;
  attendance: Attendance;
  representingOfficialId?: string;
}

export class RegisterAttendeesCommand extends Command<AttendeeEntity[]> {
  constructor(readonly meetingId: string, readonly attendees: AttendeeInput[], readonly actor: string) {
    super();
  }
}

export * from './persistence/meeting.entity';
export * from './persistence/attendee.entity';
export * from './meetings.reader';
export * from './meetings.module';
export * from './queries/meeting-commitments.query';
export * from './commands/schedule-meeting/schedule-meeting.command';
export * from './commands/register-attendees/register-attendees.command';
export { ISO_WITH_OFFSET, toDate, DATE_MESSAGE } from './http/meetings.dto';

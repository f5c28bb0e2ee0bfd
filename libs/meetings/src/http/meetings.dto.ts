import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { DateTime } from 'luxon';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto, trimString } from '@tl/api-kit';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '@tl/directory';
import { ATTENDANCES, Attendance, ATTENDEE_ROLES, AttendeeRole } from '../persistence/attendee.entity';
import { MEETING_KINDS, MEETING_MODES, MeetingKind, MeetingMode } from '../persistence/meeting.entity';

/** ISO-8601 with an explicit offset (or Z): a meeting's time must not depend on the server's zone. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
export const toDate = ({ value }: { value: unknown }) => {
  if (value === undefined) return undefined;
  // In a query string an unencoded "+" of the offset arrives as a space ("…T09:00:00 08:00").
  const text = typeof value === 'string' ? value.replace(/ (\d{2}:?\d{2})$/, '+$1') : value;
  if (typeof text !== 'string' || !ISO_WITH_OFFSET.test(text)) return 'invalid';
  // Luxon checks the calendar (Date would quietly turn 2026-02-30 into 2 March).
  const date = DateTime.fromISO(text, { setZone: true });
  return date.isValid ? date.toJSDate() : 'invalid';
};
export const DATE_MESSAGE = '$property must be an ISO-8601 date-time with offset, e.g. 2026-02-12T09:00:00+08:00';

export class CreateMeetingDto {
  @ApiProperty({ enum: MEETING_KINDS }) @IsIn(MEETING_KINDS) kind: MeetingKind;
  @ApiProperty({ example: 'Rakortek Perumahan dan Kawasan Permukiman 2026' })
  @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiProperty({ example: '2026-02-12T09:00:00+08:00' }) @Transform(toDate) @IsDate({ message: DATE_MESSAGE }) startsAt: Date;
  @ApiPropertyOptional() @IsOptional() @Transform(toDate) @IsDate({ message: DATE_MESSAGE }) endsAt?: Date;
  @ApiProperty({ example: 'Banjarmasin' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(500) venue: string;
  @ApiProperty({ enum: MEETING_MODES }) @IsIn(MEETING_MODES) mode: MeetingMode;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }) @MaxLength(2000) onlineUrl?: string;
  @ApiProperty() @IsUUID() organizerAgencyId: string;
  @ApiPropertyOptional({ description: 'absent: a national meeting', example: '63' })
  @IsOptional() @IsString() @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID(undefined, { each: true }) programIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) summary?: string;
}

export class ListMeetingsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'a province includes its regencies' })
  @IsOptional() @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode?: string;
  @ApiPropertyOptional({ enum: MEETING_KINDS }) @IsOptional() @IsIn(MEETING_KINDS) kind?: MeetingKind;
  @ApiPropertyOptional() @IsOptional() @Transform(toDate) @IsDate({ message: DATE_MESSAGE }) from?: Date;
  @ApiPropertyOptional() @IsOptional() @Transform(toDate) @IsDate({ message: DATE_MESSAGE }) to?: Date;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
}

export class AttendeeDto {
  @ApiProperty() @IsUUID() officialId: string;
  @ApiProperty({ enum: ATTENDEE_ROLES }) @IsIn(ATTENDEE_ROLES) role: AttendeeRole;
  @ApiPropertyOptional({ description: 'the official this attendee stands in for ("mewakili")' })
  @IsOptional() @IsUUID() representingOfficialId?: string;
  @ApiProperty({ enum: ATTENDANCES }) @IsIn(ATTENDANCES) attendance: Attendance;
}

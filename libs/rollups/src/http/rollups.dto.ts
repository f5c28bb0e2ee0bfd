import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { TREND_INTERVALS, TrendInterval } from '@tl/domain';

const DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/;
const DAY_OR_TIME_MESSAGE = '$property must be a date such as 2026-03-01 or an ISO-8601 time with offset';

export class ProvincesQuery {
  @ApiPropertyOptional({ description: 'the province × program rows of this program' })
  @IsOptional() @IsUUID(undefined, { message: 'programId must be a UUID' }) programId?: string;
}

export class TrendQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'first day (in the reporting zone); default: twelve periods back' })
  @IsOptional() @IsString() @MaxLength(40) @Matches(DAY_OR_TIME, { message: DAY_OR_TIME_MESSAGE }) from?: string;
  @ApiPropertyOptional({ example: '2026-03-31', description: 'last day; default: today' })
  @IsOptional() @IsString() @MaxLength(40) @Matches(DAY_OR_TIME, { message: DAY_OR_TIME_MESSAGE }) to?: string;
  @ApiPropertyOptional({ enum: TREND_INTERVALS, default: 'week' })
  @IsOptional() @IsIn(TREND_INTERVALS, { message: `interval must be one of ${TREND_INTERVALS.join(', ')}` }) interval?: TrendInterval;
}

export class SendDigestDto {
  @ApiPropertyOptional({ type: [String], description: 'only these leadership officials (default: all of them)' })
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsUUID(undefined, { each: true, message: 'officialIds must contain UUIDs' }) officialIds?: string[];
  @ApiPropertyOptional({ description: "send again to officials who already received this week's digest", default: false })
  @IsOptional() @IsBoolean() resend?: boolean;
}

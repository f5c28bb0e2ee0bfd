import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trimString } from '@tl/api-kit';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min,
  ValidateIf, ValidateNested,
} from 'class-validator';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '@tl/directory';
import { COMMITMENT_STATUSES, CommitmentStatus } from '@tl/domain';
import { DATE_MESSAGE, toDate } from '@tl/meetings';
import { COMMITMENT_SORTS, CommitmentSort } from '../commitments.reader';

const nullAsAbsent = ({ value }: { value: unknown }) => (value === null ? undefined : value);
const NUMBER = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 };

export class IndicatorDto {
  @ApiProperty({ example: 'unit' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(50) unit: string;
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @IsNumber(NUMBER) @Min(0) baseline?: number;
  @ApiProperty({ example: 237973 }) @IsNumber(NUMBER) @Min(0) target: number;
  @ApiPropertyOptional({ example: 2804 }) @IsOptional() @IsNumber(NUMBER) @Min(0) achieved?: number;
}

export class CreateCommitmentDto {
  @ApiProperty({ example: 'Percepatan penanganan RTLH 2026' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) description?: string;
  @ApiProperty() @IsUUID() ownerOfficialId: string;
  @ApiProperty({ example: '63' }) @IsString() @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
  @ApiProperty({ example: '2026-06-30T17:00:00+08:00' }) @Transform(toDate) @IsDate({ message: DATE_MESSAGE }) dueAt: Date;
  @ApiPropertyOptional({ type: IndicatorDto }) @IsOptional() @ValidateNested() @Type(() => IndicatorDto) indicator?: IndicatorDto;
}

/** Optional, but not nullable: `null` is validated (and refused) instead of being skipped like an absent field. */
const IsOptionalNotNull = () => ValidateIf((_, v) => v !== undefined);

export class UpdateCommitmentDto {
  @ApiProperty({ description: 'the version you read; a stale one is refused with 409' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptionalNotNull() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ nullable: true }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsString() @MaxLength(20000) description?: string | null;
  @ApiPropertyOptional() @IsOptionalNotNull() @Transform(toDate) @IsDate({ message: DATE_MESSAGE }) dueAt?: Date;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsUUID() ownerOfficialId?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode?: string;
  @ApiPropertyOptional({ nullable: true }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsUUID() programId?: string | null;
  @ApiPropertyOptional({ type: IndicatorDto, nullable: true, description: 'null removes the indicator' })
  @ValidateIf((_, v) => v !== null && v !== undefined) @ValidateNested() @Type(() => IndicatorDto) indicator?: IndicatorDto | null;
}

export class ProgressDto {
  // null means "not reported", like an absent field: the status stays as it is.
  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES }) @Transform(nullAsAbsent) @IsOptional() @IsIn(COMMITMENT_STATUSES) status?: CommitmentStatus;
  @ApiPropertyOptional({ example: 2804 }) @Transform(nullAsAbsent) @IsOptional() @IsNumber(NUMBER) @Min(0) achieved?: number;
  @ApiProperty({ example: 'Verifikasi data RTLH kabupaten selesai.' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(5000) note: string;
}

export class ReopenDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(5000) reason: string;
}

const toStatusList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CommitmentFilterQuery {
  @ApiPropertyOptional({ description: 'one status or a comma-separated list', example: 'open,in_progress' })
  @IsOptional() @Transform(toStatusList) @IsArray() @IsIn(COMMITMENT_STATUSES, { each: true, message: `status must be one of ${COMMITMENT_STATUSES.join(', ')}` })
  status?: CommitmentStatus[];
  @ApiPropertyOptional({ description: 'a province includes its regencies' })
  @IsOptional() @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerOfficialId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() meetingId?: string;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(toBoolean) @IsIn([true, false], { message: 'overdue must be true or false' }) overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toDate) @IsDate({ message: DATE_MESSAGE }) dueFrom?: Date;
  @ApiPropertyOptional() @IsOptional() @Transform(toDate) @IsDate({ message: DATE_MESSAGE }) dueTo?: Date;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: COMMITMENT_SORTS, description: 'daysOverdue: oldest overdue first' })
  @IsOptional() @IsIn(COMMITMENT_SORTS) sort?: CommitmentSort;
}

export class ListCommitmentsQuery extends CommitmentFilterQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class CarryForwardDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID(undefined, { each: true }) commitmentIds: string[];
  @ApiPropertyOptional({ description: 'a new due time agreed at this meeting' }) @IsOptional() @Transform(toDate) @IsDate({ message: DATE_MESSAGE }) dueAt?: Date;
  @ApiPropertyOptional({ description: 'a new owner agreed at this meeting' }) @IsOptional() @IsUUID() ownerOfficialId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trimString } from '@tl/api-kit';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AGENCY_LEVELS, AgencyLevel } from '../persistence/agency.entity';
import { LOCALES, Locale } from '../persistence/official.entity';

export const REGION_CODE_PATTERN = /^\d{2}(\.\d{2})?$/;
export const REGION_CODE_MESSAGE = '$property must be a Kemendagri region code such as 62 or 62.71';

export class CreateAgencyDto {
  @ApiProperty({ example: 'Dinas Perumahan dan Kawasan Permukiman Provinsi Kalimantan Selatan' })
  @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(300) name: string;

  @ApiProperty({ enum: AGENCY_LEVELS }) @IsIn(AGENCY_LEVELS) level: AgencyLevel;

  @ApiPropertyOptional({ example: '63' })
  @IsOptional() @IsString() @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode?: string;
}

export class CreateOfficialDto {
  @ApiProperty({ example: 'Leonard S. Ampung' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: 'Plt. Sekretaris Daerah Provinsi Kalimantan Tengah' })
  @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(300) position: string;
  @ApiProperty() @IsUUID() agencyId: string;
  @ApiProperty({ example: 'leonard.ampung@kalteng.example' }) @IsEmail() @MaxLength(320) email: string;
  @ApiPropertyOptional({ example: '62' })
  @IsOptional() @IsString() @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() supervisorId?: string;
  @ApiPropertyOptional({ enum: LOCALES, default: 'id' }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
  @ApiPropertyOptional({ description: 'receives the weekly leadership digest for its region', default: false })
  @IsOptional() @IsBoolean() leadership?: boolean;
}

export class ListOfficialsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;

  @ApiPropertyOptional({ description: 'matches name, position, e-mail or agency' })
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE }) regionCode?: string;
}

export class CreateProgramDto {
  @ApiProperty({ example: '3JR' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(50) code: string;
  @ApiProperty({ example: 'Program Tiga Juta Rumah' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(300) name: string;
}

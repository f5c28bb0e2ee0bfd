import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { USER_ROLES, UserRole } from './user.entity';

export class LoginDto {
  @ApiProperty({ example: 'admin@tindaklanjut.example' })
  @IsString()
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  password: string;
}

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(1024) password: string;
  @ApiProperty({ enum: USER_ROLES }) @IsIn(USER_ROLES) role: UserRole;
  @ApiPropertyOptional({ description: 'the official this user is (for officials and leadership)' })
  @IsOptional() @IsUUID() officialId?: string;
}

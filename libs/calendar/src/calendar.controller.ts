import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { actorOf, AuthenticatedUser, CurrentUser, Roles } from '@tl/auth';
import { DomainError, isLocalDate } from '@tl/domain';
import { AddNonWorkingDayCommand, RemoveNonWorkingDayCommand } from './calendar.commands';
import { WorkingCalendarService } from './working-calendar.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class NonWorkingDayDto {
  @ApiProperty({ example: '2026-03-23' }) @IsString() @Matches(DATE, { message: 'date must be a calendar date YYYY-MM-DD' }) date: string;
  @ApiProperty({ example: 'Cuti bersama Idul Fitri' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
}

export class CalendarYearQuery {
  @ApiPropertyOptional({ example: 2026, description: 'default: the current year' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

function assertRealDate(date: string, field = 'date'): void {
  if (!isLocalDate(date)) throw new DomainError('invalid', 'CALENDAR.BAD_DATE', `${field}: ${date} is not a real calendar date`);
}

/** The working calendar reminders are aligned to: national holidays, cuti bersama and the admin's days. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/non-working-days')
export class CalendarController {
  constructor(private readonly commands: CommandBus, private readonly calendar: WorkingCalendarService) {}

  @Get()
  list(@Query() query: CalendarYearQuery) {
    return this.calendar.daysOf([query.year ?? new Date().getUTCFullYear()]);
  }

  @Roles()
  @Post()
  async add(@Body() body: NonWorkingDayDto, @CurrentUser() user: AuthenticatedUser) {
    assertRealDate(body.date);
    const day = await this.commands.execute(new AddNonWorkingDayCommand(body.date, body.name, actorOf(user)));
    return { date: day.date, name: day.name, source: 'admin' };
  }

  @Roles()
  @Delete(':date')
  @HttpCode(204)
  async remove(@Param('date') date: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    if (!DATE.test(date)) throw new DomainError('invalid', 'CALENDAR.BAD_DATE', 'date must be a calendar date YYYY-MM-DD');
    assertRealDate(date);
    await this.commands.execute(new RemoveNonWorkingDayCommand(date, actorOf(user)));
  }
}

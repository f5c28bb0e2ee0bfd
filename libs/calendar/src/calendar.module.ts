import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddNonWorkingDayHandler, RemoveNonWorkingDayHandler } from './calendar.commands';
import { CalendarController } from './calendar.controller';
import { NonWorkingDayEntity } from './non-working-day.entity';
import { WorkingCalendarService } from './working-calendar.service';

@Module({
  imports: [TypeOrmModule.forFeature([NonWorkingDayEntity])],
  controllers: [CalendarController],
  providers: [WorkingCalendarService, AddNonWorkingDayHandler, RemoveNonWorkingDayHandler],
  exports: [WorkingCalendarService],
})
export class CalendarModule {}

/** The calendar without its HTTP routes, for the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([NonWorkingDayEntity])],
  providers: [WorkingCalendarService],
  exports: [WorkingCalendarService],
})
export class WorkingCalendarModule {}

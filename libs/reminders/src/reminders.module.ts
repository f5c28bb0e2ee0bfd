import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SigningKeysModule } from '@tl/auth';
import { WorkingCalendarModule } from '@tl/calendar';
import { CommitmentEntity, CommitmentsModule } from '@tl/commitments';
import { DirectoryModule } from '@tl/directory';
import { MeetingsModule } from '@tl/meetings';
import { NotificationsModule } from '@tl/notifications';
import { ReminderDeliveryProcessor } from './delivery/reminder-delivery.processor';
import { ReminderDispatcher } from './delivery/reminder-dispatcher.service';
import { ReminderReconciler } from './delivery/reminder-reconciler';
import { ReminderTimers } from './delivery/reminder-timers.service';
import { PublicProgressController } from './http/public-progress.controller';
import { RemindersController } from './http/reminders.controller';
import { ProgressLinks } from './links/progress-links.service';
import { ProgressLinkEntity } from './persistence/progress-link.entity';
import { ReminderEntity } from './persistence/reminder.entity';
import { ReminderPlanner } from './planning/reminder-planner.service';
import { ReminderPlanningProcessor } from './planning/reminder-planning.processor';

const ENTITIES = TypeOrmModule.forFeature([ReminderEntity, ProgressLinkEntity, CommitmentEntity]);

/** The api side: the reminder log of a commitment and the progress links from e-mails. */
@Module({
  imports: [ENTITIES, CommitmentsModule, DirectoryModule, SigningKeysModule],
  controllers: [RemindersController, PublicProgressController],
  providers: [ProgressLinks],
})
export class RemindersModule {}

/** The worker side: planning, timers, delivery and their reconciliation. */
@Module({
  imports: [ENTITIES, CommitmentsModule, MeetingsModule, DirectoryModule, WorkingCalendarModule, NotificationsModule, SigningKeysModule],
  providers: [
    ProgressLinks,
    ReminderPlanner,
    ReminderTimers,
    ReminderDispatcher,
    ReminderReconciler,
    ReminderPlanningProcessor,
    ReminderDeliveryProcessor,
  ],
  exports: [ReminderPlanner, ReminderTimers],
})
export class RemindersWorkerModule {}

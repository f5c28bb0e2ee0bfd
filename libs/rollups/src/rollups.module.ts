import { Module } from '@nestjs/common';
import { DirectoryModule } from '@tl/directory';
import { NotificationsModule } from '@tl/notifications';
import { DigestContentService } from './digest/digest-content.service';
import { WeeklyDigestService } from './digest/weekly-digest.service';
import { DigestRecipients } from './http/digest-recipients';
import { RollupsController } from './http/rollups.controller';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { RollupSchedules } from './maintenance/rollup-schedules.service';
import { RollupEventsProcessor } from './projection/rollup-events.processor';
import { RollupProjector } from './projection/rollup-projector.service';
import { OverdueSweeper } from './reconcile/overdue-sweeper.service';
import { RollupRebuilder } from './reconcile/rollup-rebuilder.service';
import { RollupsReader } from './rollups.reader';

/** The api side: the roll-up routes, reading the read model only. */
@Module({
  imports: [DirectoryModule],
  controllers: [RollupsController],
  providers: [RollupsReader, RollupRebuilder, DigestRecipients],
})
export class RollupsModule {}

/** The worker side: the projection of domain events, the overdue sweep, reconciliation, snapshots, digests. */
@Module({
  imports: [DirectoryModule, NotificationsModule],
  providers: [
    RollupProjector,
    RollupEventsProcessor,
    OverdueSweeper,
    RollupRebuilder,
    DigestContentService,
    WeeklyDigestService,
    MaintenanceProcessor,
    RollupSchedules,
  ],
  exports: [RollupProjector, RollupRebuilder],
})
export class RollupsWorkerModule {}

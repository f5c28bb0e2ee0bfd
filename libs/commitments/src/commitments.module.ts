import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@tl/directory';
import { MeetingsModule } from '@tl/meetings';
import { AgreeCommitmentHandler } from './commands/agree-commitment/agree-commitment.handler';
import { CarryForwardHandler } from './commands/carry-forward/carry-forward.handler';
import { ReopenCommitmentHandler } from './commands/reopen-commitment/reopen-commitment.handler';
import { ReportProgressHandler } from './commands/report-progress/report-progress.handler';
import { ReviseCommitmentHandler } from './commands/revise-commitment/revise-commitment.handler';
import { CommitmentsReader } from './commitments.reader';
import { CommitmentsController } from './http/commitments.controller';
import { ExportsController } from './http/exports.controller';
import { MeetingCommitmentsController } from './http/meeting-commitments.controller';
import { CommitmentEntity } from './persistence/commitment.entity';
import { MeetingCommitmentsHandler } from './queries/meeting-commitments.handler';

/** The agreed actions ("tindak lanjut"): their status, progress, history and exports. */
@Module({
  imports: [TypeOrmModule.forFeature([CommitmentEntity]), DirectoryModule, MeetingsModule],
  controllers: [CommitmentsController, MeetingCommitmentsController, ExportsController],
  providers: [
    CommitmentsReader,
    AgreeCommitmentHandler,
    ReviseCommitmentHandler,
    ReportProgressHandler,
    ReopenCommitmentHandler,
    CarryForwardHandler,
    MeetingCommitmentsHandler,
  ],
  exports: [CommitmentsReader],
})
export class CommitmentsModule {}

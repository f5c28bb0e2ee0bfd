import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@tl/queues';
import { WeeklyDigestService } from '../digest/weekly-digest.service';
import { OverdueSweeper } from '../reconcile/overdue-sweeper.service';
import { RollupRebuilder } from '../reconcile/rollup-rebuilder.service';

type MaintenanceJob =
  | Job<JobPayloads['rollups.rebuild'], unknown, typeof JobName.RollupRebuild>
  | Job<JobPayloads['rollups.overdue-sweep'], unknown, typeof JobName.RollupOverdueSweep>
  | Job<JobPayloads['rollups.snapshot'], unknown, typeof JobName.RollupSnapshot>
  | Job<JobPayloads['digest.weekly'], unknown, typeof JobName.WeeklyDigest>;

/**
 * The periodic jobs: overdue sweep, nightly reconciliation, daily snapshot, weekly digest. Several
 * at once, so that a long digest run does not hold the 30-second sweep back.
 */
@Processor(QueueName.Maintenance, { concurrency: 4 })
export class MaintenanceProcessor extends WorkerHost {
  constructor(private readonly rebuilder: RollupRebuilder, private readonly sweeper: OverdueSweeper, private readonly digest: WeeklyDigestService) {
    super();
  }

  async process(job: MaintenanceJob): Promise<unknown> {
    switch (job.name) {
      case JobName.RollupRebuild: {
        const report = await this.rebuilder.rebuild(job.data.reason ?? 'manual');
        return { rowsChecked: report.rowsChecked, driftRows: report.driftRows, drift: report.drift.slice(0, 20) };
      }
      case JobName.RollupOverdueSweep:
        return this.sweeper.sweep();
      case JobName.RollupSnapshot:
        return { day: await this.rebuilder.snapshot() };
      case JobName.WeeklyDigest:
        return this.digest.run(job.data);
      default:
        throw new Error(`the maintenance queue has no handler for job "${(job as Job).name}"`);
    }
  }

  private readonly queueLogger = new Logger(MaintenanceProcessor.name);

  /** Redis trouble (a lost connection, a job gone with a flushed Redis) is logged, not thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.queueLogger.warn(`queue worker: ${error.message}`);
  }
}

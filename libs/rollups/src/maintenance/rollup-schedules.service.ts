import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { JobName, QueueName } from '@tl/queues';

const KEEP = { removeOnComplete: { count: 200 }, removeOnFail: { count: 500 } };

/**
 * Registers the periodic jobs with BullMQ when a worker starts (idempotent: a scheduler id is
 * upserted, so several workers keep one schedule) and asks for one reconciliation, which also
 * fills the roll-ups of a database that had commitments before they existed.
 */
@Injectable()
export class RollupSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(RollupSchedules.name);

  constructor(@InjectQueue(QueueName.Maintenance) private readonly queue: Queue, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const c = this.config;
    const tz = c.rollupZone;
    await this.queue.upsertJobScheduler('rollups.overdue-sweep', { every: c.rollupSweepEvery.as('milliseconds') }, {
      name: JobName.RollupOverdueSweep,
      data: {},
      opts: { ...KEEP, attempts: 1 },
    });
    await this.cron('rollups.rebuild-nightly', c.rollupRebuildCron, tz, JobName.RollupRebuild, { reason: 'nightly' });
    await this.cron('rollups.snapshot-daily', c.rollupSnapshotCron, tz, JobName.RollupSnapshot, {});
    if (c.digestDay) {
      await this.queue.upsertJobScheduler('digest.weekly-check', { every: c.digestCheckEvery.as('milliseconds') }, {
        name: JobName.WeeklyDigest,
        data: { trigger: 'schedule' },
        opts: { ...KEEP, attempts: 1 },
      });
    } else {
      await this.queue.removeJobScheduler('digest.weekly-check');
    }
    await this.queue.add(JobName.RollupRebuild, { reason: 'startup' }, { ...KEEP, attempts: 5, backoff: { type: 'exponential', delay: 2000 } });
    this.logger.log(
      `roll-up jobs scheduled: overdue sweep every ${c.rollupSweepEvery.toISO()}, reconciliation ${c.rollupRebuildCron ?? 'off'}, ` +
        `snapshot ${c.rollupSnapshotCron ?? 'off'} (${tz}), digest ${c.digestDay ? `${c.digestDay} ${c.digestSendAt} local` : 'off'}`,
    );
  }

  private async cron(id: string, pattern: string | undefined, tz: string, name: string, data: object): Promise<void> {
    if (!pattern) {
      await this.queue.removeJobScheduler(id);
      return;
    }
    await this.queue.upsertJobScheduler(id, { pattern, tz }, { name, data, opts: { ...KEEP, attempts: 3, backoff: { type: 'exponential', delay: 10_000 } } });
  }
}

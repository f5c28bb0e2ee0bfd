import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DomainEventRelayedPayload, QUICK_STALL_RECOVERY, QueueName } from '@tl/queues';
import { ReminderTimers } from '../delivery/reminder-timers.service';
import { ReminderPlanner } from './reminder-planner.service';

/** Every commitment event re-plans that commitment's reminders and arms timers for new ones. */
@Processor(QueueName.ReminderPlanning, { concurrency: 4, ...QUICK_STALL_RECOVERY })
export class ReminderPlanningProcessor extends WorkerHost {
  private readonly logger = new Logger(ReminderPlanningProcessor.name);

  constructor(private readonly planner: ReminderPlanner, private readonly timers: ReminderTimers) {
    super();
  }

  async process(job: Job<DomainEventRelayedPayload>): Promise<number> {
    if (job.data.aggregateType !== 'commitment') return 0;
    const fresh = await this.planner.replan(job.data.aggregateId);
    await this.timers.arm(fresh);
    return fresh.length;
  }

  /** Redis trouble (a lost connection, a job gone with a flushed Redis) is logged, not thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`queue worker: ${error.message}`);
  }
}

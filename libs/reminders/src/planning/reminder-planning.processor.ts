import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DomainEventRelayedPayload, QUICK_STALL_RECOVERY, QueueName } from '@tl/queues';
import { ReminderTimers } from '../delivery/reminder-timers.service';
import { ReminderPlanner } from './reminder-planner.service';

/** Every commitment event re-plans that commitment's reminders and arms timers for new ones. */
@Processor(QueueName.ReminderPlanning, { concurrency: 4, ...QUICK_STALL_RECOVERY })
export class ReminderPlanningProcessor extends WorkerHost {
  constructor(private readonly planner: ReminderPlanner, private readonly timers: ReminderTimers) {
    super();
  }

  async process(job: Job<DomainEventRelayedPayload>): Promise<number> {
    if (job.data.aggregateType !== 'commitment') return 0;
    const fresh = await this.planner.replan(job.data.aggregateId);
    await this.timers.arm(fresh);
    return fresh.length;
  }
}

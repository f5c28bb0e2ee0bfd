import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QueueName, ReminderDispatchPayload } from '@tl/queues';
import { ReminderPlanner } from '../planning/reminder-planner.service';
import { ReminderDispatcher } from './reminder-dispatcher.service';
import { ReminderTimers } from './reminder-timers.service';

/** Wakes when a dispatch key is due, sends its e-mail, then plans the next overdue reminder. */
@Processor(QueueName.ReminderDelivery, { concurrency: 10 })
export class ReminderDeliveryProcessor extends WorkerHost {
  constructor(private readonly dispatcher: ReminderDispatcher, private readonly planner: ReminderPlanner, private readonly timers: ReminderTimers) {
    super();
  }

  async process(job: Job<ReminderDispatchPayload>): Promise<number> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.dispatcher.dispatch(job.data.dispatchKey, finalAttempt);
    for (const commitmentId of outcome.commitmentIds) {
      await this.timers.arm(await this.planner.replan(commitmentId));
    }
    return outcome.sent.length;
  }
}

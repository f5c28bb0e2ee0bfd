import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { QUICK_STALL_RECOVERY, QueueName, ReminderDispatchPayload } from '@tl/queues';
import { ReminderPlanner } from '../planning/reminder-planner.service';
import { ReminderDispatcher, ReminderSendError } from './reminder-dispatcher.service';
import { ReminderTimers } from './reminder-timers.service';

/**
 * Jobs in progress at once. Many, because a job mostly waits: the jobs due together share one
 * claim transaction (see ReminderDispatcher), and the e-mails queue for the pooled SMTP connections.
 */
export const REMINDER_DELIVERY_CONCURRENCY = 50;

/** Wakes when a dispatch key is due, sends its e-mail, then plans the next overdue reminder. */
@Processor(QueueName.ReminderDelivery, { concurrency: REMINDER_DELIVERY_CONCURRENCY, ...QUICK_STALL_RECOVERY })
export class ReminderDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(ReminderDeliveryProcessor.name);

  constructor(private readonly dispatcher: ReminderDispatcher, private readonly planner: ReminderPlanner, private readonly timers: ReminderTimers) {
    super();
  }

  async process(job: Job<ReminderDispatchPayload>): Promise<number> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    let replan: string[] = [];
    try {
      const outcome = await this.dispatcher.dispatch(job.data.dispatchKey, finalAttempt);
      replan = outcome.replan;
      return outcome.sent.length;
    } catch (error) {
      // An overdue reminder that failed for good is followed by the next one all the same.
      if (error instanceof ReminderSendError && finalAttempt) replan = error.replan;
      throw error;
    } finally {
      for (const commitmentId of replan) await this.timers.arm(await this.planner.replan(commitmentId));
    }
  }

  /** Redis trouble (a lost connection, a job gone with a flushed Redis) is logged, not thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`queue worker: ${error.message}`);
  }
}

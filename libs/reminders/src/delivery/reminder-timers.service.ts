import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { dispatchOptions, JobName, jobId, QueueName, redisOptions, ReminderDispatchPayload } from '@tl/queues';

export interface Timer {
  dispatchKey: string;
  scheduledFor: Date;
}

// Timers are added, and checked, in chunks: a single call for 100k jobs (the reconciler after Redis
// lost its data) takes seconds and a lot of memory, and small chunks let due deliveries run between.
const ARM_CHUNK = 1000;
const CHECK_CHUNK = 500;

type TimerState = 'live' | 'ran' | 'missing';

/**
 * The timers in Redis (BullMQ delayed jobs) that wake the dispatcher when reminders are due.
 * PostgreSQL holds the plan, so every timer can be re-created from it at any time.
 */
@Injectable()
export class ReminderTimers implements OnApplicationShutdown {
  private readonly logger = new Logger(ReminderTimers.name);
  private redis?: IORedis;

  constructor(
    @InjectQueue(QueueName.ReminderDelivery) private readonly queue: Queue<ReminderDispatchPayload>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private options() {
    return dispatchOptions(this.config.mailAttempts, this.config.mailRetryDelay.as('milliseconds'));
  }

  /** One timer per dispatch key; adding the same key twice is a no-op while the job exists. */
  async arm(timers: Timer[]): Promise<void> {
    const unique = [...new Map(timers.map((t) => [t.dispatchKey, t])).values()];
    for (let i = 0; i < unique.length; i += ARM_CHUNK) {
      // The job's creation time is pinned to the `now` its delay is counted from, so it fires at
      // scheduledFor however long adding a large batch takes.
      const now = Date.now();
      await this.queue.addBulk(
        unique.slice(i, i + ARM_CHUNK).map((t) => ({
          name: JobName.ReminderDispatch,
          data: { dispatchKey: t.dispatchKey, scheduledFor: t.scheduledFor.toISOString() },
          opts: { ...this.options(), jobId: jobId('dispatch', t.dispatchKey), timestamp: now, delay: Math.max(0, t.scheduledFor.getTime() - now) },
        })),
      );
    }
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }

  private sentinelKey(): string {
    return `${this.config.queuePrefix}:tl:reconciled`;
  }

  /**
   * Re-creates every missing timer from the plan. Redis may have been flushed or replaced: then
   * (no sentinel) all pending reminders are checked and recently relayed events are relayed again,
   * since their jobs may have vanished before they ran. Otherwise a process's first pass checks the
   * next hour, and each later pass (`periodic`) the reminders falling due between one and three
   * intervals from now, so that each is checked before it is due but none while a burst of them
   * (the 08:00 reminders of a zone) is going out, plus those still pending two intervals after
   * they were due.
   */
  async reconcile(pass: 'first' | 'periodic' = 'first'): Promise<{ checked: number; rearmed: number; flushed: boolean }> {
    this.redis ??= new IORedis(redisOptions(this.config.redisUrl));
    const client = this.redis;
    const flushed = (await client.exists(this.sentinelKey())) === 0;
    if (flushed) {
      await this.dataSource.query(`UPDATE domain_events SET published_at = NULL WHERE published_at > now() - interval '1 day'`);
    }
    const every = `${this.config.reconcileEvery.as('milliseconds')} milliseconds`;
    const window = flushed
      ? ''
      : pass === 'first'
        ? `AND scheduled_for < now() + interval '1 hour'`
        : `AND ((scheduled_for > now() + $1::interval AND scheduled_for <= now() + 3 * $1::interval) OR scheduled_for < now() - 2 * $1::interval)`;
    const rows: Array<{ dispatch_key: string; scheduled_for: Date }> = await this.dataSource.query(
      `SELECT dispatch_key, min(scheduled_for) AS scheduled_for FROM reminders
        WHERE (status = 'scheduled' OR (status = 'sending' AND claimed_at < now() - interval '2 minutes'))
          ${window}
        GROUP BY dispatch_key`,
      window.includes('$1') ? [every] : [],
    );
    const states = await this.states(rows.map((row) => jobId('dispatch', row.dispatch_key)));
    const missing: Timer[] = [];
    let rearmed = 0;
    for (const [i, row] of rows.entries()) {
      if (states[i] === 'live') continue;
      const timer = { dispatchKey: row.dispatch_key, scheduledFor: row.scheduled_for };
      if (states[i] === 'missing') missing.push(timer);
      else {
        // The job ran (completed or gave up) but reminders under its key are still pending: a fresh job.
        await this.queue.add(JobName.ReminderDispatch, { dispatchKey: timer.dispatchKey, scheduledFor: timer.scheduledFor.toISOString() }, {
          ...this.options(),
          jobId: jobId('dispatch', row.dispatch_key, 'r', Date.now()),
          delay: Math.max(0, timer.scheduledFor.getTime() - Date.now()),
        });
      }
      rearmed++;
    }
    await this.arm(missing);
    await client.set(this.sentinelKey(), new Date().toISOString());
    if (rearmed || flushed) this.logger.log(`reconciled reminder timers: ${rearmed} of ${rows.length} re-armed${flushed ? ' after Redis lost its data' : ''}`);
    return { checked: rows.length, rearmed, flushed };
  }

  /**
   * Whether each job is still to run (live), has run (its record kept as completed or failed), or
   * is unknown to Redis (missing). Redis answers for a chunk of jobs in one script call, a letter
   * per job: encoding and parsing three commands per job cost the worker ~40 µs each, which a pass
   * over the 08:00 burst of a zone (thousands of jobs) took from the e-mails going out.
   */
  private async states(ids: string[]): Promise<TimerState[]> {
    const client = this.redis!;
    const states: TimerState[] = [];
    for (let i = 0; i < ids.length; i += CHECK_CHUNK) {
      const letters: string = await client.eval(TIMER_STATES_SCRIPT, 0, this.queue.toKey(''), ...ids.slice(i, i + CHECK_CHUNK)) as string;
      for (const letter of letters) states.push(TIMER_STATE_OF_LETTER[letter]);
    }
    return states;
  }
}

/**
 * ARGV[1]: the queue's key prefix ("<prefix>:<queue>:"), then job ids. Answers one letter per job:
 * r (ran: in the completed or failed set), l (live: its hash exists), m (missing). Keys are built
 * inside the script, as BullMQ's own scripts do, so it is not for Redis Cluster without hash tags
 * (neither is BullMQ).
 */
const TIMER_STATES_SCRIPT = `
local prefix = ARGV[1]
local out = {}
for i = 2, #ARGV do
  local id = ARGV[i]
  if redis.call('ZSCORE', prefix .. 'completed', id) or redis.call('ZSCORE', prefix .. 'failed', id) then
    out[#out + 1] = 'r'
  elseif redis.call('EXISTS', prefix .. id) == 1 then
    out[#out + 1] = 'l'
  else
    out[#out + 1] = 'm'
  end
end
return table.concat(out)`;

const TIMER_STATE_OF_LETTER: Record<string, TimerState> = { r: 'ran', l: 'live', m: 'missing' };

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { ReminderPlanner } from '../planning/reminder-planner.service';
import { ReminderTimers } from './reminder-timers.service';

/**
 * At start and on a short interval, re-creates reminder timers missing from Redis and finishes
 * plans a crash left unfinished.
 */
@Injectable()
export class ReminderReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  private firstPassDone = false;

  constructor(
    private readonly timers: ReminderTimers,
    private readonly planner: ReminderPlanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.reconcile()
        .catch((error) => this.logger.warn(`reconciliation failed, will retry: ${(error as Error).message}`))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, this.config.reconcileEvery.as('milliseconds'));
        });
    };
    tick();
  }

  private async reconcile(): Promise<void> {
    await this.timers.reconcile(this.firstPassDone ? 'periodic' : 'first');
    this.firstPassDone = true;
    const unplanned = await this.planner.unplanned();
    for (const commitmentId of unplanned) {
      if (this.stopped) return;
      await this.timers.arm(await this.planner.replan(commitmentId));
    }
    if (unplanned.length) this.logger.log(`re-planned ${unplanned.length} commitments without a next reminder`);
  }

  // Stops first (module destroy comes before application shutdown), so a last run still finds its
  // Redis connection and database open.
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

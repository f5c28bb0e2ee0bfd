import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DomainEventRelayedPayload, QueueName } from '@tl/queues';
import { RollupProjector } from './rollup-projector.service';

/**
 * Every commitment event recomputes the roll-up rows of that commitment (where it is and where it
 * has been). High concurrency is cheap: jobs mostly wait for the projector's next merged pass.
 */
@Processor(QueueName.Rollups, { concurrency: 64 })
export class RollupEventsProcessor extends WorkerHost {
  constructor(private readonly projector: RollupProjector) {
    super();
  }

  async process(job: Pick<Job<DomainEventRelayedPayload>, 'data'>): Promise<number> {
    if (job.data.aggregateType !== 'commitment') return 0;
    const scopes = await this.projector.scopesOfCommitment(job.data.aggregateId);
    await this.projector.refresh(scopes);
    return scopes.length;
  }

  private readonly queueLogger = new Logger(RollupEventsProcessor.name);

  /** Redis trouble (a lost connection, a job gone with a flushed Redis) is logged, not thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.queueLogger.warn(`queue worker: ${error.message}`);
  }
}

import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { DOMAIN_EVENTS_CHANNEL } from '@tl/database';
import { DomainEventRelayedPayload, JobName, jobId, QueueName, queuesFor, RELAYED_EVENT_OPTIONS } from '@tl/queues';

// Only one worker relays at a time (others stand by); the lock dies with its connection.
const RELAY_LOCK = 7_463_115_222;
const BATCH = 500;

interface EventRow {
  id: string;
  seq: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  data: Record<string, unknown>;
  actor: string;
  occurred_at: Date;
}

/**
 * Moves committed domain events from the events table (the outbox) to the BullMQ queues, in order
 * and at least once. An event is marked published only after the queues accepted it; a crash in
 * between re-publishes it under the same job id, which BullMQ ignores while the job is kept.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private lockClient?: Client;
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;
  private wake?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    void this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    if (this.timer) clearTimeout(this.timer);
    await this.lockClient?.end().catch(() => undefined);
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!(await this.holdLock())) {
          await this.sleep(2000);
          continue;
        }
        const relayed = await this.relayBatch();
        if (relayed < BATCH) await this.sleep(1000);
      } catch (error) {
        this.logger.warn(`relay paused: ${(error as Error).message}`);
        await this.lockClient?.end().catch(() => undefined);
        this.lockClient = undefined;
        await this.sleep(2000);
      }
    }
  }

  /** Takes (or keeps) the relay lock on a dedicated connection that also LISTENs for new events. */
  private async holdLock(): Promise<boolean> {
    if (this.lockClient) return true;
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK]);
    if (!rows[0].locked) {
      await client.end();
      return false;
    }
    await client.query(`LISTEN ${DOMAIN_EVENTS_CHANNEL}`);
    client.on('notification', () => this.wake?.());
    client.on('end', () => {
      if (this.lockClient === client) this.lockClient = undefined;
    });
    this.lockClient = client;
    this.logger.log('relaying domain events to the queues');
    return true;
  }

  /** Publishes the next batch of committed events; returns how many it handled. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      // Events of transactions still running are skipped until they end, so none is passed over.
      const rows: EventRow[] = await em.query(
        `SELECT id, seq, type, aggregate_type, aggregate_id, data, actor, occurred_at
           FROM domain_events
          WHERE published_at IS NULL AND txid < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY seq
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, DomainEventRelayedPayload[]>();
      for (const row of rows) {
        const payload: DomainEventRelayedPayload = {
          eventId: row.id,
          seq: Number(row.seq),
          type: row.type,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          data: row.data,
          actor: row.actor,
          occurredAt: row.occurred_at.toISOString(),
        };
        for (const queue of queuesFor(row.type)) {
          if (!byQueue.has(queue)) byQueue.set(queue, []);
          byQueue.get(queue)!.push(payload);
        }
      }
      for (const [queue, payloads] of byQueue) {
        await this.queue(queue).addBulk(
          payloads.map((data) => ({ name: JobName.DomainEventRelayed, data, opts: { ...RELAYED_EVENT_OPTIONS, jobId: jobId('event', data.eventId) } })),
        );
      }
      await em.query('UPDATE domain_events SET published_at = now() WHERE seq = ANY($1::bigint[])', [rows.map((r) => r.seq)]);
      return rows.length;
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timer = setTimeout(resolve, ms);
      this.wake = () => {
        if (this.timer) clearTimeout(this.timer);
        resolve();
      };
    });
  }
}

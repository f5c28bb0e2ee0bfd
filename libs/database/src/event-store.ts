import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { NewDomainEvent } from '@tl/domain';

export interface StoredEvent {
  seq: number;
  id: string;
  aggregateType: string;
  aggregateId: string;
  type: string;
  data: Record<string, unknown>;
  actor: string;
  occurredAt: Date;
}

interface EventRow {
  seq: string;
  id: string;
  aggregate_type: string;
  aggregate_id: string;
  type: string;
  data: Record<string, unknown>;
  actor: string;
  occurred_at: Date;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    type: row.type,
    data: row.data,
    actor: row.actor,
    occurredAt: row.occurred_at,
  };
}

/** Channel the relay listens on, so it wakes at commit instead of waiting for its next poll. */
export const DOMAIN_EVENTS_CHANNEL = 'domain_events';

@Injectable()
export class EventStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends events inside the caller's transaction: they commit, or vanish, with the change. */
  async append(em: EntityManager, events: NewDomainEvent[]): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    const values: unknown[] = [];
    const tuples = events.map((event, i) => {
      values.push(event.aggregateType, event.aggregateId, event.type, JSON.stringify(event.data), event.actor, event.occurredAt ?? new Date());
      const base = i * 6;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb, $${base + 5}, $${base + 6})`;
    });
    const rows: EventRow[] = await em.query(
      `INSERT INTO domain_events (aggregate_type, aggregate_id, type, data, actor, occurred_at)
       VALUES ${tuples.join(', ')} RETURNING *`,
      values,
    );
    await em.query(`SELECT pg_notify('${DOMAIN_EVENTS_CHANNEL}', '')`);
    return rows.map(toStoredEvent);
  }

  async history(aggregateId: string): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      'SELECT * FROM domain_events WHERE aggregate_id = $1 ORDER BY seq',
      [aggregateId],
    );
    return rows.map(toStoredEvent);
  }
}

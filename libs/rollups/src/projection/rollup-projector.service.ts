import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HistoryEvent, Place, placesFromHistory, Scope, scopeId, scopesOf } from '@tl/domain';
import { LOCK_ROW_SQL, recomputeRowSql } from '../persistence/rollup-sql';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

// Rows recomputed at once; each holds a pooled connection for two short statements.
const PARALLEL_ROWS = 4;

/**
 * Keeps roll-up rows in line with the commitments table by recomputing the rows an event touches.
 * A recompute reads current state, so applying an event twice, late or out of order gives the same
 * rows. Requests arriving while a pass runs are merged into the next pass: under a burst of events
 * each row is recomputed once per pass, not once per event.
 */
@Injectable()
export class RollupProjector {
  private readonly logger = new Logger(RollupProjector.name);
  private pending = new Map<string, Scope>();
  private waiters: Waiter[] = [];
  private running?: Promise<void>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every row the commitment counts in now or may have counted in before (its history's places). */
  async scopesOfCommitment(commitmentId: string): Promise<Scope[]> {
    const [row]: Array<{ current: Place | null; history: HistoryEvent[] }> = await this.dataSource.query(
      `SELECT (SELECT json_build_object('regionCode', region_code, 'programId', program_id) FROM commitments WHERE id = $1) AS current,
              coalesce((SELECT json_agg(json_build_object('type', type, 'data', data) ORDER BY seq)
                          FROM domain_events
                         WHERE aggregate_id = $1 AND type IN ('CommitmentAgreed', 'CommitmentRevised')), '[]'::json) AS history`,
      [commitmentId],
    );
    return scopesOf(placesFromHistory(row.history, row.current ?? undefined));
  }

  /**
   * Recomputes these rows; resolves once a pass that started after this call has written them,
   * so the caller knows the rows reflect everything committed before it asked.
   */
  refresh(scopes: Scope[]): Promise<void> {
    if (scopes.length === 0) return Promise.resolve();
    for (const scope of scopes) this.pending.set(scopeId(scope), scope);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.kick();
    return done;
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.pending.size) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.size) {
      const scopes = [...this.pending.values()];
      const waiters = this.waiters;
      this.pending = new Map();
      this.waiters = [];
      try {
        await this.recomputeAll(scopes);
        for (const w of waiters) w.resolve();
      } catch (error) {
        this.logger.warn(`roll-up recompute failed (the jobs will retry): ${(error as Error).message}`);
        for (const w of waiters) w.reject(error);
      }
    }
  }

  private async recomputeAll(scopes: Scope[]): Promise<void> {
    let next = 0;
    const errors: unknown[] = [];
    const lane = async () => {
      while (next < scopes.length) {
        const scope = scopes[next++];
        await this.recompute(scope).catch((error) => errors.push(error));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_ROWS, scopes.length) }, lane));
    if (errors.length) throw errors[0];
  }

  /** Recomputes one row now, under its lock (the lock is what makes the last writer the freshest). */
  async recompute(scope: Scope): Promise<void> {
    const { sql, params } = recomputeRowSql(scope);
    await this.dataSource.transaction(async (em) => {
      await em.query(LOCK_ROW_SQL, [scopeId(scope)]);
      await em.query(sql, params);
    });
  }
}

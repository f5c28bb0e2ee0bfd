import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { rowDrift, SCOPE_KINDS, ScopeKind, scopeId, scopesOf, toLocalDate } from '@tl/domain';
import type { RollupRebuildPayload } from '@tl/queues';
import { aggregateSql, ROLLUP_GLOBAL_LOCK, ROW_COLUMNS, RollupRowRecord, storedRow } from '../persistence/rollup-sql';

export interface DriftEntry {
  kind: ScopeKind;
  key: string;
  /** The fields that were wrong: counts, `indicators.<unit>`, or 'missing' / 'extra' for a whole row. */
  fields: string[];
}

export interface RebuildReport {
  reason: RebuildReason;
  startedAt: Date;
  finishedAt: Date;
  rowsChecked: number;
  /** Rows that were wrong and have been repaired. */
  driftRows: number;
  drift: DriftEntry[];
  /** Rows that differed only briefly (an event in flight, a due time since the last sweep): repaired, not drift. */
  settled: number;
  snapshotDay: string;
}

export type RebuildReason = RollupRebuildPayload['reason'];

// How much drift detail is kept per rebuild (the count is always complete).
const DRIFT_DETAIL = 200;
// Between the two passes: long enough for relayed events to be applied, short enough for a route.
const SETTLE_MS = 2000;

interface Difference {
  kind: ScopeKind;
  key: string;
  /** Empty when the only difference is an overdue count that may lag. */
  wrong: string[];
  fresh?: RollupRowRecord;
}

/**
 * The reconciliation: recomputes every roll-up row from the source tables in one transaction, with
 * row recomputes held off, compares with what the projection holds, repairs the difference and
 * records it (log, rollup_rebuilds). Also writes today's snapshot.
 */
@Injectable()
export class RollupRebuilder {
  private readonly logger = new Logger(RollupRebuilder.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Two passes: a lock-free look for rows that differ, a short pause (events in flight land), then
   * the locked pass that repairs every difference. Drift is what differed in both passes (beyond a
   * due time since the last sweep); anything else was an event on its way, repaired all the same.
   */
  async rebuild(reason: RebuildReason, settleMs = SETTLE_MS): Promise<RebuildReport> {
    const candidates = await this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const [{ now }]: Array<{ now: Date }> = await em.query('SELECT clock_timestamp() AS now');
      return new Set((await this.compare(em, now)).keys());
    });
    if (candidates.size && settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));

    // Read committed, after the lock: each statement sees what row recomputes wrote before we held it.
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_GLOBAL_LOCK]);
      const [{ now }]: Array<{ now: Date }> = await em.query('SELECT clock_timestamp() AS now');
      const differences = await this.compare(em, now);

      const drift: DriftEntry[] = [];
      const write: RollupRowRecord[] = [];
      const remove: Array<{ kind: ScopeKind; key: string }> = [];
      let settled = 0;
      for (const [id, d] of differences) {
        if (d.wrong.length && candidates.has(id)) drift.push({ kind: d.kind, key: d.key, fields: d.wrong });
        else settled++;
        if (d.fresh) write.push(d.fresh);
        else remove.push({ kind: d.kind, key: d.key });
      }

      if (write.length) await this.upsert(em, write, now);
      for (const r of remove) await em.query('DELETE FROM rollup_rows WHERE scope_kind = $1 AND scope_key = $2', [r.kind, r.key]);
      await em.query(`UPDATE rollup_state SET at = greatest(at, $1) WHERE name = 'overdue_swept_to'`, [now]);
      const snapshotDay = await this.writeSnapshot(em, now);
      const [{ rows: rowsChecked }]: Array<{ rows: number }> = await em.query('SELECT count(*)::int AS rows FROM rollup_rows');

      const finishedAt = new Date();
      const report: RebuildReport = { reason, startedAt: now, finishedAt, rowsChecked, driftRows: drift.length, drift, settled, snapshotDay };
      await em.query(
        `INSERT INTO rollup_rebuilds (reason, started_at, finished_at, rows_checked, drift_rows, drift, snapshot_day)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
        [reason, now, finishedAt, rowsChecked, drift.length, JSON.stringify(drift.slice(0, DRIFT_DETAIL)), snapshotDay],
      );
      if (drift.length) {
        const sample = drift.slice(0, 10).map((d) => `${d.kind} ${d.key} (${d.fields.join(', ')})`).join('; ');
        this.logger.warn(`roll-up drift repaired (${reason}): ${drift.length} of ${rowsChecked} rows were wrong: ${sample}${drift.length > 10 ? '; ...' : ''}`);
      } else {
        this.logger.log(`roll-ups reconciled (${reason}): ${rowsChecked} rows, no drift${settled ? ` (${settled} rows caught up with events in flight or due times)` : ''}`);
      }
      return report;
    });
  }

  /** Every row that differs from a fresh computation as of `now`, with the fields that are wrong. */
  private async compare(em: EntityManager, now: Date): Promise<Map<string, Difference>> {
    // Rows with a due time passed since the last sweep may show a lower overdue count legitimately.
    const lagging = new Set<string>();
    const places: Array<{ regionCode: string; programId: string | null }> = await em.query(
      `SELECT DISTINCT region_code AS "regionCode", program_id AS "programId" FROM commitments
        WHERE status IN ('open', 'in_progress', 'blocked') AND due_at <= $1
          AND due_at > coalesce((SELECT at FROM rollup_state WHERE name = 'overdue_swept_to'), '-infinity')`,
      [now],
    );
    for (const scope of scopesOf(places)) lagging.add(scopeId(scope));

    const fresh = new Map<string, RollupRowRecord>();
    for (const kind of SCOPE_KINDS) {
      const rows: RollupRowRecord[] = await em.query(aggregateSql(kind, null, '$1'), [now]);
      for (const row of rows) fresh.set(scopeId({ kind, key: row.scope_key }), row);
    }
    const stored = new Map<string, RollupRowRecord>(
      ((await em.query(`SELECT ${ROW_COLUMNS} FROM rollup_rows`)) as RollupRowRecord[]).map((r) => [scopeId({ kind: r.scope_kind, key: r.scope_key }), r]),
    );
    const differences = new Map<string, Difference>();
    for (const id of new Set([...fresh.keys(), ...stored.keys()])) {
      const f = fresh.get(id);
      const s = stored.get(id);
      if (rowDrift(s && storedRow(s), f && storedRow(f)).length === 0) continue;
      const wrong = rowDrift(s && storedRow(s), f && storedRow(f), lagging.has(id));
      differences.set(id, {
        kind: (f ?? s)!.scope_kind,
        key: (f ?? s)!.scope_key,
        wrong: wrong.length === 0 ? [] : !s ? ['missing'] : !f ? ['extra'] : wrong,
        fresh: f,
      });
    }
    return differences;
  }

  /** Today's snapshot (in the reporting zone) of every row as it is now; a later one the same day replaces it. */
  snapshot(): Promise<string> {
    return this.dataSource.transaction(async (em) => {
      const [{ now }]: Array<{ now: Date }> = await em.query('SELECT clock_timestamp() AS now');
      return this.writeSnapshot(em, now);
    });
  }

  private async writeSnapshot(em: EntityManager, now: Date): Promise<string> {
    const day = toLocalDate(now, this.config.rollupZone);
    await em.query(
      `INSERT INTO rollup_snapshot_days (day, taken_at) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET taken_at = EXCLUDED.taken_at`,
      [day, now],
    );
    await em.query('DELETE FROM rollup_snapshots WHERE day = $1', [day]);
    await em.query(`INSERT INTO rollup_snapshots (day, ${ROW_COLUMNS}) SELECT $1, ${ROW_COLUMNS} FROM rollup_rows`, [day]);
    return day;
  }

  private async upsert(em: EntityManager, rows: RollupRowRecord[], now: Date): Promise<void> {
    await em.query(
      `INSERT INTO rollup_rows (${ROW_COLUMNS}, updated_at)
       SELECT ${ROW_COLUMNS}, $2 FROM jsonb_to_recordset($1::jsonb) AS x(
         scope_kind text, scope_key text, region_code text, program_id uuid, total int, open int, in_progress int,
         blocked int, done int, cancelled int, overdue int, indicators jsonb)
       ON CONFLICT (scope_kind, scope_key) DO UPDATE SET
         region_code = EXCLUDED.region_code, program_id = EXCLUDED.program_id, total = EXCLUDED.total, open = EXCLUDED.open,
         in_progress = EXCLUDED.in_progress, blocked = EXCLUDED.blocked, done = EXCLUDED.done, cancelled = EXCLUDED.cancelled,
         overdue = EXCLUDED.overdue, indicators = EXCLUDED.indicators, updated_at = EXCLUDED.updated_at`,
      [JSON.stringify(rows), now],
    );
  }

  /** The drift metric and the last reconciliation, for GET /api/rollups/health. */
  async health() {
    const [totals]: Array<{ rebuilds: number; drift_rows_total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS rebuilds, coalesce(sum(drift_rows), 0)::int AS drift_rows_total FROM rollup_rebuilds`,
    );
    const [last]: Array<{ reason: string; started_at: Date; finished_at: Date; rows_checked: number; drift_rows: number; drift: DriftEntry[]; snapshot_day: string | null }> =
      await this.dataSource.query(`SELECT reason, started_at, finished_at, rows_checked, drift_rows, drift, snapshot_day::text FROM rollup_rebuilds ORDER BY id DESC LIMIT 1`);
    const [state]: Array<{ swept_to: Date | null; rows: number; updated_at: Date | null }> = await this.dataSource.query(
      `SELECT (SELECT at FROM rollup_state WHERE name = 'overdue_swept_to') AS swept_to, count(*)::int AS rows, max(updated_at) AS updated_at FROM rollup_rows`,
    );
    return {
      status: 'ok',
      rows: state.rows,
      lastRowUpdateAt: state.updated_at,
      overdueSweptTo: state.swept_to,
      rebuilds: totals.rebuilds,
      driftRowsTotal: totals.drift_rows_total,
      lastRebuild: last
        ? {
            reason: last.reason,
            startedAt: last.started_at,
            finishedAt: last.finished_at,
            rowsChecked: last.rows_checked,
            driftRows: last.drift_rows,
            drift: last.drift,
            snapshotDay: last.snapshot_day,
          }
        : null,
    };
  }
}

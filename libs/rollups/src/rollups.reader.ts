import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { RegionDirectory } from '@tl/directory';
import {
  defaultTrendFrom, DomainError, emptyCounts, indicatorProgress, InvalidInputError, isLocalDate, isProvince, MAX_TREND_PERIODS, NotFoundError, periodCount,
  RollupCounts, rowCompletionRate, toLocalDate, TrendInterval, trendPoints,
} from '@tl/domain';
import { countsOf, indicatorsOf, RollupRowRecord } from './persistence/rollup-sql';

export interface RollupView extends RollupCounts {
  completionRate: number;
  indicators: Array<{ unit: string; target: number; achieved: number; progress: number | null; commitments: number }>;
  /** When the row was last recomputed; null for a zero row (nothing in its scope). */
  updatedAt: Date | null;
}

/**
 * The roll-up routes' reads. They read the read model (rollup_rows, rollup_snapshots) only; they
 * never group the commitments table per request.
 */
@Injectable()
export class RollupsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private view(row: RollupRowRecord | undefined): RollupView {
    const counts = row ? countsOf(row) : emptyCounts();
    return {
      ...counts,
      completionRate: rowCompletionRate(counts),
      indicators: row ? indicatorsOf(row).map((i) => ({ unit: i.unit, target: i.target, achieved: i.achieved, progress: indicatorProgress(i.target, i.achieved), commitments: i.commitments })) : [],
      updatedAt: row?.updated_at ?? null,
    };
  }

  private province(code: string, row?: RollupRowRecord) {
    return { provinceCode: code, code, name: this.regions.nameOf(code) ?? code, ...this.view(row) };
  }

  async provinces(programId?: string) {
    if (programId) {
      const [program]: Array<{ id: string; code: string; name: string }> = await this.dataSource.query('SELECT id, code, name FROM programs WHERE id = $1', [programId]);
      if (!program) throw new NotFoundError('program', programId, 'programId');
      const rows: RollupRowRecord[] = await this.dataSource.query(
        `SELECT * FROM rollup_rows WHERE scope_kind = 'province_program' AND program_id = $1 AND total > 0 ORDER BY region_code`,
        [programId],
      );
      return rows.map((r) => ({ ...this.province(r.region_code!, r), programId: program.id, programCode: program.code, programName: program.name }));
    }
    const rows: RollupRowRecord[] = await this.dataSource.query(`SELECT * FROM rollup_rows WHERE scope_kind = 'province' AND total > 0 ORDER BY scope_key`);
    return rows.map((r) => this.province(r.scope_key, r));
  }

  private assertProvince(code: string): void {
    if (!isProvince(code) || !this.regions.provinces.some((p) => p.code === code)) {
      throw new DomainError('not_found', 'REGION.NOT_FOUND', `no province with code ${code}`);
    }
  }

  async provinceDetail(code: string) {
    this.assertProvince(code);
    const [own]: RollupRowRecord[] = await this.dataSource.query(`SELECT * FROM rollup_rows WHERE scope_kind = 'province' AND scope_key = $1`, [code]);
    const regencies: RollupRowRecord[] = await this.dataSource.query(
      `SELECT * FROM rollup_rows WHERE scope_kind = 'regency' AND scope_key LIKE $1 || '.%' AND total > 0 ORDER BY scope_key`,
      [code],
    );
    return {
      ...this.province(code, own),
      regencies: regencies.map((r) => ({ regencyCode: r.scope_key, code: r.scope_key, name: this.regions.nameOf(r.scope_key) ?? r.scope_key, provinceCode: code, ...this.view(r) })),
    };
  }

  async programs() {
    const rows: Array<RollupRowRecord & { code: string; name: string }> = await this.dataSource.query(
      `SELECT r.*, p.code, p.name FROM rollup_rows r JOIN programs p ON p.id = r.program_id
        WHERE r.scope_kind = 'program' AND r.total > 0 ORDER BY p.code, p.id`,
    );
    return rows.map((r) => ({ programId: r.program_id, code: r.code, name: r.name, ...this.view(r) }));
  }

  /** A date or instant from the query as a day in the reporting zone. */
  private day(field: string, value: string | undefined, problems: string[]): string | undefined {
    if (value === undefined) return undefined;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      if (isLocalDate(value)) return value;
    } else {
      const instant = DateTime.fromISO(value, { setZone: true });
      if (instant.isValid) return toLocalDate(instant.toJSDate(), this.config.rollupZone);
    }
    problems.push(`${field}: "${value}" is not a calendar date or time`);
    return undefined;
  }

  async trend(code: string, query: { from?: string; to?: string; interval?: TrendInterval }) {
    this.assertProvince(code);
    const interval = query.interval ?? 'week';
    const today = toLocalDate(new Date(), this.config.rollupZone);
    const problems: string[] = [];
    const to = this.day('to', query.to, problems) ?? today;
    const from = this.day('from', query.from, problems) ?? defaultTrendFrom(to, interval);
    if (problems.length) throw new DomainError('invalid', 'INPUT.INVALID', problems.join('; '));
    if (from > to) throw new InvalidInputError('from', `${from} is after to (${to})`);
    if (periodCount(from, to, interval) > MAX_TREND_PERIODS) {
      throw new InvalidInputError('from', `the range from ${from} to ${to} spans more than ${MAX_TREND_PERIODS} ${interval}s`);
    }
    const days: Array<{ day: string; scope_key: string | null } & Omit<RollupRowRecord, 'scope_key'>> = await this.dataSource.query(
      `SELECT d.day::text AS day, s.scope_key, s.total, s.open, s.in_progress, s.blocked, s.done, s.cancelled, s.overdue
         FROM rollup_snapshot_days d
         LEFT JOIN rollup_snapshots s ON s.day = d.day AND s.scope_kind = 'province' AND s.scope_key = $1
        WHERE d.day BETWEEN $2::date AND $3::date
        ORDER BY d.day`,
      [code, from, to],
    );
    const [live]: RollupRowRecord[] =
      today >= from && today <= to ? await this.dataSource.query(`SELECT * FROM rollup_rows WHERE scope_kind = 'province' AND scope_key = $1`, [code]) : [];
    const points = trendPoints(
      days.map((d) => ({ day: d.day, counts: d.scope_key ? countsOf(d) : null })),
      { from, to, interval, today, live: live ? countsOf(live) : emptyCounts() },
    );
    return points.map((p) => ({
      periodStart: p.periodStart,
      total: p.total,
      done: p.done,
      overdue: p.overdue,
      completionRate: p.completionRate,
      open: p.open,
      inProgress: p.inProgress,
      blocked: p.blocked,
      cancelled: p.cancelled,
      asOf: p.asOf,
      live: p.live,
    }));
  }

  async digestSends() {
    const rows: Array<{ official_id: string; week_start: string; status: string; trigger: string; recipient: string; period_start: Date; period_end: Date; sent_at: Date | null; message_id: string | null }> =
      await this.dataSource.query(
        `SELECT official_id, week_start::text AS week_start, status, trigger, recipient, period_start, period_end, sent_at, message_id
           FROM digest_sends ORDER BY claimed_at DESC LIMIT 500`,
      );
    return rows.map((r) => ({
      officialId: r.official_id,
      weekStart: r.week_start,
      status: r.status,
      trigger: r.trigger,
      recipient: r.recipient,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      sentAt: r.sent_at,
      messageId: r.message_id,
    }));
  }
}

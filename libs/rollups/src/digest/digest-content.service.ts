import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RegionDirectory } from '@tl/directory';
import { addCounts, daysOverdue, emptyCounts, isProvince, REGENCY_CODE, RollupCounts, rowCompletionRate, zoneOfRegion } from '@tl/domain';
import type { DigestChanges, DigestOverdueItem, DigestRow, EmailLocale } from '@tl/notifications';
import { aggregateSql, countsOf, RollupRowRecord, scopeFilter } from '../persistence/rollup-sql';

/** What a digest covers: the whole country, one province (with its regencies) or one regency. */
export type DigestScope = { kind: 'national' } | { kind: 'province'; code: string } | { kind: 'regency'; code: string };

export function digestScopeOf(regionCode: string | null): DigestScope {
  if (!regionCode) return { kind: 'national' };
  if (isProvince(regionCode)) return { kind: 'province', code: regionCode };
  if (REGENCY_CODE.test(regionCode)) return { kind: 'regency', code: regionCode };
  return { kind: 'national' };
}

export interface DigestContent {
  scopeName: string;
  totals: DigestRow;
  byProvince: DigestRow[];
  byProgram: DigestRow[];
  oldestOverdue: DigestOverdueItem[];
  changes: DigestChanges;
}

const row = (name: string, counts: RollupCounts): DigestRow => ({ name, ...counts, completionRate: rowCompletionRate(counts) });

/**
 * The numbers of one digest. Counts come from the roll-up rows (the read model); the regency ×
 * program table, the ten oldest overdue and the week's changes come from the source tables, since
 * a weekly job can afford a bounded query where a request could not.
 */
@Injectable()
export class DigestContentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly regions: RegionDirectory) {}

  async build(scope: DigestScope, locale: EmailLocale, period: { start: Date; end: Date }): Promise<DigestContent> {
    const { byProvince, byProgram, totals } = await this.tables(scope, locale);
    return {
      scopeName: this.scopeName(scope, locale),
      totals,
      byProvince,
      byProgram,
      oldestOverdue: await this.oldestOverdue(scope, period.end),
      changes: await this.changes(scope, period),
    };
  }

  private scopeName(scope: DigestScope, locale: EmailLocale): string {
    if (scope.kind === 'national') return locale === 'id' ? 'Nasional' : 'National';
    const name = this.regions.nameOf(scope.code) ?? scope.code;
    if (scope.kind === 'regency') return name;
    return locale === 'id' ? `Provinsi ${name}` : `${name} Province`;
  }

  /** The scope's commitments in SQL (alias c), as the roll-up rows define "in a province". */
  private where(scope: DigestScope, params: unknown[]): string {
    return scope.kind === 'national' ? 'TRUE' : scopeFilter({ kind: scope.kind, key: scope.code }, params);
  }

  private async tables(scope: DigestScope, locale: EmailLocale): Promise<{ byProvince: DigestRow[]; byProgram: DigestRow[]; totals: DigestRow }> {
    const programName = await this.programNames();
    const none = locale === 'id' ? 'Tanpa program' : 'No programme';
    const total = 'Total';
    const nameOfProgram = (id: string | null) => (id ? (programName.get(id) ?? id) : none);

    if (scope.kind === 'national') {
      const provinces: RollupRowRecord[] = await this.dataSource.query(`SELECT * FROM rollup_rows WHERE scope_kind = 'province' AND total > 0 ORDER BY scope_key`);
      const programs: RollupRowRecord[] = await this.dataSource.query(`SELECT * FROM rollup_rows WHERE scope_kind = 'program' AND total > 0`);
      const totals = provinces.reduce((sum, r) => addCounts(sum, countsOf(r)), emptyCounts());
      return {
        totals: row(total, totals),
        byProvince: provinces.map((r) => row(this.regions.nameOf(r.scope_key) ?? r.scope_key, countsOf(r))),
        byProgram: programs.map((r) => row(nameOfProgram(r.program_id), countsOf(r))).sort((a, b) => a.name.localeCompare(b.name, 'id')),
      };
    }

    if (scope.kind === 'province') {
      const [own]: RollupRowRecord[] = await this.dataSource.query(`SELECT * FROM rollup_rows WHERE scope_kind = 'province' AND scope_key = $1`, [scope.code]);
      const programs: RollupRowRecord[] = await this.dataSource.query(
        `SELECT * FROM rollup_rows WHERE scope_kind = 'province_program' AND region_code = $1 AND total > 0`,
        [scope.code],
      );
      const counts = own ? countsOf(own) : emptyCounts();
      return {
        totals: row(total, counts),
        byProvince: own ? [row(this.regions.nameOf(scope.code) ?? scope.code, counts)] : [],
        byProgram: programs.map((r) => row(nameOfProgram(r.program_id), countsOf(r))).sort((a, b) => a.name.localeCompare(b.name, 'id')),
      };
    }

    // A regency: its own row, and its programs from the source (no regency × program read model).
    const [own]: RollupRowRecord[] = await this.dataSource.query(`SELECT * FROM rollup_rows WHERE scope_kind = 'regency' AND scope_key = $1`, [scope.code]);
    const programs: RollupRowRecord[] = await this.dataSource.query(aggregateSql('program', 'c.region_code = $2', '$1'), [new Date(), scope.code]);
    const counts = own ? countsOf(own) : emptyCounts();
    return {
      totals: row(total, counts),
      byProvince: own ? [row(this.regions.nameOf(scope.code) ?? scope.code, counts)] : [],
      byProgram: programs.map((r) => row(nameOfProgram(r.program_id), countsOf(r))).sort((a, b) => a.name.localeCompare(b.name, 'id')),
    };
  }

  private async programNames(): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query('SELECT id, name FROM programs');
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The ten commitments longest overdue, with their owners. */
  private async oldestOverdue(scope: DigestScope, now: Date): Promise<DigestOverdueItem[]> {
    const params: unknown[] = [now];
    const rows: Array<{ title: string; due_at: Date; region_code: string; owner_name: string }> = await this.dataSource.query(
      `SELECT c.title, c.due_at, c.region_code, o.name AS owner_name
         FROM commitments c JOIN officials o ON o.id = c.owner_official_id
        WHERE c.status IN ('open', 'in_progress', 'blocked') AND c.due_at < $1 AND ${this.where(scope, params)}
        ORDER BY c.due_at, c.id
        LIMIT 10`,
      params,
    );
    return rows.map((r) => {
      const zone = zoneOfRegion(r.region_code);
      return {
        title: r.title,
        ownerName: r.owner_name,
        regionName: this.regions.nameOf(r.region_code) ?? undefined,
        dueAt: r.due_at,
        zone,
        daysOverdue: Math.max(1, daysOverdue(r.due_at, now, zone)),
      };
    });
  }

  /**
   * The week's changes, from the events and due times: commitments agreed, commitments completed,
   * and commitments whose due time passed in the week while they were still open (their status at
   * the due time, or at their creation if they were agreed already late).
   */
  private async changes(scope: DigestScope, period: { start: Date; end: Date }): Promise<DigestChanges> {
    const params: unknown[] = [period.start, period.end];
    const where = this.where(scope, params);
    const [r]: Array<{ new_commitments: number; completed: number; newly_overdue: number }> = await this.dataSource.query(
      `SELECT
         (SELECT count(DISTINCT e.aggregate_id) FROM domain_events e JOIN commitments c ON c.id = e.aggregate_id
           WHERE e.type = 'CommitmentAgreed' AND e.occurred_at >= $1 AND e.occurred_at < $2 AND ${where})::int AS new_commitments,
         (SELECT count(DISTINCT e.aggregate_id) FROM domain_events e JOIN commitments c ON c.id = e.aggregate_id
           WHERE e.type = 'ProgressReported' AND e.data->>'to' = 'done' AND e.data->>'from' <> 'done'
             AND e.occurred_at >= $1 AND e.occurred_at < $2 AND ${where})::int AS completed,
         (SELECT count(*) FROM commitments c
            LEFT JOIN LATERAL (
              SELECT e.data->>'to' AS status FROM domain_events e
               WHERE e.aggregate_id = c.id AND e.type IN ('ProgressReported', 'CommitmentReopened')
                 AND e.occurred_at <= greatest(c.due_at, c.created_at)
               ORDER BY e.seq DESC LIMIT 1) s ON TRUE
           WHERE c.due_at >= $1 AND c.due_at < $2 AND coalesce(s.status, 'open') NOT IN ('done', 'cancelled') AND ${where})::int AS newly_overdue`,
      params,
    );
    return { newCommitments: r.new_commitments, completed: r.completed, newlyOverdue: r.newly_overdue };
  }
}

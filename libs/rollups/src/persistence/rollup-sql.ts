import type { IndicatorSum, RollupCounts, Scope, ScopeKind, StoredRow } from '@tl/domain';

/**
 * The one definition, in SQL, of how a roll-up row is computed from the commitments table. Event
 * handling (a few rows), the overdue sweep and the full reconciliation (every row) all use it, so
 * that they cannot disagree. tallyCommitments / sumIndicators in @tl/domain say the same in
 * TypeScript; test/e2e/rollup-sql.e2e-spec.ts holds the two together on random data.
 */

// Advisory locks: the reconciliation holds GLOBAL exclusively, row recomputes share it and lock
// their own row (ROW_CLASS, hash of the row), so two workers recompute one row one at a time.
export const ROLLUP_GLOBAL_LOCK = 7_463_115_223;
export const ROLLUP_ROW_LOCK_CLASS = 7_463_115;

interface Grouping {
  key: string;
  region: string;
  program: string;
  /** Which commitments have a row of this kind at all. */
  all: string;
}

const GROUPINGS: Record<ScopeKind, Grouping> = {
  province: { key: 'substr(c.region_code, 1, 2)', region: 'substr(c.region_code, 1, 2)', program: 'NULL::uuid', all: 'TRUE' },
  regency: { key: 'c.region_code', region: 'c.region_code', program: 'NULL::uuid', all: `c.region_code LIKE '__.__'` },
  program: { key: 'c.program_id::text', region: 'NULL::text', program: 'c.program_id', all: 'c.program_id IS NOT NULL' },
  province_program: {
    key: `substr(c.region_code, 1, 2) || ':' || c.program_id::text`,
    region: 'substr(c.region_code, 1, 2)',
    program: 'c.program_id',
    all: 'c.program_id IS NOT NULL',
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The condition selecting one row's commitments (index-friendly: a province is "= or LIKE 'nn.%'"). */
export function scopeFilter(scope: Scope, params: unknown[]): string {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const inProvince = (code: string) => {
    const p = param(code);
    return `(c.region_code = ${p} OR c.region_code LIKE ${p} || '.%')`;
  };
  switch (scope.kind) {
    case 'province':
      return inProvince(scope.key);
    case 'regency':
      return `c.region_code = ${param(scope.key)}`;
    case 'program':
      return UUID.test(scope.key) ? `c.program_id = ${param(scope.key)}::uuid` : 'FALSE';
    case 'province_program': {
      const [province, programId] = scope.key.split(':');
      return UUID.test(programId ?? '') ? `${inProvince(province)} AND c.program_id = ${param(programId)}::uuid` : 'FALSE';
    }
  }
}

/** The rows of one kind (all of them, or those `where` selects), computed as of the instant `nowSql`. */
export function aggregateSql(kind: ScopeKind, where: string | null, nowSql: string): string {
  const g = GROUPINGS[kind];
  return `
    WITH c AS (
      SELECT ${g.key} AS scope_key, ${g.region} AS region_code, ${g.program} AS program_id,
             c.status, c.due_at, c.indicator_unit, c.indicator_target, c.indicator_achieved
        FROM commitments c
       WHERE ${g.all} AND ${where ?? 'TRUE'}
    ),
    counts AS (
      SELECT scope_key, region_code, program_id,
             count(*)::int AS total,
             count(*) FILTER (WHERE status = 'open')::int AS open,
             count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
             count(*) FILTER (WHERE status = 'blocked')::int AS blocked,
             count(*) FILTER (WHERE status = 'done')::int AS done,
             count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
             count(*) FILTER (WHERE status IN ('open', 'in_progress', 'blocked') AND due_at < ${nowSql})::int AS overdue
        FROM c
       GROUP BY scope_key, region_code, program_id
    ),
    units AS (
      SELECT scope_key,
             jsonb_agg(jsonb_build_object('unit', unit, 'target', target, 'achieved', achieved, 'commitments', n) ORDER BY unit COLLATE "C") AS indicators
        FROM (SELECT scope_key, indicator_unit AS unit, sum(indicator_target) AS target,
                     coalesce(sum(indicator_achieved), 0) AS achieved, count(*)::int AS n
                FROM c
               WHERE indicator_unit IS NOT NULL AND status <> 'cancelled'
               GROUP BY scope_key, indicator_unit) u
       GROUP BY scope_key
    )
    SELECT '${kind}'::text AS scope_kind, counts.*, coalesce(units.indicators, '[]'::jsonb) AS indicators
      FROM counts LEFT JOIN units USING (scope_key)`;
}

const COLUMNS = 'scope_kind, scope_key, region_code, program_id, total, open, in_progress, blocked, done, cancelled, overdue, indicators';

/**
 * Recomputes one row from the commitments table and writes it (or deletes it when nothing is left
 * in its scope), as of the moment the statement runs. Run it after taking the row's lock.
 */
export function recomputeRowSql(scope: Scope): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.kind, scope.key];
  const where = scopeFilter(scope, params);
  const sql = `
    WITH now_ AS MATERIALIZED (SELECT clock_timestamp() AS t),
    fresh AS (${aggregateSql(scope.kind, where, '(SELECT t FROM now_)')}),
    up AS (
      INSERT INTO rollup_rows (${COLUMNS}, updated_at)
      SELECT ${COLUMNS}, (SELECT t FROM now_) FROM fresh
      ON CONFLICT (scope_kind, scope_key) DO UPDATE SET
        region_code = EXCLUDED.region_code, program_id = EXCLUDED.program_id, total = EXCLUDED.total, open = EXCLUDED.open,
        in_progress = EXCLUDED.in_progress, blocked = EXCLUDED.blocked, done = EXCLUDED.done, cancelled = EXCLUDED.cancelled,
        overdue = EXCLUDED.overdue, indicators = EXCLUDED.indicators, updated_at = EXCLUDED.updated_at
      RETURNING 1
    ),
    gone AS (
      DELETE FROM rollup_rows WHERE scope_kind = $1 AND scope_key = $2 AND NOT EXISTS (SELECT 1 FROM fresh) RETURNING 1
    )
    SELECT (SELECT count(*) FROM up)::int AS written, (SELECT count(*) FROM gone)::int AS deleted`;
  return { sql, params };
}

export const LOCK_ROW_SQL = `SELECT pg_advisory_xact_lock_shared(${ROLLUP_GLOBAL_LOCK}), pg_advisory_xact_lock(${ROLLUP_ROW_LOCK_CLASS}, hashtext($1))`;

/** A row of rollup_rows (or rollup_snapshots) as PostgreSQL answers it. */
export interface RollupRowRecord {
  scope_kind: ScopeKind;
  scope_key: string;
  region_code: string | null;
  program_id: string | null;
  total: number;
  open: number;
  in_progress: number;
  blocked: number;
  done: number;
  cancelled: number;
  overdue: number;
  indicators: Array<{ unit: string; target: number | string; achieved: number | string; commitments: number }>;
  updated_at?: Date;
}

export function countsOf(r: Pick<RollupRowRecord, 'total' | 'open' | 'in_progress' | 'blocked' | 'done' | 'cancelled' | 'overdue'>): RollupCounts {
  return { total: r.total, open: r.open, inProgress: r.in_progress, blocked: r.blocked, done: r.done, cancelled: r.cancelled, overdue: r.overdue };
}

export function indicatorsOf(r: Pick<RollupRowRecord, 'indicators'>): Array<Omit<IndicatorSum, 'progress'>> {
  return (r.indicators ?? []).map((i) => ({ unit: i.unit, target: Number(i.target), achieved: Number(i.achieved), commitments: Number(i.commitments ?? 0) }));
}

export function storedRow(r: RollupRowRecord): StoredRow {
  return { counts: countsOf(r), indicators: indicatorsOf(r) };
}

export const ROW_COLUMNS = COLUMNS;

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@tl/config';
import { dataSourceOptions, dropDatabase, prepareDatabase } from '@tl/database';
import { COMMITMENT_STATUSES, CommitmentStatus, SCOPE_KINDS, scopeId, scopesOf, sumIndicators, tallyCommitments } from '@tl/domain';
import { aggregateSql, countsOf, indicatorsOf, LOCK_ROW_SQL, recomputeRowSql, RollupRowRecord } from '@tl/rollups';
import { testConfig } from './support/test-app';

/**
 * The projection computes rows in SQL; @tl/domain defines them in TypeScript. On random
 * commitments (real PostgreSQL), both must agree, and a single-row recompute must agree with the
 * full aggregate the reconciliation uses.
 */

interface Row {
  id: string;
  region_code: string;
  program_id: string | null;
  status: CommitmentStatus;
  due_at: string;
  indicator_unit: string | null;
  indicator_target: number | null;
  indicator_achieved: number | null;
}

// A small deterministic generator, so a failure can be reproduced.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('roll-up SQL against the TypeScript definition (real PostgreSQL, random data)', () => {
  let config: AppConfig;
  let db: DataSource;
  const rows: Row[] = [];
  const now = new Date();

  beforeAll(async () => {
    config = testConfig();
    await prepareDatabase(config);
    db = new DataSource({ ...dataSourceOptions(config.databaseUrl), extra: { max: 4 } });
    await db.initialize();
    const [agency] = await db.query(`INSERT INTO agencies (name, level) VALUES ('Kemendagri', 'central') RETURNING id`);
    const [official] = await db.query(`INSERT INTO officials (name, position, agency_id, email) VALUES ('A', 'B', $1, 'a@example.go.id') RETURNING id`, [agency.id]);
    const [meeting] = await db.query(
      `INSERT INTO meetings (kind, title, starts_at, venue, mode, organizer_agency_id) VALUES ('rakor', 'Rakor', now(), 'Jakarta', 'offline', $1) RETURNING id`,
      [agency.id],
    );
    const programs: string[] = [];
    for (const code of ['P1', 'P2', 'P3']) programs.push((await db.query(`INSERT INTO programs (code, name) VALUES ($1, $1) RETURNING id`, [code]))[0].id);

    const next = random(20_260_311);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const regions = ['61', '61.71', '61.04', '62', '62.71', '62.01', '63', '63.02', '64.72'];
    for (let i = 0; i < 400; i++) {
      const unit = next() < 0.6 ? pick(['unit', 'km', 'dokumen', 'ha']) : null;
      // Due times at least two minutes from now, so that "now" here and in SQL agree on overdue.
      const minutes = (next() < 0.5 ? -1 : 1) * (2 + Math.floor(next() * 60 * 24 * 30));
      rows.push({
        id: randomUUID(),
        region_code: pick(regions),
        program_id: pick([...programs, null]),
        status: pick(COMMITMENT_STATUSES),
        due_at: new Date(now.getTime() + minutes * 60_000).toISOString(),
        indicator_unit: unit,
        indicator_target: unit ? Math.round(next() * 100_000) / 100 : null,
        indicator_achieved: unit && next() < 0.7 ? Math.round(next() * 50_000) / 100 : null,
      });
    }
    await db.query(
      `INSERT INTO commitments (id, meeting_id, title, owner_official_id, region_code, program_id, due_at, status, indicator_unit, indicator_target, indicator_achieved)
       SELECT id, $2, 'x', $3, region_code, program_id, due_at, status, indicator_unit, indicator_target, indicator_achieved
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, region_code text, program_id uuid, due_at timestamptz, status text,
                                                   indicator_unit text, indicator_target numeric, indicator_achieved numeric)`,
      [JSON.stringify(rows), meeting.id, official.id],
    );
  });

  afterAll(async () => {
    await db?.destroy();
    if (config) await dropDatabase(config.databaseUrl);
  });

  /** The reference rows, from the pure definitions. */
  const reference = () => {
    const members = new Map<string, Row[]>();
    for (const row of rows) {
      for (const scope of scopesOf([{ regionCode: row.region_code, programId: row.program_id }])) {
        const id = scopeId(scope);
        members.set(id, [...(members.get(id) ?? []), row]);
      }
    }
    return new Map(
      [...members].map(([id, list]) => [
        id,
        {
          counts: tallyCommitments(list.map((r) => ({ status: r.status, dueAt: new Date(r.due_at) })), now),
          indicators: sumIndicators(list.map((r) => ({ status: r.status, unit: r.indicator_unit, target: r.indicator_target, achieved: r.indicator_achieved }))),
        },
      ]),
    );
  };

  const expectSameIndicators = (actual: ReturnType<typeof indicatorsOf>, expected: ReturnType<typeof sumIndicators>) => {
    expect(actual.map((i) => [i.unit, i.commitments])).toEqual(expected.map((i) => [i.unit, i.commitments]));
    actual.forEach((i, k) => {
      expect(i.target).toBeCloseTo(expected[k].target, 6);
      expect(i.achieved).toBeCloseTo(expected[k].achieved, 6);
    });
  };

  it('aggregates every row as tallyCommitments and sumIndicators define it', async () => {
    const expected = reference();
    const actual = new Map<string, RollupRowRecord>();
    for (const kind of SCOPE_KINDS) {
      for (const row of (await db.query(aggregateSql(kind, null, '$1'), [now])) as RollupRowRecord[]) actual.set(scopeId({ kind, key: row.scope_key }), row);
    }
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, want] of expected) {
      expect({ id, counts: countsOf(actual.get(id)!) }).toEqual({ id, counts: want.counts });
      expectSameIndicators(indicatorsOf(actual.get(id)!), want.indicators);
    }
  });

  it('recomputes one row at a time to the same result, and removes a row whose scope is empty', async () => {
    await db.query(`INSERT INTO rollup_rows (scope_kind, scope_key, region_code, total, open, in_progress, blocked, done, cancelled, overdue)
                    VALUES ('province', '11', '11', 2, 2, 0, 0, 0, 0, 0)`);
    const expected = reference();
    const scopes = scopesOf(rows.map((r) => ({ regionCode: r.region_code, programId: r.program_id })));
    for (const scope of [...scopes, { kind: 'province' as const, key: '11' }]) {
      const { sql, params } = recomputeRowSql(scope);
      await db.transaction(async (em) => {
        await em.query(LOCK_ROW_SQL, [scopeId(scope)]);
        await em.query(sql, params);
      });
    }
    const stored: RollupRowRecord[] = await db.query('SELECT * FROM rollup_rows');
    expect(stored.map((r) => scopeId({ kind: r.scope_kind, key: r.scope_key })).sort()).toEqual([...expected.keys()].sort());
    for (const row of stored) {
      const want = expected.get(scopeId({ kind: row.scope_kind, key: row.scope_key }))!;
      expect(countsOf(row)).toEqual(want.counts);
      expectSameIndicators(indicatorsOf(row), want.indicators);
    }
  });
});

import { getQueueToken } from '@nestjs/bullmq';
import { randomUUID } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DomainEventRelayedPayload, JobName, QueueName } from '@tl/queues';
import { RollupEventsProcessor, RollupProjector } from '@tl/rollups';
import { rebuildRollups } from '../../scripts/rollups-rebuild';
import { Client, expectErrorBody, isoInDays, messageOf, uniq } from './support/client';
import { bodyText, SmtpSink, waitFor } from './support/smtp-sink';
import { startTestStack, TestStack } from './support/test-app';

/**
 * Roll-ups on real PostgreSQL, Redis and SMTP: every count is checked against numbers computed
 * here, independently, from the commitments API.
 */

type Counts = { total: number; open: number; inProgress: number; blocked: number; done: number; cancelled: number; overdue: number };
type Row = Counts & { completionRate: number; indicators: Array<{ unit: string; target: number; achieved: number }> };
type Item = {
  id: string;
  title: string;
  status: 'open' | 'in_progress' | 'blocked' | 'done' | 'cancelled';
  regionCode: string;
  programId: string | null;
  dueAt: string;
  overdue: boolean;
  owner: { name: string };
  indicator: { unit: string; target: number; achieved: number | null } | null;
};

const STATUS_FIELD = { open: 'open', in_progress: 'inProgress', blocked: 'blocked', done: 'done', cancelled: 'cancelled' } as const;
const zero = (): Counts => ({ total: 0, open: 0, inProgress: 0, blocked: 0, done: 0, cancelled: 0, overdue: 0 });

/** The rows as this test computes them from the commitments themselves, keyed like `province/62`. */
function expectedRows(items: Item[]): Map<string, Row> {
  const acc = new Map<string, { counts: Counts; units: Map<string, { target: number; achieved: number }> }>();
  const add = (id: string, item: Item) => {
    const row = acc.get(id) ?? { counts: zero(), units: new Map() };
    row.counts.total++;
    row.counts[STATUS_FIELD[item.status]]++;
    if (item.overdue) row.counts.overdue++;
    if (item.indicator && item.status !== 'cancelled') {
      const u = row.units.get(item.indicator.unit) ?? { target: 0, achieved: 0 };
      u.target += item.indicator.target;
      u.achieved += item.indicator.achieved ?? 0;
      row.units.set(item.indicator.unit, u);
    }
    acc.set(id, row);
  };
  for (const item of items) {
    const province = item.regionCode.slice(0, 2);
    add(`province/${province}`, item);
    if (item.regionCode.includes('.')) add(`regency/${item.regionCode}`, item);
    if (item.programId) {
      add(`program/${item.programId}`, item);
      add(`province_program/${province}:${item.programId}`, item);
    }
  }
  const rows = new Map<string, Row>();
  for (const [id, { counts, units }] of acc) {
    const counted = counts.total - counts.cancelled;
    rows.set(id, {
      ...counts,
      completionRate: counted > 0 ? counts.done / counted : 0,
      indicators: [...units.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([unit, u]) => ({ unit, ...u })),
    });
  }
  return rows;
}

const rowOf = (r: Row): Row => ({
  total: r.total, open: r.open, inProgress: r.inProgress, blocked: r.blocked, done: r.done, cancelled: r.cancelled, overdue: r.overdue,
  completionRate: r.completionRate,
  indicators: r.indicators.map((i) => ({ unit: i.unit, target: i.target, achieved: i.achieved })),
});

describe('roll-ups end to end (real PostgreSQL, Redis and SMTP)', () => {
  let smtp: SmtpSink;
  let stack: TestStack;
  let c: Client;
  let db: DataSource;
  const ids: Record<string, string> = {};
  let programs: Record<'P1' | 'P2' | 'P3', { id: string; code: string; name: string }>;
  let leaders: Record<'national' | 'kalteng' | 'kalsel', { id: string; email: string; name: string }>;
  let notLeader: { id: string };

  const items = async (): Promise<Item[]> => {
    const res = await c.get('/api/commitments?limit=200').expect(200);
    expect(res.body.total).toBeLessThanOrEqual(200);
    return res.body.items;
  };

  /** The rows the API shows, keyed like expectedRows. */
  const actualRows = async (provinceCodes: string[]): Promise<Map<string, Row>> => {
    const rows = new Map<string, Row>();
    for (const p of (await c.get('/api/rollups/provinces').expect(200)).body) rows.set(`province/${p.provinceCode}`, rowOf(p));
    for (const code of provinceCodes) {
      const detail = (await c.get(`/api/rollups/provinces/${code}`).expect(200)).body;
      for (const r of detail.regencies) rows.set(`regency/${r.regencyCode}`, rowOf(r));
    }
    for (const p of (await c.get('/api/rollups/programs').expect(200)).body) {
      rows.set(`program/${p.programId}`, rowOf(p));
      for (const pp of (await c.get(`/api/rollups/provinces?programId=${p.programId}`).expect(200)).body) {
        rows.set(`province_program/${pp.provinceCode}:${pp.programId}`, rowOf(pp));
      }
    }
    return rows;
  };

  const sortedEntries = (m: Map<string, Row>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

  /** Waits until the roll-ups equal what the commitments say, then asserts it (with a readable diff). */
  const expectRollupsMatch = async (timeoutMs = 15_000) => {
    let expected = new Map<string, Row>();
    let actual = new Map<string, Row>();
    const provinceCodes = ['61', '62', '63', '64'];
    await waitFor(async () => {
      expected = expectedRows(await items());
      actual = await actualRows(provinceCodes);
      return JSON.stringify(sortedEntries(expected)) === JSON.stringify(sortedEntries(actual));
    }, timeoutMs, 'the roll-ups to match the commitments').catch(() => undefined);
    expect(sortedEntries(actual)).toEqual(sortedEntries(expected));
    return expected;
  };

  const storedRows = async () =>
    db.query(`SELECT scope_kind, scope_key, region_code, program_id, total, open, in_progress, blocked, done, cancelled, overdue, indicators
                FROM rollup_rows ORDER BY scope_kind, scope_key`);

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    stack = await startTestStack({
      SMTP_URL: smtp.url,
      APP_URL: 'http://tl.test',
      ROLLUP_SWEEP_EVERY: 'PT1S',
      ROLLUP_REBUILD_CRON: 'off',
      ROLLUP_SNAPSHOT_CRON: 'off',
      DIGEST_DAY: 'off',
    });
    c = new Client(stack);
    db = stack.app.get(DataSource);

    // Three provinces of Kalimantan, their agencies and owners, a central agency, three programs.
    const central = await c.agency({ name: 'Kementerian Dalam Negeri', level: 'central' });
    const agency: Record<string, { id: string }> = {};
    const owner: Record<string, { id: string }> = {};
    for (const [code, name] of [['61', 'Kalimantan Barat'], ['62', 'Kalimantan Tengah'], ['63', 'Kalimantan Selatan'], ['64', 'Kalimantan Timur']]) {
      agency[code] = await c.agency({ name: `Bappeda Provinsi ${name}`, level: 'province', regionCode: code });
      owner[code] = await c.official({ name: `Kepala Bappeda ${name}`, agencyId: agency[code].id, regionCode: code });
    }
    leaders = {
      national: await c.official({ name: 'Direktur Jenderal Bina Bangda', position: 'Direktur Jenderal', agencyId: central.id, email: `dirjen.${uniq()}@kemendagri.example`, leadership: true }),
      kalteng: await c.official({ name: 'Sekda Kalimantan Tengah', position: 'Sekretaris Daerah', agencyId: agency['62'].id, regionCode: '62', email: `sekda.${uniq()}@kalteng.example`, leadership: true }),
      kalsel: await c.official({ name: 'Governor Office Kalsel', position: 'Chief of Staff', agencyId: agency['63'].id, regionCode: '63', email: `cos.${uniq()}@kalsel.example`, leadership: true, locale: 'en' }),
    };
    notLeader = owner['61'];
    programs = {
      P1: await c.program({ code: uniq('RTLH-'), name: 'Penanganan Rumah Tidak Layak Huni' }),
      P2: await c.program({ code: uniq('STUNT-'), name: 'Percepatan Penurunan Stunting' }),
      P3: await c.program({ code: uniq('SPM-'), name: 'Penerapan Standar Pelayanan Minimal' }),
    };
    const meeting: Record<string, { id: string }> = {};
    for (const [code, kind] of [['61', 'rakor'], ['62', 'rakortek'], ['63', 'rakornis']] as const) {
      meeting[code] = await c.meeting({ kind, regionCode: code, organizerAgencyId: agency[code].id, programIds: [programs.P1.id, programs.P2.id] });
    }

    // [name, meeting province, region, program, due in days, indicator]
    const spec: Array<[string, string, string, 'P1' | 'P2' | null, number, { unit: string; target: number } | null]> = [
      ['a1', '61', '61', 'P1', -13, { unit: 'unit', target: 100 }],
      ['a2', '61', '61.71', 'P1', -9, { unit: 'unit', target: 40 }],
      ['a3', '61', '61.04', null, -4, null],
      ['a4', '61', '61.71', 'P2', 20, { unit: 'km', target: 12.5 }],
      ['a5', '61', '61', null, 30, null],
      ['a6', '61', '61.72', 'P2', -14, { unit: 'dokumen', target: 3 }],
      ['b1', '62', '62', 'P1', -12, { unit: 'unit', target: 250 }],
      ['b2', '62', '62.71', 'P1', -11, { unit: 'unit', target: 60 }],
      ['b3', '62', '62.71', 'P2', -5, { unit: 'km', target: 7 }],
      ['b4', '62', '62.01', 'P2', -2, null],
      ['b5', '62', '62', 'P2', 10, { unit: 'dokumen', target: 2 }],
      ['b6', '62', '62', null, 15, null],
      ['b7', '62', '62.71', 'P1', -3, { unit: 'unit', target: 20 }],
      ['c1', '63', '63', 'P2', -10, null],
      ['c2', '63', '63.71', 'P2', -8, { unit: 'km', target: 4.5 }],
      ['c3', '63', '63.71', 'P1', -6, { unit: 'unit', target: 80 }],
      ['c4', '63', '63.02', null, -1, null],
      ['c5', '63', '63', 'P1', 25, { unit: 'unit', target: 1000 }],
      ['c6', '63', '63.71', 'P2', 40, { unit: 'dokumen', target: 5 }],
    ];
    for (const [name, m, regionCode, program, days, indicator] of spec) {
      const created = await c.commitment(meeting[m].id, {
        title: `Tindak lanjut ${name} ${uniq()}`,
        ownerOfficialId: owner[m].id,
        regionCode,
        ...(program ? { programId: programs[program].id } : {}),
        dueAt: isoInDays(days, 17),
        ...(indicator ? { indicator } : {}),
      });
      ids[name] = created.id;
    }

    // Progress through every status, a reopening, indicator values, and two moves.
    await c.progress(ids.a1, { status: 'in_progress', achieved: 30 });
    await c.progress(ids.a3, { status: 'in_progress' });
    await c.progress(ids.a3, { status: 'blocked' });
    await c.progress(ids.a4, { status: 'in_progress', achieved: 5 });
    await c.progress(ids.a4, { status: 'done', achieved: 12.5 });
    await c.progress(ids.a5, { status: 'cancelled' });
    await c.progress(ids.b1, { achieved: 10 });
    await c.progress(ids.b5, { status: 'in_progress' });
    await c.progress(ids.b5, { status: 'blocked' });
    await c.progress(ids.b5, { status: 'in_progress', achieved: 1 });
    await c.progress(ids.b6, { status: 'in_progress' });
    await c.progress(ids.b6, { status: 'done' });
    await c.post(`/api/commitments/${ids.b6}/reopen`, { reason: 'Dokumen belum lengkap' }).expect(200);
    await c.progress(ids.b7, { status: 'in_progress' });
    await c.progress(ids.b7, { status: 'done', achieved: 20 });
    await c.progress(ids.c3, { status: 'in_progress', achieved: 12 });
    await c.progress(ids.c5, { status: 'cancelled' });
    await c.progress(ids.c6, { status: 'in_progress', achieved: 2 });
    // a2 moves from Kota Pontianak (61) to Kota Palangka Raya (62) and from P1 to P2; b3 leaves its program.
    await c.patch(`/api/commitments/${ids.a2}`, { version: 1, regionCode: '62.71', programId: programs.P2.id }).expect(200);
    await c.patch(`/api/commitments/${ids.b3}`, { version: 1, programId: null }).expect(200);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await smtp?.stop();
  });

  it('keeps every province, regency, program and province × program row equal to the commitments', async () => {
    const expected = await expectRollupsMatch();
    // The shapes of the contract, with names from the region directory and the programs.
    const provinces = (await c.get('/api/rollups/provinces').expect(200)).body;
    expect(provinces.map((p: { provinceCode: string }) => p.provinceCode)).toEqual(['61', '62', '63']);
    expect(provinces[1]).toEqual(expect.objectContaining({ provinceCode: '62', name: 'Kalimantan Tengah', completionRate: expect.any(Number) }));
    // 62 counts its own commitments, its regencies' and the one moved in from 61: b1-b7 and a2.
    expect(expected.get('province/62')).toMatchObject({ total: 8, done: 1, overdue: 5, blocked: 0, inProgress: 1, open: 6 });
    expect(provinces[1]).toMatchObject({ total: 8, done: 1, overdue: 5, completionRate: 1 / 8 });
    // The old scope of the moved commitment was recomputed: Kota Pontianak only keeps a4.
    const kalbar = (await c.get('/api/rollups/provinces/61').expect(200)).body;
    expect(kalbar.regencies.map((r: { regencyCode: string }) => r.regencyCode)).toEqual(['61.04', '61.71', '61.72']);
    expect(kalbar.regencies[1]).toMatchObject({ regencyCode: '61.71', code: '61.71', name: 'Kota Pontianak', total: 1, done: 1, completionRate: 1 });
    expect(kalbar).toMatchObject({ provinceCode: '61', name: 'Kalimantan Barat', total: 5, cancelled: 1, completionRate: 1 / 4 });
    expect(kalbar.indicators).toEqual([
      { unit: 'dokumen', target: 3, achieved: 0, progress: 0, commitments: 1 },
      { unit: 'km', target: 12.5, achieved: 12.5, progress: 1, commitments: 1 },
      { unit: 'unit', target: 100, achieved: 30, progress: 0.3, commitments: 1 },
    ]);
    const byProgram = (await c.get('/api/rollups/programs').expect(200)).body;
    expect(byProgram.map((p: { programId: string }) => p.programId).sort()).toEqual([programs.P1.id, programs.P2.id].sort());
    expect(byProgram.find((p: { programId: string }) => p.programId === programs.P1.id)).toMatchObject({ code: programs.P1.code, name: programs.P1.name });
    const p2Provinces = (await c.get(`/api/rollups/provinces?programId=${programs.P2.id}`).expect(200)).body;
    expect(p2Provinces.map((p: { provinceCode: string }) => p.provinceCode)).toEqual(['61', '62', '63']);
    expect(p2Provinces[0]).toMatchObject({ programId: programs.P2.id, name: 'Kalimantan Barat', total: 2 });
    // An unused program has no row; a province without commitments is a zero row; unknown codes are 404.
    expect((await c.get(`/api/rollups/provinces?programId=${programs.P3.id}`).expect(200)).body).toEqual([]);
    expect((await c.get('/api/rollups/provinces/11').expect(200)).body).toMatchObject({ provinceCode: '11', name: 'Aceh', total: 0, completionRate: 0, indicators: [], regencies: [] });
    expectErrorBody(await c.get('/api/rollups/provinces/99'), 404);
    expectErrorBody(await c.get('/api/rollups/provinces/62.71'), 404);
    expectErrorBody(await c.get(`/api/rollups/provinces?programId=${randomUUID()}`), 404);
    const bad = await c.get('/api/rollups/provinces?programId=P1');
    expectErrorBody(bad, 400);
    expect(messageOf(bad)).toContain('programid');
  }, 30_000);

  it('counts an event delivered twice, or late and out of order, once', async () => {
    const before = await storedRows();
    const events: Array<{ id: string; seq: string; type: string; aggregate_type: string; aggregate_id: string; data: Record<string, unknown>; actor: string; occurred_at: Date }> =
      await db.query(`SELECT * FROM domain_events WHERE aggregate_id = ANY($1::uuid[]) ORDER BY seq DESC`, [[ids.a2, ids.b6, ids.a4]]);
    const payloads: DomainEventRelayedPayload[] = events.map((e) => ({
      eventId: e.id, seq: Number(e.seq), type: e.type, aggregateType: e.aggregate_type, aggregateId: e.aggregate_id, data: e.data, actor: e.actor,
      occurredAt: e.occurred_at.toISOString(),
    }));
    // Through the queue, each again under a new job id (newest first: the move of a2 before its agreement).
    const queue = stack.worker!.get<Queue>(getQueueToken(QueueName.Rollups), { strict: false });
    const jobs: Job[] = [];
    for (const data of payloads) jobs.push(await queue.add(JobName.DomainEventRelayed, data, { jobId: `again-${data.eventId}` }));
    await waitFor(async () => (await Promise.all(jobs.map((j) => queue.getJobState(j.id!)))).every((s) => s === 'completed'), 10_000, 'the repeated jobs');
    // And straight into the handler, twice.
    const processor = stack.worker!.get(RollupEventsProcessor);
    for (const data of [...payloads, ...payloads]) await processor.process({ data });
    expect(await storedRows()).toEqual(before);
    await expectRollupsMatch(1000);
  }, 30_000);

  it('recomputes every place a commitment has been, whichever of its events is handled', async () => {
    const { version } = (await c.get(`/api/commitments/${ids.c3}`).expect(200)).body;
    await stack.stopWorker();
    try {
      // c3 moves from Kota Banjarmasin (63) and P1 to Kota Pontianak (61) and P2; nothing applies the move's event.
      await c.patch(`/api/commitments/${ids.c3}`, { version, regionCode: '61.71', programId: programs.P2.id }).expect(200);
      expect((await c.get('/api/rollups/provinces/63').expect(200)).body.total).toBe(6);
      // Only its oldest event, the agreement, is handled (late, out of order), by a projector of our own.
      const [agreed] = await db.query(`SELECT * FROM domain_events WHERE aggregate_id = $1 AND type = 'CommitmentAgreed'`, [ids.c3]);
      const processor = new RollupEventsProcessor(new RollupProjector(db));
      await processor.process({
        data: {
          eventId: agreed.id, seq: Number(agreed.seq), type: agreed.type, aggregateType: agreed.aggregate_type, aggregateId: agreed.aggregate_id,
          data: agreed.data, actor: agreed.actor, occurredAt: agreed.occurred_at.toISOString(),
        },
      });
      const expected = expectedRows(await items());
      expect(sortedEntries(await actualRows(['61', '62', '63']))).toEqual(sortedEntries(expected));
      expect(expected.get('province/63')).toMatchObject({ total: 5 });
      expect(expected.get(`province_program/61:${programs.P2.id}`)).toMatchObject({ total: 3 });
    } finally {
      await stack.startWorker();
    }
    await expectRollupsMatch();
  }, 30_000);

  it('repairs a projection corrupted in SQL and reports the drift (route, health, script)', async () => {
    await expectRollupsMatch();
    await db.query(`UPDATE rollup_rows SET done = done + 5, overdue = 0 WHERE scope_kind = 'province' AND scope_key = '62'`);
    await db.query(`DELETE FROM rollup_rows WHERE scope_kind = 'regency' AND scope_key = '63.71'`);
    await db.query(`INSERT INTO rollup_rows (scope_kind, scope_key, region_code, total, open, in_progress, blocked, done, cancelled, overdue)
                    VALUES ('province', '11', '11', 3, 3, 0, 0, 0, 0, 0)`);
    await db.query(`UPDATE rollup_rows SET indicators = '[]' WHERE scope_kind = 'program' AND scope_key = $1`, [programs.P1.id]);
    // The routes read the read model: the corruption shows.
    const corrupted = (await c.get('/api/rollups/provinces').expect(200)).body;
    expect(corrupted.map((p: { provinceCode: string }) => p.provinceCode)).toEqual(['11', '61', '62', '63']);
    expect(corrupted.find((p: { provinceCode: string }) => p.provinceCode === '62').done).toBe(6);

    const healthBefore = (await c.get('/api/rollups/health').expect(200)).body;
    const report = (await c.post('/api/rollups/rebuild').expect(200)).body;
    expect(report.driftRows).toBe(4);
    expect(report.drift).toEqual(
      expect.arrayContaining([
        { kind: 'province', key: '62', fields: ['done', 'overdue'] },
        { kind: 'regency', key: '63.71', fields: ['missing'] },
        { kind: 'province', key: '11', fields: ['extra'] },
        { kind: 'program', key: programs.P1.id, fields: ['indicators.unit'] },
      ]),
    );
    await expectRollupsMatch(1000);
    const health = (await c.get('/api/rollups/health').expect(200)).body;
    expect(health.driftRowsTotal).toBe(healthBefore.driftRowsTotal + 4);
    expect(health.lastRebuild).toMatchObject({ reason: 'manual', driftRows: 4 });

    // The script behind `npm run rollups:rebuild` does the same; a clean projection reports nothing.
    await db.query(`UPDATE rollup_rows SET blocked = blocked + 1 WHERE scope_kind = 'province_program' AND scope_key = $1`, [`63:${programs.P2.id}`]);
    const scripted = await rebuildRollups(stack.config);
    expect(scripted.drift).toEqual([{ kind: 'province_program', key: `63:${programs.P2.id}`, fields: ['blocked'] }]);
    expect((await c.post('/api/rollups/rebuild').expect(200)).body.driftRows).toBe(0);
    await expectRollupsMatch(1000);
    // Only an admin may rebuild or send digests.
    const email = `sekretariat.${uniq()}@example.go.id`;
    await c.created('/api/users', { email, password: 'rahasia-sekretariat', role: 'secretariat' });
    const login = await stack.http().post('/api/auth/login').send({ email, password: 'rahasia-sekretariat' }).expect(200);
    const asSecretariat = new Client(stack, login.body.accessToken);
    expectErrorBody(await asSecretariat.post('/api/rollups/rebuild'), 403);
    expectErrorBody(await asSecretariat.post('/api/rollups/digest/send', {}), 403);
    expect((await asSecretariat.get('/api/rollups/health')).status).toBe(200);
  }, 30_000);

  it('turns a commitment overdue within seconds of its due time, without any event', async () => {
    const [{ id: agencyId }] = await db.query(`SELECT id FROM agencies WHERE region_code = '64'`);
    const [{ id: ownerId }] = await db.query(`SELECT id FROM officials WHERE region_code = '64'`);
    const m = await c.meeting({ regionCode: '64', organizerAgencyId: agencyId });
    const dueAt = new Date(Date.now() + 4000);
    const created = await c.commitment(m.id, { title: `Segera jatuh tempo ${uniq()}`, ownerOfficialId: ownerId, regionCode: '64.72', dueAt: dueAt.toISOString() });
    ids.d1 = created.id;
    const seen = await waitFor(async () => {
      const row = (await c.get('/api/rollups/provinces/64').expect(200)).body;
      return row.total === 1 ? row : undefined;
    }, 5000, 'the agreed commitment in the roll-up');
    expect(Date.now()).toBeLessThan(dueAt.getTime());
    expect(seen.overdue).toBe(0);
    const turned = await waitFor(async () => {
      const row = (await c.get('/api/rollups/provinces/64').expect(200)).body;
      return row.overdue === 1 ? row : undefined;
    }, 10_000, 'overdue to show');
    const lag = Date.now() - dueAt.getTime();
    expect(lag).toBeLessThan(5000);
    expect(turned.regencies).toEqual([expect.objectContaining({ regencyCode: '64.72', name: 'Kota Samarinda', overdue: 1 })]);
    // No event made it happen: the history still holds only the agreement.
    const history = (await c.get(`/api/commitments/${created.id}/history`).expect(200)).body;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['CommitmentAgreed']);
    await expectRollupsMatch();
  }, 30_000);

  it('lists overdue commitments oldest first, per region and per program', async () => {
    const all = await items();
    for (const query of ['regionCode=61', 'regionCode=62', 'regionCode=63.71', `programId=${programs.P1.id}`, `programId=${programs.P2.id}`]) {
      const [key, value] = query.split('=');
      const expected = all
        .filter((i) => i.overdue && (key === 'programId' ? i.programId === value : i.regionCode === value || i.regionCode.startsWith(`${value}.`)))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .map((i) => i.id);
      const res = (await c.get(`/api/commitments?overdue=true&sort=daysOverdue&${query}`).expect(200)).body;
      expect(res.items.map((i: Item) => i.id)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('draws the trend from daily snapshots, the last of each period, ending with the live row', async () => {
    const zone = 'Asia/Jakarta';
    const today = DateTime.now().setZone(zone);
    const thisWeek = today.startOf('week');
    const day = (d: DateTime) => d.toISODate()!;
    const w3 = thisWeek.minus({ weeks: 3 });
    const insertSnapshot = async (d: DateTime, counts?: { total: number; done: number; overdue: number; cancelled: number }) => {
      await db.query(`INSERT INTO rollup_snapshot_days (day, taken_at) VALUES ($1, now()) ON CONFLICT DO NOTHING`, [day(d)]);
      if (counts) {
        await db.query(
          `INSERT INTO rollup_snapshots (day, scope_kind, scope_key, region_code, total, open, in_progress, blocked, done, cancelled, overdue)
           VALUES ($1, 'province', '62', '62', $2::int, $2::int - $3::int - $5::int, 0, 0, $3::int, $5::int, $4::int)`,
          [day(d), counts.total, counts.done, counts.overdue, counts.cancelled],
        );
      }
    };
    await insertSnapshot(w3, { total: 2, done: 0, overdue: 1, cancelled: 0 });
    await insertSnapshot(w3.plus({ days: 2 }), { total: 5, done: 1, overdue: 2, cancelled: 1 }); // the last of its week
    await insertSnapshot(w3.plus({ weeks: 1 })); // taken, but 62 had no row that day

    const live = (await c.get('/api/rollups/provinces/62').expect(200)).body;
    const trend = (await c.get(`/api/rollups/provinces/62/trend?from=${day(w3.minus({ weeks: 1 }))}&to=${day(today)}&interval=week`).expect(200)).body;
    expect(trend.map((p: { periodStart: string }) => p.periodStart)).toEqual([day(w3), day(w3.plus({ weeks: 1 })), day(thisWeek)]);
    expect(trend[0]).toEqual(expect.objectContaining({ periodStart: day(w3), total: 5, done: 1, overdue: 2, completionRate: 0.25 }));
    expect(trend[1]).toEqual(expect.objectContaining({ total: 0, done: 0, overdue: 0, completionRate: 0 }));
    expect(trend[2]).toEqual(expect.objectContaining({ total: live.total, done: live.done, overdue: live.overdue, completionRate: live.completionRate }));
    for (const point of trend) expect(Object.keys(point)).toEqual(expect.arrayContaining(['periodStart', 'total', 'done', 'overdue', 'completionRate']));

    const monthly = (await c.get(`/api/rollups/provinces/62/trend?from=${day(w3.minus({ months: 2 }))}&interval=month`).expect(200)).body;
    expect(monthly.at(-1)).toEqual(expect.objectContaining({ periodStart: day(today.startOf('month')), total: live.total }));
    const months = [w3, w3.plus({ days: 2 }), w3.plus({ weeks: 1 }), today].map((d) => day(d.startOf('month')));
    expect(monthly.map((p: { periodStart: string }) => p.periodStart)).toEqual([...new Set(months)]);
    // A range that ends before today has no live point.
    const past = (await c.get(`/api/rollups/provinces/62/trend?from=${day(w3)}&to=${day(w3.plus({ days: 6 }))}`).expect(200)).body;
    expect(past).toEqual([expect.objectContaining({ periodStart: day(w3), total: 5 })]);
    // Default: the last twelve weeks, ending with the live row.
    expect((await c.get('/api/rollups/provinces/62/trend').expect(200)).body.at(-1)).toEqual(expect.objectContaining({ periodStart: day(thisWeek), total: live.total }));

    for (const [query, field] of [['interval=day', 'interval'], ['from=2026-02-30', 'from'], ['to=kemarin', 'to'], [`from=${day(today)}&to=${day(w3)}`, 'from'], ['from=1900-01-01', 'from']]) {
      const res = await c.get(`/api/rollups/provinces/62/trend?${query}`);
      expectErrorBody(res, 400);
      expect(messageOf(res)).toContain(field);
    }
    expectErrorBody(await c.get('/api/rollups/provinces/99/trend'), 404);
  });

  it('sends the weekly digest to leadership for their region, once a week, in Bahasa Indonesia first', async () => {
    const all = await items();
    const sentAt = Date.now();
    const res = await c.post('/api/rollups/digest/send', {}).expect(202);
    expect(res.body.jobId).toBeDefined();
    await waitFor(() => Object.values(leaders).every((l) => smtp.to(l.email).length === 1), 15_000, 'three digests');

    // National: the ten oldest overdue commitments of the country, with their owners, oldest first.
    const national = smtp.to(leaders.national.email)[0];
    const text = bodyText(national.raw);
    expect(national.subject).toContain('Ringkasan mingguan Nasional');
    const overdue = all.filter((i) => i.overdue).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    expect(overdue.length).toBeGreaterThanOrEqual(12);
    expect(national.subject).toContain(`${overdue.length} tindak lanjut terlambat`);
    let at = text.indexOf('Tindak lanjut terlambat paling lama');
    expect(at).toBeGreaterThan(0);
    overdue.slice(0, 10).forEach((item, i) => {
      const line = `${i + 1}. ${item.title} (${item.owner.name}, `;
      const found = text.indexOf(line, at);
      expect(found).toBeGreaterThan(at);
      at = found;
    });
    for (const item of overdue.slice(10)) expect(text).not.toContain(item.title);
    expect(text).toContain('Rekap per provinsi');
    for (const name of ['Kalimantan Barat', 'Kalimantan Tengah', 'Kalimantan Selatan', 'Kalimantan Timur']) expect(text).toContain(`- ${name}: total`);
    expect(text).toContain('Rekap per program');
    expect(text).toContain(`- ${programs.P1.name}: total`);
    // What changed in the seven days before the send: everything was agreed this week.
    const completed = 3; // a4 and b7, and b6 (done, then reopened)
    const newlyOverdue = all.filter((i) => Date.parse(i.dueAt) >= sentAt - 7 * 86_400_000 && Date.parse(i.dueAt) < sentAt).length;
    expect(text).toContain('Perubahan sejak pekan lalu');
    expect(text).toContain(`- ${all.length} tindak lanjut baru`);
    expect(text).toContain(`- ${completed} tindak lanjut selesai`);
    expect(text).toContain(`- ${newlyOverdue} tindak lanjut baru terlambat`);
    expect(national.raw).toContain('text/html');

    // A province's leader sees its province only.
    const kalteng = smtp.to(leaders.kalteng.email)[0];
    const kaltengText = bodyText(kalteng.raw);
    expect(kalteng.subject).toContain('Provinsi Kalimantan Tengah');
    const ownProvince = all.filter((i) => i.regionCode.startsWith('62'));
    expect(kaltengText).toContain(`Total ${ownProvince.length} tindak lanjut`);
    for (const item of all.filter((i) => i.overdue && !i.regionCode.startsWith('62'))) expect(kaltengText).not.toContain(item.title);
    expect(kaltengText).toContain(overdue.find((i) => i.regionCode.startsWith('62'))!.title);
    expect(kaltengText).not.toContain('- Kalimantan Barat: total');

    // Locale 'en' reads English.
    const kalsel = smtp.to(leaders.kalsel.email)[0];
    expect(kalsel.subject).toContain('Weekly summary for Kalimantan Selatan Province');
    expect(bodyText(kalsel.raw)).toContain('Changes since last week');
    expect(bodyText(kalsel.raw)).not.toContain('Perubahan sejak pekan lalu');

    // Once a week: asking again sends nothing new; resend sends again to whom it names.
    const maintenance = stack.worker!.get<Queue>(getQueueToken(QueueName.Maintenance), { strict: false });
    const again = (await c.post('/api/rollups/digest/send', {}).expect(202)).body;
    const finished = await waitFor(async () => {
      const job = await maintenance.getJob(again.jobId);
      return (await job?.getState()) === 'completed' ? job : undefined;
    }, 10_000, 'the second digest run');
    expect(finished.returnvalue.sent).toEqual([]);
    expect(finished.returnvalue.alreadySent.sort()).toEqual(Object.values(leaders).map((l) => l.email).sort());
    await c.post('/api/rollups/digest/send', { officialIds: [leaders.national.id], resend: true }).expect(202);
    await waitFor(() => smtp.to(leaders.national.email).length === 2, 10_000, 'the resent digest');
    expect(smtp.to(leaders.kalteng.email)).toHaveLength(1);
    const sends = (await c.get('/api/rollups/digest/sends').expect(200)).body;
    expect(sends.filter((s: { status: string }) => s.status === 'sent').map((s: { officialId: string }) => s.officialId).sort()).toEqual(
      Object.values(leaders).map((l) => l.id).sort(),
    );

    expectErrorBody(await c.post('/api/rollups/digest/send', { officialIds: [notLeader.id] }), 422);
    expectErrorBody(await c.post('/api/rollups/digest/send', { officialIds: [randomUUID()] }), 404);
    const bad = await c.post('/api/rollups/digest/send', { officialIds: ['x'], resend: 'ya', extra: 1 });
    expectErrorBody(bad, 400);
    for (const field of ['officialids', 'resend', 'extra']) expect(messageOf(bad)).toContain(field);
  }, 40_000);
});

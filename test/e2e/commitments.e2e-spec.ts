import { randomUUID } from 'node:crypto';
import { Client, expectErrorBody, isoInDays, messageOf, uniq } from './support/client';
import { ADMIN, startTestApi, TestApi } from './support/test-app';

type Status = 'open' | 'in_progress' | 'blocked' | 'done' | 'cancelled';
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);
const sorted = (a: string[]) => [...a].sort();
/** "in_progress", "in progress" and "In Progress" all name the same state. */
const norm = (s: string) => s.toLowerCase().replace(/[_\s-]/g, '');

describe('commitments', () => {
  let api: TestApi;
  let c: Client;
  let meeting: any;
  let owner: any;
  beforeAll(async () => {
    api = await startTestApi();
    c = new Client(api);
    meeting = await c.meeting({ regionCode: '63', title: 'Rakortek Perumahan Kalimantan Selatan' });
    owner = await c.official({ name: 'Kepala Dinas Perkim Kalsel', regionCode: '63' });
  });
  afterAll(async () => { await api?.close(); });

  /** Walks a commitment through progress reports; answers its final state. */
  async function walk(id: string, path: Status[]) {
    for (const status of path) await c.progress(id, { status });
    return (await c.get(`/api/commitments/${id}`)).body;
  }

  describe('POST /api/meetings/:id/commitments and GET /api/commitments/:id', () => {
    it('creates an open commitment at a version (201) and reads it back with its indicator', async () => {
      const program = await c.program({ name: 'Bantuan Stimulan Perumahan Swadaya' });
      const body = {
        title: 'Percepatan penanganan RTLH 2026',
        description: 'Verifikasi data dan usulan lokasi',
        ownerOfficialId: owner.id,
        regionCode: '63.71',
        programId: program.id,
        dueAt: '2030-06-30T17:00:00+08:00',
        indicator: { unit: 'unit', baseline: 0, target: 237973 },
      };
      const res = await c.post(`/api/meetings/${meeting.id}/commitments`, body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ id: expect.any(String), status: 'open', version: expect.any(Number) }));

      const got = await c.get(`/api/commitments/${res.body.id}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(expect.objectContaining({
        id: res.body.id, status: 'open', overdue: false, version: res.body.version,
        title: body.title, description: body.description, ownerOfficialId: owner.id, regionCode: '63.71', programId: program.id, meetingId: meeting.id,
      }));
      expect(got.body.indicator).toEqual(expect.objectContaining({ unit: 'unit', baseline: 0, target: 237973, achieved: null }));
      expect(new Date(got.body.dueAt).toISOString()).toBe('2030-06-30T09:00:00.000Z');
      expect(got.body.dueAt).toMatch(/(Z|[+-]\d{2}:\d{2})$/);
    });

    it('is overdue once its due time has passed, and no longer when done or cancelled', async () => {
      const late = await c.commitment(meeting.id, { ownerOfficialId: owner.id, dueAt: isoInDays(-3) });
      expect((await c.get(`/api/commitments/${late.id}`)).body.overdue).toBe(true);
      const future = await c.commitment(meeting.id, { ownerOfficialId: owner.id, dueAt: isoInDays(3) });
      expect((await c.get(`/api/commitments/${future.id}`)).body.overdue).toBe(false);

      expect((await walk(late.id, ['in_progress'])).overdue).toBe(true);
      expect((await walk(late.id, ['blocked'])).overdue).toBe(true);
      expect((await walk(late.id, ['in_progress', 'done'])).overdue).toBe(false);
      const lateCancelled = await c.commitment(meeting.id, { ownerOfficialId: owner.id, dueAt: isoInDays(-3) });
      expect((await walk(lateCancelled.id, ['cancelled'])).overdue).toBe(false);
    });

    it('answers 404 naming the field for an unknown meeting, owner or program', async () => {
      const base = { title: 'X', ownerOfficialId: owner.id, regionCode: '63', dueAt: isoInDays(10) };
      expectErrorBody(await c.post(`/api/meetings/${randomUUID()}/commitments`, base), 404);
      const ownerRes = await c.post(`/api/meetings/${meeting.id}/commitments`, { ...base, ownerOfficialId: randomUUID() });
      expectErrorBody(ownerRes, 404);
      expect(messageOf(ownerRes)).toContain('ownerofficialid');
      const programRes = await c.post(`/api/meetings/${meeting.id}/commitments`, { ...base, programId: randomUUID() });
      expectErrorBody(programRes, 404);
      expect(messageOf(programRes)).toContain('programid');
      const list = await c.get(`/api/commitments?meetingId=${meeting.id}&limit=200`);
      expect(list.body.items.map((i: { title: string }) => i.title)).not.toContain('X');
    });

    it('answers 404 for an unknown commitment and 400 for a malformed id', async () => {
      expectErrorBody(await c.get(`/api/commitments/${randomUUID()}`), 404);
      expectErrorBody(await c.get('/api/commitments/42'), 400);
    });
  });

  describe('GET /api/commitments filters', () => {
    let m: any, ownerA: any, ownerB: any, p1: any, p2: any;
    let c1: any, c2: any, c3: any, c4: any, c5: any;
    beforeAll(async () => {
      m = await c.meeting({ regionCode: '63' });
      ownerA = await c.official({ name: `Pejabat A ${uniq()}` });
      ownerB = await c.official({ name: `Pejabat B ${uniq()}` });
      p1 = await c.program();
      p2 = await c.program();
      c1 = await c.commitment(m.id, { title: 'c1', regionCode: '63', ownerOfficialId: ownerA.id, programId: p1.id, dueAt: isoInDays(10) });
      c2 = await c.commitment(m.id, { title: 'c2', regionCode: '63.71', ownerOfficialId: ownerB.id, programId: p2.id, dueAt: isoInDays(20) });
      c3 = await c.commitment(m.id, { title: 'c3', regionCode: '64', ownerOfficialId: ownerA.id, dueAt: isoInDays(30) });
      c4 = await c.commitment(m.id, { title: 'c4', regionCode: '63.02', ownerOfficialId: ownerB.id, programId: p1.id, dueAt: isoInDays(-2) });
      c5 = await c.commitment(m.id, { title: 'c5', regionCode: '64.71', ownerOfficialId: ownerA.id, dueAt: isoInDays(-4) });
      await walk(c2.id, ['in_progress']);
      await walk(c3.id, ['in_progress', 'done']);
      await walk(c5.id, ['cancelled']);
    });
    const list = async (query: string) => {
      const res = await c.get(`/api/commitments?${query}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
      return res.body as { items: any[]; total: number };
    };

    it('meetingId gives exactly that meeting\'s commitments, as {items, total}', async () => {
      const res = await list(`meetingId=${m.id}`);
      expect(sorted(ids(res.items))).toEqual(sorted([c1.id, c2.id, c3.id, c4.id, c5.id]));
      expect(res.total).toBe(5);
      const item = res.items.find((i) => i.id === c2.id);
      expect(item).toEqual(expect.objectContaining({ status: 'in_progress', regionCode: '63.71', ownerOfficialId: ownerB.id, programId: p2.id, overdue: false, version: expect.any(Number) }));
    });

    it('filters by status (one, or several comma-separated)', async () => {
      expect(ids((await list(`meetingId=${m.id}&status=in_progress`)).items)).toEqual([c2.id]);
      expect(sorted(ids((await list(`meetingId=${m.id}&status=open`)).items))).toEqual(sorted([c1.id, c4.id]));
      expect(sorted(ids((await list(`meetingId=${m.id}&status=done,cancelled`)).items))).toEqual(sorted([c3.id, c5.id]));
      const all = await list('status=done&limit=200');
      for (const i of all.items) expect(i.status).toBe('done');
      expect(ids(all.items)).toContain(c3.id);
    });

    it('regionCode of a province includes its regencies; of a regency, only that regency', async () => {
      const prov = await list(`regionCode=63&limit=200`);
      expect(ids(prov.items)).toEqual(expect.arrayContaining([c1.id, c2.id, c4.id]));
      expect(ids(prov.items)).not.toContain(c3.id);
      expect(ids(prov.items)).not.toContain(c5.id);
      for (const i of prov.items) expect(i.regionCode).toMatch(/^63(\.\d{2})?$/);
      expect(prov.total).toBe(prov.items.length);
      expect(ids((await list(`regionCode=63.71&meetingId=${m.id}`)).items)).toEqual([c2.id]);
      expect(sorted(ids((await list(`regionCode=64&meetingId=${m.id}`)).items))).toEqual(sorted([c3.id, c5.id]));
    });

    it('filters by ownerOfficialId and programId', async () => {
      expect(sorted(ids((await list(`ownerOfficialId=${ownerA.id}`)).items))).toEqual(sorted([c1.id, c3.id, c5.id]));
      expect(sorted(ids((await list(`programId=${p1.id}`)).items))).toEqual(sorted([c1.id, c4.id]));
      expect(ids((await list(`programId=${p1.id}&ownerOfficialId=${ownerB.id}`)).items)).toEqual([c4.id]);
      expect((await list(`ownerOfficialId=${randomUUID()}`))).toEqual(expect.objectContaining({ items: [], total: 0 }));
    });

    it('overdue=true gives the commitments past due that are neither done nor cancelled', async () => {
      expect(ids((await list(`meetingId=${m.id}&overdue=true`)).items)).toEqual([c4.id]);
      const all = await list('overdue=true&limit=200');
      expect(ids(all.items)).toContain(c4.id);
      expect(ids(all.items)).not.toContain(c5.id);
      for (const i of all.items) {
        expect(i.overdue).toBe(true);
        expect(['open', 'in_progress', 'blocked']).toContain(i.status);
        expect(new Date(i.dueAt).getTime()).toBeLessThan(Date.now());
      }
    });

    it('pages with page/limit, total counting every match', async () => {
      const seen: string[] = [];
      for (const page of [1, 2, 3]) {
        const res = await list(`meetingId=${m.id}&limit=2&page=${page}`);
        expect(res.total).toBe(5);
        expect(res.items).toHaveLength(page < 3 ? 2 : 1);
        seen.push(...ids(res.items));
      }
      expect(sorted(seen)).toEqual(sorted([c1.id, c2.id, c3.id, c4.id, c5.id]));
    });

    it('answers 400 for an unknown status, a malformed id filter and overdue other than true/false', async () => {
      for (const query of ['status=selesai', 'ownerOfficialId=abc', 'programId=1', 'meetingId=x', 'overdue=ya', 'regionCode=6', 'limit=1000']) {
        const res = await c.get(`/api/commitments?${query}`);
        expectErrorBody(res, 400);
        expect(messageOf(res)).toContain(query.split('=')[0].toLowerCase());
      }
    });
  });

  describe('PATCH /api/commitments/:id', () => {
    it('applies a change at the current version: 200 with version + 1', async () => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id, title: 'Judul lama', indicator: { unit: 'unit', target: 100 } });
      const res = await c.patch(`/api/commitments/${created.id}`, { version: created.version, title: 'Judul baru', indicator: { unit: 'rumah', baseline: 10, target: 150 } });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(created.version + 1);
      const got = (await c.get(`/api/commitments/${created.id}`)).body;
      expect(got).toEqual(expect.objectContaining({ title: 'Judul baru', version: created.version + 1 }));
      expect(got.indicator).toEqual(expect.objectContaining({ unit: 'rumah', baseline: 10, target: 150 }));
    });

    it('answers 409 for a stale version and changes nothing', async () => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id, title: 'Asli' });
      const first = await c.patch(`/api/commitments/${created.id}`, { version: created.version, title: 'Perubahan pertama' });
      expect(first.status).toBe(200);
      const before = (await c.get(`/api/commitments/${created.id}`)).body;
      const stale = await c.patch(`/api/commitments/${created.id}`, { version: created.version, title: 'Perubahan yang basi', dueAt: isoInDays(90) });
      expectErrorBody(stale, 409);
      const after = (await c.get(`/api/commitments/${created.id}`)).body;
      expect(after).toEqual(before);
      const history = (await c.get(`/api/commitments/${created.id}/history`)).body;
      expect(JSON.stringify(history)).not.toContain('Perubahan yang basi');
    });

    it('lets only one of two simultaneous edits at the same version through', async () => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id });
      const answers = await Promise.all(['Versi A', 'Versi B'].map((title) => c.patch(`/api/commitments/${created.id}`, { version: created.version, title })));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = answers.find((r) => r.status === 200)!;
      const got = (await c.get(`/api/commitments/${created.id}`)).body;
      expect(got.title).toBe(winner.body.title);
      expect(got.version).toBe(created.version + 1);
    });

    it('reschedules and reassigns, each a change that increments the version', async () => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id, dueAt: '2030-01-15T17:00:00+07:00' });
      const other = await c.official();
      const res = await c.patch(`/api/commitments/${created.id}`, { version: created.version, dueAt: '2030-02-15T17:00:00+07:00', ownerOfficialId: other.id });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(created.version + 1);
      expect(new Date(res.body.dueAt).toISOString()).toBe('2030-02-15T10:00:00.000Z');
      expect(res.body.ownerOfficialId).toBe(other.id);
      const again = await c.patch(`/api/commitments/${created.id}`, { version: res.body.version, regionCode: '63.72' });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(expect.objectContaining({ regionCode: '63.72', version: created.version + 2 }));
    });

    it('answers 404 for an unknown commitment and 400 without a version', async () => {
      expectErrorBody(await c.patch(`/api/commitments/${randomUUID()}`, { version: 1, title: 'X' }), 404);
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id });
      const res = await c.patch(`/api/commitments/${created.id}`, { title: 'Tanpa versi' });
      expectErrorBody(res, 400);
      expect(messageOf(res)).toContain('version');
      expect((await c.get(`/api/commitments/${created.id}`)).body.title).toBe(created.title);
    });

    it('answers 404 naming the field for an unknown owner or program, and changes nothing', async () => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id });
      const res = await c.patch(`/api/commitments/${created.id}`, { version: created.version, ownerOfficialId: randomUUID(), title: 'Tidak jadi' });
      expectErrorBody(res, 404);
      expect(messageOf(res)).toContain('ownerofficialid');
      const program = await c.patch(`/api/commitments/${created.id}`, { version: created.version, programId: randomUUID() });
      expectErrorBody(program, 404);
      expect(messageOf(program)).toContain('programid');
      const got = (await c.get(`/api/commitments/${created.id}`)).body;
      expect(got).toEqual(expect.objectContaining({ title: created.title, ownerOfficialId: owner.id, version: created.version }));
    });
  });

  describe('POST /api/commitments/:id/progress', () => {
    const allowed: Array<[Status[], Status]> = [
      [[], 'in_progress'],
      [[], 'cancelled'],
      [['in_progress'], 'done'],
      [['in_progress'], 'blocked'],
      [['in_progress'], 'cancelled'],
      [['in_progress', 'blocked'], 'in_progress'],
      [['in_progress', 'blocked'], 'cancelled'],
    ];
    it.each(allowed)('after %j, %s is allowed: 201, the new status, version + 1', async (path, to) => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id });
      const before = await walk(created.id, path);
      const res = await c.post(`/api/commitments/${created.id}/progress`, { status: to, note: `menjadi ${to}` });
      expect(res.status).toBe(201);
      const after = (await c.get(`/api/commitments/${created.id}`)).body;
      expect(after.status).toBe(to);
      expect(after.version).toBe(before.version + 1);
    });

    const forbidden: Array<[Status[], Status]> = [
      [[], 'done'],
      [[], 'blocked'],
      [['in_progress'], 'open'],
      [['in_progress', 'blocked'], 'done'],
      [['in_progress', 'blocked'], 'open'],
      [['in_progress', 'done'], 'in_progress'],
      [['in_progress', 'done'], 'open'],
      [['in_progress', 'done'], 'cancelled'],
      [['cancelled'], 'done'],
      [['cancelled'], 'open'],
      [['cancelled'], 'in_progress'],
    ];
    it.each(forbidden)('after %j, %s is forbidden: 422 naming both states, nothing changes', async (path, to) => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id });
      const before = await walk(created.id, path);
      const res = await c.post(`/api/commitments/${created.id}/progress`, { status: to, note: 'tidak boleh' });
      expectErrorBody(res, 422);
      const message = norm(messageOf(res));
      expect(message).toContain(norm(before.status));
      expect(message).toContain(norm(to));
      const after = (await c.get(`/api/commitments/${created.id}`)).body;
      expect(after).toEqual(before);
    });

    it('takes no more progress at all once done or cancelled (even without a status)', async () => {
      const done = await c.commitment(meeting.id, { ownerOfficialId: owner.id, indicator: { unit: 'unit', target: 10 } });
      const before = await walk(done.id, ['in_progress', 'done']);
      expectErrorBody(await c.post(`/api/commitments/${done.id}/progress`, { achieved: 5, note: 'terlambat' }), 422);
      expect((await c.get(`/api/commitments/${done.id}`)).body).toEqual(before);
    });

    it('without a status keeps the status and records what was achieved', async () => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id, indicator: { unit: 'unit', baseline: 0, target: 237973 } });
      const open = await c.post(`/api/commitments/${created.id}/progress`, { achieved: 1200, note: 'Pendataan awal' });
      expect(open.status).toBe(201);
      let got = (await c.get(`/api/commitments/${created.id}`)).body;
      expect(got.status).toBe('open');
      expect(got.indicator.achieved).toBe(1200);
      expect(got.version).toBe(created.version + 1);

      await c.progress(created.id, { status: 'in_progress', achieved: 2804.5 });
      await c.progress(created.id, { achieved: 5000 });
      got = (await c.get(`/api/commitments/${created.id}`)).body;
      expect(got.status).toBe('in_progress');
      expect(got.indicator).toEqual(expect.objectContaining({ unit: 'unit', baseline: 0, target: 237973, achieved: 5000 }));
      expect(got.version).toBe(created.version + 3);

      // A client that sends null for the optional fields means "not reported".
      const nulls = await c.post(`/api/commitments/${created.id}/progress`, { status: null, achieved: null, note: 'Tanpa perubahan angka' });
      expect(nulls.status).toBe(201);
      got = (await c.get(`/api/commitments/${created.id}`)).body;
      expect(got.status).toBe('in_progress');
      expect(got.indicator.achieved).toBe(5000);
    });

    it('answers 400 without a note or with an unknown status, and 404 for an unknown commitment', async () => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id });
      const noNote = await c.post(`/api/commitments/${created.id}/progress`, { status: 'in_progress' });
      expectErrorBody(noNote, 400);
      expect(messageOf(noNote)).toContain('note');
      const badStatus = await c.post(`/api/commitments/${created.id}/progress`, { status: 'selesai', note: 'x' });
      expectErrorBody(badStatus, 400);
      expect(messageOf(badStatus)).toContain('status');
      expect((await c.get(`/api/commitments/${created.id}`)).body).toEqual(expect.objectContaining({ status: 'open', version: created.version }));
      expectErrorBody(await c.post(`/api/commitments/${randomUUID()}/progress`, { status: 'in_progress', note: 'x' }), 404);
    });
  });

  describe('GET /api/commitments/:id/history', () => {
    it('lists every domain event, oldest first, with type, at, actor and data', async () => {
      const created = await c.commitment(meeting.id, { ownerOfficialId: owner.id, indicator: { unit: 'unit', target: 50 }, dueAt: '2030-03-01T17:00:00+07:00' });
      let version = created.version;
      const patched = await c.patch(`/api/commitments/${created.id}`, { version, dueAt: '2030-04-01T17:00:00+07:00' });
      version = patched.body.version;
      await c.progress(created.id, { status: 'in_progress', note: 'Mulai dikerjakan di lapangan' });
      const other = await c.official();
      const reassigned = await c.patch(`/api/commitments/${created.id}`, { version: version + 1, ownerOfficialId: other.id });
      expect(reassigned.status).toBe(200);
      const retitled = await c.patch(`/api/commitments/${created.id}`, { version: reassigned.body.version, title: 'Judul yang direvisi' });
      expect(retitled.status).toBe(200);
      await c.progress(created.id, { achieved: 20, note: 'Dua puluh unit' });

      const res = await c.get(`/api/commitments/${created.id}/history`);
      expect(res.status).toBe(200);
      const types = res.body.map((e: { type: string }) => e.type);
      expect(types[0]).toBe('CommitmentAgreed');
      const rescheduled = types.indexOf('CommitmentRescheduled');
      const progress = types.indexOf('ProgressReported');
      const reassignedAt = types.findIndex((t: string) => /Reassigned/.test(t));
      const revised = types.findIndex((t: string) => /Revised/.test(t));
      expect(rescheduled).toBeGreaterThan(0);
      expect(progress).toBeGreaterThan(rescheduled);
      expect(reassignedAt).toBeGreaterThan(progress);
      expect(revised).toBeGreaterThan(reassignedAt);
      expect(types.lastIndexOf('ProgressReported')).toBeGreaterThan(revised);
      expect(types).toHaveLength(6);

      const times = res.body.map((e: { at: string }) => new Date(e.at).getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const e of res.body) {
        expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/);
        expect(JSON.stringify(e.actor)).toContain(ADMIN.email);
        expect(e.data).toEqual(expect.any(Object));
      }
      expect(JSON.stringify(res.body[progress].data)).toContain('Mulai dikerjakan di lapangan');
      expect(JSON.stringify(res.body[rescheduled].data)).toContain('2030-04-01');
    });

    it('answers 404 for an unknown commitment and 400 for a malformed id', async () => {
      expectErrorBody(await c.get(`/api/commitments/${randomUUID()}/history`), 404);
      expectErrorBody(await c.get('/api/commitments/abc/history'), 400);
    });
  });

  describe('carry-forward', () => {
    let earlier: any, later: any, after: any, national: any, prov: any;
    let cOverdueOld: any, cOverdue: any, cInProgress: any, cOpen: any, cBlocked: any, cDone: any, cCancelled: any, cOtherRegency: any, cAfter: any, cElsewhere: any;
    beforeAll(async () => {
      earlier = await c.meeting({ regionCode: '62', title: 'Rakor Provinsi Kalimantan Tengah', startsAt: isoInDays(-30, 9) });
      later = await c.meeting({ regionCode: '62.71', title: 'Rakor Kota Palangka Raya', startsAt: isoInDays(-2, 9) });
      after = await c.meeting({ regionCode: '62', title: 'Rakor Kalteng berikutnya', startsAt: isoInDays(10, 9) });
      const kota = await c.official({ name: 'Kepala Dinas Perkim Kota Palangka Raya', regionCode: '62.71' });
      const on = (m: any, overrides: Record<string, unknown>) => c.commitment(m.id, { ownerOfficialId: kota.id, regionCode: '62.71', ...overrides });
      cOpen = await on(earlier, { title: 'open, due in 20 days', dueAt: isoInDays(20) });
      cOverdue = await on(earlier, { title: 'overdue 5 days', dueAt: isoInDays(-5) });
      cInProgress = await on(earlier, { title: 'in progress, due in 5 days', dueAt: isoInDays(5) });
      cBlocked = await on(earlier, { title: 'blocked, due in 40 days', dueAt: isoInDays(40) });
      cOverdueOld = await on(earlier, { title: 'overdue 10 days', dueAt: isoInDays(-10) });
      cDone = await on(earlier, { title: 'done', dueAt: isoInDays(-8) });
      cCancelled = await on(earlier, { title: 'cancelled', dueAt: isoInDays(3) });
      cOtherRegency = await on(earlier, { title: 'another regency', regionCode: '62.01', dueAt: isoInDays(4) });
      cAfter = await on(after, { title: 'agreed after the later meeting', dueAt: isoInDays(15) });
      cElsewhere = await on(earlier, { title: 'Kalimantan Selatan', regionCode: '63.71', dueAt: isoInDays(6) });
      await walk(cInProgress.id, ['in_progress']);
      await walk(cBlocked.id, ['in_progress', 'blocked']);
      await walk(cDone.id, ['in_progress', 'done']);
      await walk(cCancelled.id, ['cancelled']);
      national = await c.meeting({ title: 'Rakornas', startsAt: isoInDays(-1, 9) });
      prov = await c.meeting({ regionCode: '62', title: 'Rakor Kalteng lanjutan', startsAt: isoInDays(-1, 10) });
    });

    it('a regency meeting lists the open, in-progress and blocked commitments on that regency from earlier meetings, overdue first', async () => {
      const res = await c.get(`/api/meetings/${later.id}/carry-forward`);
      expect(res.status).toBe(200);
      const items: any[] = res.body;
      expect(ids(items)).toEqual(expect.arrayContaining([cOpen.id, cOverdue.id, cInProgress.id, cBlocked.id, cOverdueOld.id]));
      for (const gone of [cDone, cCancelled, cOtherRegency, cAfter, cElsewhere]) expect(ids(items)).not.toContain(gone.id);
      for (const i of items) {
        expect(['open', 'in_progress', 'blocked']).toContain(i.status);
        expect(i.regionCode).toBe('62.71');
      }
      // Overdue ones first, then by due time.
      const ours = items.filter((i) => [cOpen.id, cOverdue.id, cInProgress.id, cBlocked.id, cOverdueOld.id].includes(i.id));
      expect(ids(ours)).toEqual([cOverdueOld.id, cOverdue.id, cInProgress.id, cOpen.id, cBlocked.id]);
      const firstNotOverdue = items.findIndex((i) => !i.overdue);
      expect(items.slice(firstNotOverdue).some((i) => i.overdue)).toBe(false);
      const dues = (list: any[]) => list.map((i) => new Date(i.dueAt).getTime());
      expect(dues(items.filter((i) => i.overdue))).toEqual(dues(items.filter((i) => i.overdue)).sort((a, b) => a - b));
      expect(dues(items.filter((i) => !i.overdue))).toEqual(dues(items.filter((i) => !i.overdue)).sort((a, b) => a - b));
    });

    it('a province meeting includes its regencies; a national meeting sees every region', async () => {
      const p = ids((await c.get(`/api/meetings/${prov.id}/carry-forward`)).body);
      expect(p).toEqual(expect.arrayContaining([cOpen.id, cOverdue.id, cOtherRegency.id]));
      expect(p).not.toContain(cElsewhere.id);
      expect(p).not.toContain(cDone.id);
      const n = ids((await c.get(`/api/meetings/${national.id}/carry-forward`)).body);
      expect(n).toEqual(expect.arrayContaining([cOpen.id, cOtherRegency.id, cElsewhere.id]));
      expect(n).not.toContain(cDone.id);
      expect(n).not.toContain(cCancelled.id);
      expect(n).not.toContain(cAfter.id);
    });

    it('a meeting sharing a program sees that program\'s commitments from another region', async () => {
      const program = await c.program();
      const m1 = await c.meeting({ regionCode: '91', startsAt: isoInDays(-20, 9), programIds: [program.id] });
      const withProgram = await c.commitment(m1.id, { regionCode: '91.71', programId: program.id });
      const without = await c.commitment(m1.id, { regionCode: '91.71' });
      const m2 = await c.meeting({ regionCode: '33', startsAt: isoInDays(-1, 11), programIds: [program.id] });
      const list = ids((await c.get(`/api/meetings/${m2.id}/carry-forward`)).body);
      expect(list).toContain(withProgram.id);
      const unrelated = await c.meeting({ regionCode: '33', startsAt: isoInDays(-1, 11) });
      expect(ids((await c.get(`/api/meetings/${unrelated.id}/carry-forward`)).body)).not.toContain(withProgram.id);
      expect(ids((await c.get(`/api/meetings/${unrelated.id}/carry-forward`)).body)).not.toContain(without.id);
    });

    it('POST records a CarriedForward event in each commitment\'s history', async () => {
      const res = await c.post(`/api/meetings/${later.id}/carry-forward`, { commitmentIds: [cOverdue.id, cInProgress.id] });
      expect([200, 201]).toContain(res.status);
      for (const id of [cOverdue.id, cInProgress.id]) {
        const history = (await c.get(`/api/commitments/${id}/history`)).body;
        const carried = history.filter((e: { type: string }) => e.type.includes('CarriedForward'));
        expect(carried).toHaveLength(1);
        expect(history[history.length - 1].type).toContain('CarriedForward');
        expect(JSON.stringify(carried[0].actor)).toContain(ADMIN.email);
        expect(JSON.stringify(carried[0].data)).toContain(later.id);
      }
      const untouched = (await c.get(`/api/commitments/${cOpen.id}/history`)).body;
      expect(untouched.some((e: { type: string }) => e.type.includes('CarriedForward'))).toBe(false);
      // Still on the list: carrying forward does not close anything.
      const list = (await c.get(`/api/commitments/${cOverdue.id}`)).body;
      expect(list.status).toBe('open');
    });

    it('refuses a done commitment (4xx) and records nothing for the rest of that request', async () => {
      const res = await c.post(`/api/meetings/${later.id}/carry-forward`, { commitmentIds: [cBlocked.id, cDone.id] });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorBody(res, res.status);
      for (const id of [cBlocked.id, cDone.id]) {
        const history = (await c.get(`/api/commitments/${id}/history`)).body;
        expect(history.some((e: { type: string }) => e.type.includes('CarriedForward'))).toBe(false);
      }
    });

    it('answers 404 for an unknown meeting or commitment, 400 for malformed or missing ids', async () => {
      expectErrorBody(await c.get(`/api/meetings/${randomUUID()}/carry-forward`), 404);
      expectErrorBody(await c.post(`/api/meetings/${randomUUID()}/carry-forward`, { commitmentIds: [cOpen.id] }), 404);
      expectErrorBody(await c.post(`/api/meetings/${later.id}/carry-forward`, { commitmentIds: [randomUUID()] }), 404);
      expectErrorBody(await c.get('/api/meetings/xyz/carry-forward'), 400);
      const bad = await c.post(`/api/meetings/${later.id}/carry-forward`, { commitmentIds: ['bukan-id'] });
      expectErrorBody(bad, 400);
      expect(messageOf(bad)).toContain('commitmentids');
      expectErrorBody(await c.post(`/api/meetings/${later.id}/carry-forward`, {}), 400);
      expectErrorBody(await c.post(`/api/meetings/${later.id}/carry-forward`, { commitmentIds: [] }), 400);
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { Client, expectErrorBody, expectNoLeak, isoInDays, messageOf, uniq } from './support/client';
import { startTestApi, TestApi } from './support/test-app';

/**
 * Everything a careless or hostile client can send. Every answer in this file, whatever else a
 * test checks, is below 500, shows no stack trace, and is an error body when it is an error.
 */
describe('bad input', () => {
  let api: TestApi;
  let c: Client;
  const answers: Response[] = [];
  const track = async (req: Test | Promise<Response>): Promise<Response> => {
    const res = await req;
    answers.push(res);
    return res;
  };
  afterEach(() => {
    for (const res of answers.splice(0)) {
      expect(`${res.status} ${res.text?.slice(0, 200)}`).not.toMatch(/^5\d\d /);
      expectNoLeak(res);
      if (res.status >= 400) expectErrorBody(res, res.status);
    }
  });

  const auth = () => `Bearer ${api.token}`;
  const get = (url: string) => track(api.http().get(url).set('Authorization', auth()));
  const post = (url: string, body: unknown) => track(api.http().post(url).set('Authorization', auth()).send(body as object));
  const patch = (url: string, body: unknown) => track(api.http().patch(url).set('Authorization', auth()).send(body as object));
  /** A body sent exactly as these bytes, with this content type. */
  const raw = (method: 'post' | 'patch', url: string, text: string, type = 'application/json') =>
    track(api.http()[method](url).set('Authorization', auth()).set('Content-Type', type).send(text));

  let agency: any, official: any, program: any, meeting: any, commitment: any;
  let snapshot: Record<string, unknown>;
  const collections = ['/api/agencies', '/api/officials', '/api/programs', '/api/meetings?limit=200', '/api/commitments?limit=200'];
  async function takeSnapshot() {
    const out: Record<string, unknown> = {};
    for (const url of [...collections, `/api/meetings/${meeting.id}`, `/api/commitments/${commitment.id}`, `/api/commitments/${commitment.id}/history`]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      out[url] = res.body;
    }
    // `overdue`/`daysOverdue` move with the clock, not with the data; this commitment is far from due.
    return out;
  }

  beforeAll(async () => {
    api = await startTestApi();
    c = new Client(api);
    agency = await c.agency({ name: 'Dinas Perumahan Provinsi Kalimantan Tengah', level: 'province', regionCode: '62' });
    official = await c.official({ agencyId: agency.id, name: 'Kepala Dinas Perkim', position: 'Kepala Dinas', regionCode: '62' });
    program = await c.program({ code: 'BSPS', name: 'Bantuan Stimulan Perumahan Swadaya' });
    meeting = await c.meeting({ organizerAgencyId: agency.id, regionCode: '62', title: 'Rakor Perumahan Kalteng', programIds: [program.id] });
    await c.post(`/api/meetings/${meeting.id}/attendees`, { officialId: official.id, role: 'chair', attendance: 'in_person' });
    commitment = await c.commitment(meeting.id, {
      title: 'Verifikasi data RTLH', ownerOfficialId: official.id, regionCode: '62.71', programId: program.id,
      dueAt: isoInDays(60), indicator: { unit: 'unit', baseline: 0, target: 1000 },
    });
    await c.progress(commitment.id, { status: 'in_progress', achieved: 100 });
    snapshot = await takeSnapshot();
  });
  afterAll(async () => { await api?.close(); });

  const meetingBody = () => ({ kind: 'rakor', title: 'Rapat', startsAt: '2026-05-04T09:00:00+07:00', venue: 'Palangka Raya', mode: 'offline', organizerAgencyId: agency.id });
  const commitmentBody = () => ({ title: 'Tindak lanjut', ownerOfficialId: official.id, regionCode: '62', dueAt: '2030-06-30T17:00:00+07:00' });

  /** The message names each of these fields. */
  function expectNamed(res: Response, fields: string[]) {
    expect(res.status).toBe(400);
    const message = messageOf(res);
    for (const field of fields) expect({ field, message }).toEqual({ field, message: expect.stringContaining(field.toLowerCase()) });
  }

  describe('missing fields: one 400 naming every one of them', () => {
    it.each([
      ['/api/agencies', ['name', 'level']],
      ['/api/officials', ['name', 'position', 'agencyId', 'email']],
      ['/api/programs', ['code', 'name']],
      ['/api/meetings', ['kind', 'title', 'startsAt', 'venue', 'mode', 'organizerAgencyId']],
      ['/api/auth/login', ['email', 'password']],
    ])('POST %s {}', async (url, fields) => {
      expectNamed(await post(url, {}), fields);
    });

    it('POST /api/meetings/:id/commitments {}', async () => {
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, {}), ['title', 'ownerOfficialId', 'regionCode', 'dueAt']);
    });

    it('POST /api/meetings/:id/attendees {}', async () => {
      expectNamed(await post(`/api/meetings/${meeting.id}/attendees`, {}), ['officialId', 'role', 'attendance']);
    });

    it('POST /api/commitments/:id/progress {}, PATCH {} and carry-forward {}', async () => {
      expectNamed(await post(`/api/commitments/${commitment.id}/progress`, {}), ['note']);
      expectNamed(await patch(`/api/commitments/${commitment.id}`, {}), ['version']);
      expectNamed(await post(`/api/meetings/${meeting.id}/carry-forward`, {}), ['commitmentIds']);
    });

    it('a body with no content at all is the same 400, not a crash', async () => {
      const res = await track(api.http().post('/api/meetings').set('Authorization', auth()));
      expectNamed(res, ['kind', 'title', 'startsAt']);
    });

    it('names every bad field of several kinds at once (missing, wrong type, bad enum, bad date, bad id)', async () => {
      const res = await post('/api/meetings', { kind: 'rapat', title: 42, startsAt: 'besok pagi', mode: 'tatap muka', organizerAgencyId: 'dinas-1', programIds: ['x'] });
      expectNamed(res, ['kind', 'title', 'startsAt', 'venue', 'mode', 'organizerAgencyId', 'programIds']);
    });

    it('names nested fields of the indicator by their path', async () => {
      const res = await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), indicator: { baseline: 'nol', target: -5 } });
      expectNamed(res, ['indicator.unit', 'indicator.baseline', 'indicator.target']);
    });
  });

  describe('wrong types', () => {
    it.each([
      ['title as a number', { title: 123 }, 'title'],
      ['title as an object', { title: { $ne: null } }, 'title'],
      ['ownerOfficialId as a number', { ownerOfficialId: 7 }, 'ownerOfficialId'],
      ['regionCode as a number', { regionCode: 62 }, 'regionCode'],
      ['dueAt as epoch milliseconds', { dueAt: 1780000000000 }, 'dueAt'],
      ['indicator as a string', { indicator: '1000 unit' }, 'indicator'],
      ['indicator target as a string', { indicator: { unit: 'unit', target: '1000' } }, 'target'],
      ['indicator target as an array', { indicator: { unit: 'unit', target: [1000] } }, 'target'],
      ['description as an array', { description: ['a', 'b'] }, 'description'],
      ['programId as true', { programId: true }, 'programId'],
    ])('commitment with %s → 400', async (_label, change, field) => {
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), ...change }), [field]);
    });

    it.each([
      ['version as a string', { version: '1' }, 'version'],
      ['version as a fraction', { version: 1.5 }, 'version'],
      ['version zero', { version: 0 }, 'version'],
      ['title null', { title: null }, 'title'],
      ['title blank', { title: '   ' }, 'title'],
      ['dueAt null', { dueAt: null }, 'dueAt'],
      ['ownerOfficialId null', { ownerOfficialId: null }, 'ownerOfficialId'],
      ['regionCode null', { regionCode: null }, 'regionCode'],
      ['indicator without unit', { indicator: { target: 5 } }, 'unit'],
    ])('PATCH with %s → 400', async (_label, body, field) => {
      expectNamed(await patch(`/api/commitments/${commitment.id}`, { version: snapshotVersion(), ...body }), [field]);
    });

    it.each([
      ['achieved as words', { achieved: 'banyak', note: 'x' }, 'achieved'],
      ['achieved negative', { achieved: -1, note: 'x' }, 'achieved'],
      ['note as a number', { note: 5 }, 'note'],
      ['note blank', { note: '   ' }, 'note'],
      ['status as a number', { status: 3, note: 'x' }, 'status'],
    ])('progress with %s → 400', async (_label, body, field) => {
      expectNamed(await post(`/api/commitments/${commitment.id}/progress`, body), [field]);
    });

    it('other bodies: programIds not an array, leadership not a boolean, commitmentIds a string, a login e-mail as a number', async () => {
      expectNamed(await post('/api/meetings', { ...meetingBody(), programIds: program.id }), ['programIds']);
      expectNamed(await post('/api/officials', { name: 'X', position: 'Y', agencyId: agency.id, email: `x.${uniq()}@example.go.id`, leadership: 'ya' }), ['leadership']);
      expectNamed(await post(`/api/meetings/${meeting.id}/carry-forward`, { commitmentIds: commitment.id }), ['commitmentIds']);
      expectNamed(await post('/api/auth/login', { email: 12, password: ['a'] }), ['email', 'password']);
    });

    it('a JSON array or a bare value where an object is expected → 400', async () => {
      expect((await post('/api/meetings', [meetingBody()])).status).toBe(400);
      expect((await post(`/api/commitments/${commitment.id}/progress`, [{ note: 'x' }])).status).toBe(400);
      expect((await raw('post', '/api/programs', '"BSPS"')).status).toBe(400);
      expect((await raw('post', '/api/programs', '42')).status).toBe(400);
      expect((await raw('post', '/api/programs', 'null')).status).toBe(400);
    });
  });

  describe('unknown enum values', () => {
    it.each([
      ['/api/agencies', () => ({ name: 'X', level: 'desa' }), 'level'],
      ['/api/officials', () => ({ name: 'X', position: 'Y', agencyId: agency.id, email: `y.${uniq()}@example.go.id`, locale: 'jv' }), 'locale'],
      ['/api/meetings', () => ({ ...meetingBody(), kind: 'musrenbang' }), 'kind'],
      ['/api/meetings', () => ({ ...meetingBody(), mode: 'tatap muka' }), 'mode'],
      ['/api/meetings', () => ({ ...meetingBody(), kind: 'RAKOR' }), 'kind'],
    ])('POST %s with a bad %s → 400', async (url, body, field) => {
      expectNamed(await post(url, body()), [field]);
    });

    it('attendee role and attendance, progress status', async () => {
      expectNamed(await post(`/api/meetings/${meeting.id}/attendees`, { officialId: official.id, role: 'tamu', attendance: 'remote' }), ['role', 'attendance']);
      expectNamed(await post(`/api/commitments/${commitment.id}/progress`, { status: 'selesai', note: 'x' }), ['status']);
      expectNamed(await post(`/api/commitments/${commitment.id}/progress`, { status: 'DONE', note: 'x' }), ['status']);
    });

    it('query filters: kind, status, overdue', async () => {
      expectNamed(await get('/api/meetings?kind=seminar'), ['kind']);
      expectNamed(await get('/api/commitments?status=closed'), ['status']);
      expectNamed(await get('/api/commitments?status=open,closed'), ['status']);
      expectNamed(await get('/api/commitments?overdue=1'), ['overdue']);
    });
  });

  describe('unknown extra fields → 400 naming them', () => {
    it.each([
      ['/api/agencies', () => ({ name: 'X', level: 'central', isAdmin: true }), 'isAdmin'],
      ['/api/programs', () => ({ code: uniq(), name: 'X', budget: 1e9 }), 'budget'],
      ['/api/officials', () => ({ name: 'X', position: 'Y', agencyId: agency.id, email: `z.${uniq()}@example.go.id`, role: 'admin' }), 'role'],
      ['/api/meetings', () => ({ ...meetingBody(), id: randomUUID() }), 'id'],
      ['/api/meetings', () => ({ ...meetingBody(), createdAt: '2020-01-01T00:00:00Z' }), 'createdAt'],
      ['/api/auth/login', () => ({ email: 'a@b.c', password: 'x', remember: true }), 'remember'],
    ])('POST %s with %s', async (url, body, field) => {
      expectNamed(await post(url, body()), [field]);
    });

    it('on a commitment, its indicator, a progress report, a PATCH and an attendee', async () => {
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), status: 'done' }), ['status']);
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), version: 7 }), ['version']);
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), indicator: { unit: 'unit', target: 5, satuan: 'rumah' } }), ['satuan']);
      expectNamed(await post(`/api/commitments/${commitment.id}/progress`, { note: 'x', actor: 'gubernur' }), ['actor']);
      // Status changes only through progress reports, never through PATCH.
      expectNamed(await patch(`/api/commitments/${commitment.id}`, { version: snapshotVersion(), status: 'done' }), ['status']);
      expectNamed(await post(`/api/meetings/${meeting.id}/attendees`, { officialId: official.id, role: 'speaker', attendance: 'online', seat: 'A1' }), ['seat']);
      expectNamed(await post(`/api/meetings/${meeting.id}/attendees`, [{ officialId: official.id, role: 'speaker', attendance: 'online', seat: 'A1' }]), ['seat']);
    });

    it('on query strings', async () => {
      expectNamed(await get('/api/commitments?sortBy=title'), ['sortBy']);
      expectNamed(await get('/api/meetings?region=62'), ['region']);
    });
  });

  function snapshotVersion(): number {
    return (snapshot[`/api/commitments/${commitment.id}`] as { version: number }).version;
  }

  describe('size', () => {
    it('a 5 MB title → 413', async () => {
      const res = await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), title: 'x'.repeat(5 * 1024 * 1024) });
      expect(res.status).toBe(413);
      const m = await post('/api/meetings', { ...meetingBody(), title: 'R'.repeat(5 * 1024 * 1024) });
      expect(m.status).toBe(413);
    });

    it('a body just over 1 MB → 413; a long title under the limit → 400 naming title', async () => {
      expect((await post('/api/programs', { code: uniq(), name: 'n'.repeat(1024 * 1024 + 10) })).status).toBe(413);
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), title: 't'.repeat(10_000) }), ['title']);
    });

    it('a list of 1000 attendees → 400 (or 413), not a crash', async () => {
      const many = Array.from({ length: 1000 }, () => ({ officialId: randomUUID(), role: 'participant', attendance: 'online' }));
      const res = await post(`/api/meetings/${meeting.id}/attendees`, many);
      expect([400, 413]).toContain(res.status);
    });
  });

  describe('malformed JSON → 400', () => {
    it.each([
      ['truncated', '{"title": "Rapat'],
      ['trailing comma', '{"code": "A", "name": "B",}'],
      ['single quotes', "{'code': 'A', 'name': 'B'}"],
      ['not JSON at all', 'code=A&name=B'],
      ['two objects', '{"code":"A","name":"B"}{"code":"C"}'],
      ['a lone brace', '{'],
    ])('%s', async (_label, text) => {
      const res = await raw('post', '/api/programs', text);
      expect(res.status).toBe(400);
    });

    it('on PATCH too', async () => {
      expect((await raw('patch', `/api/commitments/${commitment.id}`, '{"version": 1, "title": }')).status).toBe(400);
    });

    it('a plain-text body is not taken as fields', async () => {
      expectNamed(await raw('post', '/api/programs', '{"code":"TXT","name":"teks"}', 'text/plain'), ['code', 'name']);
    });
  });

  describe('malformed ids → 400', () => {
    const bad = ['123', 'abc', `${randomUUID()}0`, randomUUID().replace(/-/g, ''), encodeURIComponent("1' OR '1'='1"), '%00', 'null', encodeURIComponent('../../etc/passwd')];
    it.each(bad)('/api/meetings/%s and /api/commitments/%s', async (id) => {
      expect((await get(`/api/meetings/${id}`)).status).toBe(400);
      expect((await get(`/api/commitments/${id}`)).status).toBe(400);
      expect((await get(`/api/commitments/${id}/history`)).status).toBe(400);
      expect((await patch(`/api/commitments/${id}`, { version: 1, title: 'X' })).status).toBe(400);
      expect((await post(`/api/commitments/${id}/progress`, { note: 'x' })).status).toBe(400);
      expect((await post(`/api/meetings/${id}/commitments`, commitmentBody())).status).toBe(400);
      expect((await post(`/api/meetings/${id}/attendees`, { officialId: official.id, role: 'chair', attendance: 'online' })).status).toBe(400);
      expect((await get(`/api/meetings/${id}/carry-forward`)).status).toBe(400);
    });

    it('malformed ids inside bodies and queries name their field', async () => {
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), ownerOfficialId: "1' OR '1'='1", programId: '42' }), ['ownerOfficialId', 'programId']);
      expectNamed(await post(`/api/meetings/${meeting.id}/attendees`, { officialId: 'abc', role: 'chair', attendance: 'online', representingOfficialId: 'gubernur' }), ['officialId', 'representingOfficialId']);
      expectNamed(await get('/api/commitments?meetingId=abc&ownerOfficialId=1'), ['meetingId', 'ownerOfficialId']);
    });

    it('ids that are well formed but match nothing are 404, not 400', async () => {
      expect((await get(`/api/commitments/${randomUUID()}`)).status).toBe(404);
      expect((await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), ownerOfficialId: randomUUID() })).status).toBe(404);
    });
  });

  describe('malformed dates → 400 naming the field', () => {
    it.each([
      ['30 February', '2026-02-30T10:00:00+07:00'],
      ['31 April', '2026-04-31T10:00:00+07:00'],
      ['month 13', '2026-13-01T10:00:00+07:00'],
      ['hour 25', '2026-05-01T25:00:00+07:00'],
      ['Indonesian day-first', '30/06/2026 17:00'],
      ['words', 'akhir Juni'],
      ['a date without a time', '2026-06-30'],
      ['no offset (ambiguous across WIB, WITA, WIT)', '2026-06-30T17:00:00'],
      ['empty', ''],
      ['offset out of range', '2026-06-30T17:00:00+25:00'],
    ])('%s', async (_label, value) => {
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), dueAt: value }), ['dueAt']);
      expectNamed(await post('/api/meetings', { ...meetingBody(), startsAt: value }), ['startsAt']);
    });

    it('in PATCH, carry-forward and query filters', async () => {
      expectNamed(await patch(`/api/commitments/${commitment.id}`, { version: snapshotVersion(), dueAt: '2026-02-29T10:00:00+07:00' }), ['dueAt']);
      expectNamed(await get(`/api/meetings?from=${encodeURIComponent('2026-02-30T00:00:00+07:00')}&to=kemarin`), ['from', 'to']);
    });

    it('an offset written with an unencoded "+" in a query string is still understood', async () => {
      const res = await get(`/api/meetings?from=2000-01-01T00:00:00+07:00&q=${encodeURIComponent(meeting.title)}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((m: { id: string }) => m.id)).toContain(meeting.id);
    });
  });

  describe('text that looks like SQL or markup is stored verbatim', () => {
    const nasty = [
      "'); DROP TABLE commitments; --",
      "Robert'); DELETE FROM meetings WHERE '1'='1",
      '" OR ""="',
      '<script>alert("rtlh")</script>',
      '100% selesai_cepat \\ back\\slash',
      'Rumah layak huni 🏠 — Palangka Raya',
    ];
    let scratch: any;
    beforeAll(async () => { scratch = await c.meeting({ organizerAgencyId: agency.id, regionCode: '62' }); });

    it.each(nasty)('title %j', async (title) => {
      const res = await post(`/api/meetings/${scratch.id}/commitments`, { ...commitmentBody(), title, description: title });
      expect(res.status).toBe(201);
      const got = await get(`/api/commitments/${res.body.id}`);
      expect(got.body.title).toBe(title);
      expect(got.body.description).toBe(title);
      const list = await get(`/api/commitments?meetingId=${scratch.id}&limit=200`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { title: string }) => i.title)).toContain(title);
    });

    it('search text is literal: % and _ are not wildcards, quotes do not break out', async () => {
      const pct = (await get(`/api/meetings?q=${encodeURIComponent('%')}`)).body;
      expect(pct.total).toBe(0);
      const us = (await get(`/api/officials?q=${encodeURIComponent('_')}`)).body;
      expect(us).toEqual([]);
      const injected = await get(`/api/meetings?q=${encodeURIComponent("' OR '1'='1")}`);
      expect(injected.status).toBe(200);
      expect(injected.body.total).toBe(0);
      const all = (await get('/api/meetings?limit=200')).body.total;
      expect(all).toBeGreaterThan(0);
    });

    it('meeting and official names keep quotes and semicolons', async () => {
      const title = "Rakor ';-- \"Kalteng\"";
      const res = await post('/api/meetings', { ...meetingBody(), title, venue: "Aula 'Jayang Tingang'" });
      expect(res.status).toBe(201);
      expect((await get(`/api/meetings/${res.body.id}`)).body).toEqual(expect.objectContaining({ title, venue: "Aula 'Jayang Tingang'" }));
    });

    it('a NUL character is refused with 400, not stored or crashed on', async () => {
      expect((await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), title: 'a\u0000b' })).status).toBe(400);
      expect((await post(`/api/commitments/${commitment.id}/progress`, { note: 'catatan\u0000' })).status).toBe(400);
      expect((await get('/api/meetings?q=%00')).status).toBe(400);
      expect((await get('/api/officials?q=a%00')).status).toBe(400);
    });
  });

  describe('region codes', () => {
    it.each(['99', '62.99', '00', '99.01'])('unknown code %s → 400 naming regionCode', async (code) => {
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), regionCode: code }), ['regionCode']);
      expectNamed(await post('/api/meetings', { ...meetingBody(), regionCode: code }), ['regionCode']);
      expectNamed(await patch(`/api/commitments/${commitment.id}`, { version: snapshotVersion(), regionCode: code }), ['regionCode']);
    });

    it.each(['6', '62.7', '62-71', '6271', 'Kalteng', '62.71.01', ' 62'])('malformed code %j → 400 naming regionCode', async (code) => {
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), regionCode: code }), ['regionCode']);
      expectNamed(await post('/api/agencies', { name: 'X', level: 'province', regionCode: code }), ['regionCode']);
      expectNamed(await get(`/api/commitments?regionCode=${encodeURIComponent(code)}`), ['regionCode']);
    });
  });

  describe('numbers and paging', () => {
    it('refuses infinite, negative and too precise indicator numbers', async () => {
      const text = JSON.stringify({ ...commitmentBody(), indicator: { unit: 'unit', target: 0 } }).replace('"target":0', '"target":1e999');
      expect((await raw('post', `/api/meetings/${meeting.id}/commitments`, text)).status).toBe(400);
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), indicator: { unit: 'unit', target: -1 } }), ['target']);
      expectNamed(await post(`/api/meetings/${meeting.id}/commitments`, { ...commitmentBody(), indicator: { unit: 'unit', target: 0.12345678901 } }), ['target']);
    });

    it('refuses bad page and limit values', async () => {
      for (const query of ['page=0', 'page=-1', 'page=abc', 'limit=0', 'limit=100000', 'limit=2.5', 'page=1e400']) {
        expect((await get(`/api/meetings?${query}`)).status).toBe(400);
        expect((await get(`/api/commitments?${query}`)).status).toBe(400);
      }
    });

    it('a page far beyond the end is empty, with the true total', async () => {
      const res = await get('/api/commitments?page=100000&limit=10');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      expect(res.body.total).toBeGreaterThan(0);
    });

    it('a huge version number is simply stale (409)', async () => {
      expect((await patch(`/api/commitments/${commitment.id}`, { version: 2 ** 40, title: 'X' })).status).toBe(409);
    });
  });

  describe('null in any one field', () => {
    /** Each field of `body` set to null in turn: a client error or a success, never a crash. */
    async function nullEach(send: (body: Record<string, unknown>) => Promise<Response>, body: Record<string, unknown>) {
      for (const field of Object.keys(body)) {
        const res = await send({ ...body, [field]: null });
        expect({ field, status: res.status }).toEqual({ field, status: expect.any(Number) });
        expect([200, 201, 400, 404, 409, 422]).toContain(res.status);
      }
    }
    let scratchMeeting: any;
    let scratchCommitment: any;
    beforeAll(async () => {
      scratchMeeting = await c.meeting({ organizerAgencyId: agency.id, regionCode: '62', startsAt: isoInDays(-1, 8) });
      scratchCommitment = await c.commitment(scratchMeeting.id, { ownerOfficialId: official.id, indicator: { unit: 'unit', target: 10 } });
    });

    it('directory and meetings', async () => {
      await nullEach((b) => post('/api/agencies', b), { name: 'Dinas', level: 'province', regionCode: '62' });
      await nullEach((b) => post('/api/officials', b), { name: 'X', position: 'Y', agencyId: agency.id, email: `n.${uniq()}@example.go.id`, regionCode: '62', supervisorId: official.id, locale: 'id', leadership: false });
      await nullEach((b) => post('/api/programs', b), { code: uniq('N-'), name: 'Program' });
      await nullEach((b) => post('/api/meetings', b), { ...meetingBody(), endsAt: '2026-05-04T12:00:00+07:00', onlineUrl: 'https://meet.example/x', regionCode: '62', programIds: [program.id], summary: 'ringkasan' });
      const someone = await c.official({ agencyId: agency.id });
      await nullEach((b) => post(`/api/meetings/${scratchMeeting.id}/attendees`, b), { officialId: someone.id, role: 'participant', attendance: 'online', representingOfficialId: official.id });
    });

    it('commitments, progress, PATCH and carry-forward', async () => {
      await nullEach((b) => post(`/api/meetings/${scratchMeeting.id}/commitments`, b), { ...commitmentBody(), description: 'd', programId: program.id, indicator: { unit: 'unit', target: 5 } });
      await nullEach((b) => post(`/api/meetings/${scratchMeeting.id}/commitments`, { ...commitmentBody(), indicator: b }), { unit: 'unit', baseline: 0, target: 5, achieved: 1 });
      await nullEach((b) => post(`/api/commitments/${scratchCommitment.id}/progress`, b), { status: 'in_progress', achieved: 3, note: 'catatan' });
      const current = async () => (await get(`/api/commitments/${scratchCommitment.id}`)).body.version;
      for (const field of ['title', 'description', 'dueAt', 'ownerOfficialId', 'regionCode', 'programId', 'indicator']) {
        const res = await patch(`/api/commitments/${scratchCommitment.id}`, { version: await current(), [field]: null });
        expect({ field, ok: [200, 400].includes(res.status) }).toEqual({ field, ok: true });
      }
      const later = await c.meeting({ organizerAgencyId: agency.id, regionCode: '62' });
      await nullEach((b) => post(`/api/meetings/${later.id}/carry-forward`, b), { commitmentIds: [scratchCommitment.id], dueAt: isoInDays(90), ownerOfficialId: official.id, note: 'lanjut' });
    });
  });

  describe('routes and methods', () => {
    it('an unknown route is a JSON 404', async () => {
      expect((await get('/api/rapat')).status).toBe(404);
      expect((await get(`/api/commitments/${commitment.id}/lampiran`)).status).toBe(404);
    });

    it('a method a route does not have is a JSON 404 (or 405), and deletes nothing', async () => {
      for (const url of [`/api/meetings/${meeting.id}`, `/api/commitments/${commitment.id}`]) {
        const res = await track(api.http().delete(url).set('Authorization', auth()));
        expect([404, 405]).toContain(res.status);
      }
      const put = await track(api.http().put(`/api/commitments/${commitment.id}`).set('Authorization', auth()).send({ version: 1, title: 'PUT' }));
      expect([404, 405]).toContain(put.status);
    });
  });

  describe('after all of that', () => {
    it('the data stored before is unchanged', async () => {
      const now = await takeSnapshot();
      const itemsOf = (body: unknown): Array<{ id: string }> => (Array.isArray(body) ? body : (body as { items: Array<{ id: string }> }).items);
      for (const url of Object.keys(snapshot)) {
        if (collections.includes(url)) {
          // Lists may have grown (some tests above create records on purpose); what was there is as it was.
          const after = itemsOf(now[url]);
          for (const item of itemsOf(snapshot[url])) expect({ url, item: after.find((i) => i.id === item.id) }).toEqual({ url, item });
        } else {
          expect({ url, body: now[url] }).toEqual({ url, body: snapshot[url] });
        }
      }
      const titles = itemsOf(now['/api/commitments?limit=200']).map((i) => (i as { title?: string }).title);
      for (const title of ["'); DROP TABLE commitments; --", "Robert'); DELETE FROM meetings WHERE '1'='1"]) expect(titles).toContain(title);
    });
  });
});

import { randomUUID } from 'node:crypto';
import { Client, expectErrorBody, messageOf, uniq } from './support/client';
import { startTestApi, TestApi } from './support/test-app';

describe('directory: regions, agencies, officials, programs', () => {
  let api: TestApi;
  let c: Client;
  beforeAll(async () => {
    api = await startTestApi();
    c = new Client(api);
  });
  afterAll(async () => { await api?.close(); });

  describe('GET /api/regions/provinces', () => {
    it('lists the 38 provinces with Kemendagri codes and IANA zones', async () => {
      const res = await c.get('/api/regions/provinces');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(38);
      const codes = res.body.map((p: { code: string }) => p.code);
      expect(new Set(codes).size).toBe(38);
      for (const p of res.body) {
        expect(p.code).toMatch(/^\d{2}$/);
        expect(typeof p.name).toBe('string');
        expect(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']).toContain(p.timezone);
      }
    });

    it('knows Kalimantan Tengah (WIB, Pontianak), Kalimantan Selatan (WITA) and Papua (WIT)', async () => {
      const res = await c.get('/api/regions/provinces');
      const byCode = new Map(res.body.map((p: { code: string }) => [p.code, p]));
      expect(byCode.get('62')).toEqual(expect.objectContaining({ code: '62', name: 'Kalimantan Tengah', timezone: 'Asia/Pontianak' }));
      expect(byCode.get('63')).toEqual(expect.objectContaining({ code: '63', name: 'Kalimantan Selatan', timezone: 'Asia/Makassar' }));
      expect(byCode.get('91')).toEqual(expect.objectContaining({ code: '91', timezone: 'Asia/Jayapura' }));
      expect(byCode.get('31')).toEqual(expect.objectContaining({ code: '31', timezone: 'Asia/Jakarta' }));
      // The four provinces split from Papua in 2022 are there too.
      for (const code of ['93', '94', '95', '96']) expect(byCode.get(code)).toEqual(expect.objectContaining({ timezone: 'Asia/Jayapura' }));
    });
  });

  describe('GET /api/regions/provinces/:code/regencies', () => {
    it('lists the regencies and cities of Kalimantan Tengah, including Kota Palangka Raya', async () => {
      const res = await c.get('/api/regions/provinces/62/regencies');
      expect(res.status).toBe(200);
      expect(res.body).toContainEqual(expect.objectContaining({ code: '62.71', name: 'Kota Palangka Raya' }));
      expect(res.body.length).toBeGreaterThanOrEqual(14);
      for (const r of res.body) expect(r.code).toMatch(/^62\.\d{2}$/);
    });

    it('answers 404 for an unknown province and for a regency code in place of a province', async () => {
      for (const code of ['99', '62.71', 'xx']) {
        const res = await c.get(`/api/regions/provinces/${code}/regencies`);
        expectErrorBody(res, 404);
      }
    });
  });

  describe('agencies', () => {
    it('creates (201 with id) and lists them', async () => {
      const name = `Dinas PUPR Provinsi Kalimantan Tengah ${uniq()}`;
      const res = await c.post('/api/agencies', { name, level: 'province', regionCode: '62' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name, level: 'province', regionCode: '62' }));
      const central = await c.post('/api/agencies', { name: `Kementerian PKP ${uniq()}`, level: 'central' });
      expect(central.status).toBe(201);
      expect(central.body.id).not.toBe(res.body.id);

      const list = await c.get('/api/agencies');
      expect(list.status).toBe(200);
      expect(list.body).toContainEqual(expect.objectContaining({ id: res.body.id, name, level: 'province', regionCode: '62' }));
      expect(list.body).toContainEqual(expect.objectContaining({ id: central.body.id, level: 'central' }));
    });

    it('refuses an unknown level and an unknown region code with 400 naming the field', async () => {
      const level = await c.post('/api/agencies', { name: 'Dinas X', level: 'kabupaten' });
      expectErrorBody(level, 400);
      expect(messageOf(level)).toContain('level');
      const region = await c.post('/api/agencies', { name: 'Dinas X', level: 'province', regionCode: '99' });
      expectErrorBody(region, 400);
      expect(messageOf(region)).toContain('regioncode');
    });
  });

  describe('officials', () => {
    let agencyId: string;
    beforeAll(async () => {
      agencyId = (await c.agency({ name: `Sekretariat Daerah Provinsi Kalimantan Tengah ${uniq()}`, level: 'province', regionCode: '62' })).id;
    });

    it('creates (201 with id) and lists them', async () => {
      const body = { name: 'Leonard S. Ampung', position: 'Plt. Sekretaris Daerah Provinsi Kalimantan Tengah', agencyId, email: `leonard.${uniq()}@kalteng.example`, regionCode: '62', locale: 'id' };
      const res = await c.post('/api/officials', body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ id: expect.any(String), name: body.name, position: body.position, agencyId, email: body.email, regionCode: '62', locale: 'id' }));

      const list = await c.get('/api/officials');
      expect(list.status).toBe(200);
      expect(list.body).toContainEqual(expect.objectContaining({ id: res.body.id, name: body.name, email: body.email }));
    });

    it('keeps a supervisor and an English locale', async () => {
      const boss = await c.official({ agencyId, name: `Gubernur ${uniq()}`, position: 'Gubernur Kalimantan Tengah' });
      const res = await c.post('/api/officials', {
        name: `Staf ${uniq()}`, position: 'Analis', agencyId, email: `staf.${uniq()}@example.go.id`, supervisorId: boss.id, locale: 'en',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ supervisorId: boss.id, locale: 'en' }));
    });

    it('searches by ?q= in name and position, case-insensitively', async () => {
      const tag = uniq('Sahbirin');
      const a = await c.official({ agencyId, name: `${tag} Noor`, position: 'Gubernur Kalimantan Selatan' });
      const b = await c.official({ agencyId, name: `Budi ${uniq()}`, position: `Kepala Dinas ${tag.toUpperCase()}` });
      const other = await c.official({ agencyId, name: `Citra ${uniq()}`, position: 'Sekretaris' });

      const res = await c.get(`/api/officials?q=${encodeURIComponent(tag.toLowerCase())}`);
      expect(res.status).toBe(200);
      const ids = res.body.map((o: { id: string }) => o.id);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(ids).not.toContain(other.id);
      expect(ids).toHaveLength(2);

      const none = await c.get(`/api/officials?q=${uniq('tidak-ada-')}`);
      expect(none.status).toBe(200);
      expect(none.body).toEqual([]);
    });

    it('answers 404 naming agencyId when the agency does not exist, and creates nothing', async () => {
      const email = `hantu.${uniq()}@example.go.id`;
      const res = await c.post('/api/officials', { name: 'Hantu', position: 'Tidak Ada', agencyId: randomUUID(), email });
      expectErrorBody(res, 404);
      expect(messageOf(res)).toContain('agencyid');
      const list = await c.get(`/api/officials?q=${encodeURIComponent(email)}`);
      expect(list.body).toEqual([]);
    });

    it('answers 404 naming supervisorId when the supervisor does not exist', async () => {
      const res = await c.post('/api/officials', { name: 'X', position: 'Y', agencyId, email: `x.${uniq()}@example.go.id`, supervisorId: randomUUID() });
      expectErrorBody(res, 404);
      expect(messageOf(res)).toContain('supervisorid');
    });

    it('answers 400 for a bad e-mail, an unknown locale and a malformed agencyId, naming each', async () => {
      const res = await c.post('/api/officials', { name: 'X', position: 'Y', agencyId: 'bukan-uuid', email: 'bukan-email', locale: 'fr' });
      expectErrorBody(res, 400);
      const message = messageOf(res);
      for (const field of ['agencyid', 'email', 'locale']) expect(message).toContain(field);
    });
  });

  describe('programs', () => {
    it('creates (201 with id) and lists them', async () => {
      const code = uniq('3JR-');
      const res = await c.post('/api/programs', { code, name: 'Program Tiga Juta Rumah' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ id: expect.any(String), code, name: 'Program Tiga Juta Rumah' }));
      const list = await c.get('/api/programs');
      expect(list.status).toBe(200);
      expect(list.body).toContainEqual(expect.objectContaining({ id: res.body.id, code }));
    });

    it('answers 409 for a duplicate code and keeps the first program', async () => {
      const code = uniq('RTLH-');
      const first = await c.program({ code, name: 'Rumah Tidak Layak Huni' });
      const dup = await c.post('/api/programs', { code, name: 'Nama lain' });
      expectErrorBody(dup, 409);
      expect(messageOf(dup)).toContain('code');
      const list = await c.get('/api/programs');
      const same = list.body.filter((p: { code: string }) => p.code === code);
      expect(same).toEqual([expect.objectContaining({ id: first.id, name: 'Rumah Tidak Layak Huni' })]);
    });

    it('treats a code with surrounding spaces as the same code (409)', async () => {
      const code = uniq('PKP-');
      await c.program({ code });
      const res = await c.post('/api/programs', { code: `  ${code} `, name: 'Dengan spasi' });
      expectErrorBody(res, 409);
    });

    it('lets only one of two simultaneous creations with the same code win', async () => {
      const code = uniq('RACE-');
      const answers = await Promise.all([1, 2, 3].map((n) => c.post('/api/programs', { code, name: `Balapan ${n}` })));
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      for (const r of answers.filter((a) => a.status === 409)) expectErrorBody(r, 409);
      const list = await c.get('/api/programs');
      expect(list.body.filter((p: { code: string }) => p.code === code)).toHaveLength(1);
    });

    it('answers 400 when code or name is missing or empty', async () => {
      const res = await c.post('/api/programs', { code: '   ' });
      expectErrorBody(res, 400);
      expect(messageOf(res)).toContain('code');
      expect(messageOf(res)).toContain('name');
    });
  });
});

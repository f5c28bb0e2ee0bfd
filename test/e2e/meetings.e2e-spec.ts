import { randomUUID } from 'node:crypto';
import { Client, expectErrorBody, isoInDays, messageOf, uniq } from './support/client';
import { startTestApi, TestApi } from './support/test-app';

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe('meetings', () => {
  let api: TestApi;
  let c: Client;
  let agencyId: string;
  beforeAll(async () => {
    api = await startTestApi();
    c = new Client(api);
    agencyId = (await c.agency({ name: `Kementerian Perumahan dan Kawasan Permukiman ${uniq()}` })).id;
  });
  afterAll(async () => { await api?.close(); });

  describe('POST /api/meetings', () => {
    it('creates a meeting (201 with id) with every field as sent', async () => {
      const program = await c.program({ name: 'Program Tiga Juta Rumah' });
      const body = {
        kind: 'rakortek',
        title: 'Rakortek Perumahan dan Kawasan Permukiman 2026',
        startsAt: '2026-02-12T09:00:00+08:00',
        endsAt: '2026-02-12T15:30:00+08:00',
        venue: 'Banjarmasin',
        mode: 'hybrid',
        onlineUrl: 'https://zoom.example/j/123',
        organizerAgencyId: agencyId,
        regionCode: '63',
        programIds: [program.id],
        summary: 'Percepatan RTLH',
      };
      const res = await c.post('/api/meetings', body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        kind: 'rakortek', title: body.title, venue: 'Banjarmasin', mode: 'hybrid', onlineUrl: body.onlineUrl,
        organizerAgencyId: agencyId, regionCode: '63', summary: 'Percepatan RTLH',
      }));
      expect(new Date(res.body.startsAt).toISOString()).toBe('2026-02-12T01:00:00.000Z');
      expect(new Date(res.body.endsAt).toISOString()).toBe('2026-02-12T07:30:00.000Z');
      expect(res.body.startsAt).toMatch(/(Z|[+-]\d{2}:\d{2})$/);

      const read = await c.get(`/api/meetings/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(expect.objectContaining({ id: res.body.id, kind: 'rakortek', title: body.title, regionCode: '63', mode: 'hybrid' }));
      expect(read.body.programIds ?? read.body.programs?.map((p: { id: string }) => p.id)).toEqual([program.id]);
    });

    it('makes a meeting without regionCode national (regionCode null)', async () => {
      const m = await c.meeting({ kind: 'rakor' });
      expect(m.regionCode ?? null).toBeNull();
    });

    it('answers 404 naming organizerAgencyId for an unknown agency and programIds for an unknown program', async () => {
      const agency = await c.post('/api/meetings', { kind: 'rakor', title: 'X', startsAt: isoInDays(1), venue: 'Y', mode: 'online', organizerAgencyId: randomUUID() });
      expectErrorBody(agency, 404);
      expect(messageOf(agency)).toContain('organizeragencyid');
      const program = await c.post('/api/meetings', { kind: 'rakor', title: 'X', startsAt: isoInDays(1), venue: 'Y', mode: 'online', organizerAgencyId: agencyId, programIds: [randomUUID()] });
      expectErrorBody(program, 404);
      expect(messageOf(program)).toContain('programids');
    });

    it('answers 400 when the meeting ends before it starts', async () => {
      const res = await c.post('/api/meetings', { kind: 'rakor', title: 'X', startsAt: '2026-03-01T10:00:00+07:00', endsAt: '2026-03-01T09:00:00+07:00', venue: 'Y', mode: 'offline', organizerAgencyId: agencyId });
      expectErrorBody(res, 400);
      expect(messageOf(res)).toContain('endsat');
    });
  });

  describe('GET /api/meetings filters', () => {
    const tag = uniq('Filter');
    let prov62: any, reg6271: any, prov63: any, national: any, rakornis62: any;
    beforeAll(async () => {
      prov62 = await c.meeting({ title: `Rakor Provinsi Kalteng ${tag}`, regionCode: '62', kind: 'rakor', startsAt: '2031-03-01T09:00:00+07:00', venue: 'Palangka Raya' });
      reg6271 = await c.meeting({ title: `Rakor Kota Palangka Raya ${tag}`, regionCode: '62.71', kind: 'rakor', startsAt: '2031-03-15T09:00:00+07:00' });
      prov63 = await c.meeting({ title: `Rakor Kalsel ${tag}`, regionCode: '63', kind: 'rakor', startsAt: '2031-03-20T09:00:00+08:00', venue: 'Banjarbaru' });
      national = await c.meeting({ title: `Rakornas ${tag}`, kind: 'other', startsAt: '2031-04-01T09:00:00+07:00', venue: 'Jakarta' });
      rakornis62 = await c.meeting({ title: `Rakornis Kalteng ${tag}`, regionCode: '62', kind: 'rakornis', startsAt: '2031-04-10T09:00:00+07:00' });
    });

    it('answers {items, total} with each meeting\'s own fields', async () => {
      const res = await c.get(`/api/meetings?q=${tag}&limit=200`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(5);
      expect(res.body.items).toHaveLength(5);
      const item = res.body.items.find((m: { id: string }) => m.id === prov62.id);
      expect(item).toEqual(expect.objectContaining({ kind: 'rakor', title: prov62.title, venue: 'Palangka Raya', mode: 'offline', regionCode: '62' }));
      expect(new Date(item.startsAt).toISOString()).toBe('2031-03-01T02:00:00.000Z');
    });

    it('regionCode of a province includes its regencies and nothing else', async () => {
      const res = await c.get(`/api/meetings?regionCode=62&limit=200`);
      expect(res.status).toBe(200);
      expect(ids(res.body.items)).toEqual(expect.arrayContaining([prov62.id, reg6271.id, rakornis62.id]));
      expect(ids(res.body.items)).not.toContain(prov63.id);
      expect(ids(res.body.items)).not.toContain(national.id);
      for (const m of res.body.items) expect(m.regionCode).toMatch(/^62(\.|$)/);
      expect(res.body.total).toBe(res.body.items.length);
    });

    it('regionCode of a regency is just that regency', async () => {
      const res = await c.get(`/api/meetings?regionCode=62.71&limit=200`);
      expect(ids(res.body.items)).toContain(reg6271.id);
      expect(ids(res.body.items)).not.toContain(prov62.id);
      for (const m of res.body.items) expect(m.regionCode).toBe('62.71');
    });

    it('filters by kind', async () => {
      const res = await c.get(`/api/meetings?kind=rakornis&q=${tag}`);
      expect(res.status).toBe(200);
      expect(ids(res.body.items)).toEqual([rakornis62.id]);
      expect(res.body.total).toBe(1);
    });

    it('filters by from/to on the start time', async () => {
      const res = await c.get('/api/meetings').query({ from: '2031-03-10T00:00:00+07:00', to: '2031-03-31T23:59:59+07:00' });
      expect(res.status).toBe(200);
      expect(ids(res.body.items).sort()).toEqual([reg6271.id, prov63.id].sort());
      expect(res.body.total).toBe(2);
      const from = await c.get('/api/meetings').query({ from: '2031-04-01T00:00:00+07:00' });
      expect(ids(from.body.items)).toEqual(expect.arrayContaining([national.id, rakornis62.id]));
      expect(ids(from.body.items)).not.toContain(prov63.id);
    });

    it('q matches the title case-insensitively', async () => {
      const res = await c.get(`/api/meetings?q=${encodeURIComponent(`palangka raya ${tag}`.toUpperCase())}`);
      expect(res.status).toBe(200);
      expect(ids(res.body.items)).toEqual([reg6271.id]);
    });

    it('pages with page/limit, total counting every match', async () => {
      const seen: string[] = [];
      for (const page of [1, 2, 3]) {
        const res = await c.get(`/api/meetings?q=${tag}&limit=2&page=${page}`);
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(5);
        expect(res.body.items).toHaveLength(page === 3 ? 1 : 2);
        seen.push(...ids(res.body.items));
      }
      expect(new Set(seen).size).toBe(5);
      expect(seen.sort()).toEqual([prov62.id, reg6271.id, prov63.id, national.id, rakornis62.id].sort());
      const beyond = await c.get(`/api/meetings?q=${tag}&limit=2&page=4`);
      expect(beyond.body).toEqual(expect.objectContaining({ items: [], total: 5 }));
    });

    it('answers 400 for an unknown kind, a malformed regionCode, a malformed date and a bad page', async () => {
      for (const query of ['kind=rapat', 'regionCode=kalteng', 'from=kemarin', 'page=0', 'limit=abc']) {
        const res = await c.get(`/api/meetings?${query}`);
        expectErrorBody(res, 400);
        expect(messageOf(res)).toContain(query.split('=')[0].toLowerCase());
      }
    });
  });

  describe('attendees and GET /api/meetings/:id', () => {
    let meeting: any;
    let governor: any, sekda: any, kadis: any, camat: any;
    beforeAll(async () => {
      const pemprov = await c.agency({ name: `Pemerintah Provinsi Kalimantan Tengah ${uniq()}`, level: 'province', regionCode: '62' });
      governor = await c.official({ agencyId: pemprov.id, name: 'Agustiar Sabran', position: 'Gubernur Kalimantan Tengah', regionCode: '62' });
      sekda = await c.official({ agencyId: pemprov.id, name: 'Leonard S. Ampung', position: 'Plt. Sekretaris Daerah Provinsi Kalimantan Tengah', regionCode: '62' });
      kadis = await c.official({ agencyId: pemprov.id, name: 'Kepala Dinas PUPR', position: 'Kepala Dinas PUPR Provinsi Kalimantan Tengah', regionCode: '62' });
      camat = await c.official({ agencyId: pemprov.id, name: 'Camat Jekan Raya', position: 'Camat', regionCode: '62.71' });
      meeting = await c.meeting({ organizerAgencyId: pemprov.id, regionCode: '62', title: 'Rakor Percepatan Penanganan RTLH Kalimantan Tengah' });
    });

    it('takes one attendee as an object: "Plt. Sekda representing the Governor"', async () => {
      const res = await c.post(`/api/meetings/${meeting.id}/attendees`, {
        officialId: sekda.id, role: 'chair', representingOfficialId: governor.id, attendance: 'in_person',
      });
      expect(res.status).toBe(201);
      const got = await c.get(`/api/meetings/${meeting.id}`);
      expect(got.status).toBe(200);
      const attendee = got.body.attendees.find((a: { officialId: string }) => a.officialId === sekda.id);
      expect(attendee).toEqual(expect.objectContaining({ officialId: sekda.id, role: 'chair', attendance: 'in_person', representingOfficialId: governor.id }));
      // The governor is represented, not present.
      expect(got.body.attendees.map((a: { officialId: string }) => a.officialId)).not.toContain(governor.id);
    });

    it('takes several attendees as an array', async () => {
      const res = await c.post(`/api/meetings/${meeting.id}/attendees`, [
        { officialId: kadis.id, role: 'speaker', attendance: 'in_person' },
        { officialId: camat.id, role: 'participant', attendance: 'online' },
      ]);
      expect(res.status).toBe(201);
      const got = await c.get(`/api/meetings/${meeting.id}`);
      const byOfficial = new Map(got.body.attendees.map((a: { officialId: string }) => [a.officialId, a]));
      expect(byOfficial.get(kadis.id)).toEqual(expect.objectContaining({ role: 'speaker', attendance: 'in_person' }));
      expect(byOfficial.get(camat.id)).toEqual(expect.objectContaining({ role: 'participant', attendance: 'online' }));
      expect(got.body.attendees).toHaveLength(3);
    });

    it('answers 409 for an official who already attends, and adds nobody from that request', async () => {
      const newcomer = await c.official({ name: `Pendatang ${uniq()}` });
      const res = await c.post(`/api/meetings/${meeting.id}/attendees`, [
        { officialId: newcomer.id, role: 'participant', attendance: 'online' },
        { officialId: kadis.id, role: 'participant', attendance: 'online' },
      ]);
      expectErrorBody(res, 409);
      const got = await c.get(`/api/meetings/${meeting.id}`);
      expect(got.body.attendees).toHaveLength(3);
      expect(got.body.attendees.find((a: { officialId: string }) => a.officialId === kadis.id).role).toBe('speaker');
    });

    it('refuses the same official twice in one request and an official representing themselves', async () => {
      const someone = await c.official();
      const twice = await c.post(`/api/meetings/${meeting.id}/attendees`, [
        { officialId: someone.id, role: 'participant', attendance: 'online' },
        { officialId: someone.id, role: 'speaker', attendance: 'online' },
      ]);
      expect([400, 409]).toContain(twice.status);
      expectErrorBody(twice, twice.status);
      const self = await c.post(`/api/meetings/${meeting.id}/attendees`, { officialId: someone.id, role: 'participant', attendance: 'online', representingOfficialId: someone.id });
      expectErrorBody(self, 400);
      const got = await c.get(`/api/meetings/${meeting.id}`);
      expect(got.body.attendees.map((a: { officialId: string }) => a.officialId)).not.toContain(someone.id);
    });

    it('answers 404 naming the field for an unknown official or represented official', async () => {
      const unknown = await c.post(`/api/meetings/${meeting.id}/attendees`, { officialId: randomUUID(), role: 'participant', attendance: 'online' });
      expectErrorBody(unknown, 404);
      expect(messageOf(unknown)).toContain('officialid');
      const someone = await c.official();
      const rep = await c.post(`/api/meetings/${meeting.id}/attendees`, { officialId: someone.id, role: 'participant', attendance: 'online', representingOfficialId: randomUUID() });
      expectErrorBody(rep, 404);
      expect(messageOf(rep)).toContain('representingofficialid');
    });

    it('answers 400 naming each bad item of an array', async () => {
      const res = await c.post(`/api/meetings/${meeting.id}/attendees`, [
        { officialId: kadis.id, role: 'participant', attendance: 'online' },
        { officialId: 'x', role: 'tamu', attendance: 'remote' },
      ]);
      expectErrorBody(res, 400);
      const message = messageOf(res);
      for (const field of ['officialid', 'role', 'attendance']) expect(message).toContain(field);
      expect(message).toContain('[1]');
    });

    it('answers 400 for an empty array and for a body that is not an object', async () => {
      expectErrorBody(await c.post(`/api/meetings/${meeting.id}/attendees`, []), 400);
      expectErrorBody(await c.post(`/api/meetings/${meeting.id}/attendees`, [1, 'dua']), 400);
    });

    it('shows the meeting\'s commitments', async () => {
      const a = await c.commitment(meeting.id, { title: 'Verifikasi data RTLH', ownerOfficialId: kadis.id, regionCode: '62' });
      const b = await c.commitment(meeting.id, { title: 'Usulan lokasi BSPS Kota Palangka Raya', ownerOfficialId: camat.id, regionCode: '62.71' });
      const elsewhere = await c.commitment((await c.meeting()).id, { ownerOfficialId: kadis.id });
      const got = await c.get(`/api/meetings/${meeting.id}`);
      expect(got.status).toBe(200);
      expect(ids(got.body.commitments).sort()).toEqual([a.id, b.id].sort());
      expect(ids(got.body.commitments)).not.toContain(elsewhere.id);
      expect(got.body.commitments.find((x: { id: string }) => x.id === b.id)).toEqual(expect.objectContaining({ title: b.title, status: 'open', regionCode: '62.71', ownerOfficialId: camat.id }));
    });

    it('answers 404 for an unknown meeting (GET and POST attendees)', async () => {
      const id = randomUUID();
      expectErrorBody(await c.get(`/api/meetings/${id}`), 404);
      expectErrorBody(await c.post(`/api/meetings/${id}/attendees`, { officialId: kadis.id, role: 'participant', attendance: 'online' }), 404);
    });

    it('answers 400 for a malformed meeting id', async () => {
      for (const id of ['123', 'not-a-uuid', `${randomUUID()}x`]) {
        expectErrorBody(await c.get(`/api/meetings/${id}`), 400);
      }
      expectErrorBody(await c.post('/api/meetings/abc/attendees', { officialId: kadis.id, role: 'participant', attendance: 'online' }), 400);
    });
  });
});

import type { TestApi } from './test-app';

/** Creates, through the API, the people and a meeting most tests need. */
export async function createBasics(api: TestApi, opts: { ownerEmail?: string; supervisorEmail?: string; chairEmail?: string; regionCode?: string } = {}) {
  const auth = { Authorization: `Bearer ${api.token}` };
  const post = async (path: string, body: unknown) => {
    const res = await api.http().post(path).set(auth).send(body as object);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const regionCode = opts.regionCode ?? '63';
  const agency = await post('/api/agencies', { name: 'Dinas Perumahan dan Kawasan Permukiman Provinsi Kalimantan Selatan', level: 'province', regionCode });
  const supervisor = await post('/api/officials', {
    name: 'Sekretaris Daerah Kalsel', position: 'Sekretaris Daerah Provinsi Kalimantan Selatan', agencyId: agency.id,
    email: opts.supervisorEmail ?? 'sekda@kalselprov.example', regionCode,
  });
  const owner = await post('/api/officials', {
    name: 'Kepala Disperkim Kalsel', position: 'Kepala Dinas Perkim Provinsi Kalimantan Selatan', agencyId: agency.id,
    email: opts.ownerEmail ?? 'kadis.perkim@kalselprov.example', regionCode, supervisorId: supervisor.id,
  });
  const chair = await post('/api/officials', {
    name: 'Asisten Perekonomian Kalsel', position: 'Asisten Perekonomian dan Pembangunan', agencyId: agency.id,
    email: opts.chairEmail ?? 'asisten2@kalselprov.example', regionCode,
  });
  const program = await post('/api/programs', { code: `RTLH-${Math.random().toString(36).slice(2, 7)}`, name: 'Penanganan RTLH' });
  const meeting = await post('/api/meetings', {
    kind: 'rakortek', title: 'Rakortek Perumahan dan Kawasan Permukiman 2026', startsAt: '2026-02-12T09:00:00+08:00',
    venue: 'Banjarmasin', mode: 'offline', organizerAgencyId: agency.id, regionCode, programIds: [program.id],
  });
  await post(`/api/meetings/${meeting.id}/attendees`, { officialId: chair.id, role: 'chair', attendance: 'in_person' });
  return { auth, post, agency, supervisor, owner, chair, program, meeting };
}

import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { Client, expectErrorBody, isoInDays, parseCsv, uniq } from './support/client';
import { startTestApi, TestApi } from './support/test-app';

/** Collects a binary answer into a Buffer (supertest only buffers text by itself). */
function binary(res: any, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function readXlsx(res: Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as any);
  expect(workbook.worksheets.length).toBeGreaterThanOrEqual(1);
  return workbook.worksheets[0];
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'text' in v ? String((v as { text: unknown }).text) : String(v)));
    rows.push(values);
  });
  return rows;
}

describe('exports of commitments', () => {
  let api: TestApi;
  let c: Client;
  const tag = uniq('Ekspor');
  let kalteng: any[], kalsel: any[];
  let owner: any;
  beforeAll(async () => {
    api = await startTestApi();
    c = new Client(api);
    const meeting = await c.meeting({ regionCode: '62', title: `Rakor Ekspor ${tag}` });
    owner = await c.official({ name: 'Kepala Dinas Perkim Kalteng', position: 'Kepala Dinas' });
    const program = await c.program({ name: 'Program Tiga Juta Rumah' });
    kalteng = [
      await c.commitment(meeting.id, { title: `Verifikasi RTLH, tahap "satu" ${tag}`, regionCode: '62', ownerOfficialId: owner.id, programId: program.id, dueAt: isoInDays(20), indicator: { unit: 'unit', baseline: 0, target: 2500 } }),
      await c.commitment(meeting.id, { title: `Usulan lokasi BSPS Palangka Raya ${tag}`, regionCode: '62.71', ownerOfficialId: owner.id, dueAt: isoInDays(-3) }),
      await c.commitment(meeting.id, { title: `Penyaluran bantuan ${tag}`, regionCode: '62.01', ownerOfficialId: owner.id, dueAt: isoInDays(40) }),
    ];
    kalsel = [
      await c.commitment(meeting.id, { title: `Rakortek Kalsel ${tag}`, regionCode: '63', ownerOfficialId: owner.id, dueAt: isoInDays(10) }),
      await c.commitment(meeting.id, { title: `Banjarbaru ${tag}`, regionCode: '63.72', ownerOfficialId: owner.id, dueAt: isoInDays(12) }),
    ];
    await c.progress(kalteng[0].id, { status: 'in_progress', achieved: 1200 });
  });
  afterAll(async () => { await api?.close(); });

  describe('GET /api/exports/commitments.csv', () => {
    it('answers text/csv with Indonesian headers and one row per commitment', async () => {
      const res = await c.get(`/api/exports/commitments.csv?q=${tag}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const rows = parseCsv(res.text).filter((r) => r.some((v) => v !== ''));
      const header = rows[0];
      // Headed in Bahasa Indonesia, not in the API's English field names.
      expect(header.join('|')).toMatch(/Tindak Lanjut|Judul/);
      expect(header.join('|')).toMatch(/Batas Waktu|Tenggat/);
      expect(header.join('|')).toMatch(/Penanggung Jawab/);
      expect(header.join('|')).toMatch(/Wilayah/);
      expect(header).not.toContain('title');
      expect(header).not.toContain('dueAt');
      expect(rows).toHaveLength(1 + kalteng.length + kalsel.length);
      const text = rows.slice(1).map((r) => r.join('|'));
      for (const cm of [...kalteng, ...kalsel]) expect(text.some((t) => t.includes(cm.title))).toBe(true);
    });

    it('keeps a title with a comma and quotes in one cell', async () => {
      const res = await c.get(`/api/exports/commitments.csv?q=${tag}`);
      const rows = parseCsv(res.text);
      const titleColumn = rows[0].findIndex((h) => /Tindak Lanjut|Judul/.test(h));
      expect(rows.map((r) => r[titleColumn])).toContain(kalteng[0].title);
      const row = rows.find((r) => r[titleColumn] === kalteng[0].title)!;
      expect(row).toHaveLength(rows[0].length);
      expect(row.join('|')).toContain(owner.name);
    });

    it('applies the filters of GET /api/commitments: regionCode narrows the rows', async () => {
      const res = await c.get(`/api/exports/commitments.csv?q=${tag}&regionCode=62`);
      expect(res.status).toBe(200);
      const rows = parseCsv(res.text).filter((r) => r.some((v) => v !== ''));
      expect(rows).toHaveLength(1 + kalteng.length);
      const text = rows.slice(1).map((r) => r.join('|')).join('\n');
      for (const cm of kalteng) expect(text).toContain(cm.title);
      for (const cm of kalsel) expect(text).not.toContain(cm.title);

      const regency = parseCsv((await c.get(`/api/exports/commitments.csv?q=${tag}&regionCode=62.71`)).text).filter((r) => r.some((v) => v !== ''));
      expect(regency).toHaveLength(2);
      expect(regency[1].join('|')).toContain(kalteng[1].title);
    });

    it('applies status and overdue filters too', async () => {
      const inProgress = parseCsv((await c.get(`/api/exports/commitments.csv?q=${tag}&status=in_progress`)).text).filter((r) => r.some((v) => v !== ''));
      expect(inProgress).toHaveLength(2);
      expect(inProgress[1].join('|')).toContain(kalteng[0].title);
      const overdue = parseCsv((await c.get(`/api/exports/commitments.csv?q=${tag}&overdue=true`)).text).filter((r) => r.some((v) => v !== ''));
      expect(overdue).toHaveLength(2);
      expect(overdue[1].join('|')).toContain(kalteng[1].title);
    });

    it('answers a bad filter with a JSON 400, not a spreadsheet to download', async () => {
      for (const ext of ['csv', 'xlsx']) {
        for (const query of ['status=entah', 'regionCode=kalteng', 'meetingId=123', 'overdue=kadang']) {
          const res = await c.get(`/api/exports/commitments.${ext}?${query}`);
          expectErrorBody(res, 400);
          expect(JSON.stringify(res.body.message)).toContain(query.split('=')[0]);
        }
      }
    });

    it('answers just the header when nothing matches, and 400 for a bad filter', async () => {
      const res = await c.get(`/api/exports/commitments.csv?q=${uniq('nihil')}`);
      expect(res.status).toBe(200);
      expect(parseCsv(res.text).filter((r) => r.some((v) => v !== ''))).toHaveLength(1);
      expectErrorBody(await c.get('/api/exports/commitments.csv?status=entah'), 400);
      expectErrorBody(await c.get('/api/exports/commitments.csv?regionCode=kalteng'), 400);
    });
  });

  describe('GET /api/exports/commitments.xlsx', () => {
    it('answers a workbook with the same header row and one row per commitment', async () => {
      const res = await c.get(`/api/exports/commitments.xlsx?q=${tag}`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml|application\/vnd\.ms-excel/);
      const sheet = await readXlsx(res);
      const rows = sheetRows(sheet);
      const csvHeader = parseCsv((await c.get(`/api/exports/commitments.csv?q=${tag}`)).text)[0];
      expect(rows[0]).toEqual(csvHeader);
      expect(rows).toHaveLength(1 + kalteng.length + kalsel.length);
      const titleColumn = rows[0].findIndex((h) => /Tindak Lanjut|Judul/.test(h));
      expect(rows.slice(1).map((r) => r[titleColumn]).sort()).toEqual([...kalteng, ...kalsel].map((cm) => cm.title).sort());
    });

    it('applies the filters: regionCode narrows the rows', async () => {
      const res = await c.get(`/api/exports/commitments.xlsx?q=${tag}&regionCode=63`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      const rows = sheetRows(await readXlsx(res));
      expect(rows).toHaveLength(1 + kalsel.length);
      const titleColumn = rows[0].findIndex((h) => /Tindak Lanjut|Judul/.test(h));
      expect(rows.slice(1).map((r) => r[titleColumn]).sort()).toEqual(kalsel.map((cm) => cm.title).sort());
    });

    it('carries numbers as numbers (the indicator target and what was achieved)', async () => {
      const res = await c.get(`/api/exports/commitments.xlsx?q=${tag}&status=in_progress`).buffer(true).parse(binary);
      const sheet = await readXlsx(res);
      const values = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(values).toContain(2500);
      expect(values).toContain(1200);
    });
  });
});

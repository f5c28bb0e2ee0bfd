import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import type { TestApi } from './test-app';

/** What every error answer looks like: `{statusCode, error, message}`, and nothing of the server's insides. */
export function expectErrorBody(res: Response, status: number): void {
  expect({ status: res.status, body: res.body }).toEqual({ status, body: expect.objectContaining({ statusCode: status }) });
  expect(typeof res.body.error).toBe('string');
  expect(res.body.error.length).toBeGreaterThan(0);
  expect(res.body.message).toBeDefined();
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['content-disposition']).toBeUndefined();
  expectNoLeak(res);
}

/** The answer's whole text as one lower-case string (for "the message names field X"). */
export function messageOf(res: Response): string {
  const m = res.body?.message;
  return (Array.isArray(m) ? m.join(' | ') : String(m ?? '')).toLowerCase();
}

/** No stack trace, no source path, no driver detail in any answer. */
export function expectNoLeak(res: Response): void {
  const text = res.text ?? JSON.stringify(res.body ?? '');
  expect(text).not.toMatch(/\bat [\w.<>$]+ \(/); // "at fn (" frames of a stack trace
  expect(text).not.toMatch(/\.(ts|js):\d+:\d+/);
  expect(text).not.toMatch(/node_modules|QueryFailedError|TypeORMError|"stack"/);
}

/** A short random suffix, so that names and codes never collide between tests. */
export function uniq(prefix = ''): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** ISO-8601 with an explicit +07:00 offset (WIB), `days` from now. */
export function isoInDays(days: number, hour?: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  if (hour !== undefined) d.setUTCHours(hour - 7, 0, 0, 0);
  const wib = new Date(d.getTime() + 7 * 3_600_000);
  return wib.toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** An authenticated client of the api: the admin's bearer token on every request. */
export class Client {
  constructor(private readonly api: TestApi, private readonly token = api.token) {}

  get(url: string) {
    return this.api.http().get(url).set('Authorization', `Bearer ${this.token}`);
  }
  post(url: string, body?: unknown) {
    const req = this.api.http().post(url).set('Authorization', `Bearer ${this.token}`);
    return body === undefined ? req : req.send(body as object);
  }
  patch(url: string, body?: unknown) {
    const req = this.api.http().patch(url).set('Authorization', `Bearer ${this.token}`);
    return body === undefined ? req : req.send(body as object);
  }
  delete(url: string) {
    return this.api.http().delete(url).set('Authorization', `Bearer ${this.token}`);
  }

  /** POST that must answer 201; returns the body. */
  async created<T = any>(url: string, body: unknown): Promise<T> {
    const res = await this.post(url, body);
    if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${res.text}`);
    return res.body as T;
  }

  agency(overrides: Record<string, unknown> = {}) {
    return this.created('/api/agencies', { name: `Dinas ${uniq()}`, level: 'central', ...overrides });
  }

  async official(overrides: Record<string, unknown> = {}) {
    const agencyId = overrides.agencyId ?? (await this.agency()).id;
    const tag = uniq();
    return this.created('/api/officials', {
      name: `Pejabat ${tag}`,
      position: 'Kepala Bidang',
      agencyId,
      email: `pejabat.${tag}@example.go.id`,
      ...overrides,
    });
  }

  program(overrides: Record<string, unknown> = {}) {
    return this.created('/api/programs', { code: uniq('P-'), name: `Program ${uniq()}`, ...overrides });
  }

  async meeting(overrides: Record<string, unknown> = {}) {
    const organizerAgencyId = overrides.organizerAgencyId ?? (await this.agency()).id;
    return this.created('/api/meetings', {
      kind: 'rakor',
      title: `Rapat Koordinasi ${uniq()}`,
      startsAt: isoInDays(-1, 9),
      venue: 'Palangka Raya',
      mode: 'offline',
      organizerAgencyId,
      ...overrides,
    });
  }

  async commitment(meetingId: string, overrides: Record<string, unknown> = {}) {
    const ownerOfficialId = overrides.ownerOfficialId ?? (await this.official()).id;
    return this.created(`/api/meetings/${meetingId}/commitments`, {
      title: `Tindak lanjut ${uniq()}`,
      ownerOfficialId,
      regionCode: '62',
      dueAt: isoInDays(30, 17),
      ...overrides,
    });
  }

  /** Reports progress and answers the new commitment (or throws when not 201). */
  progress(id: string, body: Record<string, unknown>) {
    return this.created(`/api/commitments/${id}/progress`, { note: 'laporan kemajuan', ...body });
  }
}

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, embedded newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

import { readFileSync } from 'fs';
import { join } from 'path';
import { seedData } from './seed-data';
import type { CommitmentStatus, SeedCommitment, SeedMeeting } from './seed-data.types';

// The status rules of the public contract, as a table: from → allowed next statuses.
const TRANSITIONS: Record<CommitmentStatus, readonly CommitmentStatus[]> = {
  open: ['in_progress', 'cancelled'],
  in_progress: ['done', 'blocked', 'cancelled'],
  blocked: ['in_progress', 'cancelled'],
  done: [],
  cancelled: [],
};

const AREA_DATA_DIR = join(__dirname, '..', '..', 'node_modules', 'idn-area-data', 'data');

function readCodes(file: string): Set<string> {
  const [header, ...rows] = readFileSync(join(AREA_DATA_DIR, file), 'utf8').split(/\r?\n/).filter(Boolean);
  const codeColumn = header.split(',').indexOf('code');
  expect(codeColumn).toBeGreaterThanOrEqual(0);
  return new Set(rows.map((row) => row.split(',')[codeColumn].trim()));
}

const provinceCodes = readCodes('provinces.csv');
const regencyCodes = readCodes('regencies.csv');

const { programs, agencies, officials, meetings } = seedData;
const commitments: Array<SeedCommitment & { meeting: SeedMeeting }> = meetings.flatMap((meeting) =>
  meeting.commitments.map((c) => ({ ...c, meeting })),
);
const officialByKey = new Map(officials.map((o) => [o.key, o]));

/** Final status and last achieved value after applying a commitment's progress reports in order. */
function replay(c: SeedCommitment): { status: CommitmentStatus; achieved?: number } {
  let status: CommitmentStatus = 'open';
  let achieved: number | undefined;
  for (const p of c.progress ?? []) {
    if (p.status !== undefined) {
      if (!TRANSITIONS[status].includes(p.status)) {
        throw new Error(`${c.key}: transition ${status} → ${p.status} is not allowed`);
      }
      status = p.status;
    } else if (status === 'done' || status === 'cancelled') {
      throw new Error(`${c.key}: progress reported after the final status ${status}`);
    }
    if (p.achieved !== undefined) achieved = p.achieved;
  }
  return { status, achieved };
}

const isFinal = (s: CommitmentStatus) => s === 'done' || s === 'cancelled';
const provinceOf = (code: string) => code.split('.')[0];

describe('demo seed data', () => {
  it('has the expected shape and volume', () => {
    expect(programs.length).toBeGreaterThanOrEqual(5);
    expect(meetings).toHaveLength(5);
    expect(commitments.length).toBeGreaterThanOrEqual(20);
    expect(commitments.length).toBeLessThanOrEqual(30);
  });

  it('uses unique kebab-case keys across the whole data set', () => {
    const keys = [
      ...programs.map((p) => p.key),
      ...agencies.map((a) => a.key),
      ...officials.map((o) => o.key),
      ...meetings.map((m) => m.key),
      ...commitments.map((c) => c.key),
    ];
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(duplicates).toEqual([]);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('uses unique program codes and unique e-mail addresses on the reserved .example domain', () => {
    const codes = programs.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(programs.find((p) => p.code === '3JR')?.name).toMatch(/Tiga Juta Rumah/);

    const emails = officials.map((o) => o.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9._-]+@[a-z0-9.-]+\.example$/);
  });

  it('references only keys that exist', () => {
    const programKeys = new Set(programs.map((p) => p.key));
    const agencyKeys = new Set(agencies.map((a) => a.key));
    const officialKeys = new Set(officials.map((o) => o.key));
    const missing: string[] = [];
    const check = (set: Set<string>, key: string | undefined, where: string) => {
      if (key !== undefined && !set.has(key)) missing.push(`${where} → ${key}`);
    };
    for (const o of officials) {
      check(agencyKeys, o.agencyKey, `official ${o.key} agencyKey`);
      check(officialKeys, o.supervisorKey, `official ${o.key} supervisorKey`);
    }
    for (const m of meetings) {
      check(agencyKeys, m.organizerAgencyKey, `meeting ${m.key} organizerAgencyKey`);
      for (const p of m.programKeys) check(programKeys, p, `meeting ${m.key} programKeys`);
      for (const a of m.attendees) {
        check(officialKeys, a.officialKey, `meeting ${m.key} attendee`);
        check(officialKeys, a.representingOfficialKey, `meeting ${m.key} representingOfficialKey`);
      }
      for (const c of m.commitments) {
        check(officialKeys, c.ownerOfficialKey, `commitment ${c.key} ownerOfficialKey`);
        check(programKeys, c.programKey, `commitment ${c.key} programKey`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses only Kemendagri region codes known to idn-area-data', () => {
    expect(provinceCodes.has('62')).toBe(true);
    expect(regencyCodes.has('62.71')).toBe(true);
    const isKnown = (code: string) => provinceCodes.has(code) || regencyCodes.has(code);
    const used = [
      ...agencies.map((a) => [`agency ${a.key}`, a.regionCode] as const),
      ...officials.map((o) => [`official ${o.key}`, o.regionCode] as const),
      ...meetings.map((m) => [`meeting ${m.key}`, m.regionCode] as const),
      ...commitments.map((c) => [`commitment ${c.key}`, c.regionCode] as const),
    ];
    const unknown = used.filter(([, code]) => code !== undefined && !isKnown(code));
    expect(unknown).toEqual([]);
  });

  it('gives agencies a region code that matches their level', () => {
    for (const a of agencies) {
      if (a.level === 'central') expect(a.regionCode).toBeUndefined();
      if (a.level === 'province') expect(provinceCodes.has(a.regionCode ?? '')).toBe(true);
      if (a.level === 'regency') expect(regencyCodes.has(a.regionCode ?? '')).toBe(true);
    }
  });

  it('has supervisor chains without cycles, at most one English-speaking official and some leadership', () => {
    for (const o of officials) {
      const seen = new Set<string>([o.key]);
      for (let s = o.supervisorKey; s !== undefined; s = officialByKey.get(s)?.supervisorKey) {
        expect(seen.has(s)).toBe(false);
        seen.add(s);
      }
    }
    expect(officials.filter((o) => o.locale === 'en').length).toBeLessThanOrEqual(1);
    expect(officials.filter((o) => o.leadership).length).toBeGreaterThanOrEqual(3);
  });

  it('includes all eight Kalimantan Barat regencies of the Pontianak meeting', () => {
    // Bengkayang, Landak, Sanggau, Ketapang, Sintang, Kapuas Hulu, Sekadau, Melawi
    const kalbar8 = ['61.07', '61.08', '61.03', '61.04', '61.05', '61.06', '61.09', '61.10'];
    const regions = new Set([...officials.map((o) => o.regionCode), ...commitments.map((c) => c.regionCode)]);
    expect(kalbar8.filter((code) => !regions.has(code))).toEqual([]);
  });

  it('dates meetings as the reports do, in the local zone of the venue', () => {
    for (const m of meetings) {
      expect(m.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(Number.isNaN(Date.parse(m.startsAt))).toBe(false);
      expect(m.source).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.txt$/);
      expect(m.startsAt.slice(0, 10)).toBe(m.source.slice(0, 10));
      const wita = m.regionCode !== undefined && provinceOf(m.regionCode) === '63';
      expect(m.startsAt.endsWith(wita ? '+08:00' : '+07:00')).toBe(true);
      expect(m.summary.length).toBeGreaterThan(0);
    }
    const national = meetings.filter((m) => m.regionCode === undefined).map((m) => m.source);
    expect(national.sort()).toEqual([
      '2025-04-29-rakornis-perumahan-perdesaan-jakarta.txt',
      '2025-10-27-rakor-sinkronisasi-kl-pemda-jatinangor.txt',
    ]);
  });

  it('lists each official at most once per meeting and never next to the official they represent', () => {
    for (const m of meetings) {
      const present = m.attendees.map((a) => a.officialKey);
      expect(new Set(present).size).toBe(present.length);
      for (const a of m.attendees) {
        if (a.representingOfficialKey !== undefined) {
          expect(a.representingOfficialKey).not.toBe(a.officialKey);
          expect(present).not.toContain(a.representingOfficialKey);
        }
      }
    }
  });

  it('has at least one attendee representing someone (Leonard S. Ampung for the governor in Jakarta)', () => {
    const representing = meetings.flatMap((m) => m.attendees.filter((a) => a.representingOfficialKey));
    expect(representing.length).toBeGreaterThanOrEqual(1);
    const jakarta = meetings.find((m) => m.kind === 'rakornis');
    const leonard = jakarta?.attendees.find((a) => officialByKey.get(a.officialKey)?.name === 'Leonard S. Ampung');
    expect(officialByKey.get(leonard?.representingOfficialKey ?? '')?.name).toBe('H. Sugianto Sabran');
  });

  it('has the Director General join the hybrid Pontianak meeting online', () => {
    const pontianak = meetings.find((m) => m.source.includes('pontianak'));
    expect(pontianak?.mode).toBe('hybrid');
    const online = pontianak?.attendees.filter((a) => a.attendance === 'online') ?? [];
    expect(online.map((a) => officialByKey.get(a.officialKey)?.position)).toEqual([
      'Direktur Jenderal Perumahan Perdesaan',
    ]);
  });

  it('has progress sequences that obey the status rules', () => {
    for (const c of commitments) expect(() => replay(c)).not.toThrow();
    const finals = commitments.map((c) => replay(c).status);
    expect(finals).toContain('in_progress');
    expect(finals).toContain('blocked');
    expect(finals).toContain('done');
    expect(finals).toContain('cancelled');
  });

  it('rejects transitions the rules forbid (the table itself)', () => {
    const bad = (from: CommitmentStatus, to: CommitmentStatus) => !TRANSITIONS[from].includes(to);
    expect(bad('open', 'done')).toBe(true);
    expect(bad('open', 'blocked')).toBe(true);
    expect(bad('done', 'in_progress')).toBe(true);
    expect(bad('cancelled', 'open')).toBe(true);
    expect(bad('blocked', 'done')).toBe(true);
    expect(() =>
      replay({
        key: 'x',
        title: 'x',
        ownerOfficialKey: 'x',
        regionCode: '62',
        dueInDays: 1,
        progress: [{ status: 'done', note: 'langsung selesai' }],
      }),
    ).toThrow(/open → done/);
  });

  it('has a realistic mix of due dates', () => {
    const live = commitments.filter((c) => !isFinal(replay(c).status));
    const overdue = live.filter((c) => c.dueInDays < 0);
    const dueThisWeek = live.filter((c) => c.dueInDays >= 0 && c.dueInDays <= 6);
    const later = live.filter((c) => c.dueInDays >= 7);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(dueThisWeek.length).toBeGreaterThanOrEqual(3);
    expect(later.length).toBeGreaterThanOrEqual(3);
    for (const c of commitments) {
      expect(Number.isInteger(c.dueInDays)).toBe(true);
      expect(c.dueInDays).toBeGreaterThanOrEqual(-40);
      expect(c.dueInDays).toBeLessThanOrEqual(90);
      if (c.dueLocalTime !== undefined) expect(c.dueLocalTime).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    }
  });

  it('assigns each commitment to an owner of the same province', () => {
    for (const c of commitments) {
      const owner = officialByKey.get(c.ownerOfficialKey);
      if (owner?.regionCode !== undefined) expect(`${c.key}: ${provinceOf(c.regionCode)}`).toBe(`${c.key}: ${provinceOf(owner.regionCode)}`);
    }
  });

  it('spreads commitments over Kalbar, Kalteng, Kalsel and their regencies', () => {
    const provinces = new Set(commitments.map((c) => provinceOf(c.regionCode)));
    for (const p of ['61', '62', '63']) expect(provinces.has(p)).toBe(true);
    for (const p of ['61', '62', '63']) {
      expect(commitments.some((c) => c.regionCode.startsWith(`${p}.`))).toBe(true);
    }
    expect(new Set(commitments.map((c) => c.programKey).filter(Boolean)).size).toBeGreaterThanOrEqual(4);
  });

  it('carries the Kalimantan Selatan indicators of the Banjarmasin Rakortek', () => {
    const kalsel = commitments.filter((c) => c.regionCode === '63' && c.indicator);
    const rtlh = kalsel.find((c) => c.indicator?.unit === 'unit');
    expect(rtlh?.indicator?.target).toBe(237973);
    expect(rtlh && replay(rtlh).achieved).toBe(2804);

    const slum = kalsel.find((c) => c.indicator?.unit === 'ha');
    expect(slum?.indicator?.target).toBe(790.988);
    expect(slum && replay(slum).achieved).toBe(345.029);
    // 345.029 ha is 43.62% of the province's slum area.
    expect((345.029 / (slum?.indicator?.target ?? 1)) * 100).toBeCloseTo(43.62, 2);

    for (const c of commitments) {
      const { achieved } = replay(c);
      if (achieved !== undefined) {
        expect(c.indicator).toBeDefined();
        expect(achieved).toBeGreaterThanOrEqual(0);
        expect(achieved).toBeLessThanOrEqual(c.indicator?.target ?? 0);
      }
    }
  });
});

import { renderWeeklyDigestEmail, selectOldestOverdue, type DigestOverdueItem, type DigestRow, type WeeklyDigestInput } from './digest-email';

const row = (name: string, overrides: Partial<DigestRow> = {}): DigestRow => ({
  name,
  total: 40,
  open: 10,
  inProgress: 12,
  blocked: 3,
  done: 12,
  cancelled: 3,
  overdue: 5,
  ...overrides,
});

const overdue = (title: string, daysOverdue: number, dueAt: string, regionName = 'Kalimantan Tengah'): DigestOverdueItem => ({
  title,
  ownerName: 'Leonard S. Ampung',
  regionName,
  dueAt: new Date(dueAt),
  zone: 'Asia/Jakarta',
  daysOverdue,
});

// 12 overdue commitments; the two youngest must be left out
const overdueItems: DigestOverdueItem[] = Array.from({ length: 12 }, (_, i) =>
  overdue(`Tindak lanjut ${i + 1}`, i + 1, new Date(Date.UTC(2027, 7, 16 - i, 10)).toISOString()),
);

function input(overrides: Partial<WeeklyDigestInput> = {}): WeeklyDigestInput {
  return {
    locale: 'id',
    recipient: { name: 'Adi Santoso', position: 'Staf Ahli Bidang Pemerintahan' },
    period: { start: new Date('2027-08-10T17:00:00Z'), end: new Date('2027-08-17T16:59:59Z') },
    zone: 'Asia/Jakarta',
    byProvince: [row('Kalimantan Selatan'), row('Kalimantan Tengah', { completionRate: 0.4362 })],
    byProgram: [row('Tiga Juta Rumah', { total: 237973 })],
    oldestOverdue: overdueItems,
    changes: { newCommitments: 5, completed: 1, newlyOverdue: 2 },
    ...overrides,
  };
}

describe('renderWeeklyDigestEmail', () => {
  const mail = renderWeeklyDigestEmail(input());

  it('has a dated Indonesian subject', () => {
    expect(mail.subject).toBe('[Tindak Lanjut] Ringkasan mingguan 11–17 Agustus 2027');
    expect(renderWeeklyDigestEmail(input({ totals: row('Total', { overdue: 15 }) })).subject).toBe(
      '[Tindak Lanjut] Ringkasan mingguan 11–17 Agustus 2027: 15 tindak lanjut terlambat',
    );
  });

  it('lists the ten oldest overdue commitments, oldest first', () => {
    const oldest = selectOldestOverdue(input().oldestOverdue);
    expect(oldest).toHaveLength(10);
    expect(oldest[0].title).toBe('Tindak lanjut 12');
    expect(mail.text).toContain('1. Tindak lanjut 12 (Leonard S. Ampung, Kalimantan Tengah): batas waktu 5 Agustus 2027, terlambat 12 hari');
    expect(mail.text).toContain('10. Tindak lanjut 3');
    expect(mail.text).not.toContain('Tindak lanjut 2 (');
    expect(mail.text).not.toContain('Tindak lanjut 1 (');
    expect(mail.html.indexOf('Tindak lanjut 12')).toBeLessThan(mail.html.indexOf('Tindak lanjut 11'));
  });

  it('shows the province and program rows with Indonesian numbers', () => {
    expect(mail.text).toContain(
      '- Kalimantan Selatan: total 40, belum dimulai 10, dikerjakan 12, terkendala 3, selesai 12, dibatalkan 3, terlambat 5, penyelesaian 32,4%',
    );
    expect(mail.text).toContain('penyelesaian 43,6%');
    expect(mail.text).toContain('- Tiga Juta Rumah: total 237.973');
    expect(mail.html).toContain('Rekap per provinsi');
    expect(mail.html).toContain('Rekap per program');
  });

  it('shows the changes since last week', () => {
    expect(mail.text).toContain('Perubahan sejak pekan lalu');
    expect(mail.text).toContain('- 5 tindak lanjut baru');
    expect(mail.text).toContain('- 1 tindak lanjut selesai');
    expect(mail.text).toContain('- 2 tindak lanjut baru terlambat');
  });

  it('escapes titles in HTML and handles empty sections', () => {
    const small = renderWeeklyDigestEmail(
      input({ oldestOverdue: [overdue('Penyusunan Perda <script>', 3, '2027-08-14T10:00:00Z')], byProgram: [] }),
    );
    expect(small.html).toContain('Penyusunan Perda &lt;script&gt;');
    expect(small.html).not.toContain('<script>');
    expect(small.text).toContain('Tidak ada data.');
    const none = renderWeeklyDigestEmail(input({ oldestOverdue: [] }));
    expect(none.text).toContain('Tidak ada tindak lanjut yang terlambat.');
  });

  it('renders in English', () => {
    const en = renderWeeklyDigestEmail(input({ locale: 'en', dashboardUrl: 'https://tindaklanjut.example.go.id/dasbor' }));
    expect(en.subject).toBe('[Tindak Lanjut] Weekly summary, 11–17 August 2027');
    expect(en.text).toContain('Changes since last week');
    expect(en.text).toContain('- 1 follow-up action completed');
    expect(en.text).toContain('completion 32.4%');
    expect(en.text).toContain('1. Tindak lanjut 12 (Leonard S. Ampung, Kalimantan Tengah): deadline 5 August 2027, 12 days overdue');
    expect(en.html).toContain('href="https://tindaklanjut.example.go.id/dasbor"');
    expect(en.text).not.toContain('Perubahan');
  });
});

import { renderReminderEmail, type ReminderEmailInput, type ReminderEmailItem } from './reminder-email';

/** Unfolds an iCalendar document (RFC 5545 §3.1) into name → values. */
function parseIcs(ics: string): { lines: string[]; get: (name: string) => string[] } {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/).filter(Boolean);
  return {
    lines,
    get: (name) => lines.filter((l) => l.split(/[;:]/, 1)[0] === name).map((l) => l.slice(l.indexOf(':') + 1)),
  };
}

function item(overrides: Partial<ReminderEmailItem> = {}, commitment: Partial<ReminderEmailItem['commitment']> = {}): ReminderEmailItem {
  return {
    kind: 'before',
    label: 'H-3',
    commitment: {
      id: 'c-rtlh-kalsel',
      title: 'Percepatan penanganan RTLH Kalimantan Selatan',
      description: 'Sinkronisasi data RTLH kabupaten/kota sebagai bahan Musrenbang 2027.',
      status: 'in_progress',
      dueAt: new Date('2027-08-18T09:00:00Z'),
      zone: 'Asia/Makassar',
      ownerName: 'Rahmiyanti Janoezir',
      regionName: 'Kalimantan Selatan',
      programName: 'Tiga Juta Rumah',
      indicator: { unit: 'unit', target: 237973, achieved: 2804 },
      ...commitment,
    },
    meeting: {
      kind: 'rakortek',
      title: 'Rakortek Perumahan dan Kawasan Permukiman 2026',
      startsAt: new Date('2026-02-12T01:00:00Z'),
      venue: 'Banjarmasin',
      zone: 'Asia/Makassar',
    },
    progressUrl: 'https://tindaklanjut.example.go.id/lapor/abc123?sig=xyz&exp=1',
    ...overrides,
  };
}

function input(overrides: Partial<ReminderEmailInput> = {}): ReminderEmailInput {
  return {
    locale: 'id',
    recipient: { name: 'Rahmiyanti Janoezir', position: 'Kepala Disperkim Provinsi Kalimantan Selatan' },
    role: 'owner',
    items: [item()],
    generatedAt: new Date('2027-08-15T00:00:00Z'),
    ...overrides,
  };
}

describe('renderReminderEmail (Bahasa Indonesia)', () => {
  const mail = renderReminderEmail(input());

  it('builds the H-n subject', () => {
    expect(mail.subject).toBe('[Tindak Lanjut] H-3: Percepatan penanganan RTLH Kalimantan Selatan');
  });

  it('shows meeting, due time, indicator progress, label and progress link in both parts', () => {
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Yth. Bapak/Ibu Rahmiyanti Janoezir');
      expect(body).toContain('Rapat Koordinasi Teknis (Rakortek)');
      expect(body).toContain('Rakortek Perumahan dan Kawasan Permukiman 2026');
      expect(body).toContain('Kamis, 12 Februari 2026');
      expect(body).toContain('Banjarmasin');
      expect(body).toContain('Rabu, 18 Agustus 2027 pukul 17.00 WITA');
      expect(body).toContain('2.804 dari 237.973 unit (1,18%)');
      expect(body).toContain('H-3');
      expect(body).toContain('Laporkan progres');
      expect(body).toContain('Sedang dikerjakan');
    }
    expect(mail.text).toContain('Laporkan progres: https://tindaklanjut.example.go.id/lapor/abc123?sig=xyz&exp=1');
    expect(mail.html).toContain('<html lang="id">');
    expect(mail.html).toContain('href="https://tindaklanjut.example.go.id/lapor/abc123?sig&#x3D;xyz&amp;exp&#x3D;1"');
  });

  it('labels due-today and overdue items', () => {
    const today = renderReminderEmail(input({ items: [item({ kind: 'due', label: 'H' })] }));
    expect(today.subject).toBe('[Tindak Lanjut] Jatuh tempo hari ini (H): Percepatan penanganan RTLH Kalimantan Selatan');
    expect(today.text).toContain('Hari ini (H)');

    const late = renderReminderEmail(input({ items: [item({ kind: 'overdue', label: 'H+3', daysOverdue: 3 })] }));
    expect(late.subject).toBe('[Tindak Lanjut] Terlambat 3 hari: Percepatan penanganan RTLH Kalimantan Selatan');
    expect(late.text).toContain('Terlambat 3 hari');
  });

  it('uses the Rakor and Rakornis names', () => {
    const rakor = renderReminderEmail(input({ items: [item({ meeting: { ...item().meeting, kind: 'rakor' } })] }));
    expect(rakor.text).toContain('Rapat Koordinasi (Rakor)');
    const rakornis = renderReminderEmail(input({ items: [item({ meeting: { ...item().meeting, kind: 'rakornis' } })] }));
    expect(rakornis.text).toContain('Rakornis');
  });
});

describe('renderReminderEmail escaping and subjects', () => {
  const evil = 'RTLH <script>alert("x")</script> & "kumuh"';
  const mail = renderReminderEmail(input({ items: [item({}, { title: `${evil}\r\nBcc: attacker@example.com`, ownerName: '<b>PIC</b>' })] }));

  it('escapes every user-supplied string in the HTML part', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;kumuh&quot;');
  });

  it('keeps the subject on one line', () => {
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe(`[Tindak Lanjut] H-3: ${evil} Bcc: attacker@example.com`);
  });

  it('escapes names in escalation mails and drops non-http links', () => {
    const esc = renderReminderEmail(
      input({
        role: 'supervisor',
        items: [item({ kind: 'escalation', label: 'H+3', daysOverdue: 3, progressUrl: 'https://x.example/lapor' }, { ownerName: '<b>PIC</b>' })],
      }),
    );
    expect(esc.html).toContain('&lt;b&gt;PIC&lt;/b&gt;');
    expect(esc.html).not.toContain('https://x.example/lapor'); // progress links are for the owner only
    const js = renderReminderEmail(input({ items: [item({ progressUrl: 'javascript:alert(1)' })] }));
    expect(js.html).not.toContain('javascript:');
    expect(js.html).not.toContain('Laporkan progres');
  });

  it('builds the escalation subject with the days overdue and the responsible official', () => {
    const esc = renderReminderEmail(
      input({ role: 'chair', recipient: { name: 'M. Syarifuddin' }, items: [item({ kind: 'escalation', label: 'H+3', daysOverdue: 3 })] }),
    );
    expect(esc.subject).toBe('[Tindak Lanjut] Eskalasi: Percepatan penanganan RTLH Kalimantan Selatan terlambat 3 hari');
    expect(esc.text).toContain('Penanggung jawab: Rahmiyanti Janoezir');
    expect(esc.text).toContain('Selaku pimpinan rapat');
  });
});

describe('renderReminderEmail (English)', () => {
  const mail = renderReminderEmail(
    input({ locale: 'en', recipient: { name: 'Adi Santoso' }, items: [item({ label: 'H-7' })] }),
  );

  it('is written in English', () => {
    expect(mail.subject).toBe('[Tindak Lanjut] Due in 7 days (H-7): Percepatan penanganan RTLH Kalimantan Selatan');
    expect(mail.html).toContain('<html lang="en">');
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Dear Adi Santoso,');
      expect(body).toContain('Wednesday, 18 August 2027 at 17:00 WITA');
      expect(body).toContain('2,804 of 237,973 units (1.18%)');
      expect(body).toContain('Technical Coordination Meeting (Rakortek)');
      expect(body).toContain('Report progress');
      expect(body).toContain('H-7');
      expect(body).not.toContain('Laporkan');
      expect(body).not.toContain('Yth.');
    }
  });

  it('writes the escalation subject in English', () => {
    const esc = renderReminderEmail(input({ locale: 'en', role: 'supervisor', items: [item({ kind: 'escalation', label: 'H+1', daysOverdue: 1 })] }));
    expect(esc.subject).toBe('[Tindak Lanjut] Escalation: Percepatan penanganan RTLH Kalimantan Selatan is 1 day overdue');
  });
});

describe('renderReminderEmail with several items', () => {
  const titles = ['Penyusunan Perda PSU', 'Pendataan RTLH Kabupaten Banjar', 'Penyiapan lahan Tiga Juta Rumah'];
  const mail = renderReminderEmail(
    input({ items: titles.map((title, i) => item({ label: 'H-1' }, { id: `c-${i + 1}`, title })) }),
  );

  it('uses a counting subject and lists every title', () => {
    expect(mail.subject).toBe('[Tindak Lanjut] 3 tindak lanjut jatuh tempo');
    for (const title of titles) {
      expect(mail.html).toContain(title);
      expect(mail.text).toContain(title);
    }
    expect(mail.text).toContain('1. [H-1 · besok] Penyusunan Perda PSU');
    expect(mail.text).toContain('3. [H-1 · besok] Penyiapan lahan Tiga Juta Rumah');
  });

  it('attaches one calendar file per item', () => {
    expect(mail.attachments.map((a) => a.filename)).toEqual(['tindak-lanjut-c-1.ics', 'tindak-lanjut-c-2.ics', 'tindak-lanjut-c-3.ics']);
    expect(mail.attachments.every((a) => a.contentType === 'text/calendar')).toBe(true);
    expect(mail.attachments.map((a) => parseIcs(a.content).get('SUMMARY')[0])).toEqual(titles);
  });

  it('says "Eskalasi" when escalations are grouped', () => {
    const esc = renderReminderEmail(
      input({ role: 'supervisor', items: titles.map((title, i) => item({ kind: 'escalation', label: 'H+2', daysOverdue: 2 }, { id: `c-${i}`, title })) }),
    );
    expect(esc.subject).toBe('[Tindak Lanjut] Eskalasi: 3 tindak lanjut terlambat');
  });

  it('refuses an empty list', () => {
    expect(() => renderReminderEmail(input({ items: [] }))).toThrow(/items/);
  });
});

describe('calendar attachment', () => {
  const [attachment] = renderReminderEmail(input()).attachments;
  const ics = parseIcs(attachment.content);

  it('is a VEVENT at the due instant in UTC, 30 minutes long', () => {
    expect(ics.lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.lines).toContain('BEGIN:VEVENT');
    expect(ics.lines).toContain('END:VEVENT');
    expect(ics.get('DTSTART')).toEqual(['20270818T090000Z']);
    expect(ics.get('DTEND')).toEqual(['20270818T093000Z']);
    expect(ics.get('DTSTAMP')).toEqual(['20270815T000000Z']);
  });

  it('carries the title, the meeting and the progress link', () => {
    expect(ics.get('SUMMARY')).toEqual(['Percepatan penanganan RTLH Kalimantan Selatan']);
    expect(ics.get('UID')).toEqual(['tindak-lanjut-c-rtlh-kalsel@tindak-lanjut']);
    const description = ics.get('DESCRIPTION')[0];
    expect(description).toContain('Rakortek Perumahan dan Kawasan Permukiman 2026');
    expect(description).toContain('Banjarmasin');
    expect(ics.get('URL')).toEqual(['https://tindaklanjut.example.go.id/lapor/abc123?sig=xyz&exp=1']);
  });
});

import { createBasics } from './support/fixtures';
import { agree, Basics, expectDeliveredExactlyOnce, lateness, reminderLog, ReminderRow, sentOne } from './support/reminder-audit';
import { bodyText, reminderIdsOf, SmtpSink, waitFor } from './support/smtp-sink';
import { FAST_REMINDERS, startTestStack, TestStack } from './support/test-app';

/**
 * When one official has several reminders at the same instant, they get one e-mail listing them
 * all; each reminder is still logged as sent on its own.
 */
describe('reminders at the same instant for one official go out as one e-mail', () => {
  let smtp: SmtpSink;
  let stack: TestStack;
  let basics: Basics;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    stack = await startTestStack({ ...FAST_REMINDERS, SMTP_URL: smtp.url, APP_URL: 'http://tl.test' });
    basics = await createBasics(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await smtp?.stop();
  });

  it('one mail per official and instant, listing every commitment, each reminder logged as sent', async () => {
    const colleague = await basics.post('/api/officials', {
      name: 'Kepala Bidang Kawasan Permukiman', position: 'Kepala Bidang', agencyId: basics.agency.id,
      email: 'kabid.kawasan@kalselprov.example', regionCode: '63', supervisorId: basics.supervisor.id,
    });
    const dueAt = new Date(Date.now() + 12_000).toISOString();
    const titles = ['Validasi data RTLH Kabupaten Banjar', 'Validasi data RTLH Kabupaten Tapin', 'Validasi data RTLH Kabupaten Balangan'];
    const together = await Promise.all(titles.map((title) => agree(basics, title, 0, { dueAt })));
    const apart = await agree(basics, 'Rapat evaluasi triwulan', 13_500);
    const colleagues = await agree(basics, 'Pemetaan kawasan kumuh', 0, { dueAt, ownerOfficialId: colleague.id });
    const all = [...together, apart, colleagues];

    const logs: ReminderRow[][] = await waitFor(async () => {
      const rows = await Promise.all(all.map((c) => reminderLog(stack, c.id)));
      return rows.every((r) => sentOne(r, 'overdue', '1') && sentOne(r, 'escalation')) ? rows : undefined;
    }, 35_000, 'every reminder up to the escalation');
    const life: Array<[ReminderRow['kind'], string | undefined]> = [['before', 'H-PT8S'], ['before', 'H-PT4S'], ['due', 'H'], ['overdue', '1'], ['escalation', undefined]];
    const delivered = expectDeliveredExactlyOnce(smtp, logs, life);

    const [a, b, c] = logs;
    for (const [kind, label] of life) {
      const rows = [a, b, c].map((log) => sentOne(log, kind, label)!);
      // One message carries the three reminders of the owner's three commitments...
      const mail = delivered.get(rows[0].id)!;
      expect(reminderIdsOf(mail).filter((id) => rows.some((r) => r.id === id))).toHaveLength(3);
      expect(rows.every((r) => delivered.get(r.id) === mail)).toBe(true);
      const text = bodyText(mail.raw);
      for (const title of titles) expect(text).toContain(title);
      // ...and each of them is logged as sent, on time.
      for (const row of rows) {
        expect(row.status).toBe('sent');
        expect(typeof row.sentAt).toBe('string');
        expect(lateness(row, delivered)).toBeLessThan(2000);
      }
      if (kind === 'escalation') {
        // The supervisor and the chair also get the colleague's commitment in that same escalation.
        expect(mail.to.sort()).toEqual([basics.chair.email, basics.supervisor.email].sort());
        expect(reminderIdsOf(mail)).toContain(sentOne(logs[4], 'escalation')!.id);
        expect(text).toContain('Pemetaan kawasan kumuh');
        expect(text).not.toContain('Rapat evaluasi triwulan');
      } else {
        expect(mail.to).toEqual([basics.owner.email]);
        // One progress link per commitment, each its own.
        const links = new Set(text.match(/http:\/\/tl\.test\/progress\/[0-9a-f-]{36}\.[A-Za-z0-9_-]+/g));
        expect(links.size).toBe(3);
        expect(text).not.toContain('Rapat evaluasi triwulan');
        expect(text).not.toContain('Pemetaan kawasan kumuh');
      }
    }
    // Another instant or another official: a mail of its own.
    for (const log of [logs[3], logs[4]]) {
      for (const row of log.filter((r) => r.status === 'sent' && r.kind !== 'escalation')) expect(reminderIdsOf(delivered.get(row.id)!)).toEqual([row.id]);
    }
    expect(sentOne(logs[4], 'due', 'H')!.recipients).toEqual([colleague.email]);
    for (const commitment of all) await basics.post(`/api/commitments/${commitment.id}/progress`, { status: 'cancelled', note: 'Selesai diuji' });
  }, 60_000);
});

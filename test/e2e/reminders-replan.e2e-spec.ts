import { createBasics } from './support/fixtures';
import { agree, Basics, expectDeliveredExactlyOnce, lateness, reminderLog, ReminderRow, sentOne } from './support/reminder-audit';
import { reminderIdsOf, SmtpSink, waitFor } from './support/smtp-sink';
import { FAST_REMINDERS, startTestStack, TestStack } from './support/test-app';

/** A commitment moved to another due time, or handed to another official, is re-planned. */
describe('reminders are re-planned when a commitment is moved or reassigned', () => {
  let smtp: SmtpSink;
  let stack: TestStack;
  let basics: Basics;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    stack = await startTestStack({ ...FAST_REMINDERS, SMTP_URL: smtp.url });
    basics = await createBasics(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await smtp?.stop();
  });

  const patch = (id: string, body: Record<string, unknown>) => stack.http().patch(`/api/commitments/${id}`).set(basics.auth).send(body);
  const planFor = async (id: string, dueAt: string, count: number) =>
    waitFor(async () => {
      const rows = await reminderLog(stack, id);
      const plan = rows.filter((r) => Date.parse(r.dueAt) === Date.parse(dueAt) && r.status !== 'cancelled');
      return plan.length >= count ? rows : undefined;
    }, 8000, `the plan for ${dueAt}`);
  const mailsAbout = (title: string) => smtp.messages.filter((m) => m.subject.includes(title));

  it('moved later or earlier: the old reminders are cancelled and the new ones go out at the new times', async () => {
    const later = await agree(basics, 'Penetapan SK penerima bantuan', 14_000);
    const earlier = await agree(basics, 'Pengumpulan proposal desa', 40_000);
    await planFor(later.id, later.dueAt, 5);
    await planFor(earlier.id, earlier.dueAt, 5);

    const laterDue = new Date(Date.parse(later.dueAt) + 8000).toISOString();
    const earlierDue = new Date(Date.now() + 12_000).toISOString();
    const stale = await patch(later.id, { version: later.version + 1, dueAt: laterDue });
    expect(stale.status).toBe(409);
    const moved = await patch(later.id, { version: later.version, dueAt: laterDue });
    expect(moved.status).toBe(200);
    expect(moved.body.version).toBe(later.version + 1);
    expect((await patch(earlier.id, { version: earlier.version, dueAt: earlierDue })).status).toBe(200);

    // Right away the plans follow the new due times; the old reminders are cancelled.
    for (const [c, due] of [[later, laterDue], [earlier, earlierDue]] as const) {
      const rows = await planFor(c.id, due, 5);
      const old = rows.filter((r) => Date.parse(r.dueAt) === Date.parse(c.dueAt));
      expect(old.length).toBeGreaterThanOrEqual(5);
      expect(old.every((r) => r.status === 'cancelled')).toBe(true);
      const fresh = rows.filter((r) => Date.parse(r.dueAt) === Date.parse(due));
      expect(fresh.map((r) => Date.parse(r.scheduledFor) - Date.parse(due)).sort((a, b) => a - b)).toEqual([-8000, -4000, 0, 6000, 9000]);
    }

    const logs = await waitFor(async () => {
      const rows = await Promise.all([reminderLog(stack, later.id), reminderLog(stack, earlier.id)]);
      return rows.every((r) => sentOne(r, 'due', 'H')) ? rows : undefined;
    }, 30_000, 'the due reminders at the new times');

    const delivered = expectDeliveredExactlyOnce(smtp, logs, [['before', 'H-PT8S'], ['before', 'H-PT4S'], ['due', 'H']]);
    for (const row of logs.flat()) {
      if (row.status !== 'sent') continue;
      // Only reminders of the new due times went out, each on time.
      expect([laterDue, earlierDue].map(Date.parse)).toContain(Date.parse(row.dueAt));
      expect(lateness(row, delivered)).toBeGreaterThanOrEqual(-200);
      expect(lateness(row, delivered)).toBeLessThan(2000);
    }
    // No mail about either commitment carried a reminder of its old due time.
    const finalRows = new Map((await Promise.all([reminderLog(stack, later.id), reminderLog(stack, earlier.id)])).flat().map((r) => [r.id, r]));
    const mails = [...mailsAbout('Penetapan SK penerima bantuan'), ...mailsAbout('Pengumpulan proposal desa')];
    expect(mails.length).toBeGreaterThanOrEqual(6);
    for (const mail of mails) {
      for (const id of reminderIdsOf(mail)) expect([laterDue, earlierDue].map(Date.parse)).toContain(Date.parse(finalRows.get(id)!.dueAt));
    }
    for (const c of [later, earlier]) await basics.post(`/api/commitments/${c.id}/progress`, { status: 'cancelled', note: 'Selesai diuji' });
  }, 60_000);

  it('reassigned: the pending reminders go to the new owner, none to the previous one', async () => {
    const successor = await basics.post('/api/officials', {
      name: 'Plt. Kepala Disperkim Kalsel', position: 'Pelaksana Tugas Kepala Dinas', agencyId: basics.agency.id,
      email: 'plt.kadis.perkim@kalselprov.example', regionCode: '63', supervisorId: basics.supervisor.id,
    });
    const title = 'Monitoring pembangunan rumah khusus';
    const commitment = await agree(basics, title, 10_000);
    await planFor(commitment.id, commitment.dueAt, 5);

    const res = await patch(commitment.id, { version: commitment.version, ownerOfficialId: successor.id });
    expect(res.status).toBe(200);
    const replanned: ReminderRow[] = await waitFor(async () => {
      const rows = await reminderLog(stack, commitment.id);
      return rows.some((r) => r.kind === 'due' && r.status === 'scheduled' && r.recipients[0] === successor.email) ? rows : undefined;
    }, 5000, 'the plan for the new owner');
    const pendingOwnerKinds = replanned.filter((r) => r.status === 'scheduled' && r.kind !== 'escalation');
    expect(pendingOwnerKinds.every((r) => r.recipients.join() === successor.email)).toBe(true);
    expect(replanned.filter((r) => r.recipients.join() === basics.owner.email).every((r) => r.status === 'cancelled' || r.status === 'sent')).toBe(true);

    const log = await waitFor(async () => {
      const rows = await reminderLog(stack, commitment.id);
      return sentOne(rows, 'overdue', '1') ? rows : undefined;
    }, 25_000, 'the first overdue reminder');
    const delivered = expectDeliveredExactlyOnce(smtp, [log], [['before', 'H-PT4S'], ['due', 'H'], ['overdue', '1']]);
    for (const row of log.filter((r) => r.status === 'sent' && r.kind !== 'escalation' && Date.parse(r.scheduledFor) > Date.parse(commitment.dueAt) - 6000)) {
      expect(row.recipients).toEqual([successor.email]);
      expect(delivered.get(row.id)!.to).toEqual([successor.email]);
    }
    // The previous owner heard nothing after the hand-over.
    const toPrevious = mailsAbout(title).filter((m) => m.to.includes(basics.owner.email));
    expect(toPrevious.every((m) => reminderIdsOf(m).every((id) => log.find((r) => r.id === id)!.label === 'H-PT8S'))).toBe(true);
    await basics.post(`/api/commitments/${commitment.id}/progress`, { status: 'cancelled', note: 'Selesai diuji' });
  }, 40_000);
});

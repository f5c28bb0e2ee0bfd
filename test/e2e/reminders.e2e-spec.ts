import { createBasics } from './support/fixtures';
import { bodyText, SmtpSink, waitFor } from './support/smtp-sink';
import { FAST_REMINDERS, startTestStack, TestStack } from './support/test-app';

describe('reminders end to end (real PostgreSQL, Redis and SMTP)', () => {
  let smtp: SmtpSink;
  let stack: TestStack;
  let basics: Awaited<ReturnType<typeof createBasics>>;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    stack = await startTestStack({ ...FAST_REMINDERS, SMTP_URL: smtp.url, APP_URL: 'http://tl.test' });
    basics = await createBasics(stack);
  });
  afterAll(async () => {
    await stack?.close();
    await smtp?.stop();
  });

  const agree = async (title: string, dueInMs: number) => {
    const dueAt = new Date(Date.now() + dueInMs).toISOString();
    return basics.post(`/api/meetings/${basics.meeting.id}/commitments`, {
      title, ownerOfficialId: basics.owner.id, regionCode: '63', programId: basics.program.id, dueAt,
      indicator: { unit: 'unit', target: 237973 },
    });
  };
  const reminders = async (id: string) => (await stack.http().get(`/api/commitments/${id}/reminders`).set(basics.auth).expect(200)).body;

  it('sends before, due, overdue and escalation mails on time to the right people', async () => {
    const created = Date.now();
    const commitment = await agree('Percepatan penanganan RTLH', 10_000);
    const dueAt = new Date(commitment.dueAt).getTime();

    const plan = await waitFor(async () => {
      const list = await reminders(commitment.id);
      return list.length >= 5 ? list : undefined;
    }, 5000, 'the reminder plan');
    expect(plan.map((r: { kind: string }) => r.kind).sort()).toEqual(['before', 'before', 'due', 'escalation', 'overdue']);
    expect(plan.every((r: { status: string }) => r.status === 'scheduled')).toBe(true);
    const escalationPlan = plan.find((r: { kind: string }) => r.kind === 'escalation');
    expect(escalationPlan.recipients.sort()).toEqual([basics.chair.email, basics.supervisor.email].sort());

    // Owner: H-8s, H-4s, H, then overdue every 6 s; supervisor and chair: one escalation at +9 s.
    await waitFor(() => smtp.to(basics.supervisor.email).length >= 1 && smtp.to(basics.owner.email).length >= 5, 25_000, 'five owner mails and the escalation');
    const ownerMails = smtp.to(basics.owner.email).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    const expected = [dueAt - 8000, dueAt - 4000, dueAt, dueAt + 6000, dueAt + 12_000];
    ownerMails.slice(0, 5).forEach((mail, i) => {
      expect(mail.receivedAt.getTime()).toBeGreaterThanOrEqual(expected[i] - 200);
      expect(mail.receivedAt.getTime() - expected[i]).toBeLessThan(2000);
    });
    expect(created).toBeLessThan(expected[0]);
    expect(ownerMails[0].subject).toContain('Percepatan penanganan RTLH');
    const text = bodyText(ownerMails[0].raw);
    expect(text).toContain('Rakortek Perumahan dan Kawasan Permukiman 2026');
    expect(text).toContain('WITA');
    expect(text).toMatch(/http:\/\/tl\.test\/progress\/[0-9a-f-]{36}\.[A-Za-z0-9_-]+/);
    expect(ownerMails[0].raw).toContain('text/calendar');

    const escalation = smtp.to(basics.supervisor.email);
    expect(escalation).toHaveLength(1);
    expect(escalation[0].to.sort()).toEqual([basics.chair.email, basics.supervisor.email].sort());
    expect(escalation[0].receivedAt.getTime() - (dueAt + 9000)).toBeLessThan(2000);

    // The mail server has the e-mail a moment before the worker logs it as sent and plans the next
    // overdue reminder: wait for that, well within OVERDUE_EVERY.
    const nextOverduePlanned = (rows: Array<{ kind: string; status: string }>) => rows.some((r) => r.kind === 'overdue' && r.status === 'scheduled');
    const log = await waitFor(async () => {
      const rows = await reminders(commitment.id);
      return nextOverduePlanned(rows) ? rows : undefined;
    }, 3000, 'the next overdue reminder planned');
    const sent = log.filter((r: { status: string }) => r.status === 'sent');
    expect(sent.length).toBeGreaterThanOrEqual(6);
    expect(sent.every((r: { sentAt?: string }) => typeof r.sentAt === 'string')).toBe(true);
    expect(nextOverduePlanned(log)).toBe(true);
  }, 60_000);

  it('done cancels every pending reminder, and the progress link works once', async () => {
    const commitment = await agree('Verifikasi data RTLH kabupaten', 6000);
    const firstMail = await waitFor(() => smtp.messages.find((m) => m.subject.includes('Verifikasi data RTLH kabupaten')), 8000, 'the first reminder');
    const token = bodyText(firstMail.raw).match(/\/progress\/([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/)![1];

    const shown = await stack.http().get(`/api/public/progress/${token}`).expect(200);
    expect(shown.body.id).toBe(commitment.id);
    await stack.http().post(`/api/public/progress/${token}`).send({ status: 'in_progress', achieved: 2804, note: 'Data 8 kabupaten terkumpul' }).expect(201);
    const again = await stack.http().post(`/api/public/progress/${token}`).send({ status: 'done', note: 'lagi' });
    expect(again.status).toBe(410);
    const forged = await stack.http().post(`/api/public/progress/${token.slice(0, -2)}xx`).send({ note: 'palsu' });
    expect(forged.status).toBe(401);
    const history = (await stack.http().get(`/api/commitments/${commitment.id}/history`).set(basics.auth).expect(200)).body;
    const reports = history.filter((e: { type: string }) => e.type === 'ProgressReported');
    expect(reports).toHaveLength(1);
    expect(reports[0].actor).toContain(basics.owner.email);

    await stack.http().post(`/api/commitments/${commitment.id}/progress`).set(basics.auth).send({ status: 'done', note: 'Selesai' }).expect(201);
    await waitFor(async () => (await reminders(commitment.id)).every((r: { status: string }) => r.status !== 'scheduled'), 5000, 'cancellation');
    const before = smtp.messages.filter((m) => m.subject.includes('Verifikasi data RTLH kabupaten')).length;
    await new Promise((r) => setTimeout(r, 9000));
    expect(smtp.messages.filter((m) => m.subject.includes('Verifikasi data RTLH kabupaten')).length).toBe(before);
    expect((await reminders(commitment.id)).some((r: { status: string }) => r.status === 'cancelled')).toBe(true);
  }, 40_000);
});

import { createBasics } from './support/fixtures';
import { WorkerProcesses } from './support/processes';
import { agree, Basics, expectDeliveredExactlyOnce, lateness, lifeSent, reminderLog, sentOne } from './support/reminder-audit';
import { reminderIdsOf, SmtpSink, waitFor } from './support/smtp-sink';
import { FAST_REMINDERS, startTestApi, TestApi } from './support/test-app';

/** Several worker processes on one database and one queue prefix, and their shutdown. */
describe('reminder workers as processes (real PostgreSQL, Redis and SMTP)', () => {
  let smtp: SmtpSink;
  let api: TestApi;
  let basics: Basics;
  let workers: WorkerProcesses;
  const open: string[] = [];

  beforeAll(async () => {
    smtp = await new SmtpSink({ closeTimeout: 500 }).start();
    api = await startTestApi({ ...FAST_REMINDERS, SMTP_URL: smtp.url });
    basics = await createBasics(api);
    workers = new WorkerProcesses(api.config, { ...FAST_REMINDERS, SMTP_URL: smtp.url });
  }, 60_000);
  afterAll(async () => {
    await workers?.close();
    await api?.close();
    await smtp?.stop();
  });
  afterEach(async () => {
    for (const id of open.splice(0)) await basics.post(`/api/commitments/${id}/progress`, { status: 'cancelled', note: 'Selesai diuji' });
    await workers.stopWorkers();
  });

  // `workers` exists only once beforeAll ran, hence the late lookup.
  const withLogs = (body: () => Promise<void>) => () => workers.withLogs(body)();

  const official = (name: string) =>
    basics.post('/api/officials', {
      name, position: 'Kepala Bidang', agencyId: basics.agency.id, email: `${name.toLowerCase().replace(/\W+/g, '.')}@kalselprov.example`,
      regionCode: '63', supervisorId: basics.supervisor.id,
    });

  it('two workers: every reminder delivered exactly once, batched per official and instant', withLogs(async () => {
    await workers.start('worker-a');
    await workers.start('worker-b');
    expect(await workers.consumers()).toBe(2);

    const [second, third] = await Promise.all([official('Kabid Kawasan Permukiman'), official('Kabid Perumahan Swadaya')]);
    // One due instant for the first three, as a secretariat typing the same deadline would give them.
    const due = new Date(Date.now() + 12_000).toISOString();
    const commitments = await Promise.all([
      agree(basics, 'Pemutakhiran backlog Banjarmasin', 12_000, { dueAt: due }),
      agree(basics, 'Pemutakhiran backlog Banjarbaru', 12_000, { dueAt: due }),
      agree(basics, 'Survei lokasi Kotabaru', 12_000, { ownerOfficialId: second.id, dueAt: due }),
      agree(basics, 'Survei lokasi Tanah Laut', 13_000, { ownerOfficialId: third.id }),
    ]);
    open.push(...commitments.map((c) => c.id));

    const logs = await waitFor(async () => {
      const rows = await Promise.all(commitments.map((c) => reminderLog(api, c.id)));
      return rows.every((r) => lifeSent(r, 2)) ? rows : undefined;
    }, 40_000, 'every commitment up to its second overdue reminder');

    const delivered = expectDeliveredExactlyOnce(smtp, logs);
    for (const row of logs.flat().filter((r) => r.status === 'sent')) {
      expect(lateness(row, delivered)).toBeGreaterThanOrEqual(-200);
      expect(lateness(row, delivered)).toBeLessThan(2000);
    }
    // The two commitments of the same official at the same instants went out together.
    const [a, b] = logs;
    for (const [kind, label] of [['before', 'H-PT8S'], ['before', 'H-PT4S'], ['due', 'H'], ['overdue', '1'], ['overdue', '2']] as const) {
      const mail = delivered.get(sentOne(a, kind, label)!.id)!;
      expect(reminderIdsOf(mail).sort()).toEqual([sentOne(a, kind, label)!.id, sentOne(b, kind, label)!.id].sort());
    }
    // The supervisor and the chair get one escalation for the three commitments falling due together.
    const escalations = smtp.to(basics.supervisor.email).filter((m) => logs.some((log) => reminderIdsOf(m).includes(sentOne(log, 'escalation')!.id)));
    expect(escalations.map((m) => reminderIdsOf(m).length).sort()).toEqual([1, 3]);
  }), 80_000);

  it('SIGTERM while a mail is being sent: the worker finishes it before it exits, and nothing is sent twice', withLogs(async () => {
    const first = await workers.start('worker-stopping');
    const held = smtp.hold(basics.owner.email);
    const commitment = await agree(basics, 'Penyaluran bantuan stimulan tahap I', 14_000);
    open.push(commitment.id);

    await held.arrived;
    const stopping = first.stop(20_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(first.alive).toBe(true); // still finishing its active job
    held.release();
    await stopping;
    // Nest's shutdown hooks re-raise SIGTERM once closed; SIGKILL would mean it never finished.
    expect([0, 'SIGTERM']).toContain(await first.exited);

    // The held mail went out before the worker ended, on its first attempt.
    const h8 = sentOne(await reminderLog(api, commitment.id), 'before', 'H-PT8S');
    expect(h8).toMatchObject({ status: 'sent', attempts: 1 });

    await workers.start('worker-next');
    const log = await waitFor(async () => {
      const rows = await reminderLog(api, commitment.id);
      return lifeSent(rows, 1) ? rows : undefined;
    }, 25_000, 'the rest of the life with the next worker');
    expectDeliveredExactlyOnce(smtp, [log], [['before', 'H-PT8S'], ['before', 'H-PT4S'], ['due', 'H'], ['overdue', '1'], ['escalation', undefined]]);
  }), 60_000);
});

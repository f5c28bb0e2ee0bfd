import { Client } from 'pg';
import { WorkerProcesses } from './support/processes';
import { expectDeliveredExactlyOnce, lateness, reminderLog, sentOne } from './support/reminder-audit';
import { SmtpSink, waitFor } from './support/smtp-sink';
import { FAST_REMINDERS, startTestApi, TestApi } from './support/test-app';

/**
 * Each overdue reminder sent plans the next one. A worker killed in between (the next one never
 * planned) must not end the chain: after the restart the plan is completed and the chain goes on.
 */
describe('the overdue chain survives a worker killed between sending and planning', () => {
  let smtp: SmtpSink;
  let api: TestApi;
  let workers: WorkerProcesses;
  let db: Client;

  beforeAll(async () => {
    smtp = await new SmtpSink({ closeTimeout: 500 }).start();
    api = await startTestApi({ ...FAST_REMINDERS, SMTP_URL: smtp.url });
    workers = new WorkerProcesses(api.config, { ...FAST_REMINDERS, SMTP_URL: smtp.url });
    db = new Client({ connectionString: api.config.databaseUrl });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await workers?.close();
    await db?.end();
    await api?.close();
    await smtp?.stop();
  });

  it('plans and sends the next overdue reminder after the restart', async () => {
    try {
      const auth = { Authorization: `Bearer ${api.token}` };
      const post = async (path: string, body: unknown) => (await api.http().post(path).set(auth).send(body as object).expect(201)).body;
      // No supervisor and no chair: no escalation either, only the owner's chain.
      const agency = await post('/api/agencies', { name: 'Dinas PUPR Kabupaten Kapuas', level: 'regency', regionCode: '62.03' });
      const owner = await post('/api/officials', { name: 'Kepala Bidang Cipta Karya', position: 'Kepala Bidang', agencyId: agency.id, email: 'kabid.ck@kapuaskab.example', regionCode: '62.03' });
      const meeting = await post('/api/meetings', { kind: 'rakornis', title: 'Rakornis Air Minum dan Sanitasi', startsAt: '2026-03-03T09:00:00+07:00', venue: 'Kuala Kapuas', mode: 'hybrid', onlineUrl: 'https://vicon.example/rakornis', organizerAgencyId: agency.id, regionCode: '62.03' });
      // The worker runs before the commitment is agreed, so that H-4s is still ahead when it is planned
      // however long the worker takes to start on a loaded machine.
      const worker = await workers.start();
      const commitment = await post(`/api/meetings/${meeting.id}/commitments`, { title: 'Rehabilitasi SPAM perdesaan', ownerOfficialId: owner.id, regionCode: '62.03', dueAt: new Date(Date.now() + 7000).toISOString() });

      await waitFor(async () => sentOne(await reminderLog(api, commitment.id), 'overdue', '1'), 20_000, 'the first overdue reminder');
      await worker.kill9();
      // The state a kill -9 right after sending leaves: overdue 1 sent, nothing planned after it.
      await db.query(`DELETE FROM reminders WHERE commitment_id = $1 AND status = 'scheduled'`, [commitment.id]);
      expect((await reminderLog(api, commitment.id)).filter((r) => r.status === 'scheduled')).toEqual([]);

      await workers.start('worker-restarted');
      const log = await waitFor(async () => {
        const rows = await reminderLog(api, commitment.id);
        return sentOne(rows, 'overdue', '2') ? rows : undefined;
      }, 20_000, 'the second overdue reminder');
      const delivered = expectDeliveredExactlyOnce(smtp, [log], [['before', 'H-PT4S'], ['due', 'H'], ['overdue', '1'], ['overdue', '2']]);
      expect(lateness(sentOne(log, 'overdue', '2')!, delivered)).toBeLessThan(2000);
      await waitFor(async () => (await reminderLog(api, commitment.id)).some((r) => r.kind === 'overdue' && r.label === '3' && r.status === 'scheduled'), 5000, 'the third one planned');
      await post(`/api/commitments/${commitment.id}/progress`, { status: 'cancelled', note: 'Selesai diuji' });
    } catch (error) {
      process.stdout.write(`${workers.logs()}\n`);
      throw error;
    }
  }, 60_000);
});

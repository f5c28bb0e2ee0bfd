import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import request from 'supertest';
import { createBasics } from './support/fixtures';
import { Basics, reminderLog, ReminderRow } from './support/reminder-audit';
import { waitFor } from './support/smtp-sink';
import { startTestStack, TestStack } from './support/test-app';

const ZONE = 'Asia/Makassar'; // the owner's region in the fixtures is 63, Kalimantan Selatan (WITA)

/**
 * The calendar routes (admin) and what they mean for planning: with REMINDER_ALIGN=working-morning,
 * a reminder planned after a day was added never falls on it.
 */
describe('non-working days: the routes, and reminders planned after a change respect it', () => {
  let stack: TestStack;
  let basics: Basics;
  let outbox: string;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'tl-calendar-'));
    stack = await startTestStack({ REMINDER_ALIGN: 'working-morning', REMINDER_SEND_AT: '08:00', REMINDER_OFFSETS: 'P7D,P3D,P1D,P0D', OUTBOX_DIR: outbox });
    basics = await createBasics(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  const days = async (year: number, token = stack.token) =>
    (await stack.http().get(`/api/calendar/non-working-days?year=${year}`).set('Authorization', `Bearer ${token}`).expect(200)).body as Array<{ date: string; name: string; source: string }>;

  /** A Tuesday to Thursday at least three weeks ahead whose day before and after are working days too. */
  async function quietWeekday(): Promise<DateTime> {
    let day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 21 });
    const holidays = new Set<string>();
    for (const year of [day.year, day.year + 1]) for (const d of await days(year)) holidays.add(d.date);
    for (;;) {
      const around = [day.minus({ days: 1 }), day, day.plus({ days: 1 })];
      if (day.weekday >= 2 && day.weekday <= 4 && around.every((d) => !holidays.has(d.toISODate()!))) return day;
      day = day.plus({ days: 1 });
    }
  }

  const agreeDue = (dueAt: DateTime, title: string) =>
    basics.post(`/api/meetings/${basics.meeting.id}/commitments`, { title, ownerOfficialId: basics.owner.id, regionCode: '63', dueAt: dueAt.toISO() });
  const planOf = (id: string) =>
    waitFor(async () => {
      const rows = await reminderLog(stack, id);
      return rows.filter((r) => r.kind === 'before' || r.kind === 'due').length === 4 ? rows : undefined;
    }, 8000, 'the before-due plan');
  const localOf = (row: ReminderRow | undefined) => DateTime.fromISO(row!.scheduledFor).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm");
  const h = (rows: ReminderRow[], label: string) => rows.find((r) => r.label === label && r.status === 'scheduled');

  it('lists the national holidays and cuti bersama of a year', async () => {
    const list = await days(2026);
    expect(list).toEqual(expect.arrayContaining([
      { date: '2026-08-17', name: 'Proklamasi Kemerdekaan', source: 'national' },
      expect.objectContaining({ date: '2026-03-23', source: 'cuti_bersama' }),
    ]));
    expect(list.map((d) => d.date)).toEqual([...list.map((d) => d.date)].sort());
  });

  it('admin adds a day: the H-1 reminder of a commitment planned afterwards moves to the previous working day, 08:00 local', async () => {
    const day = await quietWeekday();
    const date = day.toISODate()!;
    const added = await stack.http().post('/api/calendar/non-working-days').set(basics.auth).send({ date, name: 'Cuti bersama daerah' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ date, name: 'Cuti bersama daerah', source: 'admin' });
    expect(await days(day.year)).toContainEqual({ date, name: 'Cuti bersama daerah', source: 'admin' });

    // Due the next day at 15:00 WITA: H-1 would be on the added day.
    const dueAt = day.plus({ days: 1 }).set({ hour: 15 });
    const commitment = await agreeDue(dueAt, 'Finalisasi dokumen perencanaan kawasan');
    const plan = await planOf(commitment.id);
    expect(localOf(h(plan, 'H-1'))).toBe(`${day.minus({ days: 1 }).toISODate()}T08:00`);
    expect(h(plan, 'H-1')!.scheduledFor).toBe(day.minus({ days: 1 }).set({ hour: 8 }).toUTC().toISO());
    expect(localOf(h(plan, 'H'))).toBe(`${dueAt.toISODate()}T08:00`);

    // Removed again: a commitment planned now gets its H-1 on that day.
    const removed = await stack.http().delete(`/api/calendar/non-working-days/${date}`).set(basics.auth);
    expect(removed.status).toBe(204);
    expect((await days(day.year)).map((d) => d.date)).not.toContain(date);
    const later = await agreeDue(dueAt, 'Finalisasi dokumen perencanaan permukiman');
    expect(localOf(h(await planOf(later.id), 'H-1'))).toBe(`${date}T08:00`);
  });

  it('an official day can be switched off and on again', async () => {
    const res = await stack.http().delete('/api/calendar/non-working-days/2026-12-25').set(basics.auth);
    expect(res.status).toBe(204);
    expect((await days(2026)).map((d) => d.date)).not.toContain('2026-12-25');
    const back = await stack.http().post('/api/calendar/non-working-days').set(basics.auth).send({ date: '2026-12-25', name: 'Kelahiran Yesus Kristus' });
    expect(back.status).toBe(201);
    expect((await days(2026)).map((d) => d.date)).toContain('2026-12-25');
  });

  it('refuses what it should: no token, not an admin, bad dates, unknown days', async () => {
    expect((await request(stack.app.getHttpServer()).get('/api/calendar/non-working-days?year=2026')).status).toBe(401);
    expect((await request(stack.app.getHttpServer()).post('/api/calendar/non-working-days').send({ date: '2026-12-31', name: 'x' })).status).toBe(401);

    await basics.post('/api/users', { email: 'sekretariat@kalselprov.example', password: 'sekretariat-123', role: 'secretariat' });
    const login = await stack.http().post('/api/auth/login').send({ email: 'sekretariat@kalselprov.example', password: 'sekretariat-123' }).expect(200);
    const staff = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await stack.http().post('/api/calendar/non-working-days').set(staff).send({ date: '2026-12-31', name: 'Libur' })).status).toBe(403);
    expect((await stack.http().delete('/api/calendar/non-working-days/2026-12-25').set(staff)).status).toBe(403);
    expect((await days(2026, login.body.accessToken)).length).toBeGreaterThan(20);

    const bad = await stack.http().post('/api/calendar/non-working-days').set(basics.auth).send({ date: '2026-02-30', name: 'Tidak ada' });
    expect(bad.status).toBe(400);
    expect((await stack.http().post('/api/calendar/non-working-days').set(basics.auth).send({ date: '30-12-2026', name: 'x' })).status).toBe(400);
    expect((await stack.http().post('/api/calendar/non-working-days').set(basics.auth).send({ date: '2026-12-30' })).status).toBe(400);
    expect((await stack.http().delete('/api/calendar/non-working-days/2026-12-30').set(basics.auth)).status).toBe(404);
  });
});

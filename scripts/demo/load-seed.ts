import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { AgreeCommitmentCommand, ReportProgressCommand } from '@tl/commitments';
import { RegisterAgencyCommand, RegisterOfficialCommand, RegisterProgramCommand } from '@tl/directory';
import { zoneOfRegion } from '@tl/domain';
import { RegisterAttendeesCommand, ScheduleMeetingCommand } from '@tl/meetings';
import type { SeedData } from './seed-data.types';

// Namespace for the demo's deterministic ids: the same key always gives the same UUID.
const DEMO_NAMESPACE = '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b';
export const seedId = (key: string) => uuidv5(key, DEMO_NAMESPACE);
const ACTOR = 'seed:demo';

export interface SeedReport {
  created: Record<'programs' | 'agencies' | 'officials' | 'meetings' | 'attendees' | 'commitments', number>;
}

/**
 * Loads the demo data through the same commands the api uses, so every row has its events.
 * Idempotent: whatever already exists (by its deterministic id) is left alone.
 */
export async function loadSeed(app: INestApplicationContext, data: SeedData, today = DateTime.now()): Promise<SeedReport> {
  const commands = app.get(CommandBus);
  const db = app.get<DataSource>(getDataSourceToken());
  const exists = async (table: string, id: string) => (await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length > 0;
  const created: SeedReport['created'] = { programs: 0, agencies: 0, officials: 0, meetings: 0, attendees: 0, commitments: 0 };

  for (const p of data.programs) {
    const id = seedId(p.key);
    const byCode = await db.query('SELECT 1 FROM programs WHERE code = $1', [p.code]);
    if ((await exists('programs', id)) || byCode.length) continue;
    await commands.execute(new RegisterProgramCommand({ id, code: p.code, name: p.name }, ACTOR));
    created.programs++;
  }
  for (const a of data.agencies) {
    const id = seedId(a.key);
    if (await exists('agencies', id)) continue;
    await commands.execute(new RegisterAgencyCommand({ id, name: a.name, level: a.level, regionCode: a.regionCode }, ACTOR));
    created.agencies++;
  }
  // Supervisors first: an official may only point at one who exists.
  const pending = [...data.officials];
  const registered = new Set<string>();
  for (const o of data.officials) if (await exists('officials', seedId(o.key))) registered.add(o.key);
  while (pending.length) {
    const index = pending.findIndex((o) => !o.supervisorKey || registered.has(o.supervisorKey) || !data.officials.some((x) => x.key === o.supervisorKey));
    const [o] = pending.splice(index === -1 ? 0 : index, 1);
    if (registered.has(o.key)) continue;
    await commands.execute(
      new RegisterOfficialCommand(
        {
          id: seedId(o.key),
          name: o.name,
          position: o.position,
          agencyId: seedId(o.agencyKey),
          email: o.email,
          regionCode: o.regionCode,
          supervisorId: o.supervisorKey ? seedId(o.supervisorKey) : undefined,
          locale: o.locale,
          leadership: o.leadership,
        },
        ACTOR,
      ),
    );
    registered.add(o.key);
    created.officials++;
  }

  for (const m of data.meetings) {
    const meetingId = seedId(m.key);
    if (!(await exists('meetings', meetingId))) {
      await commands.execute(
        new ScheduleMeetingCommand(
          {
            id: meetingId,
            kind: m.kind,
            title: m.title,
            startsAt: new Date(m.startsAt),
            endsAt: m.endsAt ? new Date(m.endsAt) : undefined,
            venue: m.venue,
            mode: m.mode,
            onlineUrl: m.onlineUrl,
            organizerAgencyId: seedId(m.organizerAgencyKey),
            regionCode: m.regionCode,
            programIds: m.programKeys.map(seedId),
            summary: m.summary,
          },
          ACTOR,
        ),
      );
      created.meetings++;
    }
    const present = new Set<string>(
      (await db.query('SELECT official_id FROM attendees WHERE meeting_id = $1', [meetingId])).map((r: { official_id: string }) => r.official_id),
    );
    const newAttendees = m.attendees
      .filter((a) => !present.has(seedId(a.officialKey)))
      .map((a) => ({
        officialId: seedId(a.officialKey),
        role: a.role,
        attendance: a.attendance,
        representingOfficialId: a.representingOfficialKey ? seedId(a.representingOfficialKey) : undefined,
      }));
    if (newAttendees.length) {
      await commands.execute(new RegisterAttendeesCommand(meetingId, newAttendees, ACTOR));
      created.attendees += newAttendees.length;
    }
    for (const c of m.commitments) {
      const id = seedId(c.key);
      if (await exists('commitments', id)) continue;
      const zone = zoneOfRegion(c.regionCode);
      const [hour, minute] = (c.dueLocalTime ?? '17:00').split(':').map(Number);
      const dueAt = today.setZone(zone).startOf('day').plus({ days: c.dueInDays }).set({ hour, minute }).toJSDate();
      await commands.execute(
        new AgreeCommitmentCommand(
          meetingId,
          {
            id,
            title: c.title,
            description: c.description,
            ownerOfficialId: seedId(c.ownerOfficialKey),
            regionCode: c.regionCode,
            programId: c.programKey ? seedId(c.programKey) : undefined,
            dueAt,
            indicator: c.indicator,
          },
          ACTOR,
        ),
      );
      for (const progress of c.progress ?? []) {
        await commands.execute(new ReportProgressCommand(id, progress, ACTOR));
      }
      created.commitments++;
    }
  }
  return { created };
}

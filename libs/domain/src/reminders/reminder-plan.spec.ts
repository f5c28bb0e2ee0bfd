import { DateTime, Duration } from 'luxon';
import { WorkingCalendar } from '../calendar';
import {
  BeforeDuePlanInput,
  PlannedReminder,
  calendarYearsForPlan,
  daysOverdue,
  escalationAt,
  formatOffset,
  nextOverdueReminder,
  parseDuration,
  parseOffsets,
  parseReminderAlign,
  parseSendAt,
  planBeforeDueReminders,
  planEscalation,
  relativeLabel,
} from './index';

const calendar2026 = WorkingCalendar.forYears([2026]);
const DEFAULT_OFFSETS = parseOffsets('P7D,P3D,P1D,P0D');

function plan(overrides: Partial<BeforeDuePlanInput> & { dueAt: Date }): PlannedReminder[] {
  return planBeforeDueReminders({
    now: new Date('2026-01-01T00:00:00Z'),
    offsets: DEFAULT_OFFSETS,
    align: 'working-morning',
    sendAt: '08:00',
    zone: 'Asia/Jakarta',
    calendar: calendar2026,
    ...overrides,
  });
}

/** [kind, offset, ISO instant] triples, easy to read in failures. */
function summary(reminders: PlannedReminder[]): [string, string, string][] {
  return reminders.map((r) => [r.kind, r.offset, r.scheduledFor.toISOString()]);
}

describe('parseOffsets', () => {
  it('parses the default list', () => {
    expect(DEFAULT_OFFSETS.map(formatOffset)).toEqual(['P7D', 'P3D', 'P1D', 'P0D']);
    expect(DEFAULT_OFFSETS[0].as('days')).toBe(7);
    expect(parseOffsets(' P1W , PT12H ').map(formatOffset)).toEqual(['P1W', 'PT12H']);
  });

  it('names the bad item', () => {
    expect(() => parseOffsets('P7D,P3X,P1D')).toThrow(/REMINDER_OFFSETS item 2: "P3X" is not an ISO-8601 duration/);
    expect(() => parseOffsets('P7D,,P1D')).toThrow(/item 2 is empty/);
    expect(() => parseOffsets('P7D,-P1D')).toThrow(/item 2: "-P1D" is negative/);
    expect(() => parseOffsets('7 days', 'X')).toThrow(/^X item 1: "7 days"/);
  });

  it('an empty value means no offsets', () => {
    expect(parseOffsets('')).toEqual([]);
  });

  it('other settings', () => {
    expect(parseSendAt('08:00')).toEqual({ hour: 8, minute: 0 });
    expect(parseSendAt('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(() => parseSendAt('8:00')).toThrow(/HH:mm/);
    expect(() => parseSendAt('24:00')).toThrow(/HH:mm/);
    expect(parseReminderAlign('none')).toBe('none');
    expect(() => parseReminderAlign('morning')).toThrow(/REMINDER_ALIGN/);
    expect(() => parseDuration('P1D', 'OVERDUE_EVERY')).not.toThrow();
    expect(() => parseDuration('1d', 'OVERDUE_EVERY')).toThrow(/OVERDUE_EVERY: "1d"/);
  });
});

describe('planBeforeDueReminders, working-morning', () => {
  // Wednesday 10 June 2026, 10:00 UTC: 17:00 WIB, 18:00 WITA, 19:00 WIT. No holidays nearby.
  const dueAt = new Date('2026-06-10T10:00:00Z');

  it('sends at 08:00 local in each Indonesian zone: same due instant, different send instants', () => {
    const expected: Record<string, string[]> = {
      'Asia/Jakarta': ['2026-06-03T01:00:00.000Z', '2026-06-05T01:00:00.000Z', '2026-06-09T01:00:00.000Z', '2026-06-10T01:00:00.000Z'],
      // West/Central Kalimantan keep their own IANA zone, also UTC+7.
      'Asia/Pontianak': ['2026-06-03T01:00:00.000Z', '2026-06-05T01:00:00.000Z', '2026-06-09T01:00:00.000Z', '2026-06-10T01:00:00.000Z'],
      'Asia/Makassar': ['2026-06-03T00:00:00.000Z', '2026-06-05T00:00:00.000Z', '2026-06-09T00:00:00.000Z', '2026-06-10T00:00:00.000Z'],
      'Asia/Jayapura': ['2026-06-02T23:00:00.000Z', '2026-06-04T23:00:00.000Z', '2026-06-08T23:00:00.000Z', '2026-06-09T23:00:00.000Z'],
    };
    for (const [zone, instants] of Object.entries(expected)) {
      const reminders = plan({ dueAt, zone });
      expect(reminders.map((r) => r.scheduledFor.toISOString())).toEqual(instants);
      expect(reminders.map((r) => r.kind)).toEqual(['before', 'before', 'before', 'due']);
      expect(reminders.map((r) => r.offset)).toEqual(['P7D', 'P3D', 'P1D', 'P0D']);
      // Always 08:00 on the owner's clock.
      for (const r of reminders) {
        expect(DateTime.fromJSDate(r.scheduledFor, { zone }).toFormat('HH:mm ccc')).toMatch(/^08:00 (Mon|Tue|Wed|Thu|Fri)$/);
      }
    }
  });

  it('one UTC instant on different local days: the due-day 08:00 after a 00:30 due time goes out at the due time', () => {
    // 16:30 UTC: 23:30 WIB on 10 June, 00:30 WITA and 01:30 WIT on 11 June.
    const late = new Date('2026-06-10T16:30:00Z');
    const offsets = parseOffsets('P1D,P0D');
    expect(summary(plan({ dueAt: late, offsets, zone: 'Asia/Jakarta' }))).toEqual([
      ['before', 'P1D', '2026-06-09T01:00:00.000Z'],
      ['due', 'P0D', '2026-06-10T01:00:00.000Z'],
    ]);
    expect(summary(plan({ dueAt: late, offsets, zone: 'Asia/Makassar' }))).toEqual([
      ['before', 'P1D', '2026-06-10T00:00:00.000Z'],
      ['due', 'P0D', '2026-06-10T16:30:00.000Z'],
    ]);
    expect(summary(plan({ dueAt: late, offsets, zone: 'Asia/Jayapura' }))).toEqual([
      ['before', 'P1D', '2026-06-09T23:00:00.000Z'],
      ['due', 'P0D', '2026-06-10T16:30:00.000Z'],
    ]);
  });

  it('a Monday due date moves H-1 (and H-3) to Friday 08:00 local, sorted and both kept', () => {
    // Monday 15 June 2026, 17:00 WIB.
    expect(summary(plan({ dueAt: new Date('2026-06-15T10:00:00Z') }))).toEqual([
      ['before', 'P7D', '2026-06-08T01:00:00.000Z'],
      ['before', 'P3D', '2026-06-12T01:00:00.000Z'],
      ['before', 'P1D', '2026-06-12T01:00:00.000Z'],
      ['due', 'P0D', '2026-06-15T01:00:00.000Z'],
    ]);
  });

  it('a weekend due date moves the due-day reminder to Friday too', () => {
    // Sunday 14 June 2026, 17:00 WIB: P1D and P0D both land on Friday 12 June.
    expect(summary(plan({ dueAt: new Date('2026-06-14T10:00:00Z'), offsets: parseOffsets('P0D,P1D') }))).toEqual([
      ['before', 'P1D', '2026-06-12T01:00:00.000Z'],
      ['due', 'P0D', '2026-06-12T01:00:00.000Z'],
    ]);
  });

  it('17 August 2026 (Monday) is skipped', () => {
    // Tuesday 18 August 2026, 17:00 WIB: H-1 is 17 Aug, H-3 is Saturday 15 -> Friday 14.
    expect(summary(plan({ dueAt: new Date('2026-08-18T10:00:00Z') }))).toEqual([
      ['before', 'P7D', '2026-08-11T01:00:00.000Z'],
      ['before', 'P3D', '2026-08-14T01:00:00.000Z'],
      ['before', 'P1D', '2026-08-14T01:00:00.000Z'],
      ['due', 'P0D', '2026-08-18T01:00:00.000Z'],
    ]);
  });

  it('Idul Fitri 2026 with cuti bersama: everything before moves back to Tuesday 17 March', () => {
    // Due Wednesday 25 March 2026, 17:00 WIB. H-1 = 24 (cuti), 23 (cuti), 22-21 (Idul Fitri,
    // weekend), 20 (cuti), 19 (Nyepi), 18 (cuti) -> 17 March. H-3 (22) and H-7 (18) too.
    expect(summary(plan({ dueAt: new Date('2026-03-25T10:00:00Z') }))).toEqual([
      ['before', 'P7D', '2026-03-17T01:00:00.000Z'],
      ['before', 'P3D', '2026-03-17T01:00:00.000Z'],
      ['before', 'P1D', '2026-03-17T01:00:00.000Z'],
      ['due', 'P0D', '2026-03-25T01:00:00.000Z'],
    ]);
  });

  it('an admin non-working day is respected', () => {
    const calendar = WorkingCalendar.forYears([2026], [{ date: '2026-06-09', name: 'Libur daerah', source: 'admin' }]);
    const reminders = plan({ dueAt, calendar, offsets: parseOffsets('P1D') });
    expect(summary(reminders)).toEqual([['before', 'P1D', '2026-06-08T01:00:00.000Z']]);
  });

  it('honours REMINDER_SEND_AT', () => {
    const reminders = plan({ dueAt, sendAt: '07:30', offsets: parseOffsets('P1D') });
    expect(summary(reminders)).toEqual([['before', 'P1D', '2026-06-09T00:30:00.000Z']]);
  });

  it('drops reminders already in the past, without a burst', () => {
    // Between H-3 (Fri 5 June 08:00) and H-1 (Tue 9 June 08:00).
    expect(summary(plan({ dueAt, now: new Date('2026-06-06T00:00:00Z') }))).toEqual([
      ['before', 'P1D', '2026-06-09T01:00:00.000Z'],
      ['due', 'P0D', '2026-06-10T01:00:00.000Z'],
    ]);
    // Exactly at the instant still counts.
    expect(plan({ dueAt, now: new Date('2026-06-09T01:00:00Z') })).toHaveLength(2);
    // The due-day 08:00 has passed but the due time (17:00) has not: nothing is left (documented choice).
    expect(plan({ dueAt, now: new Date('2026-06-10T03:00:00Z') })).toEqual([]);
    // Past the due time: nothing.
    expect(plan({ dueAt, now: new Date('2026-06-11T00:00:00Z') })).toEqual([]);
  });

  it('crosses New Year with a calendar built for the years of the plan', () => {
    // Monday 4 January 2027, 09:00 WIB: H-1 Sunday 3, Saturday 2, Friday 1 (New Year) -> Thursday 31 Dec 2026.
    const due = new Date('2027-01-04T02:00:00Z');
    const offsets = parseOffsets('P1D');
    const years = calendarYearsForPlan({ dueAt: due, offsets, zone: 'Asia/Jakarta' });
    expect(years).toEqual([2026, 2027]);
    const reminders = plan({ dueAt: due, offsets, calendar: WorkingCalendar.forYears(years) });
    expect(summary(reminders)).toEqual([['before', 'P1D', '2026-12-31T01:00:00.000Z']]);
  });

  it('rejects an unknown zone', () => {
    expect(() => plan({ dueAt, zone: 'Asia/Nowhere' })).toThrow(/Asia\/Nowhere/);
  });
});

describe('planBeforeDueReminders, none', () => {
  it('is exactly due time minus offset, weekends and holidays included', () => {
    const dueAt = new Date('2026-08-18T10:00:00Z');
    const reminders = plan({ dueAt, align: 'none', offsets: parseOffsets('P7D,P1D,PT2H,P0D') });
    expect(summary(reminders)).toEqual([
      ['before', 'P7D', '2026-08-11T10:00:00.000Z'],
      ['before', 'P1D', '2026-08-17T10:00:00.000Z'],
      ['before', 'PT2H', '2026-08-18T08:00:00.000Z'],
      ['due', 'P0D', '2026-08-18T10:00:00.000Z'],
    ]);
    // Same in every zone: no local alignment.
    expect(summary(plan({ dueAt, align: 'none', zone: 'Asia/Jayapura', offsets: parseOffsets('P7D,P1D,PT2H,P0D') }))).toEqual(
      summary(reminders),
    );
  });
});

describe('Indonesian zones have no DST', () => {
  it('the UTC offset is constant over the whole year', () => {
    const offsets: Record<string, number> = {
      'Asia/Jakarta': 7 * 60,
      'Asia/Pontianak': 7 * 60,
      'Asia/Makassar': 8 * 60,
      'Asia/Jayapura': 9 * 60,
    };
    for (const [zone, minutes] of Object.entries(offsets)) {
      const seen = new Set<number>();
      for (let day = DateTime.fromISO('2026-01-01', { zone }); day.year === 2026; day = day.plus({ days: 1 })) {
        seen.add(day.offset);
        seen.add(day.set({ hour: 12 }).offset);
      }
      expect([...seen]).toEqual([minutes]);
    }
  });

  it('January and July plans send at the same UTC time of day', () => {
    const jan = plan({ dueAt: new Date('2026-01-14T10:00:00Z'), offsets: parseOffsets('P1D'), zone: 'Asia/Makassar' });
    const jul = plan({ dueAt: new Date('2026-07-15T10:00:00Z'), offsets: parseOffsets('P1D'), zone: 'Asia/Makassar' });
    expect(jan[0].scheduledFor.toISOString()).toBe('2026-01-13T00:00:00.000Z');
    expect(jul[0].scheduledFor.toISOString()).toBe('2026-07-14T00:00:00.000Z');
  });
});

describe('nextOverdueReminder', () => {
  const dueAt = new Date('2026-03-25T10:00:00Z');
  const every = Duration.fromISO('P1D');

  it('the first is one period after the due time', () => {
    for (const now of ['2026-03-20T00:00:00Z', '2026-03-25T11:00:00Z', '2026-03-26T10:00:00Z']) {
      const next = nextOverdueReminder({ dueAt, now: new Date(now), every });
      expect(next).toEqual({ kind: 'overdue', offset: '1', ordinal: 1, scheduledFor: new Date('2026-03-26T10:00:00Z') });
    }
  });

  it('after one is sent, the next period follows', () => {
    const sentAt = new Date('2026-03-26T10:00:00.250Z');
    const next = nextOverdueReminder({ dueAt, now: sentAt, every, lastSentAt: sentAt });
    expect(next.ordinal).toBe(2);
    expect(next.scheduledFor.toISOString()).toBe('2026-03-27T10:00:00.000Z');
    // Planned ahead of time (lastSentAt = the scheduled instant itself).
    const ahead = nextOverdueReminder({ dueAt, now: new Date('2026-03-26T09:00:00Z'), every, lastSentAt: new Date('2026-03-26T10:00:00Z') });
    expect(ahead.ordinal).toBe(2);
  });

  it('never bursts the periods missed while nothing ran', () => {
    // Second sent on the 27th, then down until the 29th 11:00: next is the 5th, on the 30th.
    const next = nextOverdueReminder({
      dueAt,
      now: new Date('2026-03-29T11:00:00Z'),
      every,
      lastSentAt: new Date('2026-03-27T10:00:00Z'),
    });
    expect(next).toEqual({ kind: 'overdue', offset: '5', ordinal: 5, scheduledFor: new Date('2026-03-30T10:00:00Z') });
    // A commitment recorded long after its due time: first reminder is the next period.
    const backfilled = nextOverdueReminder({ dueAt, now: new Date('2026-05-01T09:00:00Z'), every });
    expect(backfilled.ordinal).toBe(37);
    expect(backfilled.scheduledFor.toISOString()).toBe('2026-05-01T10:00:00.000Z');
  });

  it('uses dueAt + k * every for calendar units', () => {
    const endOfJan = new Date('2026-01-31T10:00:00Z');
    const monthly = Duration.fromISO('P1M');
    expect(nextOverdueReminder({ dueAt: endOfJan, now: new Date('2026-02-15T00:00:00Z'), every: monthly }).scheduledFor.toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    const second = nextOverdueReminder({ dueAt: endOfJan, now: new Date('2026-03-01T00:00:00Z'), every: monthly });
    expect(second.ordinal).toBe(2);
    expect(second.scheduledFor.toISOString()).toBe('2026-03-31T10:00:00.000Z');
  });

  it('rejects a zero period', () => {
    expect(() => nextOverdueReminder({ dueAt, now: dueAt, every: Duration.fromISO('P0D') })).toThrow(/positive/);
  });
});

describe('escalation', () => {
  it('is the due time plus ESCALATE_AFTER, not aligned', () => {
    const dueAt = new Date('2026-03-25T10:00:00Z');
    const escalateAfter = parseDuration('P3D');
    expect(escalationAt({ dueAt, escalateAfter }).toISOString()).toBe('2026-03-28T10:00:00.000Z');
    expect(planEscalation({ dueAt, escalateAfter })).toEqual({
      kind: 'escalation',
      offset: 'P3D',
      scheduledFor: new Date('2026-03-28T10:00:00Z'),
    });
  });
});

describe('daysOverdue', () => {
  // 17:00 WIB, 19:00 WIT.
  const dueAt = new Date('2026-03-25T10:00:00Z');

  it('counts local calendar days after the due day', () => {
    expect(daysOverdue(dueAt, new Date('2026-03-25T09:00:00Z'), 'Asia/Jakarta')).toBe(0);
    expect(daysOverdue(dueAt, new Date('2026-03-25T12:00:00Z'), 'Asia/Jakarta')).toBe(0);
    expect(daysOverdue(dueAt, new Date('2026-03-25T17:30:00Z'), 'Asia/Jakarta')).toBe(1); // 00:30 WIB on the 26th
    expect(daysOverdue(dueAt, new Date('2026-03-28T10:00:00Z'), 'Asia/Jakarta')).toBe(3);
  });

  it('depends on the zone', () => {
    const now = new Date('2026-03-25T15:30:00Z'); // 22:30 WIB, 00:30 WIT on the 26th
    expect(daysOverdue(dueAt, now, 'Asia/Jakarta')).toBe(0);
    expect(daysOverdue(dueAt, now, 'Asia/Jayapura')).toBe(1);
  });

  it('matches the ordinal of daily overdue reminders', () => {
    const next = nextOverdueReminder({ dueAt, now: new Date('2026-03-27T12:00:00Z'), every: Duration.fromISO('P1D') });
    expect(daysOverdue(dueAt, next.scheduledFor, 'Asia/Makassar')).toBe(next.ordinal);
  });
});

describe('relativeLabel', () => {
  it('H-n for before, H for due', () => {
    expect(relativeLabel('before', 'P7D')).toBe('H-7');
    expect(relativeLabel('before', 'P3D')).toBe('H-3');
    expect(relativeLabel('before', 'P1D')).toBe('H-1');
    expect(relativeLabel('due', 'P0D')).toBe('H');
    expect(relativeLabel('before', Duration.fromISO('P1W'))).toBe('H-7');
    expect(relativeLabel('before', 'PT12H')).toBe('H-PT12H');
  });

  it('labels what the planner produced', () => {
    const reminders = plan({ dueAt: new Date('2026-06-10T10:00:00Z') });
    expect(reminders.map((r) => relativeLabel(r.kind as 'before' | 'due', r.offset))).toEqual(['H-7', 'H-3', 'H-1', 'H']);
  });
});

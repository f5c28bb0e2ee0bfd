import ical, { ICalCalendarMethod } from 'ical-generator';

export interface DueEventInput {
  /** Stable id of the commitment; the UID is derived from it so re-sent reminders update one event. */
  commitmentId: string;
  /** Summary: the commitment title (made single-line here). */
  title: string;
  /** Plain-text description (may span lines). */
  description: string;
  dueAt: Date;
  url?: string;
  calendarName: string;
  locale: 'id' | 'en';
  /** DTSTAMP; defaults to the current time. */
  stamp?: Date;
  /** Event length in minutes; default 30. */
  durationMinutes?: number;
}

/**
 * An iCalendar (RFC 5545) document with one event at the due instant. Times are written in UTC
 * (DTSTART:20270818T090000Z), so no VTIMEZONE is needed and every client shows local time.
 */
export function buildDueEventIcs(input: DueEventInput): string {
  const start = input.dueAt;
  const end = new Date(start.getTime() + (input.durationMinutes ?? 30) * 60_000);
  const calendar = ical({
    name: input.calendarName,
    prodId: { company: 'Tindak Lanjut', product: 'Pengingat', language: input.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `tindak-lanjut-${input.commitmentId}@tindak-lanjut`,
    start,
    end,
    stamp: input.stamp ?? new Date(),
    summary: input.title.replace(/\s+/g, ' ').trim(),
    description: input.description,
    url: input.url ?? null,
  });
  return calendar.toString();
}

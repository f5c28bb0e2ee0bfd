import { DateTime } from 'luxon';
import { formatDate, formatDateRange, formatDueTime, formatTime, zoneAbbreviation } from './format-datetime';

describe('formatDueTime', () => {
  const due = new Date('2027-08-18T09:00:00Z');

  it('formats a WITA due time in Bahasa Indonesia (18 Aug 2027 is a Wednesday)', () => {
    expect(formatDueTime(due, 'Asia/Makassar', 'id')).toBe('Rabu, 18 Agustus 2027 pukul 17.00 WITA');
  });

  it('formats the same instant in English', () => {
    expect(formatDueTime(due, 'Asia/Makassar', 'en')).toBe('Wednesday, 18 August 2027 at 17:00 WITA');
  });

  it('gives "Kamis" when the local date is Thursday 19 August', () => {
    expect(formatDueTime(new Date('2027-08-19T09:00:00Z'), 'Asia/Makassar', 'id')).toBe(
      'Kamis, 19 Agustus 2027 pukul 17.00 WITA',
    );
  });

  it('labels WIB for Jakarta and Pontianak, WIT for Jayapura', () => {
    expect(formatDueTime(due, 'Asia/Jakarta', 'id')).toBe('Rabu, 18 Agustus 2027 pukul 16.00 WIB');
    expect(formatDueTime(due, 'Asia/Pontianak', 'id')).toBe('Rabu, 18 Agustus 2027 pukul 16.00 WIB');
    expect(formatDueTime(due, 'Asia/Jayapura', 'id')).toBe('Rabu, 18 Agustus 2027 pukul 18.00 WIT');
    expect(formatDueTime(due, 'Asia/Jayapura', 'en')).toBe('Wednesday, 18 August 2027 at 18:00 WIT');
  });

  it('moves the calendar date when the local time crosses midnight', () => {
    // 16:30 UTC = 00:30 WITA the next day
    expect(formatDueTime(new Date('2027-08-18T16:30:00Z'), 'Asia/Makassar', 'id')).toBe(
      'Kamis, 19 Agustus 2027 pukul 00.30 WITA',
    );
  });

  it('falls back to a UTC offset label for zones outside Indonesia and to UTC for unknown zones', () => {
    expect(formatTime(due, 'Australia/Darwin', 'en')).toBe('18:30 UTC+9:30');
    expect(formatTime(due, 'Not/AZone', 'id')).toBe('09.00 UTC');
    expect(zoneAbbreviation('Asia/Makassar')).toBe('WITA');
    expect(zoneAbbreviation('Europe/Berlin', due)).toBe('UTC+2');
  });

  it('agrees with the time-zone database for Indonesian times from 1988 on, and uses it before', () => {
    const zones = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Ujung_Pandang', 'Asia/Jayapura'];
    for (let t = Date.UTC(1988, 0, 1); t < Date.UTC(2040, 0, 1); t += 97 * 86_400_000 + 3_600_000) {
      for (const zone of zones) {
        const local = DateTime.fromMillis(t, { zone });
        expect(formatTime(new Date(t), zone, 'en').slice(0, 5)).toBe(local.toFormat('HH:mm'));
      }
    }
    // Pontianak was UTC+8 until the end of 1987.
    expect(formatTime(new Date('1987-06-01T00:00:00Z'), 'Asia/Pontianak', 'id')).toBe('08.00 WIB');
    expect(formatTime(new Date('1988-06-01T00:00:00Z'), 'Asia/Pontianak', 'id')).toBe('07.00 WIB');
  });

  it('rejects an invalid Date', () => {
    expect(() => formatDueTime(new Date('nope'), 'Asia/Jakarta', 'id')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('formats a meeting date in the meeting zone', () => {
    // Rakortek PKP Kalsel, Banjarmasin, Thursday 12 February 2026, 09.00 WITA
    const startsAt = new Date('2026-02-12T01:00:00Z');
    expect(formatDate(startsAt, 'Asia/Makassar', 'id')).toBe('Kamis, 12 Februari 2026');
    expect(formatDate(startsAt, 'Asia/Makassar', 'en')).toBe('Thursday, 12 February 2026');
    expect(formatDate(startsAt, 'Asia/Makassar', 'id', { weekday: false })).toBe('12 Februari 2026');
  });
});

describe('formatDateRange', () => {
  it('shortens ranges within one month or one year', () => {
    const z = 'Asia/Jakarta';
    expect(formatDateRange(new Date('2027-08-11T01:00:00Z'), new Date('2027-08-17T01:00:00Z'), z, 'id')).toBe('11–17 Agustus 2027');
    expect(formatDateRange(new Date('2027-07-28T01:00:00Z'), new Date('2027-08-03T01:00:00Z'), z, 'en')).toBe('28 July – 3 August 2027');
    expect(formatDateRange(new Date('2027-12-29T01:00:00Z'), new Date('2028-01-04T01:00:00Z'), z, 'id')).toBe(
      '29 Desember 2027 – 4 Januari 2028',
    );
  });
});

/**
 * Curated official non-working days per year, from the joint ministerial decree (SKB) on national
 * holidays and cuti bersama. Where a year is listed here it replaces the date-holidays package,
 * which mislabels some days and knows no cuti bersama. Adding a year is adding an entry below.
 *
 * Pure data: no imports, so the calendar logic can depend on it without a cycle.
 */

export interface OfficialDay {
  /** Local calendar date, 'YYYY-MM-DD'. */
  readonly date: string;
  readonly name: string;
}

export interface OfficialCalendar {
  readonly year: number;
  /** Where the data comes from, so it can be re-checked when the decree is amended. */
  readonly source: string;
  readonly nationalHolidays: readonly OfficialDay[];
  readonly cutiBersama: readonly OfficialDay[];
}

/*
 * 2026, transcribed from /work/shared/calendar/indonesia-2026.json.
 * Source: SKB Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB No. 1497/2025, 2/2025, 5/2025
 * (announced 19 Sep 2025): 17 days of national holidays and 8 days of cuti bersama, as reported by
 * regional government and news sites.
 * Note: date-holidays (country ID) puts Idul Fitri on 20-21 March (SKB: 21-22), labels 16 January
 * as Maulid (SKB: Isra Mikraj), and has no cuti bersama. Government offices observe cuti bersama.
 */
const CALENDAR_2026: OfficialCalendar = {
  year: 2026,
  source:
    'SKB Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB No. 1497/2025, 2/2025, 5/2025 (announced 19 Sep 2025)',
  nationalHolidays: [
    { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi' },
    { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW' },
    { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili' },
    { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
    { date: '2026-03-21', name: 'Idul Fitri 1447 H' },
    { date: '2026-03-22', name: 'Idul Fitri 1447 H' },
    { date: '2026-04-03', name: 'Wafat Yesus Kristus' },
    { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)' },
    { date: '2026-05-01', name: 'Hari Buruh Internasional' },
    { date: '2026-05-14', name: 'Kenaikan Yesus Kristus' },
    { date: '2026-05-27', name: 'Idul Adha 1447 H' },
    { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE' },
    { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
    { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 H' },
    { date: '2026-08-17', name: 'Proklamasi Kemerdekaan' },
    { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW' },
    { date: '2026-12-25', name: 'Kelahiran Yesus Kristus' },
  ],
  cutiBersama: [
    { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek' },
    { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi' },
    { date: '2026-03-20', name: 'Cuti bersama Idul Fitri' },
    { date: '2026-03-23', name: 'Cuti bersama Idul Fitri' },
    { date: '2026-03-24', name: 'Cuti bersama Idul Fitri' },
    { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus' },
    { date: '2026-05-28', name: 'Cuti bersama Idul Adha' },
    { date: '2026-12-24', name: 'Cuti bersama Natal' },
  ],
};

export const OFFICIAL_CALENDARS: Readonly<Record<number, OfficialCalendar>> = Object.freeze({
  2026: CALENDAR_2026,
});

/** The curated calendar of a year, or undefined when only date-holidays knows it. */
export function officialCalendar(year: number): OfficialCalendar | undefined {
  return Object.prototype.hasOwnProperty.call(OFFICIAL_CALENDARS, year) ? OFFICIAL_CALENDARS[year] : undefined;
}

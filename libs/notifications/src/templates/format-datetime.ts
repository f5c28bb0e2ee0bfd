import { DateTime, FixedOffsetZone } from 'luxon';

/** Locales the notification templates are written in. Bahasa Indonesia is the default. */
export type EmailLocale = 'id' | 'en';

const WEEKDAYS: Record<EmailLocale, readonly string[]> = {
  // luxon weekday: 1 = Monday … 7 = Sunday
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const MONTHS: Record<EmailLocale, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * Indonesian time-zone abbreviations. Intl/ICU does not know WIB/WITA/WIT (it prints "GMT+8"),
 * so they are mapped here by IANA name.
 */
const INDONESIAN_ZONES: Readonly<Record<string, 'WIB' | 'WITA' | 'WIT'>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA', // legacy alias of Asia/Makassar
  'Asia/Jayapura': 'WIT',
};

/**
 * The Indonesian zones have had these offsets and no daylight saving time since 1 January 1988
 * (when Pontianak moved from UTC+8 to UTC+7). A fixed offset gives the same result without the
 * Intl look-ups that otherwise dominate the cost of formatting a reminder e-mail.
 */
const FIXED_SINCE_1988: Readonly<Record<string, FixedOffsetZone>> = {
  'Asia/Jakarta': FixedOffsetZone.instance(7 * 60),
  'Asia/Pontianak': FixedOffsetZone.instance(7 * 60),
  'Asia/Makassar': FixedOffsetZone.instance(8 * 60),
  'Asia/Ujung_Pandang': FixedOffsetZone.instance(8 * 60),
  'Asia/Jayapura': FixedOffsetZone.instance(9 * 60),
};
const JAN_1988 = Date.UTC(1988, 0, 1);

/**
 * Resolves `date` in `zone`. An unknown zone falls back to UTC (the time is then still correct,
 * and labelled "UTC") rather than failing the whole mail. An invalid Date throws.
 */
function inZone(date: Date, zone: string): DateTime {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError('format-datetime: invalid Date');
  }
  const fixed = date.getTime() >= JAN_1988 ? FIXED_SINCE_1988[zone] : undefined;
  if (fixed) return DateTime.fromJSDate(date, { zone: fixed });
  const dt = DateTime.fromJSDate(date, { zone });
  return dt.isValid ? dt : DateTime.fromJSDate(date, { zone: 'utc' });
}

function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = Math.floor(abs / 60);
  const minutes = abs % 60;
  return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/**
 * Abbreviation shown after a clock time: WIB, WITA or WIT for the Indonesian zones,
 * otherwise the UTC offset at that instant ("UTC", "UTC+10", "UTC+5:30").
 */
export function zoneAbbreviation(zone: string, at: Date = new Date()): string {
  const known = INDONESIAN_ZONES[zone];
  if (known) return known;
  return offsetLabel(inZone(at, zone).offset);
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

export interface FormatDateOptions {
  /** Prefix the weekday ("Kamis, 18 Agustus 2027"). Default true. */
  weekday?: boolean;
}

/**
 * Calendar date of `date` as seen in `zone`: "Kamis, 18 Agustus 2027" / "Thursday, 18 August 2027".
 * Used for meeting dates and digest tables.
 */
export function formatDate(date: Date, zone: string, locale: EmailLocale, options: FormatDateOptions = {}): string {
  const dt = inZone(date, zone);
  const day = `${dt.day} ${MONTHS[locale][dt.month - 1]} ${dt.year}`;
  return options.weekday === false ? day : `${WEEKDAYS[locale][dt.weekday - 1]}, ${day}`;
}

/** Clock time with zone label: "17.00 WITA" (id, Indonesian uses a full stop) / "17:00 WITA" (en). */
export function formatTime(date: Date, zone: string, locale: EmailLocale): string {
  const dt = inZone(date, zone);
  const sep = locale === 'id' ? '.' : ':';
  const label = INDONESIAN_ZONES[zone] ?? offsetLabel(dt.offset);
  return `${two(dt.hour)}${sep}${two(dt.minute)} ${label}`;
}

/**
 * Due date and time of a commitment in the official's zone:
 * "Kamis, 18 Agustus 2027 pukul 17.00 WITA" / "Thursday, 18 August 2027 at 17:00 WITA".
 */
export function formatDueTime(date: Date, zone: string, locale: EmailLocale): string {
  const joiner = locale === 'id' ? 'pukul' : 'at';
  return `${formatDate(date, zone, locale)} ${joiner} ${formatTime(date, zone, locale)}`;
}

/**
 * A date range such as a reporting week: "11–17 Agustus 2027", "28 Juli – 3 Agustus 2027",
 * "29 Desember 2027 – 4 Januari 2028" (both ends inclusive, no weekday).
 */
export function formatDateRange(start: Date, end: Date, zone: string, locale: EmailLocale): string {
  const a = inZone(start, zone);
  const b = inZone(end, zone);
  const months = MONTHS[locale];
  if (a.year === b.year && a.month === b.month) {
    if (a.day === b.day) return `${a.day} ${months[a.month - 1]} ${a.year}`;
    return `${a.day}–${b.day} ${months[b.month - 1]} ${b.year}`;
  }
  if (a.year === b.year) return `${a.day} ${months[a.month - 1]} – ${b.day} ${months[b.month - 1]} ${b.year}`;
  return `${a.day} ${months[a.month - 1]} ${a.year} – ${b.day} ${months[b.month - 1]} ${b.year}`;
}

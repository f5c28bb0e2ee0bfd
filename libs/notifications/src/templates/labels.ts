import type { EmailLocale } from './format-datetime';

export type MeetingKind = 'rakor' | 'rakornis' | 'rakortek' | 'other';

export const DEFAULT_APP_NAME = 'Tindak Lanjut';

const MEETING_KINDS: Record<EmailLocale, Record<MeetingKind, string>> = {
  id: {
    rakor: 'Rapat Koordinasi (Rakor)',
    rakornis: 'Rapat Koordinasi Teknis (Rakornis)',
    rakortek: 'Rapat Koordinasi Teknis (Rakortek)',
    other: 'Rapat',
  },
  en: {
    rakor: 'Coordination Meeting (Rakor)',
    rakornis: 'Technical Coordination Meeting (Rakornis)',
    rakortek: 'Technical Coordination Meeting (Rakortek)',
    other: 'Meeting',
  },
};

/** The kind of meeting in words: "Rapat Koordinasi (Rakor)" / "Coordination Meeting (Rakor)". */
export function meetingKindLabel(kind: MeetingKind, locale: EmailLocale): string {
  return MEETING_KINDS[locale][kind] ?? MEETING_KINDS[locale].other;
}

const STATUSES: Record<EmailLocale, Record<string, string>> = {
  id: {
    open: 'Belum dimulai',
    in_progress: 'Sedang dikerjakan',
    blocked: 'Terkendala',
    done: 'Selesai',
    cancelled: 'Dibatalkan',
    overdue: 'Terlambat',
  },
  en: {
    open: 'Open',
    in_progress: 'In progress',
    blocked: 'Blocked',
    done: 'Done',
    cancelled: 'Cancelled',
    overdue: 'Overdue',
  },
};

/** Commitment status in words; accepts 'in_progress', 'inProgress', 'IN-PROGRESS', 'canceled' …; unknown values pass through. */
export function statusLabel(status: string, locale: EmailLocale): string {
  const key = status
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/^canceled$/, 'cancelled');
  return STATUSES[locale][key] ?? status;
}

/** Salutation line: "Yth. Bapak/Ibu Rahmiyanti Janoezir," / "Dear Rahmiyanti Janoezir,". */
export function greeting(name: string, locale: EmailLocale): string {
  return locale === 'id' ? `Yth. Bapak/Ibu ${name},` : `Dear ${name},`;
}

/** "1 hari" / "3 hari"; "1 day" / "3 days". */
export function days(n: number, locale: EmailLocale): string {
  if (locale === 'id') return `${n} hari`;
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

export function footerText(appName: string, locale: EmailLocale): string {
  return locale === 'id'
    ? `Email ini dikirim otomatis oleh aplikasi ${appName} untuk memantau tindak lanjut hasil rapat koordinasi. Mohon tidak membalas email ini.`
    : `This e-mail was sent automatically by ${appName}, which tracks the follow-up actions agreed at coordination meetings. Please do not reply to it.`;
}

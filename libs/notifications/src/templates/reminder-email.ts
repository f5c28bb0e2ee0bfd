import { buildDueEventIcs } from './calendar';
import { formatDate, formatDueTime, type EmailLocale } from './format-datetime';
import { formatIndicatorProgress, formatQuantity } from './format-number';
import {
  compileHtml,
  compileText,
  indentBlock,
  oneLine,
  safeHttpUrl,
  subjectLine,
  tidyText,
  truncate,
} from './handlebars-env';
import { DEFAULT_APP_NAME, days, footerText, greeting, meetingKindLabel, statusLabel, type MeetingKind } from './labels';

export type ReminderKind = 'before' | 'due' | 'overdue' | 'escalation';
export type ReminderRole = 'owner' | 'supervisor' | 'chair';

export interface ReminderCommitment {
  id: string;
  title: string;
  description?: string;
  status: string;
  dueAt: Date;
  /** IANA zone of the responsible official, e.g. 'Asia/Makassar'. */
  zone: string;
  ownerName: string;
  regionName?: string;
  programName?: string;
  indicator?: { unit: string; baseline?: number; target: number; achieved?: number };
}

export interface ReminderMeeting {
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  venue: string;
  /** IANA zone of the meeting venue. */
  zone: string;
}

export interface ReminderEmailItem {
  kind: ReminderKind;
  /** Computed by the caller: 'H-7', 'H-3', 'H-1', 'H'. */
  label: string;
  /** For overdue/escalation: whole days past the due time. */
  daysOverdue?: number;
  commitment: ReminderCommitment;
  meeting: ReminderMeeting;
  /** Signed single-use link to report progress. Rendered only when role is 'owner' and the URL is http(s). */
  progressUrl?: string;
}

export interface ReminderEmailInput {
  locale: EmailLocale;
  recipient: { name: string; position?: string };
  /** Escalation mails go to the supervisor/chair about someone else's commitment. */
  role: ReminderRole;
  /** One mail may list several commitments that are due at the same instant for one official. */
  items: ReminderEmailItem[];
  /** Product name in the subject prefix and footer; default 'Tindak Lanjut'. */
  appName?: string;
  /** DTSTAMP of the calendar attachments; default now. */
  generatedAt?: Date;
}

export interface EmailAttachment {
  filename: string;
  content: string;
  contentType: 'text/calendar';
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RenderedReminderEmail extends RenderedEmail {
  /** One iCalendar file per item (event at the due time, 30 minutes). */
  attachments: EmailAttachment[];
}

// ---------------------------------------------------------------------------------------------
// Templates (compiled once per process, on first use)
// ---------------------------------------------------------------------------------------------

interface Row {
  label: string;
  value: string;
}

interface ItemView {
  marker: string;
  badge: string;
  color: string;
  title: string;
  description?: string;
  descriptionText?: string;
  rows: Row[];
  progressUrl?: string;
  progressLabel: string;
}

interface ReminderView {
  lang: EmailLocale;
  subject: string;
  preheader: string;
  appName: string;
  footer: string;
  greeting: string;
  position?: string;
  intro: string;
  items: ItemView[];
  linkNote?: string;
  calendarNote: string;
  closing: string;
}

const HTML = compileHtml<ReminderView>(`{{#> layout}}
<p style="margin:0;">{{greeting}}</p>
{{#if position}}<p style="margin:0;color:#6b7280;">{{position}}</p>{{/if}}
<p style="margin:16px 0;">{{intro}}</p>
{{#each items}}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px 0;border:1px solid #e5e7eb;border-left:4px solid {{color}};border-radius:4px;">
<tr><td style="padding:12px 16px;">
<p style="margin:0 0 4px 0;font-size:12px;font-weight:bold;color:{{color}};">{{badge}}</p>
<p style="margin:0 0 8px 0;font-size:16px;font-weight:bold;color:#111827;">{{title}}</p>
{{#if description}}<p style="margin:0 0 8px 0;color:#374151;white-space:pre-line;">{{description}}</p>{{/if}}
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="font-size:14px;line-height:1.5;">
{{#each rows}}
<tr><td style="padding:2px 16px 2px 0;color:#6b7280;vertical-align:top;white-space:nowrap;">{{label}}</td><td style="padding:2px 0;vertical-align:top;color:#111827;">{{value}}</td></tr>
{{/each}}
</table>
{{#if progressUrl}}
<p style="margin:12px 0 0 0;"><a href="{{progressUrl}}" style="display:inline-block;padding:8px 16px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">{{progressLabel}}</a></p>
{{/if}}
</td></tr>
</table>
{{/each}}
{{#if linkNote}}<p style="margin:0 0 8px 0;font-size:12px;color:#6b7280;">{{linkNote}}</p>{{/if}}
<p style="margin:0 0 8px 0;font-size:12px;color:#6b7280;">{{calendarNote}}</p>
<p style="margin:16px 0 0 0;">{{closing}}</p>
{{/layout}}`);

const TEXT = compileText<ReminderView>(`{{greeting}}
{{#if position}}
{{position}}
{{/if}}

{{intro}}

{{#each items}}
{{marker}}[{{badge}}] {{title}}
{{#if descriptionText}}
   {{descriptionText}}
{{/if}}
{{#each rows}}
   {{label}}: {{value}}
{{/each}}
{{#if progressUrl}}
   {{progressLabel}}: {{progressUrl}}
{{/if}}

{{/each}}
{{#if linkNote}}
{{linkNote}}
{{/if}}
{{calendarNote}}

{{closing}}

{{footer}}
`);

// ---------------------------------------------------------------------------------------------
// Wording
// ---------------------------------------------------------------------------------------------

const COLORS: Record<ReminderKind, string> = {
  before: '#1d4ed8',
  due: '#b45309',
  overdue: '#b91c1c',
  escalation: '#991b1b',
};

const ROW_LABELS = {
  id: {
    due: 'Batas waktu',
    status: 'Status',
    progress: 'Capaian',
    baseline: 'Baseline',
    owner: 'Penanggung jawab',
    region: 'Wilayah',
    program: 'Program',
    meeting: 'Rapat',
    meetingDate: 'Tanggal rapat',
    venue: 'Tempat',
    report: 'Laporkan progres',
  },
  en: {
    due: 'Deadline',
    status: 'Status',
    progress: 'Progress',
    baseline: 'Baseline',
    owner: 'Responsible official',
    region: 'Region',
    program: 'Programme',
    meeting: 'Meeting',
    meetingDate: 'Meeting date',
    venue: 'Venue',
    report: 'Report progress',
  },
} as const;

const SUBJECT_TITLE_MAX = 120;

function beforeDays(label: string): number | undefined {
  const m = /^H\s*-\s*(\d+)$/i.exec(label.trim());
  return m ? Number(m[1]) : undefined;
}

function overdueDays(item: ReminderEmailItem): number | undefined {
  const n = item.daysOverdue;
  return n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
}

/** "terlambat 3 hari" / "3 days overdue" (lower case, for use inside a sentence). */
function lateText(item: ReminderEmailItem, locale: EmailLocale): string {
  const n = overdueDays(item);
  if (locale === 'id') return n ? `terlambat ${days(n, 'id')}` : 'terlambat';
  return n ? `${days(n, 'en')} overdue` : 'overdue';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The relative label shown on the item: "H-7 · 7 hari lagi", "Hari ini (H)", "Terlambat 3 hari", … */
export function relativeLabel(item: ReminderEmailItem, locale: EmailLocale): string {
  const id = locale === 'id';
  switch (item.kind) {
    case 'before': {
      const n = beforeDays(item.label);
      if (n === undefined) return oneLine(item.label);
      if (n === 0) return id ? 'Hari ini (H)' : 'Today (H)';
      if (n === 1) return id ? 'H-1 · besok' : 'H-1 · tomorrow';
      return id ? `H-${n} · ${n} hari lagi` : `H-${n} · in ${n} days`;
    }
    case 'due':
      return id ? 'Hari ini (H)' : 'Today (H)';
    case 'overdue':
      return capitalise(lateText(item, locale));
    case 'escalation':
      return `${id ? 'Eskalasi' : 'Escalation'} · ${lateText(item, locale)}`;
  }
}

function singleSubject(item: ReminderEmailItem, locale: EmailLocale): string {
  const title = truncate(oneLine(item.commitment.title), SUBJECT_TITLE_MAX);
  const id = locale === 'id';
  switch (item.kind) {
    case 'before': {
      const n = beforeDays(item.label);
      if (n === undefined) return `${oneLine(item.label)}: ${title}`;
      if (n === 0) return id ? `Jatuh tempo hari ini (H): ${title}` : `Due today (H): ${title}`;
      if (id) return `H-${n}: ${title}`;
      return n === 1 ? `Due tomorrow (H-1): ${title}` : `Due in ${n} days (H-${n}): ${title}`;
    }
    case 'due':
      return id ? `Jatuh tempo hari ini (H): ${title}` : `Due today (H): ${title}`;
    case 'overdue':
      return `${capitalise(lateText(item, locale))}: ${title}`;
    case 'escalation':
      return id ? `Eskalasi: ${title} ${lateText(item, locale)}` : `Escalation: ${title} is ${lateText(item, locale)}`;
  }
}

function isLate(item: ReminderEmailItem): boolean {
  return item.kind === 'overdue' || item.kind === 'escalation';
}

function multiSubject(items: ReminderEmailItem[], locale: EmailLocale): string {
  const n = items.length;
  const allLate = items.every(isLate);
  const escalation = items.some((i) => i.kind === 'escalation');
  if (locale === 'id') {
    if (escalation) return `Eskalasi: ${n} tindak lanjut terlambat`;
    return allLate ? `${n} tindak lanjut terlambat` : `${n} tindak lanjut jatuh tempo`;
  }
  if (escalation) return `Escalation: ${n} follow-up actions overdue`;
  return allLate ? `${n} follow-up actions overdue` : `${n} follow-up actions due`;
}

function intro(role: ReminderRole, items: ReminderEmailItem[], locale: EmailLocale): string {
  const n = items.length;
  const lateCount = items.filter(isLate).length;
  const late = lateCount > 0;
  if (locale === 'id') {
    if (role === 'owner') {
      const head =
        n === 1
          ? 'Berikut pengingat tindak lanjut hasil rapat koordinasi yang menjadi tanggung jawab Bapak/Ibu.'
          : `Berikut pengingat ${n} tindak lanjut hasil rapat koordinasi yang menjadi tanggung jawab Bapak/Ibu.`;
      if (!late) return `${head} Mohon laporkan progres pelaksanaannya sebelum batas waktu.`;
      const which = lateCount === n ? 'Batas waktunya telah terlewati' : 'Sebagian telah melewati batas waktu';
      return `${head} ${which}; mohon segera laporkan progres atau kendala yang dihadapi.`;
    }
    if (role === 'supervisor') {
      if (late && lateCount < n) {
        return 'Tindak lanjut hasil rapat koordinasi berikut menjadi tanggung jawab pejabat di lingkungan kerja Bapak/Ibu; sebagian telah melewati batas waktu. Mohon arahan Bapak/Ibu agar dapat segera diselesaikan.';
      }
      return late
        ? 'Tindak lanjut hasil rapat koordinasi berikut menjadi tanggung jawab pejabat di lingkungan kerja Bapak/Ibu dan telah melewati batas waktu. Mohon arahan Bapak/Ibu agar dapat segera diselesaikan.'
        : 'Sebagai informasi, tindak lanjut hasil rapat koordinasi berikut menjadi tanggung jawab pejabat di lingkungan kerja Bapak/Ibu dan akan segera jatuh tempo.';
    }
    if (late && lateCount < n) {
      return 'Selaku pimpinan rapat, Bapak/Ibu menerima eskalasi atas tindak lanjut hasil rapat berikut; sebagian telah melewati batas waktu. Mohon arahan Bapak/Ibu untuk penyelesaiannya.';
    }
    return late
      ? 'Selaku pimpinan rapat, Bapak/Ibu menerima eskalasi atas tindak lanjut hasil rapat berikut yang telah melewati batas waktu. Mohon arahan Bapak/Ibu untuk penyelesaiannya.'
      : 'Selaku pimpinan rapat, berikut informasi tindak lanjut hasil rapat yang akan segera jatuh tempo.';
  }
  const one = n === 1;
  if (role === 'owner') {
    const head = one
      ? 'This is a reminder of a follow-up action agreed at a coordination meeting for which you are responsible.'
      : `This is a reminder of ${n} follow-up actions agreed at coordination meetings for which you are responsible.`;
    if (!late) return `${head} Please report progress before the deadline.`;
    const which = lateCount === n ? (one ? 'The deadline has passed' : 'Their deadlines have passed') : 'Some are past their deadline';
    return `${head} ${which}; please report progress or any obstacles as soon as possible.`;
  }
  const subject = one ? 'The following follow-up action' : 'The following follow-up actions';
  const is = one ? 'is' : 'are';
  if (late && lateCount < n) {
    return role === 'supervisor'
      ? 'The following follow-up actions agreed at coordination meetings are the responsibility of officials in your unit; some are past the deadline. Your direction is requested so that they can be completed promptly.'
      : 'As chair of the meeting, you are receiving this escalation about the following follow-up actions; some are past the deadline. Your direction on their completion is requested.';
  }
  if (role === 'supervisor') {
    return late
      ? `${subject} agreed at a coordination meeting ${is} the responsibility of an official in your unit and ${is} past the deadline. Your direction is requested so that ${one ? 'it' : 'they'} can be completed promptly.`
      : `For your information: ${subject.charAt(0).toLowerCase()}${subject.slice(1)} ${is} the responsibility of an official in your unit and ${is} due soon.`;
  }
  return late
    ? `As chair of the meeting, you are receiving this escalation: ${subject.charAt(0).toLowerCase()}${subject.slice(1)} ${is} past the deadline. Your direction on ${one ? 'its' : 'their'} completion is requested.`
    : `As chair of the meeting, here is an update: ${subject.charAt(0).toLowerCase()}${subject.slice(1)} ${is} due soon.`;
}

function itemRows(item: ReminderEmailItem, role: ReminderRole, locale: EmailLocale): Row[] {
  const t = ROW_LABELS[locale];
  const c = item.commitment;
  const m = item.meeting;
  const rows: Row[] = [
    { label: t.due, value: formatDueTime(c.dueAt, c.zone, locale) },
    { label: t.status, value: statusLabel(c.status, locale) },
  ];
  if (c.indicator) {
    rows.push({ label: t.progress, value: formatIndicatorProgress(c.indicator, locale) });
    if (c.indicator.baseline !== undefined && c.indicator.baseline !== null && Number.isFinite(c.indicator.baseline)) {
      rows.push({ label: t.baseline, value: formatQuantity(c.indicator.baseline, c.indicator.unit, locale) });
    }
  }
  if (role !== 'owner') rows.push({ label: t.owner, value: oneLine(c.ownerName) });
  if (c.regionName) rows.push({ label: t.region, value: oneLine(c.regionName) });
  if (c.programName) rows.push({ label: t.program, value: oneLine(c.programName) });
  const kind = m.kind === 'other' ? '' : `${meetingKindLabel(m.kind, locale)} — `;
  rows.push(
    { label: t.meeting, value: `${kind}${oneLine(m.title)}` },
    { label: t.meetingDate, value: formatDate(m.startsAt, m.zone, locale) },
    { label: t.venue, value: oneLine(m.venue) },
  );
  return rows;
}

function attachmentName(id: string, used: Set<string>): string {
  const base = `tindak-lanjut-${id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'item'}`;
  let name = `${base}.ics`;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}.ics`;
  used.add(name);
  return name;
}

/**
 * Renders a reminder / overdue / escalation e-mail for one recipient. Several commitments due at the
 * same instant go into one mail. All user-supplied text is escaped in the HTML part.
 */
export function renderReminderEmail(input: ReminderEmailInput): RenderedReminderEmail {
  const { locale, role, items } = input;
  if (!items || items.length === 0) throw new Error('renderReminderEmail: items must not be empty');
  const appName = oneLine(input.appName ?? DEFAULT_APP_NAME) || DEFAULT_APP_NAME;
  const t = ROW_LABELS[locale];

  const subject = subjectLine(appName, items.length === 1 ? singleSubject(items[0], locale) : multiSubject(items, locale));

  const prepared = items.map((item, index) => {
    const rows = itemRows(item, role, locale);
    const progressUrl = role === 'owner' ? safeHttpUrl(item.progressUrl) : undefined;
    const description = item.commitment.description?.trim() || undefined;
    const view: ItemView = {
      marker: items.length > 1 ? `${index + 1}. ` : '',
      badge: relativeLabel(item, locale),
      color: COLORS[item.kind] ?? COLORS.before,
      title: oneLine(item.commitment.title),
      description,
      descriptionText: description ? indentBlock(description, '   ') : undefined,
      rows,
      progressUrl,
      progressLabel: t.report,
    };
    return { item, view };
  });

  const views = prepared.map((p) => p.view);
  const anyLink = views.some((v) => v.progressUrl);
  const view: ReminderView = {
    lang: locale,
    subject,
    preheader: items.length === 1 ? `${views[0].badge}: ${views[0].title}` : subject,
    appName,
    footer: footerText(appName, locale),
    greeting: greeting(oneLine(input.recipient.name), locale),
    position: input.recipient.position ? oneLine(input.recipient.position) : undefined,
    intro: intro(role, items, locale),
    items: views,
    linkNote: anyLink
      ? locale === 'id'
        ? 'Tautan pelaporan bersifat pribadi dan hanya dapat digunakan satu kali. Mohon tidak meneruskan email ini.'
        : 'The reporting link is personal and can be used only once. Please do not forward this e-mail.'
      : undefined,
    calendarNote:
      locale === 'id'
        ? 'Batas waktu terlampir sebagai berkas kalender (.ics) yang dapat ditambahkan ke kalender Bapak/Ibu.'
        : 'The deadline is attached as a calendar file (.ics) that you can add to your calendar.',
    closing:
      locale === 'id'
        ? 'Terima kasih atas perhatian dan kerja sama Bapak/Ibu.'
        : 'Thank you for your attention and cooperation.',
  };

  const used = new Set<string>();
  const attachments: EmailAttachment[] = prepared.map(({ item, view: v }) => {
    const lines = v.rows.map((r) => `${r.label}: ${r.value}`);
    if (v.description) lines.push('', v.description);
    if (v.progressUrl) lines.push('', `${v.progressLabel}: ${v.progressUrl}`);
    return {
      filename: attachmentName(item.commitment.id, used),
      contentType: 'text/calendar' as const,
      content: buildDueEventIcs({
        commitmentId: item.commitment.id,
        title: v.title,
        description: lines.join('\n'),
        dueAt: item.commitment.dueAt,
        url: v.progressUrl,
        calendarName: appName,
        locale,
        stamp: input.generatedAt,
      }),
    };
  });

  return { subject, html: HTML(view), text: tidyText(TEXT(view)), attachments };
}

import { formatDate, formatDateRange, type EmailLocale } from './format-datetime';
import { formatNumber, formatPercent } from './format-number';
import { compileHtml, compileText, oneLine, safeHttpUrl, subjectLine, tidyText } from './handlebars-env';
import { DEFAULT_APP_NAME, days, footerText, greeting } from './labels';
import type { RenderedEmail } from './reminder-email';

/** Counts of commitments for one province or one program. */
export interface DigestRow {
  name: string;
  total: number;
  open: number;
  inProgress: number;
  blocked: number;
  done: number;
  cancelled: number;
  overdue: number;
  /** Ratio 0–1. When omitted it is computed as done ÷ (total − cancelled). */
  completionRate?: number;
}

export interface DigestOverdueItem {
  title: string;
  ownerName: string;
  regionName?: string;
  dueAt: Date;
  /** IANA zone in which the due date is shown. */
  zone: string;
  daysOverdue: number;
}

export interface DigestChanges {
  newCommitments: number;
  completed: number;
  newlyOverdue: number;
}

export interface WeeklyDigestInput {
  locale: EmailLocale;
  recipient: { name: string; position?: string };
  /** The reporting week, both ends inclusive (shown as "11–17 Agustus 2027"). */
  period: { start: Date; end: Date };
  /** Zone for the period dates; default 'Asia/Jakarta'. */
  zone?: string;
  /** What the digest covers, e.g. "Nasional" or "Provinsi Kalimantan Selatan". */
  scopeName?: string;
  /** Optional grand total, shown as a summary line and in the subject. */
  totals?: DigestRow;
  byProvince: DigestRow[];
  byProgram: DigestRow[];
  /** Overdue commitments; the ten oldest (most days overdue) are shown. */
  oldestOverdue: DigestOverdueItem[];
  changes: DigestChanges;
  dashboardUrl?: string;
  appName?: string;
}

export const DIGEST_OVERDUE_LIMIT = 10;

// ---------------------------------------------------------------------------------------------

interface Cell {
  value: string;
  align: 'left' | 'right';
}

interface TableView {
  heading: string;
  columns: Cell[];
  rows: Cell[][];
  textLines: string[];
  empty: string;
}

interface DigestView {
  lang: EmailLocale;
  subject: string;
  preheader: string;
  appName: string;
  footer: string;
  greeting: string;
  position?: string;
  intro: string;
  summary?: string;
  changesHeading: string;
  changes: string[];
  tables: TableView[];
  dashboardUrl?: string;
  dashboardLabel: string;
  closing: string;
}

const HTML = compileHtml<DigestView>(`{{#> layout}}
<p style="margin:0;">{{greeting}}</p>
{{#if position}}<p style="margin:0;color:#6b7280;">{{position}}</p>{{/if}}
<p style="margin:16px 0;">{{intro}}</p>
{{#if summary}}<p style="margin:0 0 16px 0;font-weight:bold;">{{summary}}</p>{{/if}}
<h2 style="margin:24px 0 8px 0;font-size:16px;color:#1e3a8a;">{{changesHeading}}</h2>
<ul style="margin:0 0 16px 0;padding-left:20px;">
{{#each changes}}
<li>{{this}}</li>
{{/each}}
</ul>
{{#each tables}}
<h2 style="margin:24px 0 8px 0;font-size:16px;color:#1e3a8a;">{{heading}}</h2>
{{#if rows.length}}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-size:13px;line-height:1.4;">
<tr>
{{#each columns}}
<th style="padding:6px 8px;border-bottom:2px solid #d1d5db;text-align:{{align}};color:#374151;background-color:#f9fafb;">{{value}}</th>
{{/each}}
</tr>
{{#each rows}}
<tr>
{{#each this}}
<td style="padding:6px 8px;border-bottom:1px solid #e5e7eb;text-align:{{align}};vertical-align:top;">{{value}}</td>
{{/each}}
</tr>
{{/each}}
</table>
{{else}}
<p style="margin:0;color:#6b7280;">{{empty}}</p>
{{/if}}
{{/each}}
{{#if dashboardUrl}}
<p style="margin:24px 0 0 0;"><a href="{{dashboardUrl}}" style="display:inline-block;padding:8px 16px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">{{dashboardLabel}}</a></p>
{{/if}}
<p style="margin:16px 0 0 0;">{{closing}}</p>
{{/layout}}`);

const TEXT = compileText<DigestView>(`{{greeting}}
{{#if position}}
{{position}}
{{/if}}

{{intro}}
{{#if summary}}

{{summary}}
{{/if}}

{{changesHeading}}
{{#each changes}}
- {{this}}
{{/each}}

{{#each tables}}
{{heading}}
{{#if textLines.length}}
{{#each textLines}}
{{this}}
{{/each}}
{{else}}
{{empty}}
{{/if}}

{{/each}}
{{#if dashboardUrl}}
{{dashboardLabel}}: {{dashboardUrl}}

{{/if}}
{{closing}}

{{footer}}
`);

// ---------------------------------------------------------------------------------------------

const WORDS = {
  id: {
    province: 'Provinsi',
    program: 'Program',
    total: 'Total',
    open: 'Belum dimulai',
    inProgress: 'Dikerjakan',
    blocked: 'Terkendala',
    done: 'Selesai',
    cancelled: 'Dibatalkan',
    overdue: 'Terlambat',
    completion: 'Penyelesaian',
    byProvince: 'Rekap per provinsi',
    byProgram: 'Rekap per program',
    oldest: 'Tindak lanjut terlambat paling lama',
    no: 'No.',
    title: 'Tindak lanjut',
    owner: 'Penanggung jawab',
    region: 'Wilayah',
    dueDate: 'Batas waktu',
    late: 'Terlambat',
    noRows: 'Tidak ada data.',
    noOverdue: 'Tidak ada tindak lanjut yang terlambat.',
    changes: 'Perubahan sejak pekan lalu',
    dashboard: 'Buka dasbor',
    closing: 'Terima kasih atas perhatian Bapak/Ibu.',
  },
  en: {
    province: 'Province',
    program: 'Programme',
    total: 'Total',
    open: 'Open',
    inProgress: 'In progress',
    blocked: 'Blocked',
    done: 'Done',
    cancelled: 'Cancelled',
    overdue: 'Overdue',
    completion: 'Completion',
    byProvince: 'By province',
    byProgram: 'By programme',
    oldest: 'Longest overdue follow-up actions',
    no: 'No.',
    title: 'Follow-up action',
    owner: 'Responsible official',
    region: 'Region',
    dueDate: 'Deadline',
    late: 'Overdue',
    noRows: 'No data.',
    noOverdue: 'No follow-up actions are overdue.',
    changes: 'Changes since last week',
    dashboard: 'Open the dashboard',
    closing: 'Thank you for your attention.',
  },
} as const;

function completion(row: DigestRow): number | undefined {
  if (row.completionRate !== undefined && row.completionRate !== null && Number.isFinite(row.completionRate)) {
    return row.completionRate;
  }
  const base = row.total - row.cancelled;
  return base > 0 ? row.done / base : undefined;
}

function completionText(row: DigestRow, locale: EmailLocale): string {
  const rate = completion(row);
  return rate === undefined ? '–' : formatPercent(rate * 100, locale, 1);
}

function countsTable(heading: string, firstColumn: string, rows: DigestRow[], locale: EmailLocale): TableView {
  const w = WORDS[locale];
  const n = (v: number) => formatNumber(v, locale, 0);
  const numericHeads = [w.total, w.open, w.inProgress, w.blocked, w.done, w.cancelled, w.overdue, w.completion];
  return {
    heading,
    columns: [
      { value: firstColumn, align: 'left' },
      ...numericHeads.map((value) => ({ value, align: 'right' as const })),
    ],
    rows: rows.map((r) => [
      { value: oneLine(r.name), align: 'left' },
      ...[n(r.total), n(r.open), n(r.inProgress), n(r.blocked), n(r.done), n(r.cancelled), n(r.overdue), completionText(r, locale)].map(
        (value) => ({ value, align: 'right' as const }),
      ),
    ]),
    textLines: rows.map((r) => {
      const parts = [
        `${w.total.toLowerCase()} ${n(r.total)}`,
        `${w.open.toLowerCase()} ${n(r.open)}`,
        `${w.inProgress.toLowerCase()} ${n(r.inProgress)}`,
        `${w.blocked.toLowerCase()} ${n(r.blocked)}`,
        `${w.done.toLowerCase()} ${n(r.done)}`,
        `${w.cancelled.toLowerCase()} ${n(r.cancelled)}`,
        `${w.overdue.toLowerCase()} ${n(r.overdue)}`,
        `${w.completion.toLowerCase()} ${completionText(r, locale)}`,
      ];
      return `- ${oneLine(r.name)}: ${parts.join(', ')}`;
    }),
    empty: w.noRows,
  };
}

/** The ten commitments longest overdue: most days overdue first, then earliest due. */
export function selectOldestOverdue(items: DigestOverdueItem[], limit = DIGEST_OVERDUE_LIMIT): DigestOverdueItem[] {
  return [...items]
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueAt.getTime() - b.dueAt.getTime())
    .slice(0, limit);
}

function overdueTable(items: DigestOverdueItem[], locale: EmailLocale): TableView {
  const w = WORDS[locale];
  const oldest = selectOldestOverdue(items);
  return {
    heading: w.oldest,
    columns: [
      { value: w.no, align: 'right' },
      { value: w.title, align: 'left' },
      { value: w.owner, align: 'left' },
      { value: w.region, align: 'left' },
      { value: w.dueDate, align: 'left' },
      { value: w.late, align: 'right' },
    ],
    rows: oldest.map((o, i) => [
      { value: String(i + 1), align: 'right' },
      { value: oneLine(o.title), align: 'left' },
      { value: oneLine(o.ownerName), align: 'left' },
      { value: o.regionName ? oneLine(o.regionName) : '–', align: 'left' },
      { value: formatDate(o.dueAt, o.zone, locale, { weekday: false }), align: 'left' },
      { value: days(o.daysOverdue, locale), align: 'right' },
    ]),
    textLines: oldest.map((o, i) => {
      const who = o.regionName ? `${oneLine(o.ownerName)}, ${oneLine(o.regionName)}` : oneLine(o.ownerName);
      const due = formatDate(o.dueAt, o.zone, locale, { weekday: false });
      return locale === 'id'
        ? `${i + 1}. ${oneLine(o.title)} (${who}): batas waktu ${due}, terlambat ${days(o.daysOverdue, 'id')}`
        : `${i + 1}. ${oneLine(o.title)} (${who}): deadline ${due}, ${days(o.daysOverdue, 'en')} overdue`;
    }),
    empty: w.noOverdue,
  };
}

function changeLines(c: DigestChanges, locale: EmailLocale): string[] {
  const n = (v: number) => formatNumber(v, locale, 0);
  if (locale === 'id') {
    return [
      `${n(c.newCommitments)} tindak lanjut baru`,
      `${n(c.completed)} tindak lanjut selesai`,
      `${n(c.newlyOverdue)} tindak lanjut baru terlambat`,
    ];
  }
  const plural = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;
  return [
    plural(c.newCommitments, 'new follow-up action', 'new follow-up actions'),
    plural(c.completed, 'follow-up action completed', 'follow-up actions completed'),
    plural(c.newlyOverdue, 'follow-up action newly overdue', 'follow-up actions newly overdue'),
  ];
}

/**
 * Renders the weekly leadership digest: summary, changes since last week, counts per province and
 * per program, and the ten oldest overdue commitments.
 */
export function renderWeeklyDigestEmail(input: WeeklyDigestInput): RenderedEmail {
  const { locale } = input;
  const w = WORDS[locale];
  const appName = oneLine(input.appName ?? DEFAULT_APP_NAME) || DEFAULT_APP_NAME;
  const zone = input.zone ?? 'Asia/Jakarta';
  const range = formatDateRange(input.period.start, input.period.end, zone, locale);
  const scope = input.scopeName ? oneLine(input.scopeName) : undefined;
  const n = (v: number) => formatNumber(v, locale, 0);

  const subjectBody =
    locale === 'id'
      ? `Ringkasan mingguan${scope ? ` ${scope}` : ''} ${range}${input.totals ? `: ${n(input.totals.overdue)} tindak lanjut terlambat` : ''}`
      : `Weekly summary${scope ? ` for ${scope}` : ''}, ${range}${input.totals ? `: ${n(input.totals.overdue)} follow-up actions overdue` : ''}`;
  const subject = subjectLine(appName, subjectBody);

  const intro =
    locale === 'id'
      ? `Berikut ringkasan mingguan tindak lanjut hasil rapat koordinasi${scope ? ` (${scope})` : ''} untuk periode ${range}.`
      : `Here is the weekly summary of follow-up actions agreed at coordination meetings${scope ? ` (${scope})` : ''} for ${range}.`;

  let summary: string | undefined;
  if (input.totals) {
    const t = input.totals;
    summary =
      locale === 'id'
        ? `Total ${n(t.total)} tindak lanjut: ${n(t.done)} selesai (${completionText(t, locale)}), ${n(t.inProgress)} sedang dikerjakan, ${n(t.blocked)} terkendala, ${n(t.overdue)} terlambat.`
        : `${n(t.total)} follow-up actions in total: ${n(t.done)} done (${completionText(t, locale)}), ${n(t.inProgress)} in progress, ${n(t.blocked)} blocked, ${n(t.overdue)} overdue.`;
  }

  const changes = changeLines(input.changes, locale);
  const view: DigestView = {
    lang: locale,
    subject,
    preheader: `${w.changes}: ${changes.join(', ')}`,
    appName,
    footer: footerText(appName, locale),
    greeting: greeting(oneLine(input.recipient.name), locale),
    position: input.recipient.position ? oneLine(input.recipient.position) : undefined,
    intro,
    summary,
    changesHeading: w.changes,
    changes,
    tables: [
      overdueTable(input.oldestOverdue, locale),
      countsTable(w.byProvince, w.province, input.byProvince, locale),
      countsTable(w.byProgram, w.program, input.byProgram, locale),
    ],
    dashboardUrl: safeHttpUrl(input.dashboardUrl),
    dashboardLabel: w.dashboard,
    closing: w.closing,
  };

  return { subject, html: HTML(view), text: tidyText(TEXT(view)) };
}

export {
  formatDate,
  formatDateRange,
  formatDueTime,
  formatTime,
  zoneAbbreviation,
  type EmailLocale,
  type FormatDateOptions,
} from './format-datetime';
export { formatIndicatorProgress, formatNumber, formatPercent, formatQuantity, type IndicatorValue } from './format-number';
export { meetingKindLabel, statusLabel, DEFAULT_APP_NAME, type MeetingKind } from './labels';
export { buildDueEventIcs, type DueEventInput } from './calendar';
export {
  relativeLabel,
  renderReminderEmail,
  type EmailAttachment,
  type ReminderCommitment,
  type ReminderEmailInput,
  type ReminderEmailItem,
  type ReminderKind,
  type ReminderMeeting,
  type ReminderRole,
  type RenderedEmail,
  type RenderedReminderEmail,
} from './reminder-email';
export {
  DIGEST_OVERDUE_LIMIT,
  renderWeeklyDigestEmail,
  selectOldestOverdue,
  type DigestChanges,
  type DigestOverdueItem,
  type DigestRow,
  type WeeklyDigestInput,
} from './digest-email';

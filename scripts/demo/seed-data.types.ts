// The shape of the demo data set drawn from the five seed reports in ../shared/seeds/.
// Keys are stable names: the loader derives deterministic UUIDs from them, so loading twice duplicates nothing.

export type AgencyLevel = 'central' | 'province' | 'regency';
export type MeetingKind = 'rakor' | 'rakornis' | 'rakortek' | 'other';
export type MeetingMode = 'offline' | 'online' | 'hybrid';
export type AttendeeRole = 'chair' | 'opener' | 'speaker' | 'participant';
export type Attendance = 'in_person' | 'online';
export type CommitmentStatus = 'open' | 'in_progress' | 'blocked' | 'done' | 'cancelled';

export interface SeedProgram { key: string; code: string; name: string }
export interface SeedAgency { key: string; name: string; level: AgencyLevel; regionCode?: string }
export interface SeedOfficial {
  key: string;
  name: string;
  position: string;
  agencyKey: string;
  email: string; // invented, on the reserved .example domain
  regionCode?: string; // Kemendagri code: '62' (province) or '62.71' (regency/city)
  supervisorKey?: string;
  locale?: 'id' | 'en';
  leadership?: boolean; // receives the weekly digest for its region
}
export interface SeedAttendee {
  officialKey: string;
  role: AttendeeRole;
  attendance: Attendance;
  representingOfficialKey?: string; // "mewakili": attends on behalf of this official
}
export interface SeedProgress { status?: CommitmentStatus; achieved?: number; note: string }
export interface SeedCommitment {
  key: string;
  title: string;
  description?: string;
  ownerOfficialKey: string;
  regionCode: string;
  programKey?: string;
  // Due date relative to the day the demo is loaded: negative = already overdue.
  dueInDays: number;
  dueLocalTime?: string; // 'HH:mm' in the owner's zone, default '17:00'
  indicator?: { unit: string; baseline?: number; target: number };
  progress?: SeedProgress[]; // applied in order after the commitment is agreed
}
export interface SeedMeeting {
  key: string;
  kind: MeetingKind;
  title: string;
  startsAt: string; // ISO-8601 with offset, e.g. '2025-04-29T09:00:00+07:00'
  endsAt?: string;
  venue: string;
  mode: MeetingMode;
  onlineUrl?: string;
  organizerAgencyKey: string;
  regionCode?: string; // absent: national
  programKeys: string[];
  summary: string;
  source: string; // seed file name
  attendees: SeedAttendee[];
  commitments: SeedCommitment[];
}
export interface SeedData {
  programs: SeedProgram[];
  agencies: SeedAgency[];
  officials: SeedOfficial[];
  meetings: SeedMeeting[];
}

import type { MeetingEntity } from '@tl/meetings';

/**
 * SQL condition (on commitments `c` joined to their meeting `src`) selecting what an earlier meeting
 * left open that belongs on this meeting's table: same region (a province's meeting covers its
 * regencies; a regency's meeting covers commitments on that regency from any meeting), or a shared
 * program. A national meeting sees everything.
 */
export function carryForwardScope(meeting: MeetingEntity, programIds: string[]): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { cfMeetingId: meeting.id, cfStartsAt: meeting.startsAt };
  const base = `src.starts_at < :cfStartsAt AND c.meeting_id <> :cfMeetingId AND c.status IN ('open', 'in_progress', 'blocked')`;
  if (meeting.regionCode === null) return { sql: base, params };
  params.cfRegion = meeting.regionCode;
  const scopes = [`(c.region_code = :cfRegion OR c.region_code LIKE :cfRegion || '.%')`];
  if (programIds.length) {
    params.cfPrograms = programIds;
    scopes.push('c.program_id IN (:...cfPrograms)');
    scopes.push('EXISTS (SELECT 1 FROM meeting_programs cfmp WHERE cfmp.meeting_id = src.id AND cfmp.program_id IN (:...cfPrograms))');
  }
  return { sql: `${base} AND (${scopes.join(' OR ')})`, params };
}

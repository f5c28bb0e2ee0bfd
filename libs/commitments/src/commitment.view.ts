import { isOverdue } from '@tl/domain';
import type { CommitmentEntity } from './persistence/commitment.entity';

export interface IndicatorView {
  unit: string;
  baseline: number | null;
  target: number;
  achieved: number | null;
  /** achieved / target, unrounded; null until something is achieved. */
  progress: number | null;
}

export function indicatorOf(c: CommitmentEntity): IndicatorView | null {
  if (c.indicatorUnit === null || c.indicatorTarget === null) return null;
  return {
    unit: c.indicatorUnit,
    baseline: c.indicatorBaseline,
    target: c.indicatorTarget,
    achieved: c.indicatorAchieved,
    progress: c.indicatorAchieved === null || c.indicatorTarget === 0 ? null : c.indicatorAchieved / c.indicatorTarget,
  };
}

const DAY_MS = 86_400_000;

/** A commitment as every API route shows it. */
export function commitmentView(c: CommitmentEntity, regionName: string | null, now = new Date()) {
  const overdue = isOverdue(c.dueAt, c.status, now);
  return {
    id: c.id,
    meetingId: c.meetingId,
    meeting: c.meeting ? { id: c.meeting.id, kind: c.meeting.kind, title: c.meeting.title, startsAt: c.meeting.startsAt } : undefined,
    title: c.title,
    description: c.description,
    ownerOfficialId: c.ownerOfficialId,
    owner: c.owner ? { id: c.owner.id, name: c.owner.name, position: c.owner.position, email: c.owner.email } : undefined,
    regionCode: c.regionCode,
    regionName,
    programId: c.programId,
    program: c.program ? { id: c.program.id, code: c.program.code, name: c.program.name } : null,
    dueAt: c.dueAt,
    status: c.status,
    overdue,
    daysOverdue: overdue ? Math.floor((now.getTime() - c.dueAt.getTime()) / DAY_MS) : 0,
    indicator: indicatorOf(c),
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
export type CommitmentView = ReturnType<typeof commitmentView>;

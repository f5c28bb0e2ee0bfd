import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Page, pageWindow } from '@tl/api-kit';
import { EventStore } from '@tl/database';
import { RegionDirectory } from '@tl/directory';
import { CommitmentStatus, NotFoundError } from '@tl/domain';
import { MeetingEntity } from '@tl/meetings';
import { carryForwardScope } from './carry-forward.scope';
import { commitmentView, CommitmentView } from './commitment.view';
import { CommitmentEntity } from './persistence/commitment.entity';

export const COMMITMENT_SORTS = ['dueAt', '-dueAt', 'daysOverdue', '-daysOverdue', 'createdAt', '-createdAt', 'title'] as const;
export type CommitmentSort = (typeof COMMITMENT_SORTS)[number];

export interface CommitmentFilter {
  status?: CommitmentStatus[];
  regionCode?: string;
  ownerOfficialId?: string;
  programId?: string;
  meetingId?: string;
  overdue?: boolean;
  dueFrom?: Date;
  dueTo?: Date;
  q?: string;
  sort?: CommitmentSort;
}

const SORT_SQL: Record<CommitmentSort, [string, 'ASC' | 'DESC']> = {
  dueAt: ['c.due_at', 'ASC'],
  '-dueAt': ['c.due_at', 'DESC'],
  // Most days overdue first is the earliest due time first.
  daysOverdue: ['c.due_at', 'ASC'],
  '-daysOverdue': ['c.due_at', 'DESC'],
  createdAt: ['c.created_at', 'ASC'],
  '-createdAt': ['c.created_at', 'DESC'],
  title: ['c.title', 'ASC'],
};

@Injectable()
export class CommitmentsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionDirectory,
    private readonly events: EventStore,
  ) {}

  view(c: CommitmentEntity, now = new Date()): CommitmentView {
    return commitmentView(c, this.regions.nameOf(c.regionCode), now);
  }

  private query(): SelectQueryBuilder<CommitmentEntity> {
    return this.dataSource
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.owner', 'owner')
      .leftJoinAndSelect('c.program', 'program')
      .leftJoinAndSelect('c.meeting', 'meeting');
  }

  private applyFilter(qb: SelectQueryBuilder<CommitmentEntity>, f: CommitmentFilter, now: Date): void {
    if (f.status?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: f.status });
    if (f.regionCode) qb.andWhere("(c.region_code = :rc OR c.region_code LIKE :rc || '.%')", { rc: f.regionCode });
    if (f.ownerOfficialId) qb.andWhere('c.owner_official_id = :owner', { owner: f.ownerOfficialId });
    if (f.programId) qb.andWhere('c.program_id = :program', { program: f.programId });
    if (f.meetingId) qb.andWhere('c.meeting_id = :meeting', { meeting: f.meetingId });
    if (f.overdue === true) qb.andWhere("c.due_at < :now AND c.status NOT IN ('done', 'cancelled')", { now });
    if (f.overdue === false) qb.andWhere("NOT (c.due_at < :now AND c.status NOT IN ('done', 'cancelled'))", { now });
    if (f.dueFrom) qb.andWhere('c.due_at >= :dueFrom', { dueFrom: f.dueFrom });
    if (f.dueTo) qb.andWhere('c.due_at <= :dueTo', { dueTo: f.dueTo });
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.andWhere('(c.title ILIKE :like OR c.description ILIKE :like)', { like });
    }
    const [column, direction] = SORT_SQL[f.sort ?? 'dueAt'];
    qb.orderBy(column, direction).addOrderBy('c.id', 'ASC');
  }

  async list(filter: CommitmentFilter & { page?: number; limit?: number }): Promise<Page<CommitmentView>> {
    const now = new Date();
    const { page, limit, offset } = pageWindow(filter);
    const qb = this.query();
    this.applyFilter(qb, filter, now);
    const [rows, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items: rows.map((c) => this.view(c, now)), total, page, limit };
  }

  /** Every matching commitment, for exports (bounded so one request cannot exhaust memory). */
  async all(filter: CommitmentFilter, max = 100_000): Promise<CommitmentView[]> {
    const now = new Date();
    const qb = this.query();
    this.applyFilter(qb, filter, now);
    return (await qb.take(max).getMany()).map((c) => this.view(c, now));
  }

  async get(id: string): Promise<CommitmentView> {
    const [row] = await this.query().where('c.id = :id', { id }).getMany();
    if (!row) throw new NotFoundError('commitment', id);
    return this.view(row);
  }

  async history(id: string) {
    if (!(await this.dataSource.getRepository(CommitmentEntity).existsBy({ id }))) throw new NotFoundError('commitment', id);
    const events = await this.events.history(id);
    return events.map((e) => ({ id: e.id, seq: e.seq, type: e.type, at: e.occurredAt, actor: e.actor, data: e.data }));
  }

  ofMeeting(meetingId: string): Promise<CommitmentView[]> {
    return this.all({ meetingId, sort: 'dueAt' });
  }

  /** What earlier meetings left open that belongs on this meeting's table: overdue first, then by due time. */
  async carryForwardCandidates(meetingId: string) {
    const meeting = await this.dataSource.getRepository(MeetingEntity).findOne({ where: { id: meetingId }, relations: { programs: true } });
    if (!meeting) throw new NotFoundError('meeting', meetingId);
    const now = new Date();
    const scope = carryForwardScope(meeting, (meeting.programs ?? []).map((p) => p.id));
    const rows = await this.query()
      .innerJoin(MeetingEntity, 'src', 'src.id = c.meeting_id')
      .where(scope.sql, scope.params)
      .orderBy('CASE WHEN c.due_at < :now THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('c.due_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .setParameter('now', now)
      .getMany();
    const carried = new Map<string, Date>(
      (
        await this.dataSource.query('SELECT commitment_id, carried_at FROM meeting_carry_forwards WHERE meeting_id = $1', [meetingId])
      ).map((r: { commitment_id: string; carried_at: Date }) => [r.commitment_id, r.carried_at]),
    );
    return rows.map((c) => ({ ...this.view(c, now), carriedForwardAt: carried.get(c.id) ?? null }));
  }
}

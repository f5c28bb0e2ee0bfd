import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, pageWindow } from '@tl/api-kit';
import { RegionDirectory } from '@tl/directory';
import { NotFoundError } from '@tl/domain';
import { AttendeeEntity } from './persistence/attendee.entity';
import { MeetingEntity } from './persistence/meeting.entity';

export interface MeetingFilter {
  regionCode?: string;
  kind?: string;
  from?: Date;
  to?: Date;
  q?: string;
  programId?: string;
  page?: number;
  limit?: number;
}

@Injectable()
export class MeetingsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly regions: RegionDirectory) {}

  meetingView(meeting: MeetingEntity) {
    const { programs, ...fields } = meeting;
    return {
      ...fields,
      regionName: this.regions.nameOf(meeting.regionCode),
      national: meeting.regionCode === null,
      programIds: (programs ?? []).map((p) => p.id),
      programs: (programs ?? []).map(({ id, code, name }) => ({ id, code, name })),
    };
  }

  attendeeView(a: AttendeeEntity) {
    const person = (o?: { id: string; name: string; position: string } | null) => (o ? { id: o.id, name: o.name, position: o.position } : null);
    return {
      id: a.id,
      meetingId: a.meetingId,
      officialId: a.officialId,
      official: person(a.official),
      role: a.role,
      attendance: a.attendance,
      representingOfficialId: a.representingOfficialId,
      representingOfficial: person(a.representingOfficial),
      createdAt: a.createdAt,
    };
  }

  async list(filter: MeetingFilter): Promise<Page<ReturnType<MeetingsReader['meetingView']>>> {
    const { page, limit, offset } = pageWindow(filter);
    const qb = this.dataSource.getRepository(MeetingEntity).createQueryBuilder('m');
    if (filter.regionCode) qb.andWhere("(m.region_code = :rc OR m.region_code LIKE :rc || '.%')", { rc: filter.regionCode });
    if (filter.kind) qb.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.from) qb.andWhere('m.starts_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('m.starts_at <= :to', { to: filter.to });
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(m.title ILIKE :like OR m.venue ILIKE :like OR m.summary ILIKE :like)', { like });
    }
    if (filter.programId) {
      qb.andWhere('EXISTS (SELECT 1 FROM meeting_programs mp WHERE mp.meeting_id = m.id AND mp.program_id = :pid)', { pid: filter.programId });
    }
    const [ids, total] = await qb.select('m.id').orderBy('m.starts_at', 'DESC').addOrderBy('m.id').skip(offset).take(limit).getManyAndCount();
    const meetings = ids.length
      ? await this.dataSource.getRepository(MeetingEntity).find({
          where: ids.map(({ id }) => ({ id })),
          relations: { programs: true },
          order: { startsAt: 'DESC', id: 'ASC' },
        })
      : [];
    return { items: meetings.map((m) => this.meetingView(m)), total, page, limit };
  }

  async get(id: string) {
    const meeting = await this.dataSource.getRepository(MeetingEntity).findOne({ where: { id }, relations: { programs: true } });
    if (!meeting) throw new NotFoundError('meeting', id);
    const attendees = await this.dataSource.getRepository(AttendeeEntity).find({
      where: { meetingId: id },
      relations: { official: true, representingOfficial: true },
      order: { createdAt: 'ASC' },
    });
    return { ...this.meetingView(meeting), attendees: attendees.map((a) => this.attendeeView(a)) };
  }

  async exists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(MeetingEntity).existsBy({ id });
  }
}

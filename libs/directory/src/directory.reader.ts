import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@tl/domain';
import { AgencyEntity } from './persistence/agency.entity';
import { OfficialEntity } from './persistence/official.entity';
import { ProgramEntity } from './persistence/program.entity';
import { RegionDirectory } from './regions/region-directory';

export interface OfficialView {
  id: string;
  name: string;
  position: string;
  agencyId: string;
  agencyName: string | null;
  email: string;
  regionCode: string | null;
  regionName: string | null;
  supervisorId: string | null;
  locale: string;
  leadership: boolean;
  createdAt: Date;
}

/** Reads of the directory: agencies, officials and programs as the API shows them. */
@Injectable()
export class DirectoryReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly regions: RegionDirectory) {}

  agencyView(agency: AgencyEntity) {
    return { ...agency, regionName: this.regions.nameOf(agency.regionCode) };
  }

  officialView(official: OfficialEntity): OfficialView {
    return {
      id: official.id,
      name: official.name,
      position: official.position,
      agencyId: official.agencyId,
      agencyName: official.agency?.name ?? null,
      email: official.email,
      regionCode: official.regionCode,
      regionName: this.regions.nameOf(official.regionCode),
      supervisorId: official.supervisorId,
      locale: official.locale,
      leadership: official.isLeadership,
      createdAt: official.createdAt,
    };
  }

  async agencies() {
    const rows = await this.dataSource.getRepository(AgencyEntity).find({ order: { name: 'ASC' } });
    return rows.map((a) => this.agencyView(a));
  }

  async agency(id: string) {
    const agency = await this.dataSource.getRepository(AgencyEntity).findOneBy({ id });
    if (!agency) throw new NotFoundError('agency', id);
    return this.agencyView(agency);
  }

  async officials(filter: { q?: string; agencyId?: string; regionCode?: string; limit?: number }): Promise<OfficialView[]> {
    const qb = this.dataSource
      .getRepository(OfficialEntity)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.agency', 'a')
      .orderBy('o.name', 'ASC')
      .take(filter.limit ?? 1000);
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(o.name ILIKE :like OR o.position ILIKE :like OR o.email ILIKE :like OR a.name ILIKE :like)', { like });
    }
    if (filter.agencyId) qb.andWhere('o.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.regionCode) qb.andWhere("(o.region_code = :rc OR o.region_code LIKE :rc || '.%')", { rc: filter.regionCode });
    return (await qb.getMany()).map((o) => this.officialView(o));
  }

  async official(id: string): Promise<OfficialView> {
    const official = await this.dataSource.getRepository(OfficialEntity).findOne({ where: { id }, relations: { agency: true } });
    if (!official) throw new NotFoundError('official', id);
    return this.officialView(official);
  }

  programs() {
    return this.dataSource.getRepository(ProgramEntity).find({ order: { code: 'ASC' } });
  }

  async program(id: string) {
    const program = await this.dataSource.getRepository(ProgramEntity).findOneBy({ id });
    if (!program) throw new NotFoundError('program', id);
    return program;
  }
}

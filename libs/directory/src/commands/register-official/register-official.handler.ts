import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@tl/database';
import { domainEvent, DomainEventType, NotFoundError } from '@tl/domain';
import { AgencyEntity } from '../../persistence/agency.entity';
import { OfficialEntity } from '../../persistence/official.entity';
import { RegionDirectory } from '../../regions/region-directory';
import { RegisterOfficialCommand } from './register-official.command';

@CommandHandler(RegisterOfficialCommand)
export class RegisterOfficialHandler implements ICommandHandler<RegisterOfficialCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventStore,
    private readonly regions: RegionDirectory,
  ) {}

  execute({ input, actor }: RegisterOfficialCommand): Promise<OfficialEntity> {
    if (input.regionCode) this.regions.assertExists(input.regionCode);
    return this.dataSource.transaction(async (em) => {
      const agency = await em.findOneBy(AgencyEntity, { id: input.agencyId });
      if (!agency) throw new NotFoundError('agency', input.agencyId, 'agencyId');
      if (input.supervisorId && !(await em.existsBy(OfficialEntity, { id: input.supervisorId }))) {
        throw new NotFoundError('official', input.supervisorId, 'supervisorId');
      }
      const official = em.create(OfficialEntity, {
        id: input.id ?? randomUUID(),
        name: input.name,
        position: input.position,
        agencyId: input.agencyId,
        email: input.email,
        // An official without a region of its own works where its agency does.
        regionCode: input.regionCode ?? agency.regionCode ?? null,
        supervisorId: input.supervisorId ?? null,
        locale: input.locale ?? 'id',
        isLeadership: input.leadership ?? false,
      });
      await em.insert(OfficialEntity, official);
      await this.events.append(em, [
        domainEvent(
          DomainEventType.OfficialRegistered,
          'official',
          official.id,
          { name: official.name, position: official.position, agencyId: official.agencyId, regionCode: official.regionCode },
          actor,
        ),
      ]);
      return em.findOneByOrFail(OfficialEntity, { id: official.id });
    });
  }
}

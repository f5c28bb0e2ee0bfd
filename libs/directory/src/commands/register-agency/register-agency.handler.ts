import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@tl/database';
import { domainEvent, DomainEventType, InvalidInputError } from '@tl/domain';
import { AgencyEntity } from '../../persistence/agency.entity';
import { RegionDirectory } from '../../regions/region-directory';
import { RegisterAgencyCommand } from './register-agency.command';

@CommandHandler(RegisterAgencyCommand)
export class RegisterAgencyHandler implements ICommandHandler<RegisterAgencyCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventStore,
    private readonly regions: RegionDirectory,
  ) {}

  execute({ input, actor }: RegisterAgencyCommand): Promise<AgencyEntity> {
    if (input.regionCode) this.regions.assertExists(input.regionCode);
    if (input.level !== 'central' && !input.regionCode) {
      throw new InvalidInputError('regionCode', `a ${input.level} agency needs the region it serves`);
    }
    return this.dataSource.transaction(async (em) => {
      const agency = em.create(AgencyEntity, {
        id: input.id ?? randomUUID(),
        name: input.name,
        level: input.level,
        regionCode: input.regionCode ?? null,
      });
      await em.insert(AgencyEntity, agency);
      await this.events.append(em, [
        domainEvent(DomainEventType.AgencyRegistered, 'agency', agency.id, { name: agency.name, level: agency.level, regionCode: agency.regionCode }, actor),
      ]);
      return em.findOneByOrFail(AgencyEntity, { id: agency.id });
    });
  }
}

import { Command } from '@nestjs/cqrs';
import type { AgencyEntity, AgencyLevel } from '../../persistence/agency.entity';

export class RegisterAgencyCommand extends Command<AgencyEntity> {
  constructor(
    readonly input: { id?: string; name: string; level: AgencyLevel; regionCode?: string },
    readonly actor: string,
  ) {
    super();
  }
}

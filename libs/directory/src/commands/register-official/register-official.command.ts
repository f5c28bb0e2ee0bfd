import { Command } from '@nestjs/cqrs';
import type { Locale, OfficialEntity } from '../../persistence/official.entity';

export interface RegisterOfficialInput {
  id?: string;
  name: string;
  position: string;
  agencyId: string;
  email: string;
  regionCode?: string;
  supervisorId?: string;
  locale?: Locale;
  leadership?: boolean;
}

export class RegisterOfficialCommand extends Command<OfficialEntity> {
  constructor(readonly input: RegisterOfficialInput, readonly actor: string) {
    super();
  }
}

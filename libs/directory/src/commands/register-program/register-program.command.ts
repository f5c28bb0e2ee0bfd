import { Command } from '@nestjs/cqrs';
import type { ProgramEntity } from '../../persistence/program.entity';

export class RegisterProgramCommand extends Command<ProgramEntity> {
  constructor(readonly input: { id?: string; code: string; name: string }, readonly actor: string) {
    super();
  }
}

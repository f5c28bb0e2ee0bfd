import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@tl/database';
import { DomainError, domainEvent, DomainEventType } from '@tl/domain';
import { ProgramEntity } from '../../persistence/program.entity';
import { RegisterProgramCommand } from './register-program.command';

@CommandHandler(RegisterProgramCommand)
export class RegisterProgramHandler implements ICommandHandler<RegisterProgramCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly events: EventStore) {}

  execute({ input, actor }: RegisterProgramCommand): Promise<ProgramEntity> {
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(ProgramEntity, { code: input.code })) {
        throw new DomainError('conflict', 'PROGRAM.CODE_TAKEN', `code: a program with code ${input.code} already exists`);
      }
      const program = em.create(ProgramEntity, { id: input.id ?? randomUUID(), code: input.code, name: input.name });
      await em.insert(ProgramEntity, program);
      await this.events.append(em, [domainEvent(DomainEventType.ProgramRegistered, 'program', program.id, { code: program.code, name: program.name }, actor)]);
      return em.findOneByOrFail(ProgramEntity, { id: program.id });
    });
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@tl/database';
import { RegionDirectory } from '@tl/directory';
import { domainEvent, DomainEventType, NewDomainEvent, StaleVersionError } from '@tl/domain';
import { CommitmentEntity } from '../../persistence/commitment.entity';
import { assertCommitmentReferences } from '../commitment-references';
import { loadForUpdate } from '../load-for-update';
import { ReviseCommitmentCommand } from './revise-commitment.command';

type Revisable = 'title' | 'description' | 'regionCode' | 'programId' | 'indicatorUnit' | 'indicatorBaseline' | 'indicatorTarget' | 'indicatorAchieved';

@CommandHandler(ReviseCommitmentCommand)
export class ReviseCommitmentHandler implements ICommandHandler<ReviseCommitmentCommand> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventStore,
    private readonly regions: RegionDirectory,
  ) {}

  execute({ commitmentId, version, changes, actor }: ReviseCommitmentCommand): Promise<CommitmentEntity> {
    return this.dataSource.transaction(async (em) => {
      const current = await loadForUpdate(em, commitmentId);
      if (current.version !== version) throw new StaleVersionError(version, current.version);
      await assertCommitmentReferences(em, this.regions, changes);

      const events: NewDomainEvent[] = [];
      const revised: Record<string, { from: unknown; to: unknown }> = {};
      const next: Partial<CommitmentEntity> = {};
      const set = <K extends Revisable>(key: K, value: CommitmentEntity[K] | undefined) => {
        if (value === undefined || value === current[key]) return;
        revised[key] = { from: current[key], to: value };
        next[key] = value;
      };
      set('title', changes.title);
      set('description', changes.description);
      set('regionCode', changes.regionCode);
      set('programId', changes.programId);
      if (changes.indicator === null) {
        set('indicatorUnit', null);
        set('indicatorBaseline', null);
        set('indicatorTarget', null);
        set('indicatorAchieved', null);
      } else if (changes.indicator) {
        set('indicatorUnit', changes.indicator.unit);
        set('indicatorBaseline', changes.indicator.baseline ?? null);
        set('indicatorTarget', changes.indicator.target);
        if (changes.indicator.achieved !== undefined) set('indicatorAchieved', changes.indicator.achieved);
      }
      if (Object.keys(revised).length) {
        events.push(domainEvent(DomainEventType.CommitmentRevised, 'commitment', current.id, { changes: revised }, actor));
      }
      if (changes.dueAt && changes.dueAt.getTime() !== current.dueAt.getTime()) {
        next.dueAt = changes.dueAt;
        events.push(domainEvent(DomainEventType.CommitmentRescheduled, 'commitment', current.id, { from: current.dueAt.toISOString(), to: changes.dueAt.toISOString() }, actor));
      }
      if (changes.ownerOfficialId && changes.ownerOfficialId !== current.ownerOfficialId) {
        next.ownerOfficialId = changes.ownerOfficialId;
        events.push(domainEvent(DomainEventType.CommitmentReassigned, 'commitment', current.id, { from: current.ownerOfficialId, to: changes.ownerOfficialId }, actor));
      }
      // A PATCH that changes nothing is not a change: no event, same version.
      if (events.length === 0) return current;
      await em.update(CommitmentEntity, { id: current.id }, { ...next, version: current.version + 1 });
      await this.events.append(em, events);
      return em.findOneByOrFail(CommitmentEntity, { id: current.id });
    });
  }
}

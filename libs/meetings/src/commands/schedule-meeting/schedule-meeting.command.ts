import { Command } from '@nestjs/cqrs';
import type { MeetingEntity, MeetingKind, MeetingMode } from '../../persistence/meeting.entity';

export interface ScheduleMeetingInput {
  id?: string;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt?: Date;
  venue: string;
  mode: MeetingMode;
  onlineUrl?: string;
  organizerAgencyId: string;
  regionCode?: string;
  programIds?: string[];
  summary?: string;
}

export class ScheduleMeetingCommand extends Command<MeetingEntity> {
  constructor(readonly input: ScheduleMeetingInput, readonly actor: string) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

export interface CarryForwardInput {
  commitmentIds: string[];
  /** Optionally a new due time and owner agreed at this meeting, for every listed commitment. */
  dueAt?: Date;
  ownerOfficialId?: string;
  note?: string;
}

export interface CarryForwardResult {
  commitmentId: string;
  carried: boolean; // false: it was already on this meeting's table
  version: number;
}

/** Records that this meeting reviewed commitments earlier meetings left open. */
export class CarryForwardCommand extends Command<CarryForwardResult[]> {
  constructor(readonly meetingId: string, readonly input: CarryForwardInput, readonly actor: string) {
    super();
  }
}

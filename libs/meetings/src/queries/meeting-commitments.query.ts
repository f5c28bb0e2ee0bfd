import { Query } from '@nestjs/cqrs';

/**
 * The commitments agreed at one meeting, as the API lists them. Declared here, answered by the
 * commitments context (which depends on meetings, not the other way round).
 */
export class MeetingCommitmentsQuery extends Query<unknown[]> {
  constructor(readonly meetingId: string) {
    super();
  }
}

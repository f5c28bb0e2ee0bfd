import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MeetingCommitmentsQuery } from '@tl/meetings';
import { CommitmentsReader } from '../commitments.reader';

@QueryHandler(MeetingCommitmentsQuery)
export class MeetingCommitmentsHandler implements IQueryHandler<MeetingCommitmentsQuery> {
  constructor(private readonly reader: CommitmentsReader) {}

  execute(query: MeetingCommitmentsQuery) {
    return this.reader.ofMeeting(query.meetingId);
  }
}

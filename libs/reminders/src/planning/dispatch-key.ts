/**
 * Reminders sharing a dispatch key go out as one e-mail: all of one owner's reminders at the same
 * instant (the morning alignment makes that common), or one escalation.
 */
export function ownerDispatchKey(ownerOfficialId: string, at: Date): string {
  return `owner_${ownerOfficialId}_${at.getTime()}`;
}

export function escalationDispatchKey(commitmentId: string, at: Date): string {
  return `escalation_${commitmentId}_${at.getTime()}`;
}

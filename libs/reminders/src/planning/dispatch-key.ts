/**
 * Reminders sharing a dispatch key go out as one e-mail: all of one owner's reminders at the same
 * instant (the morning alignment makes that common), and all escalations to the same people at
 * the same instant (several commitments of one owner falling due together).
 */
export function ownerDispatchKey(ownerOfficialId: string, at: Date): string {
  return `owner_${ownerOfficialId}_${at.getTime()}`;
}

export function escalationDispatchKey(recipientOfficialIds: string[], at: Date): string {
  return `escalation_${recipientOfficialIds.join('_')}_${at.getTime()}`;
}

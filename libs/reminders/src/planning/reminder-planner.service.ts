import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { WorkingCalendarService } from '@tl/calendar';
import { CommitmentEntity } from '@tl/commitments';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { OfficialEntity } from '@tl/directory';
import {
  calendarYearsForPlan, escalationAt, isFinal, nextOverdueReminder, planBeforeDueReminders, relativeLabel, ReminderKind, zoneOfRegion,
} from '@tl/domain';
import { AttendeeEntity } from '@tl/meetings';
import { ReminderEntity } from '../persistence/reminder.entity';
import { escalationDispatchKey, ownerDispatchKey } from './dispatch-key';

interface DesiredReminder {
  kind: ReminderKind;
  label: string;
  scheduledFor: Date;
  recipientOfficialIds: string[];
  recipients: string[];
  dispatchKey: string;
}

const asDesired = (r: ReminderEntity): DesiredReminder => ({
  kind: r.kind,
  label: r.label,
  scheduledFor: r.scheduledFor,
  recipientOfficialIds: r.recipientOfficialIds,
  recipients: r.recipients,
  dispatchKey: r.dispatchKey,
});

const sameReminder = (a: DesiredReminder, b: ReminderEntity, dueAt: Date) =>
  a.kind === b.kind &&
  a.label === b.label &&
  a.scheduledFor.getTime() === b.scheduledFor.getTime() &&
  a.dispatchKey === b.dispatchKey &&
  b.dueAt.getTime() === dueAt.getTime() &&
  a.recipients.join(',') === b.recipients.join(',');

/**
 * Keeps a commitment's reminder plan in PostgreSQL in line with the commitment as it is now. It
 * works from current state, not from the event that triggered it, so events arriving twice or out
 * of order leave the same plan.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Re-plans one commitment; returns the reminders newly scheduled (they need timers). */
  replan(commitmentId: string, now = new Date()): Promise<ReminderEntity[]> {
    return this.dataSource.transaction(async (em) => {
      // FOR NO KEY UPDATE: re-plans of one commitment take turns, while a delivery that issues a
      // progress link (a foreign key to this row) is not blocked by one.
      const commitment = await em.findOne(CommitmentEntity, { where: { id: commitmentId }, lock: { mode: 'for_no_key_update' } });
      if (!commitment) return [];
      const pending = await em.find(ReminderEntity, { where: { commitmentId, status: 'scheduled' } });
      const desired = isFinal(commitment.status) ? [] : await this.desiredPlan(em, commitment, now, pending);

      const stale = pending.filter((r) => !desired.some((d) => sameReminder(d, r, commitment.dueAt)));
      const fresh = desired.filter((d) => !pending.some((r) => sameReminder(d, r, commitment.dueAt)));
      // Only rows still 'scheduled': one a delivery has just sent (it held the row) stays sent.
      if (stale.length) await em.update(ReminderEntity, { id: In(stale.map((r) => r.id)), status: 'scheduled' }, { status: 'cancelled' });
      const rows = fresh.map((d) =>
        em.create(ReminderEntity, { id: randomUUID(), commitmentId, dueAt: commitment.dueAt, status: 'scheduled', attempts: 0, ...d }),
      );
      if (rows.length) await em.insert(ReminderEntity, rows);
      return rows;
    });
  }

  /**
   * Live commitments with no next reminder planned for their current due time. Every live
   * commitment has one (the next overdue reminder at the latest), so these are plans a crash or a
   * lost job left unfinished: a worker killed between sending a reminder and planning the next,
   * or a planning job lost with Redis.
   */
  async unplanned(limit = 200): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT c.id FROM commitments c
        WHERE c.status NOT IN ('done', 'cancelled')
          AND NOT EXISTS (SELECT 1 FROM reminders r
                           WHERE r.commitment_id = c.id AND r.kind = 'overdue' AND r.due_at = c.due_at AND r.status IN ('scheduled', 'sending'))
        ORDER BY c.due_at
        LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  private async desiredPlan(em: EntityManager, commitment: CommitmentEntity, now: Date, pending: ReminderEntity[]): Promise<DesiredReminder[]> {
    const owner = await em.findOneBy(OfficialEntity, { id: commitment.ownerOfficialId });
    if (!owner) return [];
    // A reminder whose time has come is waiting for its delivery job (late after a restart or an
    // outage, or due this very moment): it stays, for the same due time and owner, rather than being
    // dropped as "in the past" by whatever re-plan runs first.
    const late = pending.filter(
      (r) =>
        r.scheduledFor.getTime() <= now.getTime() &&
        r.dueAt.getTime() === commitment.dueAt.getTime() &&
        (r.kind === 'escalation' || r.recipientOfficialIds.join(',') === owner.id),
    );
    const lateOf = (kind: ReminderKind) => late.filter((r) => r.kind === kind);
    const zone = zoneOfRegion(owner.regionCode ?? commitment.regionCode);
    const { reminderOffsets: offsets, overdueEvery, escalateAfter } = this.config;
    const dueAt = commitment.dueAt;
    const toOwner = (kind: ReminderKind, label: string, scheduledFor: Date): DesiredReminder => ({
      kind,
      label,
      scheduledFor,
      recipientOfficialIds: [owner.id],
      recipients: [owner.email],
      dispatchKey: ownerDispatchKey(owner.id, scheduledFor),
    });

    const calendar = await this.calendar.calendarFor(calendarYearsForPlan({ dueAt, offsets, zone }), em);
    const plan: DesiredReminder[] = planBeforeDueReminders({
      dueAt,
      now,
      offsets,
      align: this.config.reminderAlign,
      sendAt: this.config.reminderSendAt,
      zone,
      calendar,
    }).map((r) => toOwner(r.kind, relativeLabel(r.kind as 'before' | 'due', r.offset), r.scheduledFor));
    plan.push(...late.map(asDesired));

    // Overdue: the next one only; each one sent plans the one after it (a late one is that next one).
    if (lateOf('overdue').length === 0) {
      const [lastOverdue] = await em.find(ReminderEntity, {
        where: { commitmentId: commitment.id, kind: 'overdue', dueAt, status: In(['sent', 'sending', 'failed']) },
        order: { scheduledFor: 'DESC' },
        take: 1,
      });
      const next = nextOverdueReminder({ dueAt, now, every: overdueEvery, lastSentAt: lastOverdue?.scheduledFor, zone });
      plan.push(toOwner('overdue', String(next.ordinal), next.scheduledFor));
    }

    // Escalation: once per due time, to the owner's supervisor and the meeting's chair.
    const escalated =
      lateOf('escalation').length > 0 ||
      (await em.exists(ReminderEntity, {
        where: { commitmentId: commitment.id, kind: 'escalation', dueAt, status: In(['sent', 'sending', 'failed']) },
      }));
    if (!escalated) {
      const people = await this.escalationRecipients(em, commitment, owner);
      if (people.length) {
        const at = new Date(Math.max(escalationAt({ dueAt, escalateAfter, zone }).getTime(), now.getTime()));
        plan.push({
          kind: 'escalation',
          label: 'escalation',
          scheduledFor: at,
          recipientOfficialIds: people.map((p) => p.id),
          recipients: people.map((p) => p.email),
          dispatchKey: escalationDispatchKey(people.map((p) => p.id), at),
        });
      }
    }
    return plan;
  }

  private async escalationRecipients(em: EntityManager, commitment: CommitmentEntity, owner: OfficialEntity): Promise<OfficialEntity[]> {
    const people: OfficialEntity[] = [];
    if (owner.supervisorId) {
      const supervisor = await em.findOneBy(OfficialEntity, { id: owner.supervisorId });
      if (supervisor) people.push(supervisor);
    }
    const chairs = await em.find(AttendeeEntity, { where: { meetingId: commitment.meetingId, role: 'chair' }, relations: { official: true } });
    for (const chair of chairs) {
      if (chair.official && chair.official.id !== owner.id && !people.some((p) => p.email === chair.official!.email)) people.push(chair.official);
    }
    return people;
  }
}

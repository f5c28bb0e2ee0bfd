import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CommitmentEntity } from '@tl/commitments';
import { OfficialEntity, ProgramEntity, RegionDirectory } from '@tl/directory';
import { daysOverdue, isFinal, zoneOfRegion } from '@tl/domain';
import { MeetingEntity } from '@tl/meetings';
import { MailService, renderReminderEmail, ReminderEmailItem, SentMail } from '@tl/notifications';
import { ProgressLinks } from '../links/progress-links.service';
import { ReminderEntity } from '../persistence/reminder.entity';

/**
 * `replan`: the commitments whose overdue reminder went out (or failed for good), so that the next
 * one must now be planned. The rest of a plan is made when the commitment changes.
 */
export type DispatchOutcome = { sent: ReminderEntity[]; cancelled: number; replan: string[] };

const overdueCommitments = (reminders: ReminderEntity[]) => [...new Set(reminders.filter((r) => r.kind === 'overdue').map((r) => r.commitmentId))];

// Rows left in 'sending' by an earlier version of the dispatcher that died mid-send.
const LEGACY_STALE_CLAIM = "interval '2 minutes'";

/** A reminder e-mail the mail server did not take; `replan` as in DispatchOutcome, should it fail for good. */
export class ReminderSendError extends Error {
  constructor(readonly reminderIds: string[], readonly replan: string[], readonly recipient: string, reason: unknown) {
    super((reason as Error)?.message ?? String(reason), { cause: reason });
    this.name = 'ReminderSendError';
  }
}

/**
 * Delivers every due reminder under one dispatch key as a single e-mail and logs the outcome on
 * each reminder. The claim is a row lock held by the transaction that sends the e-mail and marks
 * the rows 'sent': two workers, or a job and its duplicate, never send the same reminder twice
 * (the second skips locked rows), and a worker killed mid-send loses its claim with its
 * connection, so the next run sends the reminder at once instead of waiting for a timeout.
 */
@Injectable()
export class ReminderDispatcher implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderDispatcher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly links: ProgressLinks,
    private readonly regions: RegionDirectory,
  ) {}

  /**
   * Compiles the e-mail templates and loads the signing key at start, so that a worker started
   * just before a burst (the 08:00 reminders of a whole zone) does not meet it cold.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.links.prepare();
      const at = new Date();
      for (const locale of ['id', 'en'] as const) {
        for (const [role, kind] of [['owner', 'due'], ['supervisor', 'escalation']] as const) {
          renderReminderEmail({
            locale,
            recipient: { name: 'Warm-up' },
            role,
            items: [{
              kind,
              label: 'H',
              daysOverdue: kind === 'escalation' ? 1 : undefined,
              commitment: { id: '00000000-0000-4000-8000-000000000000', title: 'Warm-up', status: 'open', dueAt: at, zone: 'Asia/Jakarta', ownerName: 'Warm-up', indicator: { unit: 'unit', target: 1 } },
              meeting: { kind: 'rakor', title: 'Warm-up', startsAt: at, venue: 'Jakarta', zone: 'Asia/Jakarta' },
              progressUrl: role === 'owner' ? 'http://localhost/progress/warm-up' : undefined,
            }],
          });
        }
      }
    } catch (error) {
      this.logger.warn(`warming up the reminder e-mails failed: ${(error as Error).message}`);
    }
  }

  async dispatch(dispatchKey: string, finalAttempt: boolean): Promise<DispatchOutcome> {
    // Loaded outside the transaction: it may need a pool connection of its own the first time.
    await this.links.prepare();
    try {
      return await this.dataSource.transaction(async (em) => {
        const claimed = await em
          .createQueryBuilder(ReminderEntity, 'r')
          .where('r.dispatch_key = :dispatchKey', { dispatchKey })
          .andWhere("r.scheduled_for <= now() + interval '1 second'")
          .andWhere(`(r.status = 'scheduled' OR (r.status = 'sending' AND r.claimed_at < now() - ${LEGACY_STALE_CLAIM}))`)
          .orderBy('r.scheduled_for')
          .addOrderBy('r.id')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        return this.deliver(em, claimed);
      });
    } catch (error) {
      if (!(error instanceof ReminderSendError)) throw error;
      // The transaction rolled back (links included); the rows are 'scheduled' again. Log the attempt.
      await this.dataSource.query(
        `UPDATE reminders SET attempts = attempts + 1, claimed_at = now(), error = $2, updated_at = now()${finalAttempt ? ", status = 'failed'" : ''}
          WHERE id = ANY($1::uuid[]) AND status IN ('scheduled', 'sending')`,
        [error.reminderIds, error.message],
      );
      this.logger.warn(`reminder mail to ${error.recipient} failed${finalAttempt ? ' for good' : ', will retry'}: ${error.message}`);
      throw error;
    }
  }

  private async deliver(em: EntityManager, reminders: ReminderEntity[]): Promise<DispatchOutcome> {
    if (reminders.length === 0) return { sent: [], cancelled: 0, replan: [] };
    const commitments = await em.find(CommitmentEntity, {
      where: { id: In([...new Set(reminders.map((r) => r.commitmentId))]) },
      relations: { owner: true, program: true, meeting: true },
    });
    const byId = new Map(commitments.map((c) => [c.id, c]));

    // A commitment finished, moved or handed to another official since planning: its reminder is
    // void, not sent (the re-plan that follows the change plans the right one).
    const live = reminders.filter((r) => {
      const c = byId.get(r.commitmentId);
      const toOwner = r.kind !== 'escalation';
      return c && !isFinal(c.status) && c.dueAt.getTime() === r.dueAt.getTime() && (!toOwner || r.recipientOfficialIds[0] === c.ownerOfficialId);
    });
    const voided = reminders.filter((r) => !live.includes(r));
    if (voided.length) await em.update(ReminderEntity, { id: In(voided.map((r) => r.id)) }, { status: 'cancelled' });
    if (live.length === 0) return { sent: [], cancelled: voided.length, replan: [] };

    // An owner's reminder goes to the owner, loaded with the commitment; an escalation to others.
    const owner = byId.get(live[0].commitmentId)!.owner;
    const recipients =
      owner && live[0].recipientOfficialIds.join() === owner.id ? [owner] : await em.findBy(OfficialEntity, { id: In(live[0].recipientOfficialIds) });
    const ordered = live[0].recipientOfficialIds.map((id) => recipients.find((o) => o.id === id)).filter((o): o is OfficialEntity => !!o);
    const primary = ordered[0];
    if (!primary) {
      await this.markFailed(em, live, 'no recipient: the official no longer exists');
      return { sent: [], cancelled: voided.length, replan: [] };
    }
    const escalation = live[0].kind === 'escalation';
    const now = new Date();

    const items: ReminderEmailItem[] = [];
    for (const r of live) {
      const c = byId.get(r.commitmentId)!;
      const zone = zoneOfRegion(c.owner?.regionCode ?? c.regionCode);
      const meeting = c.meeting as MeetingEntity;
      const program = c.program as ProgramEntity | null | undefined;
      const link = escalation ? undefined : await this.links.issue(em, { commitmentId: c.id, officialId: c.ownerOfficialId, reminderId: r.id });
      items.push({
        kind: r.kind,
        label: r.label,
        daysOverdue: r.kind === 'overdue' || r.kind === 'escalation' ? Math.max(1, daysOverdue(c.dueAt, now, zone)) : undefined,
        commitment: {
          id: c.id,
          title: c.title,
          description: c.description ?? undefined,
          status: c.status,
          dueAt: c.dueAt,
          zone,
          ownerName: c.owner?.name ?? '',
          regionName: this.regions.nameOf(c.regionCode) ?? undefined,
          programName: program?.name,
          indicator:
            c.indicatorUnit !== null && c.indicatorTarget !== null
              ? { unit: c.indicatorUnit, baseline: c.indicatorBaseline ?? undefined, target: c.indicatorTarget, achieved: c.indicatorAchieved ?? undefined }
              : undefined,
        },
        meeting: { kind: meeting.kind, title: meeting.title, startsAt: meeting.startsAt, venue: meeting.venue, zone: zoneOfRegion(meeting.regionCode) },
        progressUrl: link?.url,
      });
    }

    const rendered = renderReminderEmail({
      locale: primary.locale,
      recipient: { name: primary.name, position: primary.position },
      role: escalation ? 'supervisor' : 'owner',
      items,
    });
    const liveIds = live.map((r) => r.id);
    let sent: SentMail;
    try {
      sent = await this.mail.send({
        to: [primary.email],
        cc: ordered.slice(1).map((o) => o.email),
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        attachments: rendered.attachments,
        headers: { 'X-Tindak-Lanjut-Reminders': liveIds.join(',') },
      });
    } catch (error) {
      throw new ReminderSendError(liveIds, overdueCommitments(live), primary.email, error);
    }
    await em.query(
      `UPDATE reminders SET status = 'sent', sent_at = now(), claimed_at = now(), attempts = attempts + 1, message_id = $2, error = NULL, recipients = $3, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [liveIds, sent.messageId, ordered.map((o) => o.email)],
    );
    return { sent: live, cancelled: voided.length, replan: overdueCommitments(live) };
  }

  private async markFailed(em: EntityManager, reminders: ReminderEntity[], message: string): Promise<void> {
    await em.query(`UPDATE reminders SET status = 'failed', error = $2, updated_at = now() WHERE id = ANY($1::uuid[])`, [reminders.map((r) => r.id), message]);
  }
}

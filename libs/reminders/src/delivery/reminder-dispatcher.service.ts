import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CommitmentEntity } from '@tl/commitments';
import { OfficialEntity, ProgramEntity, RegionDirectory } from '@tl/directory';
import { daysOverdue, isFinal, zoneOfRegion } from '@tl/domain';
import { MeetingEntity } from '@tl/meetings';
import { MailService, renderReminderEmail, ReminderEmailItem } from '@tl/notifications';
import { ProgressLinks } from '../links/progress-links.service';
import { ReminderEntity } from '../persistence/reminder.entity';

export type DispatchOutcome = { sent: ReminderEntity[]; cancelled: number; commitmentIds: string[] };

// A claim older than this belongs to a worker that died mid-send; its reminders may be taken over.
const STALE_CLAIM = "interval '2 minutes'";

/**
 * Delivers every due reminder under one dispatch key as a single e-mail and logs the outcome on
 * each reminder. Claiming rows in PostgreSQL (not the job) is what keeps two workers, or a job
 * and its duplicate, from sending the same reminder twice.
 */
@Injectable()
export class ReminderDispatcher {
  private readonly logger = new Logger(ReminderDispatcher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly links: ProgressLinks,
    private readonly regions: RegionDirectory,
  ) {}

  async dispatch(dispatchKey: string, finalAttempt: boolean): Promise<DispatchOutcome> {
    const result = await this.dataSource.query(
      `UPDATE reminders SET status = 'sending', claimed_at = now(), attempts = attempts + 1, updated_at = now()
        WHERE dispatch_key = $1 AND scheduled_for <= now() + interval '1 second'
          AND (status = 'scheduled' OR (status = 'sending' AND claimed_at < now() - ${STALE_CLAIM}))
        RETURNING id`,
      [dispatchKey],
    );
    // The pg driver answers an UPDATE ... RETURNING with [rows, count].
    const rows: Array<{ id: string }> = Array.isArray(result[0]) ? result[0] : result;
    return this.deliver(rows.map((r) => r.id), finalAttempt);
  }

  private async deliver(ids: string[], finalAttempt: boolean): Promise<DispatchOutcome> {
    if (ids.length === 0) return { sent: [], cancelled: 0, commitmentIds: [] };
    const reminders = await this.dataSource.getRepository(ReminderEntity).find({ where: { id: In(ids) }, order: { scheduledFor: 'ASC' } });
    const commitments = await this.dataSource.getRepository(CommitmentEntity).find({
      where: { id: In([...new Set(reminders.map((r) => r.commitmentId))]) },
      relations: { owner: true, program: true, meeting: true },
    });
    const byId = new Map(commitments.map((c) => [c.id, c]));

    // A commitment finished or moved since planning: its reminder is void, not sent.
    const live = reminders.filter((r) => {
      const c = byId.get(r.commitmentId);
      return c && !isFinal(c.status) && c.dueAt.getTime() === r.dueAt.getTime();
    });
    const voided = reminders.filter((r) => !live.includes(r));
    if (voided.length) await this.dataSource.getRepository(ReminderEntity).update({ id: In(voided.map((r) => r.id)) }, { status: 'cancelled' });
    if (live.length === 0) return { sent: [], cancelled: voided.length, commitmentIds: [] };

    const recipients = await this.dataSource.getRepository(OfficialEntity).findBy({ id: In(live[0].recipientOfficialIds) });
    const ordered = live[0].recipientOfficialIds.map((id) => recipients.find((o) => o.id === id)).filter((o): o is OfficialEntity => !!o);
    const primary = ordered[0];
    if (!primary) {
      await this.markFailed(live, 'no recipient: the official no longer exists');
      return { sent: [], cancelled: voided.length, commitmentIds: [] };
    }
    const escalation = live[0].kind === 'escalation';
    const now = new Date();

    const items: ReminderEmailItem[] = [];
    await this.dataSource.transaction(async (em) => {
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
    });

    const rendered = renderReminderEmail({
      locale: primary.locale,
      recipient: { name: primary.name, position: primary.position },
      role: escalation ? 'supervisor' : 'owner',
      items,
    });
    try {
      const sent = await this.mail.send({
        to: [primary.email],
        cc: ordered.slice(1).map((o) => o.email),
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        attachments: rendered.attachments,
        headers: { 'X-Tindak-Lanjut-Reminders': live.map((r) => r.id).join(',') },
      });
      await this.dataSource.query(
        `UPDATE reminders SET status = 'sent', sent_at = now(), message_id = $2, error = NULL, recipients = $3, updated_at = now() WHERE id = ANY($1::uuid[])`,
        [live.map((r) => r.id), sent.messageId, ordered.map((o) => o.email)],
      );
      return { sent: live, cancelled: voided.length, commitmentIds: [...new Set(live.map((r) => r.commitmentId))] };
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      if (finalAttempt) await this.markFailed(live, message);
      else {
        // Back to scheduled (with the error on record) so the retry claims it again.
        await this.dataSource.query(`UPDATE reminders SET status = 'scheduled', error = $2, updated_at = now() WHERE id = ANY($1::uuid[])`, [live.map((r) => r.id), message]);
      }
      this.logger.warn(`reminder mail to ${primary.email} failed${finalAttempt ? ' for good' : ', will retry'}: ${message}`);
      throw error;
    }
  }

  private async markFailed(reminders: ReminderEntity[], message: string): Promise<void> {
    await this.dataSource.query(`UPDATE reminders SET status = 'failed', error = $2, updated_at = now() WHERE id = ANY($1::uuid[])`, [reminders.map((r) => r.id), message]);
  }
}

import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RegionDirectory } from '@tl/directory';
import { CommitmentStatus, daysOverdue, isFinal, ReminderKind, zoneOfRegion } from '@tl/domain';
import { MailService, renderReminderEmail, ReminderEmailItem } from '@tl/notifications';
import { MintedProgressLink, ProgressLinks } from '../links/progress-links.service';
import { CallBatcher } from './call-batcher';

/**
 * `sent`: the ids of the reminders the e-mail carried. `replan`: the commitments whose overdue
 * reminder went out (or failed for good), so that the next one must now be planned. The rest of a
 * plan is made when the commitment changes.
 */
export type DispatchOutcome = { sent: string[]; cancelled: number; replan: string[] };

/** A reminder e-mail the mail server did not take; `replan` as in DispatchOutcome, should it fail for good. */
export class ReminderSendError extends Error {
  constructor(readonly reminderIds: string[], readonly replan: string[], readonly recipient: string, reason: unknown) {
    super((reason as Error)?.message ?? String(reason), { cause: reason });
    this.name = 'ReminderSendError';
  }
}

/** How many dispatch keys share one transaction, and how many such transactions run at once. */
const BATCHING = { maxBatch: 50, maxParallel: 3 };

/** Rehearsals of the e-mail path at start (see warmUp). */
const WARM_UP_ROUNDS = 25;
const WARM_UP_ID = '00000000-0000-4000-8000-000000000000';

// Rows left in 'sending' by an earlier version of the dispatcher that died mid-send.
const LEGACY_STALE_CLAIM = "interval '2 minutes'";

type MeetingKind = ReminderEmailItem['meeting']['kind'];

interface Official {
  id: string;
  name: string;
  position: string;
  email: string;
  locale: 'id' | 'en';
  regionCode: string | null;
}

/** A due reminder, locked by the claim, with what its e-mail says. */
interface ClaimedReminder {
  id: string;
  dispatchKey: string;
  commitmentId: string;
  kind: ReminderKind;
  label: string;
  dueAt: Date;
  recipientOfficialIds: string[];
  /** Null when the commitment is gone. */
  commitment: {
    title: string;
    description: string | null;
    status: CommitmentStatus;
    dueAt: Date;
    ownerOfficialId: string;
    regionCode: string;
    programName: string | null;
    indicator: { unit: string; baseline: number | null; target: number; achieved: number | null } | null;
    meeting: { kind: MeetingKind; title: string; startsAt: Date; venue: string; regionCode: string | null };
    owner: Official | null;
  } | null;
}

/** One e-mail to send: the live reminders of one dispatch key and their recipients. */
interface OutgoingReminderMail {
  dispatchKey: string;
  reminders: ClaimedReminder[];
  recipients: Official[];
  links: MintedProgressLink[];
}

const overdueCommitments = (reminders: ClaimedReminder[]) => [...new Set(reminders.filter((r) => r.kind === 'overdue').map((r) => r.commitmentId))];

/**
 * Delivers every due reminder under one dispatch key as a single e-mail and logs the outcome on
 * each reminder. The claim is a row lock held by the transaction that sends the e-mail and marks
 * the rows 'sent': two workers, or a job and its duplicate, never send the same reminder twice
 * (the second skips locked rows), and a worker killed mid-send loses its claim with its
 * connection, so the next run sends the reminder at once instead of waiting for a timeout.
 *
 * Dispatch keys due together (the 08:00 burst of a whole zone) share one transaction of a few
 * statements instead of a handful of round trips each: see CallBatcher.
 */
@Injectable()
export class ReminderDispatcher implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderDispatcher.name);
  private readonly batcher = new CallBatcher<{ dispatchKey: string; finalAttempt: boolean }, DispatchOutcome>(
    (requests) => this.deliverBatch(requests),
    BATCHING,
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly links: ProgressLinks,
    private readonly regions: RegionDirectory,
  ) {}

  /**
   * Warms up, in the background, what the first burst (the 08:00 reminders of a whole zone) would
   * otherwise meet cold: the signing key, the compiled templates, the code that renders and encodes
   * an e-mail (rehearsed, not sent: see MailService.rehearse), and one PostgreSQL session per
   * batch that may run at once, each having run the claim once (the pool keeps them open: see
   * dataSourceOptions). Not awaited, so that it never holds the worker's start back.
   */
  onApplicationBootstrap(): void {
    void this.warmUp().catch((error) => this.logger.warn(`warming up the reminder delivery failed: ${(error as Error).message}`));
  }

  private async warmUp(): Promise<void> {
    const started = Date.now();
    await this.links.prepare();
    const at = new Date();
    // Enough rounds for V8 to optimise the hot paths (rendering, MIME encoding) before the first
    // burst (more did no better: bench/README.md); one round at a time so that the start goes on.
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      for (const locale of ['id', 'en'] as const) {
        for (const [role, kind] of [['owner', 'due'], ['supervisor', 'escalation']] as const) {
          const link = await this.links.mint({ commitmentId: WARM_UP_ID, officialId: WARM_UP_ID });
          const rendered = renderReminderEmail({
            locale,
            recipient: { name: 'Warm-up', position: 'Warm-up' },
            role,
            items: [{
              kind,
              label: 'H',
              daysOverdue: kind === 'escalation' ? 1 : undefined,
              commitment: { id: WARM_UP_ID, title: 'Warm-up', description: 'Warm-up', status: 'open', dueAt: at, zone: 'Asia/Jakarta', ownerName: 'Warm-up', regionName: 'Warm-up', programName: 'Warm-up', indicator: { unit: 'unit', baseline: 0, target: 1, achieved: 0 } },
              meeting: { kind: 'rakor', title: 'Warm-up', startsAt: at, venue: 'Jakarta', zone: 'Asia/Jakarta' },
              progressUrl: role === 'owner' ? link.url : undefined,
            }],
          });
          await this.mail.rehearse({
            to: ['warm-up@example.invalid'],
            subject: rendered.subject,
            html: rendered.html,
            text: rendered.text,
            attachments: rendered.attachments,
            headers: { 'X-Tindak-Lanjut-Reminders': WARM_UP_ID },
          });
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(Array.from({ length: BATCHING.maxParallel }, () => this.dataSource.transaction((em) => this.claim(em, []))));
    this.logger.log(`reminder delivery warmed up in ${Date.now() - started} ms (${WARM_UP_ROUNDS * 4} e-mails rendered and encoded, none sent)`);
  }

  /** Sends the e-mail of one dispatch key; rejects with ReminderSendError when the mail server refuses it. */
  dispatch(dispatchKey: string, finalAttempt: boolean): Promise<DispatchOutcome> {
    return this.batcher.submit({ dispatchKey, finalAttempt });
  }

  private async deliverBatch(requests: Array<{ dispatchKey: string; finalAttempt: boolean }>): Promise<Array<PromiseSettledResult<DispatchOutcome>>> {
    // Loaded outside the transaction: it may need a pool connection of its own the first time.
    await this.links.prepare();
    const finalAttempt = new Map<string, boolean>();
    for (const r of requests) finalAttempt.set(r.dispatchKey, (finalAttempt.get(r.dispatchKey) ?? false) || r.finalAttempt);
    const results = await this.dataSource.transaction((em) => this.deliver(em, finalAttempt));
    // A key asked for twice in one batch (a job and its duplicate) is delivered for the first only.
    const answered = new Set<string>();
    return requests.map((r) => {
      if (answered.has(r.dispatchKey)) return { status: 'fulfilled', value: { sent: [], cancelled: 0, replan: [] } };
      answered.add(r.dispatchKey);
      return results.get(r.dispatchKey)!;
    });
  }

  private async deliver(em: EntityManager, finalAttempt: Map<string, boolean>): Promise<Map<string, PromiseSettledResult<DispatchOutcome>>> {
    const outcomes = new Map([...finalAttempt.keys()].map((key): [string, DispatchOutcome] => [key, { sent: [], cancelled: 0, replan: [] }]));
    const failures = new Map<string, ReminderSendError>();

    const claimed = await this.claim(em, [...finalAttempt.keys()]);

    // A commitment finished, moved or handed to another official since planning: its reminder is
    // void, not sent (the re-plan that follows the change plans the right one).
    const isLive = (r: ClaimedReminder) => {
      const c = r.commitment;
      return !!c && !isFinal(c.status) && c.dueAt.getTime() === r.dueAt.getTime() && (r.kind === 'escalation' || r.recipientOfficialIds[0] === c.ownerOfficialId);
    };
    const voided = claimed.filter((r) => !isLive(r));
    if (voided.length) {
      await em.query(`UPDATE reminders SET status = 'cancelled', updated_at = now() WHERE id = ANY($1::uuid[])`, [voided.map((r) => r.id)]);
      for (const r of voided) outcomes.get(r.dispatchKey)!.cancelled++;
    }

    const mails = await this.prepareMails(em, claimed.filter(isLive));
    const withoutRecipient = mails.filter((m) => m.recipients.length === 0);
    if (withoutRecipient.length) {
      await em.query(`UPDATE reminders SET status = 'failed', error = $2, updated_at = now() WHERE id = ANY($1::uuid[])`, [
        withoutRecipient.flatMap((m) => m.reminders.map((r) => r.id)),
        'no recipient: the official no longer exists',
      ]);
    }

    const sendable = mails.filter((m) => m.recipients.length > 0);
    const attempts = await Promise.allSettled(sendable.map((m) => this.send(m)));
    const sent: Array<{ mail: OutgoingReminderMail; messageId: string }> = [];
    const failed: Array<{ mail: OutgoingReminderMail; error: string; final: boolean }> = [];
    attempts.forEach((attempt, i) => {
      const mail = sendable[i];
      if (attempt.status === 'fulfilled') {
        sent.push({ mail, messageId: attempt.value });
        Object.assign(outcomes.get(mail.dispatchKey)!, { sent: mail.reminders.map((r) => r.id), replan: overdueCommitments(mail.reminders) });
        return;
      }
      const final = finalAttempt.get(mail.dispatchKey) ?? false;
      const error = new ReminderSendError(mail.reminders.map((r) => r.id), overdueCommitments(mail.reminders), mail.recipients[0].email, attempt.reason);
      failed.push({ mail, error: error.message, final });
      failures.set(mail.dispatchKey, error);
      this.logger.warn(`reminder mail to ${error.recipient} failed${final ? ' for good' : ', will retry'}: ${error.message}`);
    });

    if (sent.length) {
      await em.query(
        `UPDATE reminders r SET status = 'sent', sent_at = now(), claimed_at = now(), attempts = r.attempts + 1, message_id = s.message_id, error = NULL,
                recipients = s.recipients, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, message_id text, recipients text[])
          WHERE r.id = s.id`,
        [JSON.stringify(sent.flatMap(({ mail, messageId }) => mail.reminders.map((r) => ({ id: r.id, message_id: messageId, recipients: mail.recipients.map((o) => o.email) }))))],
      );
      await this.links.store(em, sent.flatMap(({ mail }) => mail.links));
    }
    if (failed.length) {
      // The rows go back to 'scheduled' for the job's retry, or to 'failed' after its last attempt.
      await em.query(
        `UPDATE reminders r SET attempts = r.attempts + 1, claimed_at = now(), error = f.error, status = CASE WHEN f.final THEN 'failed' ELSE 'scheduled' END, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS f(id uuid, error text, final boolean)
          WHERE r.id = f.id`,
        [JSON.stringify(failed.flatMap(({ mail, error, final }) => mail.reminders.map((r) => ({ id: r.id, error, final }))))],
      );
    }
    const results = new Map<string, PromiseSettledResult<DispatchOutcome>>();
    for (const [key, value] of outcomes) results.set(key, failures.has(key) ? { status: 'rejected', reason: failures.get(key) } : { status: 'fulfilled', value });
    return results;
  }

  /** Locks the due reminders of the keys, skipping those another worker holds, and reads what their e-mails say. */
  private async claim(em: EntityManager, dispatchKeys: string[]): Promise<ClaimedReminder[]> {
    const rows: Array<Record<string, unknown>> = await em.query(
      `SELECT r.id, r.dispatch_key, r.commitment_id, r.kind, r.label, r.due_at, r.recipient_official_ids,
              c.id AS c_id, c.title AS c_title, c.description AS c_description, c.status AS c_status, c.due_at AS c_due_at,
              c.owner_official_id AS c_owner_official_id, c.region_code AS c_region_code,
              c.indicator_unit AS c_indicator_unit, c.indicator_baseline::float8 AS c_indicator_baseline,
              c.indicator_target::float8 AS c_indicator_target, c.indicator_achieved::float8 AS c_indicator_achieved,
              p.name AS program_name,
              m.kind AS m_kind, m.title AS m_title, m.starts_at AS m_starts_at, m.venue AS m_venue, m.region_code AS m_region_code,
              o.id AS o_id, o.name AS o_name, o.position AS o_position, o.email AS o_email, o.locale AS o_locale, o.region_code AS o_region_code
         FROM reminders r
         LEFT JOIN commitments c ON c.id = r.commitment_id
         LEFT JOIN meetings m ON m.id = c.meeting_id
         LEFT JOIN programs p ON p.id = c.program_id
         LEFT JOIN officials o ON o.id = c.owner_official_id
        WHERE r.dispatch_key = ANY($1::text[])
          AND r.scheduled_for <= now() + interval '1 second'
          AND (r.status = 'scheduled' OR (r.status = 'sending' AND r.claimed_at < now() - ${LEGACY_STALE_CLAIM}))
        ORDER BY r.dispatch_key, r.scheduled_for, r.id
        FOR UPDATE OF r SKIP LOCKED`,
      [dispatchKeys],
    );
    return rows.map((row) => ({
      id: row.id as string,
      dispatchKey: row.dispatch_key as string,
      commitmentId: row.commitment_id as string,
      kind: row.kind as ReminderKind,
      label: row.label as string,
      dueAt: row.due_at as Date,
      recipientOfficialIds: row.recipient_official_ids as string[],
      commitment: row.c_id
        ? {
            title: row.c_title as string,
            description: row.c_description as string | null,
            status: row.c_status as CommitmentStatus,
            dueAt: row.c_due_at as Date,
            ownerOfficialId: row.c_owner_official_id as string,
            regionCode: row.c_region_code as string,
            programName: row.program_name as string | null,
            indicator:
              row.c_indicator_unit !== null && row.c_indicator_target !== null
                ? {
                    unit: row.c_indicator_unit as string,
                    baseline: row.c_indicator_baseline as number | null,
                    target: row.c_indicator_target as number,
                    achieved: row.c_indicator_achieved as number | null,
                  }
                : null,
            meeting: {
              kind: row.m_kind as MeetingKind,
              title: row.m_title as string,
              startsAt: row.m_starts_at as Date,
              venue: row.m_venue as string,
              regionCode: row.m_region_code as string | null,
            },
            owner: row.o_id
              ? {
                  id: row.o_id as string,
                  name: row.o_name as string,
                  position: row.o_position as string,
                  email: row.o_email as string,
                  locale: row.o_locale as Official['locale'],
                  regionCode: row.o_region_code as string | null,
                }
              : null,
          }
        : null,
    }));
  }

  /**
   * Groups the live reminders by dispatch key and finds each e-mail's recipients: an owner's
   * reminder goes to the owner, read with the claim; an escalation to the officials it names.
   */
  private async prepareMails(em: EntityManager, live: ClaimedReminder[]): Promise<OutgoingReminderMail[]> {
    const byKey = new Map<string, ClaimedReminder[]>();
    for (const r of live) byKey.set(r.dispatchKey, [...(byKey.get(r.dispatchKey) ?? []), r]);

    const isOwnersMail = (reminders: ClaimedReminder[]) => reminders[0].recipientOfficialIds.join() === reminders[0].commitment!.owner?.id;
    const othersIds = [...new Set([...byKey.values()].filter((rs) => !isOwnersMail(rs)).flatMap((rs) => rs[0].recipientOfficialIds))];
    const others = new Map<string, Official>();
    if (othersIds.length) {
      const rows: Official[] = await em.query(`SELECT id, name, position, email, locale, region_code AS "regionCode" FROM officials WHERE id = ANY($1::uuid[])`, [othersIds]);
      for (const o of rows) others.set(o.id, o);
    }

    const mails: OutgoingReminderMail[] = [];
    for (const [dispatchKey, reminders] of byKey) {
      const recipients = isOwnersMail(reminders)
        ? [reminders[0].commitment!.owner!]
        : reminders[0].recipientOfficialIds.map((id) => others.get(id)).filter((o): o is Official => !!o);
      const escalation = reminders[0].kind === 'escalation';
      const links = escalation
        ? []
        : await Promise.all(reminders.map((r) => this.links.mint({ commitmentId: r.commitmentId, officialId: r.commitment!.ownerOfficialId, reminderId: r.id })));
      mails.push({ dispatchKey, reminders, recipients, links });
    }
    return mails;
  }

  /** Renders and sends one e-mail; answers the mail server's message id. */
  private async send(mail: OutgoingReminderMail): Promise<string> {
    const [primary, ...copied] = mail.recipients;
    const escalation = mail.reminders[0].kind === 'escalation';
    const now = new Date();
    const items: ReminderEmailItem[] = mail.reminders.map((r, i) => {
      const c = r.commitment!;
      const zone = zoneOfRegion(c.owner?.regionCode ?? c.regionCode);
      return {
        kind: r.kind,
        label: r.label,
        daysOverdue: r.kind === 'overdue' || r.kind === 'escalation' ? Math.max(1, daysOverdue(c.dueAt, now, zone)) : undefined,
        commitment: {
          id: r.commitmentId,
          title: c.title,
          description: c.description ?? undefined,
          status: c.status,
          dueAt: c.dueAt,
          zone,
          ownerName: c.owner?.name ?? '',
          regionName: this.regions.nameOf(c.regionCode) ?? undefined,
          programName: c.programName ?? undefined,
          indicator: c.indicator
            ? { unit: c.indicator.unit, baseline: c.indicator.baseline ?? undefined, target: c.indicator.target, achieved: c.indicator.achieved ?? undefined }
            : undefined,
        },
        meeting: { ...c.meeting, zone: zoneOfRegion(c.meeting.regionCode) },
        progressUrl: mail.links[i]?.url,
      };
    });
    const rendered = renderReminderEmail({
      locale: primary.locale,
      recipient: { name: primary.name, position: primary.position },
      role: escalation ? 'supervisor' : 'owner',
      items,
    });
    const sent = await this.mail.send({
      to: [primary.email],
      cc: copied.map((o) => o.email),
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments: rendered.attachments,
      headers: { 'X-Tindak-Lanjut-Reminders': mail.reminders.map((r) => r.id).join(',') },
    });
    return sent.messageId;
  }
}

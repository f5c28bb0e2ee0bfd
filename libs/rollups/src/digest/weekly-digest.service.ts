import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { digestPeriod, DigestSchedule, digestSlot, DigestSlot, dueDigestSlot, zoneOfRegion } from '@tl/domain';
import { EmailLocale, MailService, renderWeeklyDigestEmail } from '@tl/notifications';
import type { WeeklyDigestPayload } from '@tl/queues';
import { DigestContentService, digestScopeOf } from './digest-content.service';

interface Recipient {
  id: string;
  name: string;
  position: string;
  email: string;
  region_code: string | null;
  locale: EmailLocale;
}

export interface DigestRunResult {
  sent: string[];
  alreadySent: string[];
  failed: string[];
}

/**
 * Sends the weekly digest to leadership officials, each for its own region (no region: national),
 * at the configured local weekday and time of its zone. Each (official, week) is claimed in
 * digest_sends before the mail goes out: a restart, a retry or a second worker finds the claim and
 * does not send again. A crash between claim and send loses that week's mail rather than doubling it.
 */
@Injectable()
export class WeeklyDigestService {
  private readonly logger = new Logger(WeeklyDigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: DigestContentService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private schedule(): DigestSchedule {
    return { weekday: this.config.digestDay ?? 'mon', sendAt: this.config.digestSendAt };
  }

  async run(payload: WeeklyDigestPayload, now = new Date()): Promise<DigestRunResult> {
    const result: DigestRunResult = { sent: [], alreadySent: [], failed: [] };
    if (payload.trigger === 'schedule' && !this.config.digestDay) return result;
    const params: unknown[] = [];
    let filter = '';
    if (payload.officialIds?.length) {
      params.push(payload.officialIds);
      filter = 'AND id = ANY($1::uuid[])';
    }
    const recipients: Recipient[] = await this.dataSource.query(
      `SELECT id, name, position, email, region_code, locale FROM officials WHERE is_leadership ${filter} ORDER BY name, id`,
      params,
    );
    for (const recipient of recipients) {
      const zone = zoneOfRegion(recipient.region_code);
      const slot = payload.trigger === 'schedule' ? dueDigestSlot(now, zone, this.schedule()) : digestSlot(now, zone, this.schedule());
      if (!slot) continue;
      // A scheduled digest reports the seven days before its send time; a manual one the seven days before now.
      const period = digestPeriod(payload.trigger === 'schedule' ? slot.at : now);
      if (!(await this.claim(recipient, slot, period, payload))) {
        result.alreadySent.push(recipient.email);
        continue;
      }
      try {
        await this.send(recipient, zone, slot, period);
        result.sent.push(recipient.email);
      } catch (error) {
        await this.dataSource.query(`DELETE FROM digest_sends WHERE official_id = $1 AND week_start = $2 AND status = 'sending'`, [recipient.id, slot.weekStart]);
        this.logger.warn(`weekly digest to ${recipient.email} failed, will retry: ${(error as Error).message}`);
        result.failed.push(recipient.email);
      }
    }
    if (result.sent.length) this.logger.log(`weekly digest (${payload.trigger}) sent to ${result.sent.length} leadership officials`);
    if (result.failed.length) throw new Error(`weekly digest failed for ${result.failed.join(', ')}`);
    return result;
  }

  /** Takes (official, week) for this run; false when it was sent already (or is being sent). */
  private async claim(r: Recipient, slot: DigestSlot, period: { start: Date; end: Date }, payload: WeeklyDigestPayload): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO digest_sends (official_id, week_start, status, trigger, recipient, period_start, period_end)
       VALUES ($1, $2, 'sending', $3, $4, $5, $6)
       ON CONFLICT (official_id, week_start) DO UPDATE SET
         status = 'sending', trigger = EXCLUDED.trigger, recipient = EXCLUDED.recipient, period_start = EXCLUDED.period_start,
         period_end = EXCLUDED.period_end, claimed_at = now(), sent_at = NULL, message_id = NULL
       WHERE $7::boolean AND digest_sends.status = 'sent'
       RETURNING 1`,
      [r.id, slot.weekStart, payload.trigger, r.email, period.start, period.end, payload.trigger === 'manual' && payload.resend === true],
    );
    return rows.length > 0;
  }

  private async send(r: Recipient, zone: string, slot: DigestSlot, period: { start: Date; end: Date }): Promise<void> {
    const content = await this.content.build(digestScopeOf(r.region_code), r.locale, period);
    const rendered = renderWeeklyDigestEmail({
      locale: r.locale,
      recipient: { name: r.name, position: r.position },
      period,
      zone,
      ...content,
    });
    const sent = await this.mail.send({
      to: [r.email],
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers: { 'X-Tindak-Lanjut-Digest': slot.weekStart },
    });
    await this.dataSource.query(
      `UPDATE digest_sends SET status = 'sent', sent_at = now(), message_id = $3 WHERE official_id = $1 AND week_start = $2`,
      [r.id, slot.weekStart, sent.messageId],
    );
  }
}

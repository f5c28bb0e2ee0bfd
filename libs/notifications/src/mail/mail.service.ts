import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@tl/config';
import nodemailer from 'nodemailer';
import { MailTransport, MESSAGE_OPTIONS, OutboxDirectoryTransport, OutgoingMail, SentMail, SmtpMailTransport } from './mail-transport';

/** The one mail path of the product: reminders, escalations and digests all leave through here. */
@Injectable()
export class MailService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: MailTransport;
  /** Builds messages and keeps nothing: see rehearse. */
  private readonly rehearsal = nodemailer.createTransport({ streamTransport: true, buffer: true });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? new SmtpMailTransport(config.smtpUrl, config.smtpMaxConnections) : new OutboxDirectoryTransport(config.outboxDir);
  }

  /**
   * Says at start whether mail can go out, so that a wrong SMTP_URL shows in the log at once rather
   * than at the first reminder; the first check also opens the way (code paths, DNS) for the first
   * burst. In the background: a mail server that is down only delays mail, which is retried.
   */
  onApplicationBootstrap(): void {
    this.transport.check().then(
      () => this.logger.log(`mail goes to ${this.transport.target}`),
      (error: Error) => this.logger.warn(`mail server ${this.transport.target} does not answer (${error.message}): e-mails wait and are retried`),
    );
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const sent = await this.transport.send(this.config.mailFrom, mail);
    this.logger.log(`mail "${mail.subject}" to ${[...mail.to, ...(mail.cc ?? [])].join(', ')} (${sent.messageId})`);
    return sent;
  }

  /**
   * Builds the message exactly as `send` would (headers, MIME parts, encodings) and throws it away.
   * For warming up: the first e-mails of a burst otherwise pay for compiling this code.
   */
  async rehearse(mail: OutgoingMail): Promise<void> {
    await this.rehearsal.sendMail({ ...MESSAGE_OPTIONS, from: this.config.mailFrom, ...mail });
  }

  onModuleDestroy(): Promise<void> {
    return this.transport.close();
  }
}

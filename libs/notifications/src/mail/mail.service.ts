import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { MailTransport, OutboxDirectoryTransport, OutgoingMail, SentMail, SmtpMailTransport } from './mail-transport';

/** The one mail path of the product: reminders, escalations and digests all leave through here. */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: MailTransport;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? new SmtpMailTransport(config.smtpUrl, config.smtpMaxConnections) : new OutboxDirectoryTransport(config.outboxDir);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const sent = await this.transport.send(this.config.mailFrom, mail);
    this.logger.log(`mail "${mail.subject}" to ${[...mail.to, ...(mail.cc ?? [])].join(', ')} (${sent.messageId})`);
    return sent;
  }

  onModuleDestroy(): Promise<void> {
    return this.transport.close();
  }
}

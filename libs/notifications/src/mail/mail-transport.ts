import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string[];
  cc?: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
  /** Stable id so a retried message can be recognised by the receiving side. */
  messageId?: string;
  headers?: Record<string, string>;
}

/**
 * How every message is built. The product writes Bahasa Indonesia and English, Latin text for which
 * quoted-printable is the right transfer encoding; saying so spares nodemailer scanning each body
 * character by character to choose between it and base64 (about a sixth of the CPU of an e-mail:
 * bench/README.md).
 */
export const MESSAGE_OPTIONS = { textEncoding: 'quoted-printable' } as const;

export interface SentMail {
  messageId: string;
  accepted: string[];
}

/** Where mail goes: an SMTP server (pooled), or .eml files when none is configured. */
export interface MailTransport {
  send(from: string, mail: OutgoingMail): Promise<SentMail>;
  /** Where mail goes, for the log: "smtp://host:port" or the outbox directory. */
  readonly target: string;
  /** Checks that mail can go out (connects and greets the SMTP server); rejects with the reason. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;
  readonly target: string;

  constructor(smtpUrl: string, maxConnections: number) {
    const url = new URL(smtpUrl);
    this.target = `${url.protocol}//${url.host}`;
    this.transporter = nodemailer.createTransport({
      pool: true,
      maxConnections,
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(from: string, mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail({ ...MESSAGE_OPTIONS, from, ...mail });
    return { messageId: info.messageId, accepted: (info.accepted as Array<string | { address: string }>).map((a) => (typeof a === 'string' ? a : a.address)) };
  }

  async check(): Promise<void> {
    await this.transporter.verify();
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/** Without SMTP_URL each message is written as an .eml file, ready to open in any mail program. */
export class OutboxDirectoryTransport implements MailTransport {
  private readonly transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly directory: string) {}

  get target(): string {
    return resolve(this.directory);
  }

  /** Nothing to check: the directory is made at the first e-mail. */
  async check(): Promise<void> {}

  async send(from: string, mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail({ ...MESSAGE_OPTIONS, from, ...mail });
    const dir = resolve(this.directory);
    await mkdir(dir, { recursive: true });
    const safeId = info.messageId.replace(/[^A-Za-z0-9._-]/g, '_');
    await writeFile(join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}_${safeId}.eml`), info.message as Buffer);
    return { messageId: info.messageId, accepted: [...mail.to, ...(mail.cc ?? [])] };
  }

  async close(): Promise<void> {}
}

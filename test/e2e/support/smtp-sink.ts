import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  receivedAt: Date;
}

export interface SmtpSinkOptions {
  /** How long stop() lets open connections (a client's idle pool) linger; smtp-server's default is 30 s. */
  closeTimeout?: number;
}

/** A real SMTP server on a free local port that keeps every message it accepts. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server?: SMTPServer;
  private holding?: { matches: (address: string) => boolean; arrived: () => void; waiting: Array<() => void> };
  port = 0;

  constructor(private readonly options: SmtpSinkOptions = {}) {}

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: this.options.closeTimeout,
      onRcptTo: (address, _session, callback) => {
        const holding = this.holding;
        if (!holding || !holding.matches(address.address)) return callback();
        holding.waiting.push(() => callback());
        holding.arrived();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const subject = decodeSubject(raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)?.[1] ?? '');
          this.messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            subject,
            receivedAt: new Date(),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    // A client that vanishes mid-session (a killed worker) is not the sink's failure.
    this.server.on('error', () => undefined);
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  /**
   * From now on every new message to `recipient` (or to anyone) waits at RCPT TO (the sender is
   * mid-send, nothing is accepted yet) until release(); `arrived` resolves when one is waiting.
   */
  hold(recipient?: string): { arrived: Promise<void>; release: () => void } {
    let arrived!: () => void;
    const promise = new Promise<void>((resolve) => (arrived = resolve));
    const holding = { matches: (address: string) => !recipient || address === recipient, arrived, waiting: [] as Array<() => void> };
    this.holding = holding;
    return {
      arrived: promise,
      release: () => {
        if (this.holding === holding) this.holding = undefined;
        for (const go of holding.waiting.splice(0)) {
          try {
            go();
          } catch {
            // the sender is gone (killed); nothing to answer
          }
        }
      },
    };
  }
}

/** The reminder ids a product e-mail carries in its X-Tindak-Lanjut-Reminders header. */
export function reminderIdsOf(mail: ReceivedMail): string[] {
  const header = mail.raw.match(/^X-Tindak-Lanjut-Reminders:[ \t]*(.*(?:\r?\n[ \t].*)*)/im)?.[1] ?? '';
  return header.replace(/\s+/g, '').split(',').filter(Boolean);
}

/** Decodes RFC 2047 encoded-words as nodemailer writes them (UTF-8, B or Q). */
export function decodeSubject(value: string): string {
  return value
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    )
    .trim();
}

/** The decoded text of a message body (quoted-printable parts are decoded). */
export function bodyText(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs: number, what: string): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SigningKeys } from '@tl/auth';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { DomainError } from '@tl/domain';
import { ProgressLinkEntity } from '../persistence/progress-link.entity';

export interface MintedProgressLink {
  id: string;
  commitmentId: string;
  officialId: string;
  reminderId: string | null;
  expiresAt: Date;
  token: string;
  url: string;
}

const forged = () => new DomainError('unauthorized', 'PROGRESS_LINK.INVALID', 'this progress link is not valid; use the link from your latest reminder e-mail');

/**
 * Signed, expiring, single-use links that let an official report progress from an e-mail without
 * logging in. The token is the link's id and an HMAC of it; the row says whether it is still usable.
 */
@Injectable()
export class ProgressLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: SigningKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async sign(id: string): Promise<string> {
    return createHmac('sha256', await this.keys.get('progress-link')).update(id).digest('base64url');
  }

  /** Loads the signing key, so that issuing links inside a transaction needs no other connection. */
  async prepare(): Promise<void> {
    await this.keys.get('progress-link');
  }

  /**
   * A new link, signed but not yet stored: the dispatcher puts it in an e-mail and stores it with
   * `store` only once the mail server has taken the e-mail, so a failed send leaves no link behind.
   */
  async mint(input: { commitmentId: string; officialId: string; reminderId?: string }): Promise<MintedProgressLink> {
    const id = randomUUID();
    const token = `${id}.${await this.sign(id)}`;
    return {
      id,
      commitmentId: input.commitmentId,
      officialId: input.officialId,
      reminderId: input.reminderId ?? null,
      expiresAt: new Date(Date.now() + this.config.progressLinkTtl.as('milliseconds')),
      token,
      url: `${this.config.appUrl}/progress/${token}`,
    };
  }

  /** Stores minted links with one INSERT, inside the caller's transaction. */
  async store(em: EntityManager, links: MintedProgressLink[]): Promise<void> {
    if (links.length === 0) return;
    await em.query(
      `INSERT INTO progress_links (id, commitment_id, official_id, reminder_id, expires_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[])`,
      [links.map((l) => l.id), links.map((l) => l.commitmentId), links.map((l) => l.officialId), links.map((l) => l.reminderId), links.map((l) => l.expiresAt)],
    );
  }

  /** Checks the signature (401 when forged) and the link's state (410 when used or expired). */
  async resolve(token: string, em: EntityManager = this.dataSource.manager, lock = false): Promise<ProgressLinkEntity> {
    const [id, signature] = token.split('.');
    if (!id || !signature || !/^[0-9a-f-]{36}$/i.test(id)) throw forged();
    const expected = Buffer.from(await this.sign(id));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw forged();
    const link = await em.findOne(ProgressLinkEntity, { where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!link) throw forged();
    if (link.usedAt) throw new DomainError('gone', 'PROGRESS_LINK.USED', `this progress link was already used on ${link.usedAt.toISOString()}; each link works once`);
    if (link.expiresAt.getTime() <= Date.now()) throw new DomainError('gone', 'PROGRESS_LINK.EXPIRED', `this progress link expired on ${link.expiresAt.toISOString()}`);
    return link;
  }

  /** Spends the link inside the caller's transaction: if the report fails, the link stays usable. */
  async spend(em: EntityManager, token: string): Promise<ProgressLinkEntity> {
    const link = await this.resolve(token, em, true);
    await em.update(ProgressLinkEntity, { id: link.id }, { usedAt: new Date() });
    return link;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@tl/config';

export type KeyPurpose = 'access-token' | 'progress-link';

/**
 * Secrets for signing tokens. JWT_SECRET wins when set; otherwise one random secret per purpose is
 * created once in the database, so every api process (and every restart) signs with the same key.
 */
@Injectable()
export class SigningKeys {
  private readonly cache = new Map<KeyPurpose, Promise<string>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get(purpose: KeyPurpose): Promise<string> {
    let key = this.cache.get(purpose);
    if (!key) {
      key = this.load(purpose);
      key.catch(() => this.cache.delete(purpose));
      this.cache.set(purpose, key);
    }
    return key;
  }

  private async load(purpose: KeyPurpose): Promise<string> {
    if (this.config.jwtSecret) return `${purpose}:${this.config.jwtSecret}`;
    await this.dataSource.query('INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      purpose,
      randomBytes(48).toString('base64url'),
    ]);
    const [row] = await this.dataSource.query('SELECT value FROM app_secrets WHERE name = $1', [purpose]);
    return row.value;
  }
}

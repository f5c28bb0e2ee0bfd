import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { DomainError } from '@tl/domain';
import { AuthenticatedUser } from './auth.decorators';
import { SigningKeys } from './signing-keys.service';
import { UserEntity, UserRole } from './user.entity';

interface AccessTokenClaims {
  sub: string;
  email: string;
  role: UserRole;
}

const badCredentials = () => new DomainError('unauthorized', 'AUTH.BAD_CREDENTIALS', 'email or password is wrong');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly keys: SigningKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const user = await this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
    // Verify against a dummy hash when the user is unknown, so timing does not reveal which e-mails exist.
    const ok = user ? await argon2.verify(user.passwordHash, password) : (await argon2.verify(await this.dummyHash(), password), false);
    if (!user || !ok) throw badCredentials();
    const expiresIn = Math.round(this.config.accessTokenTtl.as('seconds'));
    const claims: AccessTokenClaims = { sub: user.id, email: user.email, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, { secret: await this.keys.get('access-token'), expiresIn, audience: 'tl-api' });
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { secret: await this.keys.get('access-token'), audience: 'tl-api' });
      return { id: claims.sub, email: claims.email, role: claims.role };
    } catch {
      throw new DomainError('unauthorized', 'AUTH.BAD_TOKEN', 'the bearer token is invalid or expired; log in again');
    }
  }

  async createUser(email: string, password: string, role: UserRole, officialId?: string): Promise<UserEntity> {
    const taken = await this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getExists();
    if (taken) throw new DomainError('conflict', 'USER.EMAIL_TAKEN', `email: a user with ${email} already exists`);
    const passwordHash = await argon2.hash(password);
    return this.users.save(this.users.create({ email, passwordHash, role, officialId: officialId ?? null }));
  }

  async listUsers(): Promise<Array<Omit<UserEntity, 'passwordHash'>>> {
    const users = await this.users.find({ order: { createdAt: 'ASC' } });
    return users.map(({ passwordHash: _hidden, ...rest }) => rest);
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when nobody can log in yet. */
  async bootstrapAdmin(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    if ((await this.users.count()) > 0) return;
    try {
      await this.createUser(adminEmail, adminPassword, 'admin');
      this.logger.log(`created the admin user ${adminEmail}`);
    } catch (error) {
      // Another process created it at the same moment.
      if (!(error instanceof DomainError && error.kind === 'conflict') && (error as { code?: string }).code !== '23505') throw error;
    }
  }

  private dummy?: Promise<string>;
  private dummyHash(): Promise<string> {
    this.dummy ??= argon2.hash('not-a-real-password');
    return this.dummy;
  }
}

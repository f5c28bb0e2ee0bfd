import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, AppConfig } from '@tl/config';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, Roles } from './auth.decorators';
import { CreateUserDto, LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get secureCookies(): boolean {
    return this.config.appUrl.startsWith('https:');
  }

  /** Answers the token (for API clients) and sets it as the web app's HttpOnly session cookie. */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const session = await this.auth.login(body.email, body.password);
    setSessionCookie(reply, session.accessToken, session.expiresIn, this.secureCookies);
    return session;
  }

  /** Ends the web app's session: the cookie is cleared. */
  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  logout(@Res({ passthrough: true }) reply: FastifyReply): void {
    clearSessionCookie(reply, this.secureCookies);
  }

  @ApiBearerAuth()
  @Get('auth/me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @ApiBearerAuth()
  @Roles()
  @Post('users')
  async createUser(@Body() body: CreateUserDto) {
    const { passwordHash: _hidden, ...user } = await this.auth.createUser(body.email, body.password, body.role, body.officialId);
    return user;
  }

  @ApiBearerAuth()
  @Roles()
  @Get('users')
  listUsers() {
    return this.auth.listUsers();
  }
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@tl/domain';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import { sessionTokenOf } from './session-cookie';
import type { UserRole } from './user.entity';

/** Every route needs a bearer token unless marked @Public(); @Roles narrows who may call it. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? sessionTokenOf(request);
    if (!token) throw new DomainError('unauthorized', 'AUTH.MISSING_TOKEN', 'this route needs an Authorization: Bearer <token> header or the session cookie (POST /api/auth/login)');
    request.user = await this.auth.verify(token);
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && request.user.role !== 'admin' && !roles.includes(request.user.role)) {
      throw new DomainError('forbidden', 'AUTH.FORBIDDEN', `this route is for ${['admin', ...roles].join(', ')} users`);
    }
    return true;
  }
}

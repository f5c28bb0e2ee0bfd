import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UserRole } from './user.entity';

export const IS_PUBLIC = 'tl:isPublic';
export const ROLES = 'tl:roles';

/** A route anyone may call without a token (health, login, the e-mail progress link). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to these roles (admin always passes). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

export interface AuthenticatedUser {
  id: string;
  email: string;
  role: UserRole;
}

/** The caller of the route, as carried by its bearer token. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  return ctx.switchToHttp().getRequest().user;
});

/** How the history names who did something. */
export function actorOf(user: AuthenticatedUser): string {
  return `user:${user.email}`;
}

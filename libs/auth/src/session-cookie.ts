import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web app's session: the access token in a cookie no script can read (HttpOnly), sent only by
 * pages of this site (SameSite=Strict) and only over https when the app is published on https.
 * API clients keep using the Authorization header; the guard takes either.
 */
export const SESSION_COOKIE = 'tl_session';

export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const value = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[SESSION_COOKIE];
  return value || undefined;
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

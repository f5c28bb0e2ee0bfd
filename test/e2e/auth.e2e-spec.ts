import { createHmac } from 'node:crypto';
import { expectErrorBody, expectNoLeak } from './support/client';
import { ADMIN, startTestApi, TestApi } from './support/test-app';

/** A JWT signed with a key the server never issued. */
function forgedToken(claims: Record<string, unknown>, secret = 'not-the-server-secret'): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const SOME_ID = '7d7c3f0e-2b1a-4c5d-9e8f-0a1b2c3d4e5f';

describe('auth', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startTestApi(); });
  afterAll(async () => { await api?.close(); });

  describe('POST /api/auth/login', () => {
    it('answers 200 with an accessToken that opens protected routes', async () => {
      const res = await api.http().post('/api/auth/login').send(ADMIN);
      expect(res.status).toBe(200);
      expect(typeof res.body.accessToken).toBe('string');
      expect(res.body.accessToken.length).toBeGreaterThan(20);
      const agencies = await api.http().get('/api/agencies').set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(agencies.status).toBe(200);
      expect(Array.isArray(agencies.body)).toBe(true);
    });

    it('answers 401 for a wrong password, without a token', async () => {
      const res = await api.http().post('/api/auth/login').send({ email: ADMIN.email, password: `${ADMIN.password}x` });
      expectErrorBody(res, 401);
      expect(res.body.accessToken).toBeUndefined();
    });

    it('answers 401 for an unknown user, the same way as for a wrong password', async () => {
      const unknown = await api.http().post('/api/auth/login').send({ email: 'siapa@tidak.ada', password: ADMIN.password });
      expectErrorBody(unknown, 401);
      expect(unknown.body.accessToken).toBeUndefined();
      const wrong = await api.http().post('/api/auth/login').send({ email: ADMIN.email, password: 'salah-sekali' });
      // The answer does not reveal which e-mails exist.
      expect(unknown.body.message).toEqual(wrong.body.message);
    });

    it('answers 400 (not 401 or 500) when email or password is missing', async () => {
      const res = await api.http().post('/api/auth/login').send({ email: ADMIN.email });
      expectErrorBody(res, 400);
      expect(JSON.stringify(res.body.message)).toContain('password');
    });
  });

  describe('protected routes', () => {
    const protectedRoutes: Array<[string, string]> = [
      ['get', '/api/regions/provinces'],
      ['get', '/api/agencies'],
      ['post', '/api/agencies'],
      ['get', '/api/officials'],
      ['get', '/api/programs'],
      ['get', '/api/meetings'],
      ['post', '/api/meetings'],
      ['get', '/api/commitments'],
      ['get', '/api/exports/commitments.csv'],
      ['get', '/api/exports/commitments.xlsx'],
      ['get', `/api/meetings/${SOME_ID}`],
      ['post', `/api/meetings/${SOME_ID}/attendees`],
      ['post', `/api/meetings/${SOME_ID}/commitments`],
      ['get', `/api/meetings/${SOME_ID}/carry-forward`],
      ['post', `/api/meetings/${SOME_ID}/carry-forward`],
      ['get', `/api/commitments/${SOME_ID}`],
      ['patch', `/api/commitments/${SOME_ID}`],
      ['post', `/api/commitments/${SOME_ID}/progress`],
      ['get', `/api/commitments/${SOME_ID}/history`],
    ];

    it.each(protectedRoutes)('%s %s answers 401 without a token', async (method, url) => {
      const res = await (api.http() as any)[method](url);
      expectErrorBody(res, 401);
    });

    it('answers 401 for a token signed with another key', async () => {
      const token = forgedToken({ sub: '00000000-0000-4000-8000-000000000000', email: ADMIN.email, role: 'admin', aud: 'tl-api', exp: Math.floor(Date.now() / 1000) + 3600 });
      const res = await api.http().get('/api/meetings').set('Authorization', `Bearer ${token}`);
      expectErrorBody(res, 401);
    });

    it('answers 401 for a tampered token (claims changed after signing)', async () => {
      const [head, , sig] = api.token.split('.');
      const claims = Buffer.from(JSON.stringify({ sub: 'x', email: 'penyusup@example.com', role: 'admin', aud: 'tl-api' })).toString('base64url');
      const res = await api.http().get('/api/meetings').set('Authorization', `Bearer ${head}.${claims}.${sig}`);
      expectErrorBody(res, 401);
    });

    it('answers 401 for an unsigned ("alg: none") token and for garbage', async () => {
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', email: ADMIN.email, role: 'admin', aud: 'tl-api' })}.`;
      for (const header of [`Bearer ${none}`, 'Bearer not-a-jwt', `Basic ${Buffer.from(`${ADMIN.email}:${ADMIN.password}`).toString('base64')}`, 'Bearer']) {
        const res = await api.http().get('/api/commitments').set('Authorization', header);
        expectErrorBody(res, 401);
      }
    });

    it('accepts the token from login on a protected route', async () => {
      const res = await api.http().get('/api/meetings').set('Authorization', `Bearer ${api.token}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ items: expect.any(Array), total: expect.any(Number) }));
    });
  });

  describe('the web session cookie', () => {
    const sessionCookie = (res: { headers: Record<string, unknown> }) =>
      ([] as string[]).concat((res.headers['set-cookie'] as string[] | string | undefined) ?? []).find((c) => c.startsWith('tl_session='));

    it('login sets an HttpOnly, SameSite=Strict session cookie that opens protected routes without a header', async () => {
      const login = await api.http().post('/api/auth/login').send(ADMIN).expect(200);
      const cookie = sessionCookie(login);
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\//);
      // Served over plain http here (APP_URL http://…), so the cookie cannot be Secure.
      expect(cookie).not.toMatch(/Secure/i);
      const pair = cookie!.split(';')[0];
      const me = await api.http().get('/api/auth/me').set('Cookie', pair);
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(ADMIN.email);
      expectErrorBody(await api.http().get('/api/auth/me').set('Cookie', 'tl_session=forged.token.value'), 401);
    });

    it('logout answers 204 and clears the cookie', async () => {
      const login = await api.http().post('/api/auth/login').send(ADMIN).expect(200);
      const pair = sessionCookie(login)!.split(';')[0];
      const out = await api.http().post('/api/auth/logout').set('Cookie', pair);
      expect(out.status).toBe(204);
      const cleared = sessionCookie(out);
      expect(cleared).toMatch(/^tl_session=;/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    });
  });

  describe('GET /api/health', () => {
    it('is public and answers 200 {status:"ok"} while PostgreSQL and Redis answer', async () => {
      const res = await api.http().get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
      expectNoLeak(res);
    });

    it('does not mind a bad token either', async () => {
      const res = await api.http().get('/api/health').set('Authorization', 'Bearer rubbish');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
    });
  });
});

describe('auth behind https', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startTestApi({ APP_URL: 'https://tindaklanjut.example.go.id' }); });
  afterAll(async () => { await api?.close(); });

  it('marks the session cookie Secure when the app is published on https', async () => {
    const login = await api.http().post('/api/auth/login').send(ADMIN).expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('tl_session='));
    expect(cookie).toMatch(/;\s*Secure/i);
  });
});

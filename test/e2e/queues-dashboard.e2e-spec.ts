import { startTestApi, TestApi } from './support/test-app';

/** Bull Board at /api/admin/queues: for admins only, by ?token= or a bearer token. */
describe('queues dashboard', () => {
  let api: TestApi;
  let staffToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.http().post('/api/users').set('Authorization', `Bearer ${api.token}`)
      .send({ email: 'operator@tindaklanjut.example', password: 'operator-rahasia', role: 'secretariat' }).expect(201);
    staffToken = (await api.http().post('/api/auth/login').send({ email: 'operator@tindaklanjut.example', password: 'operator-rahasia' }).expect(200)).body.accessToken;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('answers 401 without a token, or with a forged one', async () => {
    const none = await api.http().get('/api/admin/queues');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401 });
    expect((await api.http().get('/api/admin/queues?token=not-a-token')).status).toBe(401);
    expect((await api.http().get('/api/admin/queues').set('Authorization', `Bearer ${api.token.slice(0, -3)}abc`)).status).toBe(401);
    expect((await api.http().get('/api/admin/queues/api/queues')).status).toBe(401);
  });

  it('answers 403 to a user who is not an admin', async () => {
    expect((await api.http().get('/api/admin/queues').set('Authorization', `Bearer ${staffToken}`)).status).toBe(403);
    expect((await api.http().get(`/api/admin/queues?token=${staffToken}`)).status).toBe(403);
  });

  it('shows the board to an admin, by ?token= (then a cookie) or by a bearer token', async () => {
    const byQuery = await api.http().get(`/api/admin/queues?token=${encodeURIComponent(api.token)}`);
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers['content-type']).toMatch(/text\/html/);
    expect(byQuery.text).toMatch(/<html/i);
    const cookie = byQuery.headers['set-cookie'];
    expect(String(cookie)).toMatch(/HttpOnly/i);

    const byBearer = await api.http().get('/api/admin/queues').set('Authorization', `Bearer ${api.token}`);
    expect(byBearer.status).toBe(200);
    expect(byBearer.headers['content-type']).toMatch(/text\/html/);

    // The board's own api, as its page calls it: with the cookie set by ?token=.
    const queues = await api.http().get('/api/admin/queues/api/queues').set('Cookie', cookie);
    expect(queues.status).toBe(200);
    const names = (queues.body.queues as Array<{ name: string }>).map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['reminder-planning', 'reminder-delivery']));
  });
});

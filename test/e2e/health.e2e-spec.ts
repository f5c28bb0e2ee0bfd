import { PrivateRedis } from './support/processes';
import { startTestApi, TestApi } from './support/test-app';

describe('GET /api/health', () => {
  let redis: PrivateRedis;
  let api: TestApi;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await startTestApi({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it('is public and says ok while PostgreSQL and Redis answer', async () => {
    const res = await api.http().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.postgres.status).toBe('up');
    expect(res.body.details.redis.status).toBe('up');
  });

  it('answers 503 naming Redis when Redis is gone, and recovers when it is back', async () => {
    await redis.stop();
    const down = await api.http().get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body.details.redis.status).toBe('down');
    expect(down.body.details.postgres.status).toBe('up');
    expect(JSON.stringify(down.body)).not.toMatch(/\n\s+at /);

    await redis.start();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await api.http().get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
  });
});

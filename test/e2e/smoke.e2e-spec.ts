import { startTestApi, TestApi } from './support/test-app';

describe('smoke', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startTestApi(); });
  afterAll(async () => { await api?.close(); });

  it('answers health and provinces', async () => {
    const health = await api.http().get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const provinces = await api.http().get('/api/regions/provinces').set('Authorization', `Bearer ${api.token}`);
    expect(provinces.status).toBe(200);
    expect(provinces.body).toHaveLength(38);
  });
});

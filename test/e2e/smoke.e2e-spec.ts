import { startTestApi, TestApi } from './support/test-app';

describe('api surface', () => {
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

  it('documents every route of the contract in the OpenAPI document at /api/docs', async () => {
    const html = await api.http().get('/api/docs').redirects(1);
    expect(html.status).toBe(200);
    const doc = (await api.http().get('/api/docs/openapi.json').expect(200)).body;
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const route of [
      'GET /api/health', 'POST /api/auth/login', 'GET /api/regions/provinces', 'GET /api/regions/provinces/{code}/regencies',
      'POST /api/agencies', 'GET /api/agencies', 'POST /api/officials', 'GET /api/officials', 'POST /api/programs', 'GET /api/programs',
      'POST /api/meetings', 'GET /api/meetings', 'GET /api/meetings/{id}', 'POST /api/meetings/{id}/attendees', 'POST /api/meetings/{id}/commitments',
      'GET /api/commitments', 'GET /api/commitments/{id}', 'PATCH /api/commitments/{id}', 'POST /api/commitments/{id}/progress',
      'GET /api/commitments/{id}/history', 'GET /api/commitments/{id}/reminders', 'GET /api/exports/commitments.csv', 'GET /api/exports/commitments.xlsx',
      'GET /api/meetings/{id}/carry-forward', 'POST /api/meetings/{id}/carry-forward',
      'POST /api/calendar/non-working-days', 'GET /api/calendar/non-working-days', 'DELETE /api/calendar/non-working-days/{date}',
      'GET /api/public/progress/{token}', 'POST /api/public/progress/{token}',
      'GET /api/rollups/provinces', 'GET /api/rollups/provinces/{code}', 'GET /api/rollups/programs', 'GET /api/rollups/provinces/{code}/trend',
    ]) {
      expect(routes).toContain(route);
    }
    expect(doc.components.securitySchemes.bearer).toBeDefined();
  });
});

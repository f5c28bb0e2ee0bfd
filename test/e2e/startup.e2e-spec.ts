import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const run = (entry: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [join(root, 'dist', entry)], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 30_000 });

describe('start-up without its services (built processes)', () => {
  it.each(['apps/api/src/main.js', 'apps/worker/src/main.js'])('%s names PostgreSQL in one line when it is down', (entry) => {
    const result = run(entry, { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/tindaklanjut' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PostgreSQL is not reachable at 127\.0\.0\.1:1: start it/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(['apps/api/src/main.js', 'apps/worker/src/main.js'])('%s names Redis in one line when it is down', (entry) => {
    const result = run(entry, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tl_startup_check', REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Redis is not reachable at 127\.0\.0\.1:1: start it/);
  });

  it('names every bad variable in one line', () => {
    const result = run('scripts/serve.js', { PORT: 'abc', REMINDER_OFFSETS: 'P7D,soon' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('PORT must be a port number');
    expect(result.stderr).toContain('REMINDER_OFFSETS item "soon"');
  });

  afterAll(() => {
    spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS tl_startup_check WITH (FORCE)'], { encoding: 'utf8' });
  });
});

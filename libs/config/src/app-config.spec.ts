import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('applies the contract defaults when nothing is set', () => {
    const config = loadAppConfig({});
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/tindaklanjut');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.queuePrefix).toBe('tl');
    expect(config.port).toBe(3000);
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.smtpUrl).toBeUndefined();
    expect(config.reminderOffsets.map((d) => d.as('days'))).toEqual([7, 3, 1, 0]);
    expect(config.reminderAlign).toBe('working-morning');
    expect(config.reminderSendAt).toBe('08:00');
    expect(config.overdueEvery.as('hours')).toBe(24);
    expect(config.escalateAfter.as('days')).toBe(3);
    expect(config.smtpMaxConnections).toBe(10);
    expect(config.shutdownTimeout.as('seconds')).toBe(30);
  });

  it('derives APP_URL from PORT and accepts short test durations', () => {
    const config = loadAppConfig({ PORT: '4100', REMINDER_OFFSETS: 'PT8S,PT4S,PT0S', OVERDUE_EVERY: 'PT6S' });
    expect(config.appUrl).toBe('http://localhost:4100');
    expect(config.reminderOffsets.map((d) => d.as('seconds'))).toEqual([8, 4, 0]);
    expect(config.overdueEvery.as('seconds')).toBe(6);
  });

  it('names every bad variable at once', () => {
    try {
      loadAppConfig({ PORT: 'abc', REMINDER_OFFSETS: 'P7D,soon', REMINDER_ALIGN: 'noon', REMINDER_SEND_AT: '8am', SMTP_URL: 'http://x', ADMIN_EMAIL: 'a@b.c', SMTP_MAX_CONNECTIONS: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'REMINDER_OFFSETS item "soon"', 'REMINDER_ALIGN', 'REMINDER_SEND_AT', 'SMTP_URL', 'ADMIN_PASSWORD', 'SMTP_MAX_CONNECTIONS']) {
        expect(text).toContain(name);
      }
    }
  });

  it('reads the roll-up and digest schedules, "off" switching each off', () => {
    const defaults = loadAppConfig({});
    expect(defaults.rollupSweepEvery.as('seconds')).toBe(30);
    expect(defaults.rollupRebuildCron).toBe('30 2 * * *');
    expect(defaults.rollupSnapshotCron).toBe('55 23 * * *');
    expect(defaults.rollupZone).toBe('Asia/Jakarta');
    expect(defaults.digestDay).toBe('mon');
    expect(defaults.digestSendAt).toBe('07:00');
    const custom = loadAppConfig({ ROLLUP_SWEEP_EVERY: 'PT2S', ROLLUP_REBUILD_CRON: 'off', ROLLUP_SNAPSHOT_CRON: '*/5 * * * *', DIGEST_DAY: 'off' });
    expect(custom.rollupSweepEvery.as('seconds')).toBe(2);
    expect(custom.rollupRebuildCron).toBeUndefined();
    expect(custom.rollupSnapshotCron).toBe('*/5 * * * *');
    expect(custom.digestDay).toBeUndefined();
    expect(() => loadAppConfig({ ROLLUP_REBUILD_CRON: 'nightly', DIGEST_DAY: 'senin', DIGEST_SEND_AT: '7', ROLLUP_TIMEZONE: 'Asia/Nowhere' })).toThrow(
      expect.objectContaining({ problems: ['DIGEST_DAY', 'DIGEST_SEND_AT', 'ROLLUP_REBUILD_CRON', 'ROLLUP_TIMEZONE'].map((n) => expect.stringContaining(n)) }),
    );
  });
});

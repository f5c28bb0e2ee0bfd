import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Browser, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ProgressLinks } from '@tl/reminders';
import { createBasics } from './support/fixtures';
import { startTestApi, TestApi } from './support/test-app';

const CHROMIUM = '/usr/bin/chromium';
// Browser tests need Debian's chromium (.ci/run installs it); without it this file says so and skips.
const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

describeWithBrowser('the progress page behind an e-mail link (headless Chromium)', () => {
  let api: TestApi;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows the commitment in Bahasa Indonesia, records the report once, then refuses the used link', async () => {
    const basics = await createBasics(api);
    const commitment = await basics.post(`/api/meetings/${basics.meeting.id}/commitments`, {
      title: 'Penanganan RTLH 2026', ownerOfficialId: basics.owner.id, regionCode: '63', dueAt: '2026-12-31T17:00:00+08:00',
      indicator: { unit: 'unit', target: 237973 },
    });
    // The link an e-mail would carry, issued by the product's own service.
    const dataSource = api.app.get<DataSource>(getDataSourceToken());
    const links = api.app.get(ProgressLinks);
    const link = await links.mint({ commitmentId: commitment.id, officialId: basics.owner.id });
    await links.store(dataSource.manager, [link]);
    const token = link.url.split('/').pop()!;

    const page = await browser.newPage();
    await page.goto(`${baseUrl}/progress/${token}`);
    await page.getByText('Penanganan RTLH 2026').waitFor();
    expect(await page.textContent('h1')).toContain('Laporkan progres');
    expect(await page.textContent('body')).toContain('Belum dimulai');

    await page.selectOption('select[name=status]', 'in_progress');
    await page.fill('input[name=achieved]', '2804');
    await page.fill('textarea[name=note]', 'Verifikasi data 2.804 unit selesai');
    await page.click('button');
    await page.getByText('Terima kasih').waitFor();

    const after = (await api.http().get(`/api/commitments/${commitment.id}`).set(basics.auth).expect(200)).body;
    expect(after.status).toBe('in_progress');
    expect(after.indicator.achieved).toBe(2804);

    await page.goto(`${baseUrl}/progress/${token}`);
    await page.locator('.error').waitFor();
    expect(await page.textContent('.error')).toContain('Tautan ini sudah digunakan');
    await page.close();
  }, 30_000);
});

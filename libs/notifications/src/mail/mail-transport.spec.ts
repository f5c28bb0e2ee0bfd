import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxDirectoryTransport } from './mail-transport';

describe('OutboxDirectoryTransport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tl-outbox-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes each message as an .eml whose text parts are quoted-printable, readable in the raw file', async () => {
    const transport = new OutboxDirectoryTransport(dir);
    // Mostly non-Latin text: left to choose, nodemailer would encode it in base64.
    const title = '——— «» ××× ¹²³ ±±± ÷÷÷ Rakor';
    const sent = await transport.send('Tindak Lanjut <noreply@example.org>', {
      to: ['kepala.bappeda@example.org'],
      subject: `Pengingat: ${title}`,
      html: `<p>${title}</p>`,
      text: `Tindak lanjut: ${title}`,
    });

    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const eml = await readFile(join(dir, files[0]), 'utf8');
    expect(sent.accepted).toEqual(['kepala.bappeda@example.org']);
    expect(eml).toContain('To: kepala.bappeda@example.org');
    expect(eml.match(/Content-Transfer-Encoding: .*/g)).toEqual(['Content-Transfer-Encoding: quoted-printable', 'Content-Transfer-Encoding: quoted-printable']);
    expect(eml).toContain('Tindak lanjut: =E2=80=94');
    expect(eml).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
  });
});

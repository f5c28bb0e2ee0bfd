import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/**
 * The page behind the link in a reminder e-mail (APP_URL/progress/<token>): it shows the
 * commitment and posts the report to /api/public/progress/<token>. Bahasa Indonesia first.
 */
const PAGE = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Laporkan progres · Report progress — Tindak Lanjut</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; }
  h1 { font-size: 1.4rem; } .muted { color: #616e7c; font-size: .9rem; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  select, input, textarea, button { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .25rem; }
  button { background: #0b6e4f; color: #fff; border: 0; border-radius: 4px; margin-top: 1.5rem; cursor: pointer; }
  .card { border: 1px solid #d9e2ec; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
  .error { color: #ab091e; } .ok { color: #0b6e4f; }
</style>
</head>
<body>
<h1>Laporkan progres tindak lanjut <span class="muted">/ Report progress</span></h1>
<div id="content"><p class="muted">Memuat… / Loading…</p></div>
<script>
const token = decodeURIComponent(location.pathname.split('/').pop());
const api = '/api/public/progress/' + encodeURIComponent(token);
const content = document.getElementById('content');
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const STATUS = { open: 'Belum dimulai', in_progress: 'Sedang dikerjakan', blocked: 'Terhambat', done: 'Selesai', cancelled: 'Dibatalkan' };
const CODES = {
  'PROGRESS_LINK.USED': 'Tautan ini sudah digunakan; setiap tautan hanya berlaku sekali. / This link was already used; each link works once.',
  'PROGRESS_LINK.EXPIRED': 'Tautan ini sudah kedaluwarsa. / This link has expired.',
  'PROGRESS_LINK.INVALID': 'Tautan ini tidak sah; gunakan tautan dari e-mail pengingat terbaru. / This link is not valid; use the link from your latest reminder.',
  'COMMITMENT.FORBIDDEN_TRANSITION': 'Perubahan status ini tidak diizinkan. / This status change is not allowed.',
};
function fail(body) {
  const text = CODES[body.code] || 'Tautan tidak dapat digunakan. / This link cannot be used.';
  const detail = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  content.innerHTML = '<p class="error">' + esc(text) + '</p>' + (detail ? '<p class="muted">' + esc(detail) + '</p>' : '');
}
fetch(api).then(async (res) => {
  const body = await res.json();
  if (!res.ok) return fail(body);
  const c = body;
  const ind = c.indicator ? '<p>Indikator: ' + esc(c.indicator.achieved ?? 0) + ' / ' + esc(c.indicator.target) + ' ' + esc(c.indicator.unit) + '</p>' : '';
  content.innerHTML = '<div class="card"><strong>' + esc(c.title) + '</strong><p class="muted">' + esc(c.meeting && c.meeting.title) + '</p>'
    + '<p>Status: ' + esc(STATUS[c.status] || c.status) + ' · Batas waktu / due: ' + esc(new Date(c.dueAt).toLocaleString('id-ID')) + '</p>' + ind + '</div>'
    + '<form id="f"><label>Status baru / New status<select name="status"><option value="">(tetap / unchanged)</option>'
    + Object.entries(STATUS).map(([k, v]) => '<option value="' + k + '">' + v + '</option>').join('') + '</select></label>'
    + (c.indicator ? '<label>Capaian / Achieved (' + esc(c.indicator.unit) + ')<input name="achieved" type="number" min="0" step="any"></label>' : '')
    + '<label>Catatan / Note<textarea name="note" rows="4" required></textarea></label><button>Kirim / Send</button></form>';
  document.getElementById('f').addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    const payload = { note: data.get('note') };
    if (data.get('status')) payload.status = data.get('status');
    if (data.get('achieved')) payload.achieved = Number(data.get('achieved'));
    const res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    const body = await res.json();
    if (!res.ok) return fail(body);
    content.innerHTML = '<p class="ok">Terima kasih, progres tercatat. / Thank you, your progress was recorded.</p>';
  });
}).catch(() => fail({}));
</script>
</body>
</html>`;

export function installProgressPage(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().get('/progress/:token', (_req, reply: FastifyReply) => {
    reply.header('Content-Security-Policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'");
    return reply.type('text/html; charset=utf-8').send(PAGE);
  });
}

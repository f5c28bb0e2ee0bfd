'use strict';
/**
 * A minimal SMTP sink for benchmarks only: greets at once (smtp-server waits 100 ms before its
 * greeting), accepts every message, keeps nothing but the arrival time of each message and the
 * reminder ids in its X-Tindak-Lanjut-Reminders header. Runs as a child process (its CPU is not
 * the sender's) and answers the parent over IPC:
 *   {cmd: 'stats'} -> {count, bytes, arrived}   (arrived: how many reminder ids have arrived)
 *   {cmd: 'arrivals'} -> {arrivals: [[reminderId, epochMs], ...]}
 *   {cmd: 'reset'} -> {ok: true}
 */
const net = require('node:net');

const HEADER = /^X-Tindak-Lanjut-Reminders:[ \t]*(.*(?:\r\n[ \t].*)*)/im;
let count = 0;
let bytes = 0;
let arrivals = [];

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  let inData = false;
  const reply = (line) => socket.write(`${line}\r\n`);
  reply('220 bench-sink ESMTP');

  socket.on('data', (chunk) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        const message = buffer.subarray(0, end);
        buffer = buffer.subarray(end + 5);
        inData = false;
        count++;
        bytes += message.length;
        const headEnd = message.indexOf('\r\n\r\n');
        const head = message.subarray(0, headEnd < 0 ? message.length : headEnd).toString('latin1');
        const ids = head.match(HEADER);
        if (ids) {
          const now = Date.now();
          for (const id of ids[1].replace(/\s+/g, '').split(',')) if (id) arrivals.push([id, now]);
        }
        reply('250 2.0.0 accepted');
        continue;
      }
      const eol = buffer.indexOf('\r\n');
      if (eol < 0) return;
      const line = buffer.subarray(0, eol).toString('latin1');
      buffer = buffer.subarray(eol + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') socket.write('250-bench-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n');
      else if (verb === 'HELO') reply('250 bench-sink');
      else if (verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') reply('250 2.0.0 ok');
      else if (verb === 'DATA') {
        inData = true;
        reply('354 go ahead');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else reply('502 5.5.2 not implemented');
    }
  });
  socket.on('error', () => undefined);
});

server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  process.send?.({ ready: true, port: server.address().port });
});

process.on('message', (msg) => {
  if (msg.cmd === 'stats') process.send({ count, bytes, arrived: arrivals.length });
  else if (msg.cmd === 'arrivals') process.send({ arrivals });
  else if (msg.cmd === 'reset') {
    count = 0;
    bytes = 0;
    arrivals = [];
    process.send({ ok: true });
  }
});
process.on('disconnect', () => process.exit(0));

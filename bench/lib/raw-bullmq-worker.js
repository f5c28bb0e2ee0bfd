'use strict';
/**
 * The baselines of the lateness benchmark: a bare BullMQ worker (the concurrency of the product's
 * delivery processor, CONCURRENCY) that records, for each job, how late it started against the
 * time it was planned for (job.data.at). With SMTP_URL, each job also sends MESSAGE (a rendered
 * e-mail, JSON) through raw pooled nodemailer (SMTP_MAX_CONNECTIONS connections, as the product),
 * tagged with the job's key in X-Tindak-Lanjut-Reminders so that the SMTP sink can time its
 * arrival. Child process; reports [plannedAt, lateness] pairs to the parent over IPC once `expect`
 * jobs are done.
 */
const { Worker } = require('bullmq');
const nodemailer = require('nodemailer');

const url = new URL(process.env.REDIS_URL);
const expected = Number(process.env.EXPECT);
const lateness = [];
let done = 0;

let send = async () => undefined;
if (process.env.SMTP_URL) {
  const smtp = new URL(process.env.SMTP_URL);
  const transporter = nodemailer.createTransport({ pool: true, maxConnections: Number(process.env.SMTP_MAX_CONNECTIONS), host: smtp.hostname, port: Number(smtp.port) });
  const message = JSON.parse(process.env.MESSAGE);
  send = (key) => transporter.sendMail({ ...message, from: 'bench@bench.example', to: [`${key}@bench.example`], headers: { 'X-Tindak-Lanjut-Reminders': key } });
}

const worker = new Worker(
  process.env.QUEUE,
  async (job) => {
    lateness.push([job.data.at, Date.now() - job.data.at]);
    await send(job.data.key);
    if (++done === expected) process.send({ lateness });
  },
  { connection: { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null }, prefix: process.env.PREFIX, concurrency: Number(process.env.CONCURRENCY) },
);
worker.on('error', (error) => process.stderr.write(`raw worker: ${error.message}\n`));
worker.waitUntilReady().then(() => process.send({ ready: true }));
process.on('disconnect', () => worker.close().finally(() => process.exit(0)));

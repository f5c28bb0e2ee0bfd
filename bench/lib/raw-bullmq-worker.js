'use strict';
/**
 * The baseline of the lateness benchmark: a bare BullMQ worker (the concurrency of the product's
 * delivery processor, CONCURRENCY) that records, for each job, how late it started against the time it was
 * planned for (job.data.at). Child process; reports [plannedAt, lateness] pairs to the parent over
 * IPC once `expect` jobs ran.
 */
const { Worker } = require('bullmq');

const url = new URL(process.env.REDIS_URL);
const expected = Number(process.env.EXPECT);
const lateness = [];
const worker = new Worker(
  process.env.QUEUE,
  async (job) => {
    lateness.push([job.data.at, Date.now() - job.data.at]);
    if (lateness.length === expected) process.send({ lateness });
  },
  { connection: { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null }, prefix: process.env.PREFIX, concurrency: Number(process.env.CONCURRENCY) },
);
worker.on('error', (error) => process.stderr.write(`raw worker: ${error.message}\n`));
worker.waitUntilReady().then(() => process.send({ ready: true }));
process.on('disconnect', () => worker.close().finally(() => process.exit(0)));

import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';

/**
 * On shutdown, lets every queue consumer finish its active jobs before anything they use closes.
 * Nest runs onModuleDestroy from the root module down, so this (in the root module) runs before
 * the mail pool and the rest close; without it a reminder e-mail being sent when SIGTERM arrives
 * is cut off and has to be retried.
 */
@Injectable()
export class WorkerDrain implements OnModuleDestroy {
  private readonly logger = new Logger(WorkerDrain.name);

  constructor(private readonly discovery: DiscoveryService) {}

  async onModuleDestroy(): Promise<void> {
    const workers: Worker[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      if (!(wrapper.instance instanceof WorkerHost)) continue;
      try {
        workers.push(wrapper.instance.worker);
      } catch {
        // never started
      }
    }
    const active = workers.length;
    await Promise.all(workers.map((w) => w.close().catch((error: Error) => this.logger.warn(`closing a queue consumer: ${error.message}`))));
    if (active) this.logger.log(`${active} queue consumers stopped after their active jobs`);
  }
}

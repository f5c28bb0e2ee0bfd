/**
 * Group commit for concurrent calls: calls submitted while earlier batches are running wait and
 * then go together into the next batch, so that the fixed cost of a batch (a transaction, its
 * round trips to PostgreSQL) is paid once for many calls under load, while a lone call still runs
 * at once. At most `maxParallel` batches run at a time, each with at most `maxBatch` inputs.
 */
export class CallBatcher<In, Out> {
  private readonly pending: Array<{ input: In; resolve: (out: Out) => void; reject: (error: unknown) => void }> = [];
  private running = 0;
  private flushQueued = false;

  /**
   * `run` answers each input in order with its result or its own error; a throw from `run`
   * rejects every call of the batch.
   */
  constructor(
    private readonly run: (inputs: In[]) => Promise<Array<PromiseSettledResult<Out>>>,
    private readonly options: { maxBatch: number; maxParallel: number },
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      this.queueFlush();
    });
  }

  /** Calls submitted in the same turn of the event loop join one batch. */
  private queueFlush(): void {
    if (this.flushQueued || this.running >= this.options.maxParallel) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.pending.length > 0 && this.running < this.options.maxParallel) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      this.running++;
      void this.runBatch(batch).finally(() => {
        this.running--;
        if (this.pending.length > 0) this.queueFlush();
      });
    }
  }

  private async runBatch(batch: typeof this.pending): Promise<void> {
    try {
      const results = await this.run(batch.map((call) => call.input));
      batch.forEach((call, i) => {
        const result = results[i];
        if (!result) call.reject(new Error('the batch gave no result for this call'));
        else if (result.status === 'fulfilled') call.resolve(result.value);
        else call.reject(result.reason);
      });
    } catch (error) {
      for (const call of batch) call.reject(error);
    }
  }
}

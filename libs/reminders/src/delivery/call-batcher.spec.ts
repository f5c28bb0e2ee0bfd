import { CallBatcher } from './call-batcher';

/** A run function whose batches finish only when the test says so. */
function controlledRun() {
  const batches: Array<{ inputs: string[]; finish: () => void }> = [];
  const run = (inputs: string[]) =>
    new Promise<Array<PromiseSettledResult<string>>>((resolve) => {
      batches.push({
        inputs,
        finish: () => resolve(inputs.map((input) => (input.startsWith('bad') ? { status: 'rejected', reason: new Error(`no ${input}`) } : { status: 'fulfilled', value: input.toUpperCase() }))),
      });
    });
  return { batches, run };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
/** Lets finished batches hand over to the next ones. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await turn();
};

describe('CallBatcher', () => {
  it('runs a lone call at once and gives it its own result', async () => {
    const { batches, run } = controlledRun();
    const batcher = new CallBatcher(run, { maxBatch: 10, maxParallel: 1 });
    const answer = batcher.submit('a');
    await turn();
    expect(batches.map((b) => b.inputs)).toEqual([['a']]);
    batches[0].finish();
    await expect(answer).resolves.toBe('A');
  });

  it('puts the calls made while a batch runs into the next batch, together', async () => {
    const { batches, run } = controlledRun();
    const batcher = new CallBatcher(run, { maxBatch: 10, maxParallel: 1 });
    const first = batcher.submit('a');
    await turn();
    const later = ['b', 'c', 'd'].map((x) => batcher.submit(x));
    await turn();
    expect(batches).toHaveLength(1);
    batches[0].finish();
    await first;
    await settle();
    expect(batches.map((b) => b.inputs)).toEqual([['a'], ['b', 'c', 'd']]);
    batches[1].finish();
    await expect(Promise.all(later)).resolves.toEqual(['B', 'C', 'D']);
  });

  it('runs at most maxParallel batches of at most maxBatch calls', async () => {
    const { batches, run } = controlledRun();
    const batcher = new CallBatcher(run, { maxBatch: 2, maxParallel: 2 });
    const answers = ['a', 'b', 'c', 'd', 'e'].map((x) => batcher.submit(x));
    await turn();
    expect(batches.map((b) => b.inputs)).toEqual([['a', 'b'], ['c', 'd']]);
    batches[1].finish();
    await answers[3];
    await settle();
    expect(batches.map((b) => b.inputs)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    batches[0].finish();
    batches[2].finish();
    await expect(Promise.all(answers)).resolves.toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('rejects only the call whose own result is an error', async () => {
    const { batches, run } = controlledRun();
    const batcher = new CallBatcher(run, { maxBatch: 10, maxParallel: 1 });
    const good = batcher.submit('a');
    const bad = batcher.submit('bad-b');
    await turn();
    batches[0].finish();
    await expect(good).resolves.toBe('A');
    await expect(bad).rejects.toThrow('no bad-b');
  });

  it('rejects every call of a batch whose run throws, and goes on with the next batch', async () => {
    let calls = 0;
    const batcher = new CallBatcher<string, string>(async (inputs) => {
      calls++;
      if (calls === 1) throw new Error('database gone');
      return inputs.map((x) => ({ status: 'fulfilled', value: x }));
    }, { maxBatch: 10, maxParallel: 1 });
    const failed = [batcher.submit('a'), batcher.submit('b')];
    await expect(Promise.all(failed.map((p) => p.catch((e: Error) => e.message)))).resolves.toEqual(['database gone', 'database gone']);
    await expect(batcher.submit('c')).resolves.toBe('c');
  });
});

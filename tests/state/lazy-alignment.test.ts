// The word-timing job's code comes on demand (#12, #11): the page counts it as started while it
// loads, drops a start that a reset overtook, and says so in one line if the code cannot come.
import { describe, expect, test } from 'vitest';
import type { AlignInput, Alignment } from '../../src/state/alignment.svelte.ts';
import { LazyAlignment } from '../../src/state/lazy-alignment.svelte.ts';

const INPUT: AlignInput = { audio: 'https://a.test/x.mp3', language: 'en', turns: [], focus: 0 };

function fakeJob() {
  const calls: string[] = [];
  const job = {
    phase: 'idle',
    done: 0,
    total: 0,
    percent: 0,
    message: null,
    gaps: [],
    cached: false,
    start: () => {
      calls.push('start');
      job.phase = 'aligning';
    },
    reset: () => void calls.push('reset'),
    focus: (t: number) => void calls.push(`focus ${t}`),
  };
  return { job: job as unknown as Alignment, calls };
}

function deferred() {
  let resolve!: (job: Alignment) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<Alignment>((a, b) => {
    resolve = a;
    reject = b;
  });
  promise.catch(() => {}); // rejected before the code is asked for: handled when it is
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LazyAlignment', () => {
  test('busy while the code loads, then the job starts with the input', async () => {
    const { job, calls } = fakeJob();
    const code = deferred();
    let loads = 0;
    const later: Array<() => void> = [];
    const lazy = new LazyAlignment(
      () => (loads++, code.promise),
      (run) => void later.push(run),
    );
    lazy.start(INPUT);
    expect([lazy.phase, lazy.busy, lazy.percent]).toEqual(['aligning', true, 0]);
    // The code is asked for only once the transcript has been drawn (#11's first-view budget).
    expect(loads).toBe(0);
    later.splice(0).forEach((run) => run());
    expect(loads).toBe(1);
    code.resolve(job);
    await settle();
    expect(calls).toEqual(['start']);
    expect(lazy.phase).toBe('aligning');
    lazy.focus(12);
    lazy.start(INPUT);
    expect(calls).toEqual(['start', 'focus 12', 'start']);
    expect(loads).toBe(1);
  });

  test('a reset while the code loads drops that start', async () => {
    const { job, calls } = fakeJob();
    const code = deferred();
    const lazy = new LazyAlignment(() => code.promise);
    lazy.start(INPUT);
    lazy.reset();
    expect(lazy.phase).toBe('idle');
    code.resolve(job);
    await settle();
    expect(calls).toEqual([]);
    expect(lazy.phase).toBe('idle');
  });

  test('code that cannot load: one plain line, and the next episode tries again', async () => {
    const { job, calls } = fakeJob();
    const attempts = [deferred(), deferred()];
    let n = 0;
    const lazy = new LazyAlignment(() => attempts[n++]!.promise);
    lazy.start(INPUT);
    attempts[0]!.reject(new Error('chunk failed'));
    await settle();
    expect(lazy.phase).toBe('failed');
    expect(lazy.message).toBe(
      'Word timing could not be found: this page could not load the code that asks for them.',
    );
    lazy.start(INPUT);
    attempts[1]!.resolve(job);
    await settle();
    expect(calls).toEqual(['start']);
    expect(lazy.message).toBeNull();
  });
});

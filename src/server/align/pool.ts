// A small pool of aligner threads behind a plain interface: align(task) → result. The job
// runner only sees WindowAligner, so a queue shared between processes could stand in for it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WindowResult, WindowTask } from './window-task.ts';

export interface WindowAligner {
  align(task: WindowTask): Promise<WindowResult>;
  /** How many windows can usefully be in flight at once. */
  readonly capacity: number;
  close(): Promise<void>;
}

interface Pending {
  task: WindowTask;
  resolve: (result: WindowResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: Pending | null;
}

export interface PoolOptions {
  threads?: number;
  /** Where the thread writes the model's parameter file. */
  modelDir?: string;
  /** Threads idle this long are stopped (their memory returned); default 30 s. */
  idleMs?: number;
}

const WORKER_URL = new URL('./worker-entry.mjs', import.meta.url);

export function createWorkerPool(options: PoolOptions = {}): WindowAligner {
  const threads = Math.max(1, options.threads ?? Math.min(2, availableParallelism()));
  const idleMs = options.idleMs ?? 30_000;
  const slots: Array<Slot | null> = new Array<Slot | null>(threads).fill(null);
  const queue: Pending[] = [];
  let idleTimer: NodeJS.Timeout | null = null;
  let closed = false;

  function spawn(index: number): Slot {
    const worker = new Worker(WORKER_URL, {
      execArgv: process.execArgv.filter((a) => !a.startsWith('--inspect')),
      workerData: { modelDir: options.modelDir },
    });
    let onReady: () => void = () => undefined;
    let onFail: (e: Error) => void = () => undefined;
    const slot: Slot = {
      worker,
      busy: null,
      ready: new Promise<void>((resolve, reject) => {
        onReady = resolve;
        onFail = reject;
      }),
    };
    slot.ready.catch(() => undefined);
    worker.on('message', (m: { ready?: true; result?: WindowResult; error?: string }) => {
      if (m.ready) return onReady();
      const job = slot.busy;
      slot.busy = null;
      if (m.error !== undefined) job?.reject(new Error(m.error));
      else if (m.result) job?.resolve(m.result);
      pump();
    });
    const fail = (error: Error): void => {
      onFail(error);
      slot.busy?.reject(error);
      slot.busy = null;
      if (slots[index] === slot) slots[index] = null;
      pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The aligner thread stopped (${code}).`)));
    return slot;
  }

  function armIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (queue.length > 0 || slots.some((s) => s?.busy)) return;
    idleTimer = setTimeout(() => {
      for (const [i, s] of slots.entries()) {
        if (s && !s.busy) {
          slots[i] = null;
          void s.worker.terminate();
        }
      }
    }, idleMs);
    idleTimer.unref();
  }

  function pump(): void {
    if (closed) return;
    for (let i = 0; i < slots.length && queue.length > 0; i++) {
      let slot = slots[i] ?? null;
      if (slot?.busy) continue;
      if (!slot) slots[i] = slot = spawn(i);
      const job = queue.shift();
      if (!job) break;
      slot.busy = job;
      const s = slot;
      s.ready.then(
        () => s.worker.postMessage({ id: 0, task: job.task }),
        (error: Error) => {
          if (s.busy === job) s.busy = null;
          job.reject(error);
        },
      );
    }
    armIdle();
  }

  return {
    capacity: threads,
    align(task) {
      if (closed) return Promise.reject(new Error('The aligner is shut down.'));
      return new Promise<WindowResult>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      for (const p of queue.splice(0)) p.reject(new Error('The aligner is shut down.'));
      await Promise.all(slots.map((s) => s?.worker.terminate()));
    },
  };
}

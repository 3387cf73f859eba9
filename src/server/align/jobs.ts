// The job interface the HTTP routes use, and its in-process implementation. Everything a job
// exchanges is plain data (requests, AlignEvent), so a shared queue with workers in other
// processes could implement AlignJobs instead without the routes changing.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { TurnInput } from '../../core/align/plan.ts';
import { probeAudio } from './audio-fetch.ts';
import { AlignCache, sameAudio } from './cache.ts';
import type { AlignEvent } from './events.ts';
import { localIdentity, runAlignment, type RunSettings } from './runner.ts';

export interface AlignRequest {
  audio: string;
  language: string | null;
  focus: number;
  turns: TurnInput[];
  /** The file the audio address names when this server publishes it itself (own-file.ts). */
  local?: string;
}

export type Listener = (e: AlignEvent) => void;

export interface AlignJobs {
  /** Starts (or joins) the job for this audio and text. Throws JobRefusal when it cannot. */
  submit(request: AlignRequest): { job: string; cached: boolean };
  /** Replays the job's events so far, then sends new ones; null for an unknown job. */
  subscribe(job: string, listener: Listener): (() => void) | null;
  /** Moves the job's remaining turns nearest t to the front; false for an unknown job. */
  focus(job: string, t: number): boolean;
  close(): Promise<void>;
}

export class JobRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Same audio URL and same turns (times and text) → same id. */
export function jobId(request: AlignRequest): string {
  const text = createHash('sha256').update(
    JSON.stringify(request.turns.map((t) => [t.start, t.end, t.text])),
  );
  return createHash('sha256')
    .update(`${request.audio}\n${text.digest('hex')}`)
    .digest('hex')
    .slice(0, 32);
}

interface Job {
  id: string;
  request: AlignRequest;
  events: AlignEvent[];
  listeners: Set<Listener>;
  focus: number;
  finished: boolean;
  controller: AbortController;
  finishedAt: number;
}

export interface LocalJobsOptions extends Omit<RunSettings, 'workDir'> {
  workDir: string;
  cache: AlignCache;
  /** Jobs running at once; more wait in line up to maxQueued. */
  maxRunning: number;
  maxQueued: number;
  /** A cached result's audio is checked again after this long. */
  revalidateMs?: number;
}

export function createLocalJobs(o: LocalJobsOptions): AlignJobs {
  mkdirSync(o.workDir, { recursive: true });
  const jobs = new Map<string, Job>();
  const line: Job[] = [];
  const checked = new Map<string, number>();
  let running = 0;

  const send = (job: Job, e: AlignEvent): void => {
    job.events.push(e);
    if (e.event === 'done' || e.event === 'error') {
      job.finished = true;
      job.finishedAt = Date.now();
    }
    for (const listener of job.listeners) listener(e);
  };

  async function fromCache(job: Job): Promise<boolean> {
    const hit = o.cache.get(job.id);
    if (!hit) return false;
    const last = checked.get(job.id) ?? 0;
    if (Date.now() - last > (o.revalidateMs ?? 10 * 60_000)) {
      const { local, audio } = job.request;
      const now = local
        ? localIdentity(audio, local)
        : await probeAudio(audio, { ...o.fetch, signal: job.controller.signal }).catch(() => null);
      if (!now || !sameAudio(now, hit.audio)) {
        o.cache.delete(job.id);
        return false;
      }
      checked.set(job.id, Date.now());
    }
    for (const e of hit.events) send(job, e);
    return true;
  }

  async function run(job: Job): Promise<void> {
    if (await fromCache(job)) return;
    const outcome = await runAlignment(
      { id: job.id, audio: job.request.audio, local: job.request.local, turns: job.request.turns },
      o,
      { emit: (e) => send(job, e), focus: () => job.focus, signal: job.controller.signal },
    );
    const meta = outcome.events.find((e) => e.event === 'meta');
    if (outcome.ok && meta?.event === 'meta') {
      o.cache.put(job.id, {
        audio: outcome.audio,
        duration: meta.data.duration,
        events: outcome.events,
      });
      checked.set(job.id, Date.now());
    }
  }

  function pump(): void {
    while (running < o.maxRunning && line.length > 0) {
      const job = line.shift();
      if (!job) break;
      running++;
      run(job)
        .catch((error: unknown) => {
          if (!job.controller.signal.aborted) console.error(error);
          if (!job.finished)
            send(job, {
              event: 'error',
              data: {
                code: 'internal',
                message: 'Word timing could not be found: the aligner failed.',
              },
            });
        })
        .finally(() => {
          running--;
          pump();
        });
    }
  }

  /** Finished jobs nobody watches are dropped after a while (the disk cache keeps them). */
  function sweep(): void {
    for (const [id, job] of jobs)
      if (job.finished && job.listeners.size === 0 && Date.now() - job.finishedAt > 60_000)
        jobs.delete(id);
  }

  return {
    submit(request) {
      sweep();
      const id = jobId(request);
      const existing = jobs.get(id);
      if (existing && !(existing.finished && existing.events.at(-1)?.event === 'error')) {
        existing.focus = request.focus;
        return { job: id, cached: existing.finished };
      }
      const active = [...jobs.values()].filter((j) => !j.finished).length;
      if (active >= o.maxRunning + o.maxQueued)
        throw new JobRefusal(
          503,
          'The server is aligning too many episodes right now; try again in a few minutes.',
        );
      const job: Job = {
        id,
        request,
        events: [],
        listeners: new Set(),
        focus: request.focus,
        finished: false,
        controller: new AbortController(),
        finishedAt: 0,
      };
      jobs.set(id, job);
      line.push(job);
      const cached = o.cache.get(id) !== null;
      pump();
      return { job: id, cached };
    },
    subscribe(id, listener) {
      const job = jobs.get(id);
      if (!job) return null;
      for (const e of job.events) listener(e);
      if (job.finished) return () => undefined;
      job.listeners.add(listener);
      return () => job.listeners.delete(listener);
    },
    focus(id, t) {
      const job = jobs.get(id);
      if (!job) return false;
      job.focus = t;
      return true;
    },
    async close() {
      for (const job of jobs.values())
        job.controller.abort(new Error('The server is shutting down.'));
      line.length = 0;
      await o.aligner.close();
    },
  };
}

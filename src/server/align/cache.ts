// Finished alignments on disk, one JSON file per job, reused only for the same copy of the
// audio (URL + length + ETag, and the decoded duration recorded with it) and the same text
// (the job id hashes the text). Oldest files go first when the directory passes its size cap.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AudioIdentity } from './audio-fetch.ts';
import type { AlignEvent } from './events.ts';

export interface CachedAlignment {
  audio: AudioIdentity;
  duration: number;
  events: AlignEvent[];
}

export function sameAudio(a: AudioIdentity, b: AudioIdentity): boolean {
  return a.url === b.url && a.length === b.length && a.etag === b.etag;
}

export class AlignCache {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private file(id: string): string {
    return join(this.dir, `${id.replace(/[^a-z0-9]/gi, '')}.json`);
  }

  get(id: string): CachedAlignment | null {
    try {
      const file = this.file(id);
      const value = JSON.parse(readFileSync(file, 'utf8')) as CachedAlignment;
      const now = new Date();
      utimesSync(file, now, now);
      return Array.isArray(value.events) ? value : null;
    } catch {
      return null;
    }
  }

  put(id: string, value: CachedAlignment): void {
    const file = this.file(id);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, file);
    this.trim();
  }

  delete(id: string): void {
    rmSync(this.file(id), { force: true });
  }

  /** Removes the least recently used entries until the directory fits its cap. */
  trim(): void {
    const entries = readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => {
        try {
          const st = statSync(join(this.dir, name));
          return [{ name, size: st.size, used: st.mtimeMs }];
        } catch {
          return [];
        }
      })
      .sort((a, b) => a.used - b.used);
    let total = entries.reduce((n, e) => n + e.size, 0);
    for (const e of entries) {
      if (total <= this.maxBytes) break;
      rmSync(join(this.dir, e.name), { force: true });
      total -= e.size;
    }
  }
}

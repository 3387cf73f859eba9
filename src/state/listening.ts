// What Verbatim remembers between visits: where each episode was left, recent feeds, the last episode.
import {
  readSyncOffsets,
  writeSyncOffsets,
  type SyncOffsets,
  type SyncPiece,
} from '../core/sync-offsets.ts';
import type { Store } from './storage.ts';
import { isRecord } from '../core/json-values.ts';

export interface RecentFeed {
  url: string;
  title: string;
  image?: string;
  /** Epoch ms when last opened. */
  at: number;
}

export interface LastOpened {
  feed: string;
  episode: string;
}

interface PositionRecord {
  /** Seconds. */
  t: number;
  /** Epoch ms of the write. */
  at: number;
}

const isPosition = (v: unknown): v is PositionRecord =>
  isRecord(v) &&
  typeof v['t'] === 'number' &&
  Number.isFinite(v['t']) &&
  v['t'] >= 0 &&
  typeof v['at'] === 'number';
const isRecent = (v: unknown): v is Omit<RecentFeed, 'url'> =>
  isRecord(v) && typeof v['title'] === 'string' && typeof v['at'] === 'number';
const isLast = (v: unknown): v is LastOpened =>
  isRecord(v) && typeof v['feed'] === 'string' && typeof v['episode'] === 'string';

const RECENT_LIMIT = 8;

export class Listening {
  constructor(private readonly store: Store) {}

  /** Where the listener left this episode, in seconds. */
  position(feed: string, guid: string): number | undefined {
    return this.store.read(`pos:${feed}\n${guid}`, isPosition)?.t;
  }
  savePosition(feed: string, guid: string, t: number): void {
    this.store.write(`pos:${feed}\n${guid}`, {
      t: Math.round(t * 10) / 10,
      at: Date.now(),
    } satisfies PositionRecord);
  }

  /** The listener's transcript timing nudge for this episode, piecewise (#12). */
  sync(feed: string, guid: string): SyncPiece[] {
    const valid = (v: unknown): v is unknown => readSyncOffsets(v) !== null;
    return readSyncOffsets(this.store.read(`offset:${feed}\n${guid}`, valid)) ?? [];
  }
  saveSync(feed: string, guid: string, pieces: SyncOffsets): void {
    const stored = writeSyncOffsets(pieces);
    if (stored === null) this.store.remove(`offset:${feed}\n${guid}`);
    else this.store.write(`offset:${feed}\n${guid}`, stored);
  }

  recentFeeds(): RecentFeed[] {
    return this.store
      .keys('feed:')
      .flatMap((key) => {
        const value = this.store.read(key, isRecent);
        return value
          ? [
              {
                url: key.slice('feed:'.length),
                title: value.title,
                image: typeof value.image === 'string' ? value.image : undefined,
                at: value.at,
              },
            ]
          : [];
      })
      .sort((a, b) => b.at - a.at)
      .slice(0, RECENT_LIMIT);
  }
  rememberFeed(url: string, title: string, image?: string): void {
    this.store.write(`feed:${url}`, { title, image, at: Date.now() });
    // Forget the oldest beyond the limit, one key at a time.
    const all = this.store.keys('feed:');
    if (all.length > RECENT_LIMIT * 2) {
      const dated = all
        .map((key) => ({ key, at: this.store.read(key, isRecent)?.at ?? 0 }))
        .sort((a, b) => b.at - a.at);
      for (const { key } of dated.slice(RECENT_LIMIT * 2)) this.store.remove(key);
    }
  }

  last(): LastOpened | undefined {
    return this.store.read('last', isLast);
  }
  setLast(last: LastOpened): void {
    this.store.write('last', last);
  }
}

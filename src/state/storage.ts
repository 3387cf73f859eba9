// Browser persistence with a versioned schema: one key per item (never a whole list rewritten from a
// stale copy), tolerant of corrupt data, a full quota and storage being unavailable (private mode).

const PREFIX = 'verbatim:v1:';

export interface StoreIssue {
  kind: 'unavailable' | 'quota' | 'corrupt';
  message: string;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** A store that keeps working in memory when the browser's storage does not. */
export class Store {
  readonly #backing: KeyValueStore | null;
  readonly #memory = new Map<string, string>();
  #onIssue: ((issue: StoreIssue) => void) | null;
  #told = new Set<StoreIssue['kind']>();
  /** Issues met before anyone listened (the constructor's own check), said once a listener is set. */
  #pending: StoreIssue[] = [];

  constructor(backing: KeyValueStore | null, onIssue: ((issue: StoreIssue) => void) | null = null) {
    this.#backing = backing;
    this.#onIssue = onIssue;
    if (!backing)
      this.#tell(
        'unavailable',
        'This browser is not letting Verbatim save anything: quotes and positions are kept only until you close this page.',
      );
  }

  set onIssue(handler: (issue: StoreIssue) => void) {
    this.#onIssue = handler;
    for (const issue of this.#pending.splice(0)) handler(issue);
  }

  #tell(kind: StoreIssue['kind'], message: string): void {
    if (this.#told.has(kind)) return; // say it once, not on every write
    this.#told.add(kind);
    if (this.#onIssue) this.#onIssue({ kind, message });
    else this.#pending.push({ kind, message });
  }

  /** Reads and validates a JSON value; corrupt or invalid data reads as undefined and is reported once. */
  read<T>(key: string, valid: (value: unknown) => value is T): T | undefined {
    const full = PREFIX + key;
    let raw: string | null | undefined = this.#memory.get(full);
    if (raw === undefined) {
      try {
        raw = this.#backing?.getItem(full) ?? null;
      } catch {
        raw = null;
      }
    }
    if (raw === null || raw === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(raw);
      if (valid(value)) return value;
    } catch {
      // fall through: corrupt
    }
    this.#tell(
      'corrupt',
      'Some saved data could not be read and was skipped. Everything else is intact.',
    );
    return undefined;
  }

  write(key: string, value: unknown): void {
    const full = PREFIX + key;
    const raw = JSON.stringify(value);
    try {
      if (!this.#backing) throw new Error('unavailable');
      this.#backing.setItem(full, raw);
      this.#memory.delete(full);
    } catch (error) {
      this.#memory.set(full, raw); // kept for this visit at least
      if (this.#backing) {
        const quota = error instanceof DOMException && /quota/i.test(error.name);
        this.#tell(
          quota ? 'quota' : 'unavailable',
          quota
            ? 'Browser storage is full: new positions and quotes are kept only until you close this page.'
            : 'Saving failed: new positions and quotes are kept only until you close this page.',
        );
      }
    }
  }

  remove(key: string): void {
    const full = PREFIX + key;
    this.#memory.delete(full);
    try {
      this.#backing?.removeItem(full);
    } catch {
      // nothing to lose: the item is gone from memory
    }
  }

  /** Keys (without prefix) that start with `prefix`, from storage and memory. */
  keys(prefix: string): string[] {
    const out = new Set<string>();
    const want = PREFIX + prefix;
    try {
      const backing = this.#backing;
      for (let i = 0; backing && i < backing.length; i++) {
        const key = backing.key(i);
        if (key?.startsWith(want)) out.add(key.slice(PREFIX.length));
      }
    } catch {
      // storage vanished: memory still answers
    }
    for (const key of this.#memory.keys())
      if (key.startsWith(want)) out.add(key.slice(PREFIX.length));
    return [...out];
  }
}

/** The page's localStorage, or null where the browser refuses it. */
export function browserStorage(): KeyValueStore | null {
  try {
    const storage = globalThis.localStorage;
    const probe = `${PREFIX}probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** The Store key for a full browser-storage key (a `storage` event's), or null when it is not one of ours. */
export function storeKeyOf(fullKey: string): string | null {
  return fullKey.startsWith(PREFIX) ? fullKey.slice(PREFIX.length) : null;
}

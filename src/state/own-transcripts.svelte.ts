// The listener's own transcript for an episode (#15): a file they drop or pick, read by the same
// readers as a publisher's file, kept per episode on this device, removable. The publisher's file
// stays the default when there are both; the listener can switch. Loaded on demand, not at first.
import type { Store } from './storage.ts';
import type { FoundTranscript } from './episode-sources.ts';
import { prepareEntities } from '../core/transcript/entities.ts';
import type { ParseHtml } from '../core/text/html-lines.ts';
import { readTranscript } from './readers.ts';
import {
  MAX_TRANSCRIPT_BYTES,
  choiceKey,
  fileKind,
  fileSize,
  isChoice,
  isOwnRecord,
  ownKey,
  ownLabel,
  showsOwn,
  type OwnRecord,
} from './own-transcript-file.ts';

/** What the import needs of the page (the Library). */
export interface TranscriptHost {
  showTranscript(found: FoundTranscript | null): void;
  alert(message: string): void;
}

export interface OwnTranscript {
  name: string;
  found: FoundTranscript;
}

/** The file as turns, by the publisher's readers; null when nothing timed could be read. */
async function readOwn(
  record: OwnRecord,
  parseHtml: ParseHtml | null,
): Promise<FoundTranscript | null> {
  await prepareEntities(record.text);
  const read = await readTranscript(record.text, record.kind, parseHtml ?? undefined);
  if (!read || read.value.length === 0) return null;
  const issues = read.errors.map((e) => e.message);
  return { turns: read.value, source: record.kind, issues, language: null };
}

export class OwnTranscripts {
  /** The open episode's own transcript, when the listener added one. */
  file: OwnTranscript | null = $state.raw(null);
  /** The publisher's transcript of the open episode (null: it has none). */
  published: FoundTranscript | null = $state.raw(null);
  /** The listener's pick when there are both; unset: the publisher's. */
  choice: 'own' | 'publisher' | undefined = $state();
  /** True while a picked file is being read. */
  busy = $state(false);
  #at: { feed: string; guid: string } | null = null;

  constructor(
    private readonly store: Store,
    private readonly host: TranscriptHost,
    private readonly parseHtml: ParseHtml | null,
  ) {}

  /** True when the listener's own file is the one shown. */
  get showing(): boolean {
    return showsOwn(this.file !== null, this.published !== null, this.choice);
  }
  /** The source line's words for the shown transcript when it is the listener's, else null. */
  get label(): string | null {
    return this.showing && this.file ? ownLabel(this.file.found.source, this.file.name) : null;
  }

  /** Reads what is kept for this episode; a stored file that no longer reads is said, not shown. */
  async open(feed: string, guid: string): Promise<void> {
    const at = (this.#at = { feed, guid });
    this.file = null;
    this.published = null;
    this.choice = undefined;
    const record = this.store.read(ownKey(feed, guid), isOwnRecord);
    if (!record) return;
    const found = await readOwn(record, this.parseHtml);
    if (at !== this.#at) return; // the listener has moved on
    if (!found)
      return this.host.alert(
        `Your transcript “${record.name}” could not be read again, so it is not shown. The episode still plays.`,
      );
    this.file = { name: record.name, found };
    this.choice = this.store.read(choiceKey(feed, guid), isChoice);
  }

  /** The transcript to show once the publisher's is known (null: it has none). */
  choose(published: FoundTranscript | null): FoundTranscript | null {
    this.published = published;
    return this.showing && this.file ? this.file.found : published;
  }

  /** What stays as it was when a file is refused. */
  #unchanged(): string {
    if (this.file) return `Your transcript “${this.file.name}” is kept.`;
    return this.published
      ? "The publisher's transcript is still shown."
      : 'The episode still plays.';
  }

  /** Reads a file the listener dropped or picked; on success it is kept and shown. */
  async add(file: File): Promise<boolean> {
    const at = this.#at;
    if (!at || this.busy) return false;
    const refuse = (why: string) => {
      this.host.alert(`${why} Nothing was added. ${this.#unchanged()}`);
      return false;
    };
    if (file.size > MAX_TRANSCRIPT_BYTES)
      return refuse(
        `“${file.name}” is ${fileSize(file.size)}: transcripts of up to ${fileSize(MAX_TRANSCRIPT_BYTES)} can be added.`,
      );
    this.busy = true;
    try {
      const text = await file.text();
      const record = {
        name: file.name,
        kind: fileKind(file.name, file.type, text),
        text,
        at: Date.now(),
      };
      const found = await readOwn(record, this.parseHtml);
      if (at !== this.#at) return false;
      if (!found)
        return refuse(
          `No timed transcript could be read from “${file.name}”: Verbatim reads WebVTT, SRT, JSON, HTML and plain text with timestamps.`,
        );
      this.store.write(ownKey(at.feed, at.guid), record);
      this.file = { name: file.name, found };
      this.#choose('own');
      return true;
    } catch {
      return refuse(`“${file.name}” could not be read from this device.`);
    } finally {
      this.busy = false;
    }
  }

  /** Shows the listener's own file or the publisher's, and remembers the pick for this episode. */
  use(choice: 'own' | 'publisher'): void {
    if (!this.file) return;
    this.#choose(choice);
  }

  #choose(choice: 'own' | 'publisher'): void {
    const at = this.#at;
    if (!at) return;
    this.choice = choice;
    this.store.write(choiceKey(at.feed, at.guid), choice);
    this.host.showTranscript(this.choose(this.published));
  }

  /** Forgets the listener's file for this episode; returns an undo that keeps it again. */
  remove(): () => void {
    const at = this.#at;
    const file = this.file;
    const record = at && this.store.read(ownKey(at.feed, at.guid), isOwnRecord);
    if (!at || !file) return () => {};
    const choice = this.choice;
    this.store.remove(ownKey(at.feed, at.guid));
    this.store.remove(choiceKey(at.feed, at.guid));
    this.file = null;
    this.choice = undefined;
    this.host.showTranscript(this.published);
    return () => {
      if (at !== this.#at || !record) return;
      this.store.write(ownKey(at.feed, at.guid), record);
      this.file = file;
      this.#choose(choice ?? 'own');
    };
  }
}

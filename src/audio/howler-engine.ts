// The only file that imports howler. html5 mode streams the enclosure with Range requests.
import { Howl, Howler } from 'howler';
import { audioFormat } from '../core/feed/audio-format.ts';
import { audioFailureMessage } from '../core/audio-failure.ts';
import { Emitter, type AudioEngine, type AudioSource, type EngineEvent } from './engine.ts';
import { hold, type HowlInternals } from './howl-internals.ts';
import { probeAudio } from './probe.ts';

const MEDIA_ERRORS: Record<number, string> = {
  1: 'Loading the audio was aborted.',
  2: 'A network error stopped the audio from loading.',
  3: 'The audio file could not be decoded.',
  4: 'The audio file could not be opened (missing, or a format this browser cannot play).',
};

/**
 * The whole-file sprite's length until the duration is known, in ms: longer than any episode
 * (11.5 days), yet short enough that howler's end timer (set on a rate change, length/rate) stays
 * under setTimeout's 2^31 ms limit at the slowest rate.
 */
const PROVISIONAL_MS = 1e9;

const NO_OUTPUT = 'This device has no working sound output, so the audio cannot play.';

/**
 * Shorter than any episode: a duration under this, with the element ready, is a broken load. WebKit
 * under load once reported 0.0016 s for a 197-s file at readyState 4, for good (#13): the player
 * clamped a deep link to 0:00 and Play ended at once. Reported as an error, the reload fixes it.
 */
const MIN_MEDIA_S = 1;
const TOO_SHORT = 'The audio reported a length under a second, which cannot be the episode.';

/** The media event howler waits for before it counts a sound loaded or plays it ('canplaythrough'). */
const CAN_PLAY_EVENT =
  (Howler as unknown as { _canPlayEvent?: string })._canPlayEvent ?? 'canplaythrough';

// html5 mode only: no Web Audio context. Creating one blocked the main thread for ~135 ms as the
// episode loaded, and howler's context "unlock" reloaded our node on the page's first click, which
// rewound the episode to 0:00 (the highlight jumped to the top and back when Play was that click).
Howler.usingWebAudio = false;

export class HowlerEngine implements AudioEngine {
  #howl: Howl | null = null;
  #node: HTMLAudioElement | null = null;
  #emitter = new Emitter();
  #rate = 1;
  #detach: Array<() => void> = [];
  #url = '';
  /** The seekability last reported with `loaded`, to report a change. */
  #saidSeekable = true;
  /** Whether this load's sub-second duration was reported (once per load). */
  #saidTooShort = false;
  /** Where this load starts playing: its own start, or the last seek made while it loads. */
  #startAt = 0;
  /** This load's first `load` came (howler's later 'loading' is a play re-buffering). */
  #loaded = false;
  /** A seek was asked for before that: the player waits for it to end as a seek. */
  #seekAsked = false;

  load(source: AudioSource, startAt = 0): void {
    this.#teardown();
    this.#url = source.url;
    this.#saidSeekable = true;
    this.#saidTooShort = false;
    const howl = new Howl({
      src: [source.url],
      html5: true,
      preload: 'metadata',
      format: [audioFormat(source.url, source.type)],
      rate: this.#rate,
      // howler sizes its whole-file sprite from the element's duration at the first canplaythrough.
      // WebKit may fire that at readyState 4 before it knows the duration (0): the sprite was
      // [0, 0] and a Play pressed while loading "ended" at once, never calling play() (#13). A
      // provisional sprite outlasts any episode until the element knows its duration.
      sprite: { __default: [0, PROVISIONAL_MS] },
    });
    this.#howl = howl;
    const sound = (howl as unknown as HowlInternals)._sounds?.[0];
    this.#node = sound?._node ?? null;
    // howler starts a play from its own saved position. A Play pressed while loading ran from its
    // queue before our 'load' handler's seek, so it played from 0:00 and then jumped (#13).
    this.#startAt = startAt;
    this.#loaded = false;
    this.#seekAsked = false;
    if (sound) hold(sound, startAt);
    howl.once('load', () => {
      this.#loaded = true;
      if (this.#tooShort()) return;
      const at = this.#startAt;
      // A Play pressed while loading may already be playing from there: seeking again restarted it.
      const there = this.#node !== null && Math.abs(this.#node.currentTime - at) < 0.05;
      if ((at > 0 || this.#seekAsked) && !there) howl.seek(at);
      else if (this.#seekAsked) this.#emit({ type: 'seeked', position: at });
      // The element's duration, once it knows it; `durationchange` reports it otherwise.
      this.#durationKnown(this.#node?.duration ?? NaN);
    });
    // howler drops its error listener after the first error; the node listeners below keep watching.
    howl.on('loaderror', (_id, code) => this.#fail(code));
    howl.on('playerror', (_id, code) => this.#fail(code));
    howl.on('end', () => {
      if (!this.#tooShort()) this.#emit({ type: 'ended' });
    });
    // howler's own pause event skips the internal pause it makes while seeking.
    howl.on('pause', () => this.#emit({ type: 'paused' }));
    this.#watchNode();
  }

  #watchNode(): void {
    const node = this.#node;
    if (!node) return;
    const on = (name: string, handler: () => void) => {
      node.addEventListener(name, handler);
      this.#detach.push(() => node.removeEventListener(name, handler));
    };
    // Metadata is all `preload: 'metadata'` promises; a seek may end short of canplaythrough.
    on('loadedmetadata', () => this.#release());
    on('loadeddata', () => this.#release());
    on('waiting', () => this.#emit({ type: 'waiting' }));
    on('stalled', () => {
      if (!node.paused && node.readyState < 3) this.#emit({ type: 'waiting' });
    });
    on('playing', () => this.#emit({ type: 'playing' }));
    on('seeked', () => {
      this.#release();
      this.#emit({ type: 'seeked', position: node.currentTime });
    });
    on('progress', () => {
      this.#emit({ type: 'progress' });
      this.#recheckSeekable();
    });
    on('canplay', () => this.#recheckSeekable());
    on('canplaythrough', () => this.#tooShort());
    // howler stops listening after its first error; a later network failure still reaches us here.
    on('error', () => this.#fail(node.error?.code, node.error?.message));
    on('durationchange', () => this.#durationKnown(node.duration));
  }

  /**
   * The element's duration, when it is a real one (not NaN, not WebKit's early 0 or a sub-second
   * glitch): given to howler (its end timer on a rate change uses the sprite) and reported as
   * `loaded`.
   */
  #durationKnown(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < MIN_MEDIA_S) return;
    const howl = this.#howl as unknown as HowlInternals | null;
    if (howl?._sprite?.__default) {
      howl._duration = Math.ceil(seconds * 10) / 10;
      howl._sprite.__default = [0, howl._duration * 1000];
    }
    this.#emit({ type: 'loaded', duration: seconds, seekable: this.#seekable() });
  }

  /**
   * A ready element (or one that just ended) whose duration is under a second: not an episode but
   * a broken load. Says so as an error, which the player's recovery answers with a reload from the
   * listener's position (not the glitch's 0:00).
   */
  #tooShort(): boolean {
    const node = this.#node;
    if (!node) return false;
    const d = node.duration;
    const settled = node.readyState >= 4 || node.ended;
    if (!settled || !Number.isFinite(d) || d <= 0 || d >= MIN_MEDIA_S) return false;
    if (!this.#saidTooShort) this.#emit({ type: 'error', message: TOO_SHORT });
    this.#saidTooShort = true;
    return true;
  }

  /**
   * WebKit may report seekable ranges only part of the way at `load` (#13: under load a Range
   * server was called one that "can't jump ahead"); say so again when the element learns more.
   */
  #recheckSeekable(): void {
    const node = this.#node;
    if (!node || !(node.duration >= MIN_MEDIA_S) || this.#howl?.state() === 'loading') return;
    const seekable = this.#seekable();
    if (seekable !== this.#saidSeekable)
      this.#emit({ type: 'loaded', duration: node.duration, seekable });
  }

  /** A server without Range support gives a media element that can only seek in what it buffered. */
  #seekable(): boolean {
    const node = this.#node;
    if (!node || !Number.isFinite(node.duration)) return true;
    const ranges = node.seekable;
    return ranges.length > 0 && ranges.end(ranges.length - 1) >= node.duration - 1;
  }

  play(): void {
    this.#howl?.play();
    this.#release();
  }

  /**
   * #13: howler (html5) counts a sound loaded, and calls play() when readyState < 3, only on
   * `canplaythrough`. With preload="metadata" Firefox and WebKit may never fire it (Firefox holds the
   * download at readyState 3; WebKit ends a paused seek at 2 and buffers no further), so Play hung on
   * Buffering…. The element itself plays from any state once it has metadata: tell howler to go on.
   */
  #release(): void {
    const howl = this.#howl;
    const node = this.#node;
    // Twice at most: the first makes a queued play run, which may then wait for the event itself.
    for (let i = 0; i < 2; i++) {
      if (!howl || !node || howl.state() !== 'loading') return;
      if (node.readyState < HTMLMediaElement.HAVE_METADATA) return;
      node.dispatchEvent(new Event(CAN_PLAY_EVENT));
    }
  }
  pause(): void {
    this.#howl?.pause();
  }
  seek(seconds: number): void {
    const howl = this.#howl;
    // Before the load (a slow link; an iPhone reads nothing before Play) a seek moves where it
    // starts: queued in howler, it ran after the load's own start and was lost.
    const sound = howl && !this.#loaded && (howl as unknown as HowlInternals)._sounds?.[0];
    if (!sound) return void howl?.seek(seconds);
    this.#startAt = seconds;
    hold(sound, seconds);
    this.#seekAsked = true;
  }
  setRate(rate: number): void {
    this.#rate = rate;
    this.#howl?.rate(rate);
  }
  position(): number {
    const node = this.#node;
    // Until the load has moved it (no metadata yet, or metadata and howler's load a timer later)
    // a paused element's clock reads 0: the audio is where the load will start (a deep link's t),
    // not at 0:00, which the player would show, highlight and resume from. Played, it is there.
    if (node && !this.#loaded && node.paused) return this.#startAt;
    if (node) return node.currentTime;
    const value = this.#howl?.seek();
    return typeof value === 'number' ? value : 0;
  }
  duration(): number | null {
    const d = this.#node?.duration ?? this.#howl?.duration() ?? NaN;
    return Number.isFinite(d) && d >= MIN_MEDIA_S ? d : null;
  }
  buffered(): Array<[number, number]> {
    const ranges = this.#node?.buffered;
    const out: Array<[number, number]> = [];
    if (!ranges) return out;
    for (let i = 0; i < ranges.length; i++) out.push([ranges.start(i), ranges.end(i)]);
    return out;
  }
  subscribe(listener: (event: EngineEvent) => void): () => void {
    return this.#emitter.subscribe(listener);
  }
  unload(): void {
    this.#teardown();
  }
  destroy(): void {
    this.#teardown();
    this.#emitter.clear();
  }

  #emit(event: EngineEvent): void {
    if (event.type === 'loaded') this.#saidSeekable = event.seekable;
    this.#emitter.emit(event);
  }
  /**
   * Names the real cause (#14): Chromium reports a server that went away as "format not
   * supported", so a probe of the address tells a dropped connection from a bad file.
   */
  #fail(code: unknown, detail = ''): void {
    const plain = describe(code, detail);
    if (plain === NO_OUTPUT || typeof code !== 'number' || !this.#url) {
      this.#emit({ type: 'error', message: plain });
      return;
    }
    const howl = this.#howl;
    void probeAudio(this.#url).then((probe) => {
      if (this.#howl === howl)
        this.#emit({ type: 'error', message: audioFailureMessage(code, probe) });
    });
  }
  #teardown(): void {
    for (const detach of this.#detach) detach();
    this.#detach = [];
    this.#howl?.unload();
    this.#howl = null;
    this.#node = null;
  }
}

function describe(code: unknown, detail = ''): string {
  // Firefox reports a missing or broken audio device as a decode error ("OnMediaSinkAudioError").
  if (/MediaSink|AudioSink|audio (output|device)/i.test(detail)) return NO_OUTPUT;
  if (typeof code === 'number' && MEDIA_ERRORS[code]) return MEDIA_ERRORS[code];
  return typeof code === 'string' && code ? code : 'The audio could not be played.';
}

// Lock-screen and headset controls (Media Session API). Called once by MediaSession.svelte.
import type { Library } from '../state/library.svelte.ts';
import type { Player } from '../state/player.svelte.ts';

export function useMediaSession(player: Player, library: Library): void {
  if (!('mediaSession' in navigator)) return;
  const session = navigator.mediaSession;
  const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
    ['play', () => player.play()],
    ['pause', () => player.pause()],
    ['seekbackward', (d) => player.skip(-(d.seekOffset ?? 15))],
    ['seekforward', (d) => player.skip(d.seekOffset ?? 30)],
    ['seekto', (d) => d.seekTime !== undefined && player.seek(d.seekTime)],
    ['previoustrack', () => player.previousChapter()],
    ['nexttrack', () => player.nextChapter()],
  ];
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // An action this browser does not know: the others still work.
    }
  }

  $effect(() => {
    const episode = library.episode;
    const feed = library.feed;
    if (!episode) return;
    const art = episode.image ?? feed?.image;
    session.metadata = new MediaMetadata({
      title: episode.title,
      artist: feed?.author || feed?.title || '',
      album: feed?.title ?? '',
      artwork: art ? [{ src: art }] : [],
    });
  });
  $effect(() => {
    session.playbackState = player.playing ? 'playing' : 'paused';
  });
  // Whole seconds are enough for the lock screen: one call a second, not one a frame.
  const second = $derived(Math.floor(player.shownPosition));
  $effect(() => {
    const duration = player.duration;
    const position = second;
    if (duration === null || !(duration > 0)) return;
    try {
      session.setPositionState({
        duration,
        position: Math.min(position, duration),
        playbackRate: player.rate,
      });
    } catch {
      // Some browsers reject position state before metadata; the next second retries.
    }
  });
}

// The word-timing machinery, loaded on demand (#12): the job itself, its client, the protocol and
// the code that places results. The first view only has LazyAlignment (lazy-alignment.svelte.ts).
import { retimeTurn } from '../core/align/retime.ts';
import { alignRequest } from '../core/align/wire.ts';
import { AlignFailure, httpAlignClient } from './align-client.ts';
import { Alignment, type AlignEngine } from './alignment.svelte.ts';
import type { Player } from './player.svelte.ts';

export const alignEngine: AlignEngine = {
  client: httpAlignClient(),
  retimeTurn,
  alignRequest,
  isFailure: (error): error is Error => error instanceof AlignFailure,
};

/** The job for the player's timeline, its engine already here (it came in this chunk). */
export function createAlignment(player: Pick<Player, 'mediaDuration' | 'applyAligned'>): Alignment {
  return new Alignment(
    async () => alignEngine,
    { mediaDuration: () => player.mediaDuration, applyAligned: (b) => player.applyAligned(b) },
    (cb) => requestAnimationFrame(cb),
  );
}

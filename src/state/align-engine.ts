// The word-timing machinery the Alignment state loads on demand (#12): client, protocol, results.
import { retimeTurn } from '../core/align/retime.ts';
import { alignRequest } from '../core/align/wire.ts';
import { AlignFailure, httpAlignClient } from './align-client.ts';
import type { AlignEngine } from './alignment.svelte.ts';

export const alignEngine: AlignEngine = {
  client: httpAlignClient(),
  retimeTurn,
  alignRequest,
  isFailure: (error): error is Error => error instanceof AlignFailure,
};

// Plain JavaScript entry for an aligner thread: worker threads do not inherit the TypeScript
// loader that `npm start` (tsx), Vite or Vitest run with, so register tsx here, then load it.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

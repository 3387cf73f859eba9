// Where the chapters came from, in the listener's words, beside the chapter readers (#11).
import type { SourceKind } from '../model.ts';

/** `publisher's chapters file`, `chapters in the feed`, `show notes` or `none`. */
export function chaptersSourceLabel(kind: SourceKind): string {
  switch (kind) {
    case 'podcast-chapters':
      return "publisher's chapters file";
    case 'psc':
      return 'chapters in the feed';
    case 'show-notes':
      return 'show notes';
    default:
      return 'none';
  }
}

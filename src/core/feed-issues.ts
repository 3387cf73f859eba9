// Collects a feed's problems as plain sentences, one per kind: a feed with 800 broken
// durations gets one message that says so, not 800.

import type { ParseIssue } from './model.ts';

export class IssueLog {
  private readonly kinds = new Map<string, { first: string; count: number }>();

  /** Records a problem; `message` is the full sentence for its first occurrence. */
  add(kind: string, message: string): void {
    const seen = this.kinds.get(kind);
    if (seen) seen.count++;
    else this.kinds.set(kind, { first: message, count: 1 });
  }

  issues(): ParseIssue[] {
    return [...this.kinds.values()].map(({ first, count }) => ({
      message: count === 1 ? first : `${first} (${count - 1} more like this)`,
    }));
  }
}

/** How an episode is named in messages. */
export function episodeLabel(title: string, index: number): string {
  return title ? `“${title.length > 80 ? `${title.slice(0, 77)}…` : title}”` : `number ${index + 1}`;
}

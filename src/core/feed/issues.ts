// Collects a feed's problems as plain sentences, one per kind: a feed with 800 broken
// durations gets one message that says so, not 800.

import type { ParseIssue } from '../model.ts';

export class IssueLog {
  private readonly kinds = new Map<string, { first: string; count: number }>();

  /** Records a problem; `message` is a sentence without its final period, for the first occurrence. */
  add(kind: string, message: string): void {
    const seen = this.kinds.get(kind);
    if (seen) seen.count++;
    else this.kinds.set(kind, { first: message, count: 1 });
  }

  issues(): ParseIssue[] {
    return [...this.kinds.values()].map(({ first, count }) => ({
      message: count === 1 ? `${first}.` : `${first} (and ${count - 1} more like this).`,
    }));
  }
}

/** How an episode is named in messages. */
export function episodeLabel(title: string, index: number): string {
  return title ? quoted(title) : `number ${index + 1}`;
}

/** A feed value quoted in a message, cut short so garbage cannot flood the UI. */
export function quoted(value: string): string {
  return `“${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`;
}

// The timing nudge, piecewise (#12): "sync from here" corrects from one turn on.
import { describe, expect, test } from 'vitest';
import {
  nudgeAt,
  offsetAt,
  readSyncOffsets,
  syncFrom,
  writeSyncOffsets,
} from '../../src/core/sync-offsets.ts';

describe('sync offsets', () => {
  test('a piece applies from its turn until the next piece', () => {
    const pieces = syncFrom(syncFrom([{ from: 0, offset: 1 }], 300, 21), 900, 41);
    expect([0, 299.9, 300, 899, 900, 5000].map((t) => offsetAt(pieces, t))).toEqual([
      1, 1, 21, 21, 41, 41,
    ]);
    expect(offsetAt([], 50)).toBe(0);
  });

  test('syncing again at the same turn replaces it; a piece equal to the one before is dropped', () => {
    let pieces = syncFrom([], 300, 20);
    pieces = syncFrom(pieces, 300, 19.96);
    expect(pieces).toEqual([{ from: 300, offset: 20 }]);
    expect(syncFrom(pieces, 600, 20)).toEqual([{ from: 300, offset: 20 }]);
  });

  test('the ±0.5 s nudge moves the piece in effect there only', () => {
    const pieces = syncFrom([{ from: 0, offset: 1 }], 300, 21);
    expect(nudgeAt(pieces, 400, 0.5)).toEqual([
      { from: 0, offset: 1 },
      { from: 300, offset: 21.5 },
    ]);
    expect(nudgeAt(pieces, 10, -0.5)).toEqual([
      { from: 0, offset: 0.5 },
      { from: 300, offset: 21 },
    ]);
    expect(nudgeAt([], 10, -0.5)).toEqual([{ from: 0, offset: -0.5 }]);
    expect(nudgeAt([{ from: 0, offset: 0.5 }], 10, -0.5)).toEqual([]);
  });

  test('stored forms: the old single number, pieces, and anything else refused', () => {
    expect(readSyncOffsets(1.5)).toEqual([{ from: 0, offset: 1.5 }]);
    expect(
      readSyncOffsets([
        [0, 1],
        [300, 21],
      ]),
    ).toEqual([
      { from: 0, offset: 1 },
      { from: 300, offset: 21 },
    ]);
    for (const bad of ['1', [[0]], [[0, '1']], [[-5, 1]], [[0, 1e9]], { from: 0 }, NaN])
      expect(readSyncOffsets(bad)).toBeNull();
    expect(writeSyncOffsets([{ from: 300, offset: 21 }])).toEqual([[300, 21]]);
    expect(writeSyncOffsets([])).toBeNull();
  });
});

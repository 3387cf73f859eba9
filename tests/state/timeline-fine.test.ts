// Finer units (words, cues, estimated sentences) are built once their code is given (#11: after
// the first view); until then the turns alone are timed, and giving it rebuilds at once.
import { describe, expect, test } from 'vitest';
import { Timeline } from '../../src/state/timeline.svelte.ts';
import { Player } from '../../src/state/player.svelte.ts';
import { FakeEngine } from '../../src/audio/fake-engine.ts';
import { buildFineUnits } from '../../src/core/fine-units.ts';
import type { Turn } from '../../src/core/model.ts';

const turns: Turn[] = [
  {
    speaker: 'Ada',
    start: 0,
    end: 30,
    cues: [],
    // Long enough (220+ characters, one time) to be split into estimated sentences.
    text: 'The first thing we fixed was the radio, the big walnut one from the shop window. Then the clock on the wall, which had run eleven minutes slow since spring. After that, the kettle, which took all afternoon and two new washers before it would stop dripping.',
  },
];

describe('Timeline fine units', () => {
  test('none before the builder is given; built for the current turns when it is', () => {
    const timeline = new Timeline();
    timeline.set(turns, []);
    expect(timeline.fineUnits).toEqual([]);
    timeline.useFineUnits(buildFineUnits);
    expect(timeline.fineUnits).toEqual(buildFineUnits(turns));
    expect(timeline.fineUnits.length).toBeGreaterThan(0);
  });

  test('the player finds its current word at once when the builder arrives (paused at a deep link)', () => {
    const player = new Player(
      new FakeEngine(60),
      () => {},
      () => {},
    );
    player.setTimeline(turns, []);
    expect(player.fineIndex).toBe(-1);
    player.timeline.useFineUnits(buildFineUnits);
    expect(player.fineIndex).toBe(0); // the first sentence, at 0:00
  });
});

// A long interview published Substack-style (#14): 9 chapters and a 31-turn transcript written into
// the show notes, turns of several paragraphs, one guest labelled by a 10-word title, and a last
// turn of ~3 minutes of text that stops at ~38 min while the audio (long.mp3) runs ~49 min.
// The dialogue is written here for the tests, from a fixed pool of sentences.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HOST = 'Marta Ibsen';
export const GUEST = 'Professor Emerita of Urban History at the Old Harbour University';
export const CALLER = 'Jonas Weir';

const SENTENCES = [
  'The harbour used to decide everything about this town, from the hours people kept to the food they ate.',
  'When the cranes came, the old warehouses emptied within a single decade.',
  'I spent three winters reading the port ledgers, and they are far more human than you would think.',
  'Every ship that docked left a line in those books, with a cargo, a captain and sometimes a complaint.',
  'What surprised me was how often the clerks wrote about the weather instead of the goods.',
  'People assume a harbour is about trade, but it is really about waiting.',
  'You wait for the tide, you wait for the pilot, and then you wait for the customs officer to finish his tea.',
  'The fish market moved twice, and both times the town argued about it for years.',
  'My grandmother sold herring from a barrow at the corner of Rope Street until she was eighty.',
  'She always said the best customers came just before the bell, when prices dropped.',
  'The ferry to the islands was the only link for most of the year.',
  'In a hard winter the ice closed the inner basin and the whole town went quiet.',
  'There are photographs of children skating between the moored boats.',
  'The council wanted to fill the old dock and build a car park on it.',
  'A group of retired dockers stood on the quay every morning for a month to stop the lorries.',
  'In the end the dock stayed, and now it holds the rowing club and a floating library.',
  'I think cities forget that water is a neighbour, not a view.',
  'The new flats along the front are lovely, but nobody who lives there owns a boat.',
  'We found the plans for a tunnel under the harbour that was never dug.',
  'It would have cost more than the whole town earned in twenty years.',
  'The engineers were very confident, and the plans are beautiful, with every rivet drawn by hand.',
  'Some of the old bollards are still there if you know where to look.',
  'Students are often amazed that the high street was once a beach.',
  'The sea wall was raised three times, and each time the shops moved one step further back.',
  'When you walk the old shoreline you can feel the ground rise under your feet.',
  'I ask my students to draw the town from memory, and almost all of them forget the harbour.',
  'That tells you how far the water has drifted from daily life.',
  'The lighthouse keeper kept a diary for forty years and never missed a day.',
  'Most entries are one line long, about the wind and the lamp and the gulls.',
  'Once he wrote a whole page about a cat that arrived on a coal barge and refused to leave.',
];

/** A deterministic pick from the pool. */
function sentence(k: number): string {
  return SENTENCES[(k * 7 + 3) % SENTENCES.length]!;
}

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

export interface NotesTurn {
  start: number;
  speaker: string;
  paragraphs: string[];
}

/** The turns as written into the notes: starts grow to 35:30, the last turn is ~500 words. */
export function longNotesTurns(): NotesTurn[] {
  const turns: NotesTurn[] = [];
  let k = 0;
  const para = (n: number) => Array.from({ length: n }, () => sentence(k++)).join(' ');
  for (let i = 0; i < 30; i++) {
    const speaker = i === 17 || i === 29 ? CALLER : i % 2 === 0 ? HOST : GUEST;
    const count = speaker === GUEST ? 2 + (i % 4) : 1;
    const paragraphs = Array.from({ length: count }, (_, p) => para(p === 0 ? 2 : 3 + (i % 3)));
    turns.push({ start: Math.round(i * 71 + (i % 3) * 4), speaker, paragraphs });
  }
  // The last turn: ~500 words in five paragraphs, cut off mid-sentence where the notes stop.
  const last = Array.from({ length: 5 }, () => para(5));
  last[4] = `${last[4]} And the last thing I wanted to say about the harbour is that`;
  turns.push({ start: 35 * 60 + 30, speaker: GUEST, paragraphs: last });
  return turns;
}

export const LONG_NOTES_CHAPTERS: Array<[number, string]> = [
  [0, 'Welcome aboard'],
  [240, 'Reading the port ledgers'],
  [600, 'Waiting for the tide'],
  [900, 'The fish market moves'],
  [1260, 'Saving the old dock'],
  [1620, 'A tunnel never dug'],
  [1980, 'The lighthouse diary'],
  [2400, 'Listener questions'],
  [2700, 'Where to find us'],
];

function notesHtml(): string {
  const out = [
    '<p>Marta walks the old shoreline with a historian of harbours, from the ledgers to the lighthouse.</p>',
    '<h3>Chapters</h3>',
    '<ul>',
    ...LONG_NOTES_CHAPTERS.map(([t, title]) => `<li>(${clock(t).slice(3)}) ${title}</li>`),
    '</ul>',
    '<h3>Transcript</h3>',
  ];
  for (const turn of longNotesTurns()) {
    const [first, ...rest] = turn.paragraphs;
    // The guest's long title is written before the time, the others after it.
    if (turn.speaker === GUEST)
      out.push(`<p><strong>${GUEST}</strong> (${clock(turn.start)}): ${first}</p>`);
    else out.push(`<p>[${clock(turn.start)}] <strong>${turn.speaker}:</strong> ${first}</p>`);
    for (const p of rest) out.push(`<p>${p}</p>`);
  }
  out.push('<p>Thanks for listening. Find us wherever you get podcasts.</p>');
  return out.join('\n');
}

/** Writes long-notes-feed.xml next to long.mp3 (49 min). */
export function writeLongNotesFeed(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'long-notes-feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Talks</title>
<item><title>The shoreline that moved</title><guid>harbour-1</guid><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate>
<enclosure url="/cors/generated/long.mp3" type="audio/mpeg" length="0"/>
<content:encoded><![CDATA[${notesHtml()}]]></content:encoded>
</item></channel></rss>`,
  );
}

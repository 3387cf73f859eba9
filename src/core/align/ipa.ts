// Pronunciations for words the dictionary lacks: espeak-ng's IPA mapped to the CMU phone set
// of the en-us acoustic model, and acronyms spelt letter by letter.

/** IPA symbols (longest first when matching) and the CMU phones they stand for. */
const IPA: ReadonlyArray<readonly [string, string]> = [
  ['aɪə', 'AY ER'],
  ['aɪ', 'AY'],
  ['aʊ', 'AW'],
  ['eɪ', 'EY'],
  ['oʊ', 'OW'],
  ['əʊ', 'OW'],
  ['ɔɪ', 'OY'],
  ['ɪə', 'IH R'],
  ['eə', 'EH R'],
  ['ʊə', 'UH R'],
  ['tʃ', 'CH'],
  ['dʒ', 'JH'],
  ['ɜː', 'ER'],
  ['ɑː', 'AA'],
  ['ɔː', 'AO'],
  ['iː', 'IY'],
  ['uː', 'UW'],
  ['oː', 'AO'],
  ['ɚ', 'ER'],
  ['ɝ', 'ER'],
  ['ɐ', 'AH'],
  ['ə', 'AH'],
  ['ʌ', 'AH'],
  ['æ', 'AE'],
  ['ɑ', 'AA'],
  ['ɒ', 'AA'],
  ['ɔ', 'AO'],
  ['ɛ', 'EH'],
  ['e', 'EH'],
  ['ɪ', 'IH'],
  ['ᵻ', 'IH'],
  ['i', 'IY'],
  ['ʊ', 'UH'],
  ['u', 'UW'],
  ['o', 'OW'],
  ['a', 'AA'],
  ['ɾ', 'T'],
  ['p', 'P'],
  ['b', 'B'],
  ['t', 'T'],
  ['d', 'D'],
  ['k', 'K'],
  ['ɡ', 'G'],
  ['g', 'G'],
  ['f', 'F'],
  ['v', 'V'],
  ['θ', 'TH'],
  ['ð', 'DH'],
  ['s', 'S'],
  ['z', 'Z'],
  ['ʃ', 'SH'],
  ['ʒ', 'ZH'],
  ['h', 'HH'],
  ['x', 'HH'],
  ['ç', 'HH'],
  ['m', 'M'],
  ['n', 'N'],
  ['ŋ', 'NG'],
  ['l', 'L'],
  ['ɫ', 'L'],
  ['ɹ', 'R'],
  ['r', 'R'],
  ['w', 'W'],
  ['j', 'Y'],
];

/** Maps espeak-ng IPA (stress, length and syllable marks ignored) to CMU phones. */
export function ipaToCmu(ipa: string): string {
  const text = ipa.normalize('NFC').replace(/[ˈˌ‍.\-_|]/g, '');
  const phones: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    // A syllabic consonant (n̩, l̩) carries a vowel before it.
    if (text.charAt(i + 1) === '\u0329' && (ch === 'n' || ch === 'l' || ch === 'm')) {
      phones.push('AH', ch.toUpperCase());
      i += 2;
      continue;
    }
    const hit = IPA.find(([symbol]) => text.startsWith(symbol, i));
    if (hit) {
      phones.push(...hit[1].split(' '));
      i += hit[0].length;
    } else {
      i += 1; // length marks, spaces, glottal stops and anything unknown
    }
  }
  return phones.join(' ');
}

const LETTERS: Readonly<Record<string, string>> = {
  a: 'EY',
  b: 'B IY',
  c: 'S IY',
  d: 'D IY',
  e: 'IY',
  f: 'EH F',
  g: 'JH IY',
  h: 'EY CH',
  i: 'AY',
  j: 'JH EY',
  k: 'K EY',
  l: 'EH L',
  m: 'EH M',
  n: 'EH N',
  o: 'OW',
  p: 'P IY',
  q: 'K Y UW',
  r: 'AA R',
  s: 'EH S',
  t: 'T IY',
  u: 'Y UW',
  v: 'V IY',
  w: 'D AH B AH L Y UW',
  x: 'EH K S',
  y: 'W AY',
  z: 'Z IY',
};

/** True for a word written as capitals to be read letter by letter (GPU, NPCs), not NASA-style. */
export function isAcronym(say: string): boolean {
  return /^[A-Z]{2,6}s?$/.test(say);
}

/** The letter-by-letter pronunciation of an acronym (a plural s adds Z). */
export function spellLetters(say: string): string {
  const plural = /[A-Z]s$/.test(say);
  const letters = (plural ? say.slice(0, -1) : say).toLowerCase();
  const phones = [...letters].map((ch) => LETTERS[ch] ?? '').filter((p) => p !== '');
  if (plural) phones.push('Z');
  return phones.join(' ');
}

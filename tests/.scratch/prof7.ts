import { JSDOM } from 'jsdom';
import { htmlToLines } from '../../src/core/show-notes-lines.ts';
import { synthNotesTranscript } from '../bench/synth-notes.ts';
const html = synthNotesTranscript({ turns: 1500, speakers: 3, seed: 7 });
const { window } = new JSDOM('');
const doc = new window.DOMParser().parseFromString(html, 'text/html');
for (let k = 0; k < 3; k++) htmlToLines(html, () => doc);
const t = performance.now();
for (let k = 0; k < 20; k++) htmlToLines(html, () => doc);
console.log('lines', (performance.now() - t) / 20);
function walk(root: Node): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) { n += (node.nodeValue ?? '').length; continue; }
    node.nodeName.toLowerCase();
    const c = node.childNodes;
    for (let k = c.length - 1; k >= 0; k--) stack.push(c[k]!);
  }
  return n;
}
for (let k = 0; k < 3; k++) walk(doc.body);
const t2 = performance.now();
for (let k = 0; k < 20; k++) walk(doc.body);
console.log('bare walk', (performance.now() - t2) / 20);
function walk2(root: Node): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) { n += (node.nodeValue ?? '').length; continue; }
    node.nodeName.toLowerCase();
    for (let c = node.lastChild; c !== null; c = c.previousSibling) stack.push(c);
  }
  return n;
}
for (let k = 0; k < 3; k++) walk2(doc.body);
const t3 = performance.now();
for (let k = 0; k < 20; k++) walk2(doc.body);
console.log('sibling walk', (performance.now() - t3) / 20);

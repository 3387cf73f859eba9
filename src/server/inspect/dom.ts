// The page parses XML and HTML with the browser's DOMParser; in Node, jsdom's DOMParser gives
// core the same DOM API (#15). One window serves every input of a run.
import { JSDOM } from 'jsdom';

let parser: DOMParser | null = null;

function domParser(): DOMParser {
  parser ??= new new JSDOM('').window.DOMParser();
  return parser;
}

export const parseXml = (text: string): Document =>
  domParser().parseFromString(text, 'application/xml');

/** An inert document, as in the page: jsdom runs no script and loads nothing by default. */
export const parseHtml = (html: string): Document => domParser().parseFromString(html, 'text/html');

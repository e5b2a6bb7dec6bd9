/**
 * Reads markdown the way a repository browser renders it, for the documentation tests: the
 * relative links of a page (outside code), the anchors its headings get, and whether a link
 * resolves.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface MarkdownLink {
  /** 1-based line of the link. */
  line: number;
  /** The target as written, e.g. `../docs/metrics.md#alerts`. */
  target: string;
}

const FENCE = /^\s*(```|~~~)/;
const INLINE_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const HTML_ANCHOR = /<a\s+(?:name|id)="([^"]+)"/g;

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (FENCE.test(line)) {
      fenced = !fenced;
      return;
    }
    if (!fenced) out.push({ line: i + 1, text: line });
  });
  return out;
}

/** The line without its inline code spans, which hold no links. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, '');
}

/** Whether a target leaves the repository (a scheme such as https: or mailto:). */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/** Every link of the page whose target stays in the repository (same-page anchors included). */
export function relativeLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { line, text } of proseLines(markdown)) {
    const prose = withoutCodeSpans(text);
    const definition = REFERENCE_DEFINITION.exec(prose);
    if (definition?.[1]) links.push({ line, target: definition[1] });
    for (const match of prose.matchAll(INLINE_LINK)) {
      if (match[1]) links.push({ line, target: match[1] });
    }
  }
  return links.filter((link) => !isExternal(link.target));
}

/**
 * The anchor a heading gets: inline markup reduced to its text, lower case, every character
 * but letters, digits, spaces, `-` and `_` dropped, spaces turned into `-`.
 */
export function headingSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor the page defines: heading slugs (repeats numbered -1, -2, …) and HTML anchors. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = HEADING.exec(text);
    if (heading?.[2] !== undefined) {
      const slug = headingSlug(heading[2]);
      const count = seen.get(slug) ?? 0;
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
      seen.set(slug, count + 1);
    }
    for (const match of text.matchAll(HTML_ANCHOR)) if (match[1]) anchors.add(match[1]);
  }
  return anchors;
}

/**
 * What is wrong with `target`, linked from the markdown file `page` (an absolute path): a file
 * that does not exist, or an anchor that no heading of the linked markdown file defines.
 * Undefined when the link resolves.
 */
export function linkProblem(page: string, target: string): string | undefined {
  const hash = target.indexOf('#');
  const path = hash === -1 ? target : target.slice(0, hash);
  const anchor = hash === -1 ? '' : target.slice(hash + 1);
  const file = path === '' ? page : resolve(dirname(page), decodeURI(path));
  if (!existsSync(file)) return `no file ${path}`;
  if (anchor === '' || !file.endsWith('.md') || statSync(file).isDirectory()) return undefined;
  const anchors = anchorsOf(readFileSync(file, 'utf8'));
  return anchors.has(decodeURIComponent(anchor).toLowerCase())
    ? undefined
    : `no heading #${anchor} in ${path || 'this page'}`;
}

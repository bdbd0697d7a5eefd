/**
 * A safe subset of Markdown for notes on the wall, parsed to a small tree that the
 * renderer turns into React elements (never innerHTML). Pure: no DOM, no dependencies.
 *
 * What it understands:
 * - headings: `# `, `## `, `### ` (deeper levels count as level 3);
 * - paragraphs, separated by blank lines; every line break inside a paragraph is kept
 *   (notes are typed in a text box, and a wall has no reflowing reader to surprise);
 * - **bold** / __bold__ and *italic* / _italic_ (nested too), with CommonMark's flanking
 *   rules, so 2*3*4 and snake_case_names stay as written;
 * - lists: `- `, `* `, `+ ` or `1. ` / `1) `, nested by indenting (up to 3 levels);
 * - backslash escapes of punctuation (\*not italic\*).
 *
 * What it does not: raw HTML (it stays text, angle brackets and all), links and images
 * (`[label](url)` shows its label only: a wall has no user to follow a link, and a
 * picture from elsewhere would break the CSP), code, tables, quotes. Anything it does
 * not understand is shown as the text it is.
 */

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'break' };

export interface MdListItem {
  children: MdInline[];
  /** A nested list under this item. */
  list?: MdList;
}

export interface MdList {
  type: 'list';
  ordered: boolean;
  /** The number of the first item (1 for an unordered list). */
  start: number;
  items: MdListItem[];
}

export type MdBlock = { type: 'heading'; level: 1 | 2 | 3; children: MdInline[] } | { type: 'paragraph'; children: MdInline[] } | MdList;

export interface MdDocument {
  type: 'document';
  children: MdBlock[];
}

/** Longer input is cut: a note is a few lines, and the parser must never stall a frame. */
export const MARKDOWN_MAX_CHARS = 20_000;
const MAX_LIST_DEPTH = 3;
/** Delimiter runs per paragraph given emphasis treatment; the rest stay text (bounds the work). */
const MAX_DELIMITER_RUNS = 400;

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Unicode punctuation and symbols, as CommonMark's flanking rules use them. */
const isPunctuation = (ch: string | undefined): boolean => ch !== undefined && (ASCII_PUNCTUATION.test(ch) || /[\p{P}\p{S}]/u.test(ch));
const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/u.test(ch);

// ---------------------------------------------------------------- inline

type Item =
  | { kind: 'text'; text: string }
  | { kind: 'node'; node: MdInline }
  | { kind: 'delim'; char: '*' | '_'; count: number; canOpen: boolean; canClose: boolean };

/** `[label](target)` or `![alt](src)`: the label alone stays. */
const LINK = /^!?\[([^[\]\n]*)\]\([^()\s]*(?:[ \t]+"[^"\n]*")?\)/;

function tokenize(source: string): Item[] {
  const items: Item[] = [];
  let text = '';
  let runs = 0;
  let src = source;
  const flush = () => {
    if (text) items.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < src.length && ASCII_PUNCTUATION.test(src[i + 1]!)) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '[' || (ch === '!' && src[i + 1] === '[')) {
      const link = LINK.exec(src.slice(i));
      if (link) {
        // Read the label in place of the whole link (its own emphasis still counts).
        src = src.slice(0, i) + link[1]! + src.slice(i + link[0].length);
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && runs < MAX_DELIMITER_RUNS) {
      let end = i;
      while (src[end] === ch) end++;
      const before = i === 0 ? undefined : src[i - 1];
      const after = src[end];
      const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      const canOpen = ch === '*' ? left : left && (!right || isPunctuation(before));
      const canClose = ch === '*' ? right : right && (!left || isPunctuation(after));
      flush();
      items.push({ kind: 'delim', char: ch, count: end - i, canOpen, canClose });
      runs++;
      i = end;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return items;
}

function toInline(items: readonly Item[]): MdInline[] {
  const out: MdInline[] = [];
  for (const item of items) {
    const next: MdInline =
      item.kind === 'node' ? item.node : item.kind === 'text' ? { type: 'text', text: item.text } : { type: 'text', text: item.char.repeat(item.count) };
    const last = out[out.length - 1];
    if (next.type === 'text' && last?.type === 'text') last.text += next.text;
    else if (next.type !== 'text' || next.text) out.push(next.type === 'text' ? { ...next } : next);
  }
  return out;
}

/** CommonMark's "process emphasis", simplified: nearest opener of the same character wins. */
function resolveEmphasis(items: Item[]): Item[] {
  let i = 0;
  while (i < items.length) {
    const closer = items[i]!;
    if (closer.kind !== 'delim' || !closer.canClose || closer.count === 0) {
      i++;
      continue;
    }
    let o = i - 1;
    while (o >= 0) {
      const c = items[o]!;
      if (c.kind === 'delim' && c.char === closer.char && c.canOpen && c.count > 0) break;
      o--;
    }
    if (o < 0) {
      i++;
      continue;
    }
    const opener = items[o] as Extract<Item, { kind: 'delim' }>;
    const n = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    const node: MdInline = { type: n === 2 ? 'strong' : 'em', children: toInline(items.slice(o + 1, i)) };
    opener.count -= n;
    closer.count -= n;
    const head = opener.count > 0 ? items.slice(0, o + 1) : items.slice(0, o);
    const tail = closer.count > 0 ? items.slice(i) : items.slice(i + 1);
    items = [...head, { kind: 'node', node }, ...tail];
    // Go on from the closer (or what follows the new node when it is used up).
    i = head.length + 1;
  }
  return items;
}

/** One line of inline text (no line breaks) as inline nodes. */
export function parseInline(line: string): MdInline[] {
  return toInline(resolveEmphasis(tokenize(line)));
}

/** Lines of one paragraph or list item: each line break is kept. */
function inlineLines(lines: readonly string[]): MdInline[] {
  const out: MdInline[] = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push({ type: 'break' });
    out.push(...parseInline(line));
  });
  return out;
}

// ---------------------------------------------------------------- blocks

interface OpenList {
  list: MdList;
  indent: number;
  /** Raw lines of each item, parsed when the list closes. */
  lines: string[][];
  /** The list this one is nested in. */
  parent: OpenList | null;
  depth: number;
}

function normalize(text: string): string {
  // eslint-disable-next-line no-control-regex -- drop control characters except line feeds and tabs
  return text.slice(0, MARKDOWN_MAX_CHARS).replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

export function parseMarkdown(input: string): MdDocument {
  const blocks: MdBlock[] = [];
  const lines = normalize(typeof input === 'string' ? input : '').split('\n');

  let paragraph: string[] | null = null;
  let root: OpenList | null = null;
  let current: OpenList | null = null;

  const closeParagraph = () => {
    if (paragraph && paragraph.length) blocks.push({ type: 'paragraph', children: inlineLines(paragraph) });
    paragraph = null;
  };

  // The open state of every list of the current root list, by its tree node.
  const opened = new Map<MdList, OpenList>();
  const finishList = (list: MdList) => {
    const open = opened.get(list);
    list.items.forEach((item, index) => {
      item.children = inlineLines(open?.lines[index] ?? []);
      if (item.list) finishList(item.list);
    });
  };
  const closeList = () => {
    if (root) {
      finishList(root.list);
      blocks.push(root.list);
    }
    opened.clear();
    root = null;
    current = null;
  };

  const newList = (ordered: boolean, start: number, indent: number, parent: OpenList | null): OpenList => {
    const open: OpenList = { list: { type: 'list', ordered, start, items: [] }, indent, lines: [], parent, depth: parent ? parent.depth + 1 : 1 };
    opened.set(open.list, open);
    return open;
  };
  const addItem = (open: OpenList, first: string) => {
    open.list.items.push({ children: [] });
    open.lines.push(first ? [first] : []);
  };

  for (const raw of lines) {
    const line = raw.replace(/[ \t]+$/, '');
    if (line.trim() === '') {
      closeParagraph();
      if (root) closeList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closeParagraph();
      if (root) closeList();
      const level = Math.min(3, heading[1]!.length) as 1 | 2 | 3;
      const body = (heading[2] ?? '').replace(/[ \t]+#+$/, '').replace(/^#+$/, '');
      blocks.push({ type: 'heading', level, children: parseInline(body) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      closeParagraph();
      const indent = item[1]!.length;
      const marker = item[2]!;
      const ordered = /\d/.test(marker);
      const start = ordered ? Number.parseInt(marker, 10) : 1;
      const content = (item[3] ?? '').trim();
      if (!root || !current) {
        root = current = newList(ordered, start, indent, null);
        addItem(current, content);
        continue;
      }
      // Back out of deeper lists to the one this indentation belongs to.
      while (current.parent && indent < current.indent) current = current.parent;
      if (indent >= current.indent + 2 && current.depth < MAX_LIST_DEPTH && current.list.items.length > 0) {
        const parentItem = current.list.items[current.list.items.length - 1]!;
        const nested = newList(ordered, start, indent, current);
        parentItem.list = nested.list;
        current = nested;
        addItem(current, content);
      } else if (current.parent === null && current.list.ordered !== ordered && indent <= current.indent) {
        // A different kind of marker at the top level starts a new list.
        closeList();
        root = current = newList(ordered, start, indent, null);
        addItem(current, content);
      } else {
        addItem(current, content);
      }
      continue;
    }
    if (root && current) {
      // A continuation line of the last item (indented or not).
      current.lines[current.lines.length - 1]!.push(line.trim());
      continue;
    }
    paragraph ??= [];
    paragraph.push(line.trim());
  }
  closeParagraph();
  if (root) closeList();
  return { type: 'document', children: blocks };
}

/** The text of inline nodes, line breaks as "\n". */
export function inlineText(nodes: readonly MdInline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'break' ? '\n' : inlineText(n.children))).join('');
}

/** The document as plain text, one block a line: for tooltips, logs and tests. */
export function markdownToPlainText(doc: MdDocument): string {
  const list = (l: MdList, depth: number): string[] =>
    l.items.flatMap((item, i) => [
      `${'  '.repeat(depth)}${l.ordered ? `${l.start + i}.` : '•'} ${inlineText(item.children)}`,
      ...(item.list ? list(item.list, depth + 1) : []),
    ]);
  return doc.children.flatMap((b) => (b.type === 'list' ? list(b, 0) : [inlineText(b.children)])).join('\n');
}

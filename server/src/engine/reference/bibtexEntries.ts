import { parse } from 'bibtex-parse';

/** One BibTeX entry with its fields as plain text (macros expanded, LaTeX accents decoded, braces gone). */
export interface BibEntry {
  key: string;
  type: string;
  /** Offset of the entry's `@` in the file. */
  start: number;
  end: number;
  /** Lower-case field names. */
  fields: Record<string, string>;
}

/** LaTeX accent commands and the Unicode combining marks they stand for (composed with NFC). */
const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};

/** Letters LaTeX writes as commands. */
const LETTERS: Record<string, string> = { ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ' };

/**
 * LaTeX in a BibTeX value as plain text: `M{\"u}ller` → Müller, `{\AA}se` → Åse, `--` → –, `~` →
 * space, protective braces dropped. Unknown commands keep their argument ("\emph{x}" → x).
 */
export function latexToUnicode(value: string): string {
  return value
    .replace(/\\(?:([a-zA-Z]+)|([^a-zA-Z\s]))(\s*\{([^{}]*)\}|(?<=[^a-zA-Z]|\b[uvHckrdb])\s*([a-zA-Z]))?/g, (whole, word?: string, symbol?: string, _arg?: string, braced?: string, bare?: string) => {
      const command = word ?? symbol!;
      const argument = braced ?? bare;
      const mark = ACCENTS[command];
      if (mark !== undefined && argument !== undefined) return `${argument.replace(/^\\([ij])$/, '$1')}${mark}`.normalize('NFC');
      const rest = whole.slice(1 + command.length);
      if (LETTERS[command] !== undefined) return `${LETTERS[command]}${rest.trim()}`;
      if (symbol !== undefined) return `${symbol}${rest}`;
      // An unknown command keeps its braced argument ("\emph{x}" → x) and drops itself.
      return braced ?? '';
    })
    .replace(/[{}]/g, '')
    .replace(/---?/g, (dash) => (dash.length === 3 ? '—' : '–'))
    .replace(/~/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Value = string | number | bigint | Array<{ value: Value; datatype: string }>;
interface Item {
  itemtype: 'string' | 'preamble' | 'comment' | 'entry';
  name?: string;
  type?: string;
  key?: string;
  value?: Value;
  datatype?: string;
  raw?: string;
  fields?: Array<{ name: string; value: Value; datatype: string }>;
}

/** The standard month macros every BibTeX style defines. */
const MONTHS: Record<string, string> = { jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June', jul: 'July', aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December' };

function text(value: Value, datatype: string, strings: Map<string, string>): string {
  if (datatype === 'concatinate' && Array.isArray(value)) return value.map((part) => text(part.value, part.datatype, strings)).join('');
  if (datatype === 'identifier') return strings.get(String(value).toLowerCase()) ?? MONTHS[String(value).toLowerCase()] ?? String(value);
  return String(value);
}

/** Offsets where top-level items start: an `@` at the start of a line (how .bib files are written). */
const ITEM_START = /^[ \t]*@/gm;

/**
 * The entries of a .bib file, with `@string` macros expanded and `@comment`s skipped, parsed by
 * bibtex-parse. A file with a syntax error is parsed item by item, so one broken entry costs only
 * itself; `skipped` counts what could not be read.
 */
export function bibtexEntries(source: string): { entries: BibEntry[]; skipped: number } {
  let items: Array<{ item: Item; start: number; end: number }>;
  let skipped = 0;
  try {
    items = locate(source, parse(source, { number: 'string' }) as Item[]);
  } catch {
    items = [];
    const starts = [...source.matchAll(ITEM_START)].map((m) => m.index ?? 0);
    starts.forEach((start, i) => {
      const end = starts[i + 1] ?? source.length;
      try {
        items.push(...locate(source.slice(start, end), parse(source.slice(start, end), { number: 'string' }) as Item[]).map((x) => ({ ...x, start: x.start + start, end: x.end + start })));
      } catch {
        skipped++;
      }
    });
  }
  const strings = new Map<string, string>();
  const entries: BibEntry[] = [];
  for (const { item, start, end } of items) {
    if (item.itemtype === 'string' && item.name && item.value !== undefined) strings.set(item.name.toLowerCase(), text(item.value, item.datatype ?? 'braced', strings));
    if (item.itemtype !== 'entry' || !item.key) continue;
    const fields: Record<string, string> = {};
    for (const f of item.fields ?? []) fields[f.name.toLowerCase()] = latexToUnicode(text(f.value, f.datatype, strings));
    entries.push({ key: item.key, type: (item.type ?? '').toLowerCase(), start, end, fields });
  }
  return { entries, skipped };
}

/** Finds each item's raw text in the source, in order, for its offset. */
function locate(source: string, items: Item[]): Array<{ item: Item; start: number; end: number }> {
  let cursor = 0;
  return items.map((item) => {
    const at = item.raw ? source.indexOf(item.raw, cursor) : -1;
    const start = at >= 0 ? at : cursor;
    const end = at >= 0 ? at + item.raw!.length : cursor;
    cursor = end;
    return { item, start, end };
  });
}

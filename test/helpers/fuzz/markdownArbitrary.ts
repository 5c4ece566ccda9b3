import fc from 'fast-check';

/** Inline pieces: claims the engine reads, markup that stays unbalanced, and characters editors and files really contain. */
const inline = fc.oneof(
  fc.constantFrom(
    'Ada Lovelace was born on 10 December 1815.',
    'Sales rose from 20 to 30, a 60% increase.',
    ' (Smith, 2019)',
    ' Vaswani et al. (2017)',
    ' ISBN 978-0-306-40615-7',
    ' doi:10.1000/xyz',
    ' the largest bridge in Europe',
    ' "Stars belong in every careful hover card," she said.',
    '**bold',
    '_em',
    '`code',
    '[link](http://x',
    '![img](',
    '<b>',
    '</script>',
    '<!-- claimfloor-disable -->',
    '<!-- claimfloor-verified -->',
    '$x$',
    '$$',
    '\\',
    '&amp;',
    '[^1]',
    '|',
    '😀',
    '\uD83D',
    '\uDE00',
    '\u0000',
    '\u200B',
    '\uFFFD',
    'é',
    '\t',
    ' ',
    '.',
    '?',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const line = fc.array(inline, { maxLength: 6 }).map((parts) => parts.join(''));

/** Block structure: headings, nested quotes and lists, fences (some never closed), tables, HTML, front matter. */
const block = fc.oneof(
  line,
  line.map((l) => `# ${l}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), line).map(([depth, l]) => `${'> '.repeat(depth)}${l}`),
  fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom('- ', '* ', '1. ', '- [ ] '), line).map(([depth, marker, l]) => `${'  '.repeat(depth)}${marker}${l}`),
  fc.tuple(fc.constantFrom('```', '~~~', '```js'), line, fc.boolean()).map(([fence, l, closed]) => `${fence}\n${l}${closed ? `\n${fence.slice(0, 3)}` : ''}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((cells) => `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|\n| ${cells.join(' | ')} |`),
  line.map((l) => `<div>\n${l}\n</div>`),
  line.map((l) => `---\ntitle: ${l}\n---`),
  fc.constant(''),
);

/** A Markdown document with LF or CRLF line ends (or a mix). */
export const markdownDocument = fc
  .tuple(fc.array(block, { maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\n\n', '\r\n\r\n'))
  .map(([blocks, eol]) => blocks.join(eol));

/** One edit as an editor sends it: where it starts as a share of the current text's length, how many characters it replaces, and the new text. */
export interface EditSpec {
  at: number;
  length: number;
  text: string;
}

export const editSequence: fc.Arbitrary<EditSpec[]> = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 0, max: 40 }),
    text: fc.oneof(inline, block, fc.constantFrom('', '\n', '\r\n', '\n\n')),
  }),
  { minLength: 1, maxLength: 8 },
);

/** The edit's offsets in a text of `length` characters. */
export function editRange(edit: EditSpec, length: number): { start: number; end: number } {
  const start = Math.min(length, Math.floor(edit.at * (length + 1)));
  return { start, end: Math.min(length, start + edit.length) };
}

/**
 * Inputs that once took quadratic time or crashed (issue 14): long runs without whitespace of the
 * characters that made regexes backtrack (`a.`, `*_`, `%`, `(`), long URLs and DOIs, an ISBN
 * before junk, long tables of words and of figures, and deep nesting, mixed with ordinary prose.
 */
export const hostileDocument = fc
  .tuple(
    fc.constantFrom('a.', '*_', '%', '(', ')', '[', '_', '-', 'a/', '\\', '<', '|', '~', '$'),
    fc.integer({ min: 2_000, max: 40_000 }),
    fc.constantFrom('plain', 'chunks', 'url', 'doi', 'isbn', 'table-words', 'table-figures', 'quote', 'list'),
    fc.constantFrom('', 'Ada Lovelace was born on 10 December 1815. ', 'Sales rose from 20 to 30, a 60% increase.\n\n'),
  )
  .map(([unit, count, shape, prose]) => {
    const run = unit.repeat(Math.ceil(count / unit.length)).slice(0, count);
    switch (shape) {
      case 'chunks':
        // Runs just under the length at which they are blanked before parsing, separated by spaces.
        return `${prose}${(run.match(/[\s\S]{1,1990}/g) ?? []).join(' ')}`;
      case 'url':
        return `${prose}See https://example.com/${run} for details.`;
      case 'doi':
        return `${prose}doi:10.1/${run}`;
      case 'isbn':
        return `${prose}ISBN 978-0-13-468599-1 ${run}`;
      case 'table-words':
        return `| Name | Role |\n|---|---|\n${'| Ada Lovelace | mathematician |\n'.repeat(Math.ceil(count / 32))}${prose}`;
      case 'table-figures':
        return `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(Math.ceil(count / 10))}${prose}`;
      case 'quote':
        return `${'> '.repeat(Math.min(count, 5_000))}${prose}${run.slice(0, 200)}`;
      case 'list':
        return Array.from({ length: Math.min(400, count / 20) }, (_, i) => `${'  '.repeat(i)}- ${prose}${run.slice(0, 40)}`).join('\n');
      default:
        return `${prose}${run}${prose}`;
    }
  });

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bibtexEntries, latexToUnicode } from '../../server/src/engine/reference/bibtexEntries';
import { corpusDocument } from '../../server/src/engine';

const BIB = String.raw`% A comment line
@string{acm = {ACM Press}}
@comment{ @article{ignored, title = {Not an entry}} }
@inproceedings{lewis2020rag,
  author = {Lewis, Patrick and K{\"u}ttler, Heinrich and Rockt{\"a}schel, Tim},
  title = {Retrieval-Augmented Generation for Knowledge-Intensive {NLP} Tasks},
  booktitle = acm # { Proceedings},
  year = 2020,
  month = dec,
  pages = {9459--9474}
}
@article{broken, title = {An entry that never closes
@book{cafe, title = "Caf{\'e} Society", author = {{\AA}se Lund and J{\o}rn M{\o}ller}, year = {1999}}
`;

it('BibTeX: @string macros, @comment, nested braces and LaTeX accents are read as a writer wrote them', () => {
  const { entries, skipped } = bibtexEntries(BIB);
  assert.deepEqual(entries.map((e) => e.key), ['lewis2020rag', 'cafe'], '@comment is not an entry; the unclosed one is skipped, the next one still read');
  assert.equal(skipped, 1);
  const [lewis, cafe] = entries;
  assert.equal(lewis.fields.author, 'Lewis, Patrick and Küttler, Heinrich and Rocktäschel, Tim');
  assert.equal(lewis.fields.title, 'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks');
  assert.equal(lewis.fields.booktitle, 'ACM Press Proceedings', 'the macro is expanded and concatenated');
  assert.equal(lewis.fields.month, 'December');
  assert.equal(lewis.fields.pages, '9459–9474');
  assert.equal(cafe.fields.title, 'Café Society');
  assert.equal(cafe.fields.author, 'Åse Lund and Jørn Møller');
  assert.equal(BIB.slice(lewis.start, lewis.start + 15), '@inproceedings{', 'offsets point at the entry');
});

it('LaTeX to text: accents by combining marks, letters, dashes, ties and unknown commands', () => {
  assert.equal(latexToUnicode(String.raw`\v{S}koda, \c{C}elik, G\"odel, \'{\i}ndice, Stra{\ss}e, 50\% of \emph{all}~cases --- really`), 'Škoda, Çelik, Gödel, índice, Straße, 50% of all cases — really');
});

it('a .bib entry is one passage, found by its key, with its year keyed', () => {
  const document = corpusDocument('/w/refs.bib', BIB);
  assert.equal(document.kind, 'bibtex');
  const passage = document.passages.find((p) => p.bibKey === 'lewis2020rag');
  assert.ok(passage);
  assert.match(passage.text, /Küttler/);
  assert.ok(passage.keys.includes('year:2020'));
  assert.equal(passage.line, 3);
});

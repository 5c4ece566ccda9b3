import type { ClaimDraft, Slot } from '../claim';
import type { DetectionContext, Detector } from './detectionContext';

const DOTTED = /\b[vV]?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]*[0-9A-Za-z])?)\b/dg;
const EXPLICIT = /\b(?:version|release|v)\s?(\d+(?:\.\d+){0,3})\b/dgi;
const SOFTWARE_CUE = /\b(?:released?|introduced|added|deprecated|removed|ships?|shipped|supports?|supported|requires?|required|upgraded?|migrated|moved|switched|installed|compatible|API|library|package|framework|runtime|SDK|CLI|LTS|release|feature|flag|module|method|function|syntax|build|dependenc(?:y|ies))\b/;

/** Words a figure follows that are not a product: a label ("Figure 3.2", "Table 1.1") or a measured thing ("score 88.5"). */
const NOT_A_PRODUCT = /^(?:figure|fig|table|section|chapter|step|page|equation|eq|item|rule|appendix|score|scores|rate|ratio|average|mean|median|total|price|cost|value|grade|rating|index|level|temperature|weight|height|length|width|size|speed|accuracy|precision|recall|F1|AUC|BLEU|ROUGE|GPA|pH|to|of|and|or)$/i;

/** Version numbers and API facts ("`fetch()` became stable in Node 21", "Python 3.12 removed distutils"). */
export const detectVersions: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const versions: Slot[] = [];
  const addVersion = (start: number, end: number) => {
    if (context.isFree(start, end) && !versions.some((v) => start < v.end && end > v.start)) versions.push(context.slot('version', start, end));
  };
  for (const regex of [DOTTED, EXPLICIT]) {
    for (const m of sentence.text.matchAll(regex)) {
      const [s, e] = m.indices![regex === EXPLICIT ? 0 : 1];
      addVersion(sentence.start + s, sentence.start + e);
    }
  }
  // "webpack 5.90", "Node.js 18.12", "Python 3.12": a name directly followed by a dotted number
  // with no unit after it is a release, whatever the sentence says about it.
  const tokens = sentence.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'number' || !/^\d+\.\d+$/.test(t.value) || t.start - tokens[i - 1].end !== 1) continue;
    const name = tokens[i - 1];
    if ((name.pos !== 'PROPN' && name.pos !== 'NOUN' && name.pos !== 'X') || NOT_A_PRODUCT.test(name.value) || ['NOUN', 'PROPN', 'SYM'].includes(tokens[i + 1]?.pos ?? '') || tokens[i + 1]?.value === '%') continue;
    // The name's whole word ("Node.js", not just "js").
    const wordStart = sentence.start + sentence.text.slice(0, name.start - sentence.start).search(/[\p{L}\p{N}._-]*$/u);
    addVersion(wordStart, t.end);
  }
  const softwareContext = context.codeSpans.length > 0 || SOFTWARE_CUE.test(sentence.text);
  if (softwareContext) {
    // "Node 20", "Python 3.12": a product name directly followed by a (non-year) version number.
    const tokens = sentence.tokens;
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'number' || !/^\d+(?:\.\d+)*$/.test(t.value) || /^(1[5-9]|20)\d\d$/.test(t.value)) continue;
      if (tokens[i - 1].pos === 'PROPN' && t.start - tokens[i - 1].end <= 1) addVersion(tokens[i - 1].start, t.end);
    }
  }
  if (versions.length === 0) return [];
  const digits = versions.reduce((n, v) => n + (v.text.match(/\d/g)?.length ?? 0), 0);
  return [
    context.takeAll({
      type: 'version',
      slots: [...versions, ...context.codeSpans.map((c): Slot => ({ role: 'api', start: c.start, end: c.end, text: c.text }))],
      answerSpace: { size: 10 ** digits, basis: `${digits} version digit${digits === 1 ? '' : 's'}, each one of 10 values`, provenance: 'assumption' },
      checks: [],
    }),
  ];
};

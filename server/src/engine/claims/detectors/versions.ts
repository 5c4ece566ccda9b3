import type { ClaimDraft, Slot } from '../claim';
import type { DetectionContext, Detector } from './detectionContext';

const DOTTED = /\b[vV]?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]*[0-9A-Za-z])?)\b/dg;
const EXPLICIT = /\b(?:version|release|v)\s?(\d+(?:\.\d+){0,3})\b/dgi;
const SOFTWARE_CUE = /\b(?:released?|introduced|added|deprecated|removed|ships?|shipped|supports?|supported|requires?|required|upgraded?|migrated|moved|switched|installed|compatible|API|library|package|framework|runtime|SDK|CLI|LTS|release|feature|flag|module|method|function|syntax|build|dependenc(?:y|ies))\b/;

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

import { validateArxivId } from '../../checks/arxivId';
import { validateDoi } from '../../checks/doi';
import { validateIsbn } from '../../checks/isbn';
import type { CheckResult } from '../../checks/checkResult';
import type { ClaimDraft, SlotRole } from '../claim';
import { type DetectionContext, type Detector, VERBATIM } from './detectionContext';

interface IdentifierPattern {
  role: SlotRole;
  regex: RegExp;
  /** The check's outcome; a replacement's offsets are within the id. */
  check?: (id: string) => Pick<CheckResult, 'check' | 'passed' | 'message' | 'replacement'>;
}

const TRAILING = /[.,;:!?'"’”)\]]+$/;

const PATTERNS: IdentifierPattern[] = [
  {
    role: 'doi',
    regex: /(?:\bdoi:\s*|\bhttps?:\/\/(?:dx\.)?doi\.org\/|\b(?=10\.\d+(?:\.\d+)*\/))(\S+)/dgi,
    check: (id) => {
      const v = validateDoi(id);
      return { check: 'doi-syntax', passed: v.valid, message: v.reason };
    },
  },
  {
    role: 'arxiv',
    regex: /(?:\barXiv:\s*|\barxiv\.org\/(?:abs|pdf)\/)([^\s,;)\]]+)/dgi,
    check: (id) => {
      const v = validateArxivId(id.replace(/\.pdf$/, ''));
      return { check: 'arxiv-id', passed: v.valid, message: v.reason };
    },
  },
  {
    role: 'isbn',
    regex: /\bISBN(?:-1[03])?(?:\s+(?:is|number|no\.))?:?\s*([0-9Xx][0-9Xx\s-]{7,20}[0-9Xx])\b/dg,
    check: (id) => {
      const v = validateIsbn(id);
      // The check digit is the id's last character.
      const replacement = v.expectedCheckDigit === undefined ? undefined : { start: id.length - 1, end: id.length, text: v.expectedCheckDigit };
      return { check: 'isbn-checksum', passed: v.valid, message: v.reason, replacement };
    },
  },
  { role: 'url', regex: /\b(https?:\/\/[^\s<>]+)/dgi },
];

/** URLs, DOIs, ISBNs and arXiv ids: maximal-entropy verbatim strings whose syntax can be checked. */
export const detectIdentifiers: Detector = (context: DetectionContext): ClaimDraft[] => {
  const drafts: ClaimDraft[] = [];
  const { sentence } = context;
  for (const { role, regex, check } of PATTERNS) {
    for (const m of sentence.text.matchAll(regex)) {
      const [groupStart] = m.indices![1];
      const id = m[1].replace(TRAILING, '');
      if (!id) continue;
      const start = sentence.start + groupStart;
      const end = start + id.length;
      if (!context.isFree(start, end)) continue;
      const checks: CheckResult[] = [];
      if (check) {
        const { replacement, ...result } = check(id);
        checks.push({ ...result, replacement: replacement && { start: start + replacement.start, end: start + replacement.end, text: replacement.text }, start, end });
      }
      drafts.push(context.takeAll({ type: 'identifier', slots: [context.slot(role, start, end)], answerSpace: VERBATIM, checks }));
    }
  }
  return drafts;
};

import type { Sentence } from '../nlp/sentence';
import type { CheckResult } from './checkResult';

const PERCENT = /(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/gi;
const CHANGE_WORDS = /\b(?:increase[sd]?|decrease[sd]?|rose|rise[sn]?|fell|fall(?:s|en)?|grew|grow(?:s|n|th)?|gain(?:s|ed)?|drop(?:s|ped)?|declin(?:e|ed|es)|up|down|from|higher|lower|more|less|than|growth|compared|versus|vs|margin|rate|interest|return|yield|by)\b/i;
const MULTI_CHOICE = /\b(?:multiple|more than one|all that apply|each|respectively)\b/i;
const REMAINDER = /\b(?:the\s+(?:rest|remainder|remaining|others?)|the other)\b/i;

/**
 * Shares of one whole cannot exceed 100%: "120% of respondents", or "55% chose A, 40% chose B and
 * the remaining 15% chose C". Increases ("rose 150%") and ratios are left alone.
 */
export function checkPercentOfWhole(sentence: Sentence): CheckResult[] {
  const results: CheckResult[] = [];
  const text = sentence.text;
  const mentions = [...text.matchAll(PERCENT)].map((m) => ({ value: Number(m[1]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, decimals: (m[1].split('.')[1] ?? '').length }));
  for (const m of mentions) {
    if (m.value <= 100) continue;
    const after = /^\s+of\s+(?:all\s+|the\s+|its\s+|their\s+|our\s+)?(\S+)/i.exec(text.slice(m.end));
    if (!after) continue;
    const nounStart = sentence.start + m.end + after[0].length - after[1].length;
    const noun = sentence.tokens.find((t) => t.start === nounStart);
    // A plural count noun ("respondents") names members of a whole; "150% of the budget" does not.
    if (!noun || noun.pos !== 'NOUN' || noun.lemma === noun.normal) continue;
    results.push({
      check: 'percent-of-whole',
      passed: false,
      message: `${m.value}% of ${after[1]} is impossible: a share of a whole cannot exceed 100%.`,
      start: sentence.start + m.start,
      end: sentence.start + m.end + after[0].length,
    });
  }
  // Only an explicit partition is checked: "the remaining 20%", or every share directly followed
  // by what that share did ("55% chose A, 35% chose B"). "39.6% for GPT-3.5 and 91.4% for Bard"
  // are shares of different wholes.
  const followedByVerb = (m: { end: number }) => {
    const next = sentence.tokens.find((t) => t.start >= sentence.start + m.end && t.type === 'word');
    return next?.pos === 'VERB';
  };
  const isPartition = mentions.length >= 2 && !CHANGE_WORDS.test(text) && !MULTI_CHOICE.test(text) && (REMAINDER.test(text) || mentions.every(followedByVerb));
  if (isPartition) {
    const total = mentions.reduce((sum, m) => sum + m.value, 0);
    const slack = mentions.reduce((sum, m) => sum + 0.5 * 10 ** -m.decimals, 0);
    if (total > 100 + slack) {
      const first = mentions[0];
      const last = mentions[mentions.length - 1];
      results.push({
        check: 'percent-of-whole',
        passed: false,
        message: `These shares add up to ${Number(total.toFixed(2))}%; parts of one whole cannot exceed 100%. If answers could overlap, say so.`,
        expected: '≤ 100%',
        start: sentence.start + first.start,
        end: sentence.start + last.end,
      });
    }
  }
  return results;
}

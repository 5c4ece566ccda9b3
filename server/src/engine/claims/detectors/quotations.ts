import type { ClaimDraft, Slot } from '../claim';
import { type DetectionContext, type Detector, VERBATIM } from './detectionContext';

const QUOTED = /[“"]([^”"]+)[”"]/dg;
const SPEECH = /\b(?:said|says|say|wrote|writes|told|tells|stated|states|remarked|declared|declares|quipped|noted|notes|argued|argues|observed|observes|insisted|claimed|claims|famously|according to|put it|once|replied|asked|added|explained|recalled|joked|warned|proclaimed)\b/i;
const MIN_WORDS = 4;

/** Verbatim quotations attributed to a speaker. */
export const detectQuotations: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  if (!SPEECH.test(sentence.text)) return [];
  const drafts: ClaimDraft[] = [];
  const speakers = context.properNounRuns().filter((r) => context.isFree(r.start, r.end));
  for (const m of sentence.text.matchAll(QUOTED)) {
    const [s, e] = m.indices![1];
    if (m[1].trim().split(/\s+/).length < MIN_WORDS) continue;
    const quote = context.localSlot('quote', s, e);
    if (!context.isFree(quote.start, quote.end)) continue;
    const speaker = speakers.find((r) => r.end <= quote.start - 1 || r.start >= quote.end + 1);
    const slots: Slot[] = [quote];
    if (speaker) slots.push(context.slot('speaker', speaker.start, speaker.end));
    drafts.push(context.takeAll({ type: 'quotation', slots, answerSpace: VERBATIM, checks: [] }));
  }
  return drafts;
};

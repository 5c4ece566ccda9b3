import type { Claim, Slot } from '../claims/claim';
import type { ClaimType } from '../claimType';
import { findDates } from '../text/dates';
import { foldText, identifierKey, nameTerms, numberKey, preciseDateKey } from './valueKeys';

/** How a slot's value is looked up in reference text. */
export type SlotValue =
  /** A normalised date, number or identifier key (see valueKeys). */
  | { slot: Slot; kind: 'key'; key: string; valueKind: 'date' | 'number' | 'identifier' }
  /** A verbatim string (a quote, a title), folded; found as a substring. */
  | { slot: Slot; kind: 'exact'; text: string }
  /** A name or term; found when all its words are present. */
  | { slot: Slot; kind: 'terms'; terms: string[] };

/** What to look for in a corpus to find the fact a claim states. */
export interface ClaimFact {
  type: ClaimType;
  /** The subject's identifying words ("albert", "einstein"); empty when the claim has no subject. */
  subject: string[];
  values: SlotValue[];
  /**
   * One key per slot value, equal for the same fact however it is written: type, subject surname,
   * normalised value (Kandpal et al. count subject–answer pairs, so a claim with a birth date and
   * a birthplace states two facts). Empty when the claim has no subject and no verbatim or
   * identifier value to key it on.
   */
  keys: string[];
}

const VERBATIM_ROLES = new Set(['quote', 'title']);

export function slotValue(slot: Slot): SlotValue | undefined {
  const text = slot.text;
  switch (slot.role) {
    case 'date':
    case 'year': {
      if (/^\d{3,4}$/.test(text.trim())) return { slot, kind: 'key', key: `year:${text.trim()}`, valueKind: 'date' };
      const date = findDates(text, 0)[0];
      const key = date && preciseDateKey(date);
      return key ? { slot, kind: 'key', key, valueKind: 'date' } : undefined;
    }
    case 'number':
    case 'percent':
    case 'money':
    case 'derived-value': {
      const key = numberKey(text);
      return key ? { slot, kind: 'key', key, valueKind: 'number' } : undefined;
    }
    case 'doi':
    case 'isbn':
    case 'arxiv':
    case 'url':
      return { slot, kind: 'key', key: identifierKey(slot.role, text), valueKind: 'identifier' };
    default: {
      if (VERBATIM_ROLES.has(slot.role)) {
        const folded = foldText(text);
        return folded.length > 0 ? { slot, kind: 'exact', text: folded } : undefined;
      }
      // "Vaswani et al." names Vaswani; a source lists the other authors or "and others".
      const terms = foldText(slot.role === 'author' ? text.replace(/\bet\s+al\b\.?|\band\b/gi, ' ') : text)
        .split(' ')
        .filter((w) => w.length > 0);
      return terms.length > 0 ? { slot, kind: 'terms', terms } : undefined;
    }
  }
}

export function isVerbatim(value: SlotValue): boolean {
  return value.kind === 'exact' || (value.kind === 'key' && value.valueKind === 'identifier');
}

function valueText(value: SlotValue): string {
  return value.kind === 'key' ? value.key : value.kind === 'exact' ? `"${value.text}"` : value.terms.join(' ');
}

/** The lookup form of a claim: subject words, slot values and a fact key for counting. */
export function claimFact(claim: Pick<Claim, 'type' | 'subject' | 'slots'>): ClaimFact {
  const subject = claim.subject ? nameTerms(claim.subject) : [];
  const values = claim.slots.map(slotValue).filter((v): v is SlotValue => v !== undefined);
  const anchor = subject.length > 0 ? subject[subject.length - 1] : '';
  const keys = values.filter((v) => anchor !== '' || isVerbatim(v)).map((v) => [claim.type, anchor, valueText(v)].join('|'));
  return { type: claim.type, subject, values, keys };
}

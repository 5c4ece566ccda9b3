/** A token with its absolute source offsets and wink-nlp annotations (Universal POS tags). */
export interface Token {
  start: number;
  end: number;
  value: string;
  /** Lower-cased value. */
  normal: string;
  pos: string;
  lemma: string;
  /** wink token type: word, number, punctuation, symbol, currency, url, email, … */
  type: string;
}

/** A named-entity mention found by wink-nlp (DATE, CARDINAL, PERCENT, MONEY, ORDINAL, TIME, …). */
export interface EntityMention {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** The prose of the sentence (markup blanked out, so it has the source span's length). */
  text: string;
  tokens: Token[];
  entities: EntityMention[];
}

import type { ClaimType } from '../claimType';

/**
 * Where a number comes from. The product never shows a number without one of these.
 * - published: a measurement in a cited paper;
 * - computed: derived by a formula from the claim itself;
 * - assumption: a modelling choice, named as such, with its reason.
 */
export type Provenance = 'published' | 'computed' | 'assumption';

export interface SourcedValue {
  value: number;
  provenance: Provenance;
  source: string;
}

export type FactNature = 'arbitrary' | 'systematic' | 'mixed';

export interface ClaimTypeInfo {
  type: ClaimType;
  title: string;
  /** What a writer calls it, in a sentence ("biographical fact"). */
  name: string;
  /**
   * min |E_c| for the type (the fewest wrong answers a claim of it has), the one value its floor
   * uses, so the floor is a statement about the type and the same on every claim of it. Absent for
   * systematic types, which have no statistical floor.
   */
  wrongAnswers?: { value: number; note: string };
  /** THEORY.md §8 "Arb / Sys" column. */
  nature: FactNature;
  /** The theorem that governs this type's floor, with its paper. */
  governingBound: string;
  /** The hover formula of THEORY.md §8. */
  formula: string;
  /**
   * P(a claim of this type in a generated draft is wrong) before anything is known about the
   * specific claim. `undefined` means no published measurement exists: the risk model then uses
   * the stated indifference assumption, and the hover says so.
   */
  prior?: SourcedValue;
  /** What lowers the risk of this kind of claim. */
  remedy: string;
}

const KNVZ_THM2 = 'Kalai, Nachum, Vempala & Zhang 2025, "Why Language Models Hallucinate", Theorem 2';
/** A published rate for another kind of fact, used for these as an analogue: an assumption, labelled so. */
const SPRACKLEN = {
  value: 0.197,
  provenance: 'assumption' as const,
  source: 'assumed from an analogue: Spracklen et al. 2024 (arXiv 2406.10279) found 19.7% of package names in 576k generated code samples hallucinated (commercial models ≥ 5.2%, open models 21.7%); no rate for this type itself is published',
};

/** The per-type parameters of THEORY.md §8, each value with its source. */
export const CLAIM_TYPE_TABLE: Readonly<Record<ClaimType, ClaimTypeInfo>> = {
  citation: {
    type: 'citation',
    title: 'Citation / reference',
    name: 'citation',
    wrongAnswers: { value: Infinity, note: 'unbounded: any other title, name or value is wrong, so 2/|E_c| ≈ 0' },
    nature: 'arbitrary',
    governingBound: `${KNVZ_THM2} (|E_c| → ∞); Kalai & Vempala 2024: no statistical floor for works cited many times`,
    formula: 'risk ≈ π_unlearned(citations of the work) × a; floor = sr over cited works',
    prior: {
      value: 0.18,
      provenance: 'published',
      source: 'Walters & Wilder 2023, Sci. Rep. (doi 10.1038/s41598-023-41032-5): 18% of GPT-4 references fabricated (55% for GPT-3.5)',
    },
    remedy: 'Check the reference exists (title, authors, venue, year) and cite it with a DOI; well-cited works carry no statistical floor.',
  },
  quotation: {
    type: 'quotation',
    title: 'Quotation attributed to a person',
    name: 'quotation',
    wrongAnswers: { value: Infinity, note: 'unbounded: any other title, name or value is wrong, so 2/|E_c| ≈ 0' },
    nature: 'arbitrary',
    governingBound: `${KNVZ_THM2} for rare quotes; garbage-in-garbage-out (no theorem) for popular misattributions`,
    formula: 'risk ≈ π_unlearned(count(quote ∧ speaker)), plus a misattribution flag for common quotes',
    remedy: 'Quote from a primary source you can link; paraphrase when you cannot find the exact words.',
  },
  'event-date': {
    type: 'event-date',
    title: 'Date of a specific event',
    name: 'event date',
    wrongAnswers: { value: 36_524, note: 'a day within a century (365.25 × 100 − 1), so 2/|E_c| ≈ 0.00005' },
    nature: 'arbitrary',
    governingBound: `${KNVZ_THM2}: |E_c| ≈ 365 × years, so 2/|E_c| ≈ 0`,
    formula: 'floor_T = sr_dates − 2/|E_c| − (35 + 6 ln N)/√N − δ; risk ≈ π_unlearned(n_event,date)(1 − 1/|R|)',
    remedy: 'Cite a source for the date, or give only the precision you are sure of (the year, "early 1920s").',
  },
  biography: {
    type: 'biography',
    title: 'Biography attribute',
    name: 'biographical fact',
    wrongAnswers: { value: 364, note: 'a birthday: one right day among 365 (the canonical example of Kalai et al.)' },
    nature: 'arbitrary',
    governingBound: `${KNVZ_THM2}: the canonical example (|E_c| = 364 for a birthday); "20% singletons ⇒ ≥ ~19.5% errors"`,
    formula: 'floor = sr_bio − 2/364 − (35 + 6 ln N)/√N − δ; risk ≈ π_unlearned(popularity)(1 − 1/|R_eff|)',
    remedy: 'Check the attribute against a reliable biography or record; details of less famous people are the riskiest.',
  },
  statistic: {
    type: 'statistic',
    title: 'Exact numeric statistic',
    name: 'statistic',
    wrongAnswers: { value: Infinity, note: 'unbounded for an exact figure, so 2/|E_c| ≈ 0' },
    nature: 'arbitrary',
    governingBound: `${KNVZ_THM2} (|E_c| large); Guo & Li 2026: bits needed grow with precision`,
    formula: 'risk ≈ π_unlearned(n_entity,number) × (1 − 10^−k), k = significant digits',
    remedy: 'Cite the source and date of the figure, or round it (fewer significant digits = fewer ways to be wrong).',
  },
  'entity-relation': {
    type: 'entity-relation',
    title: 'Named-entity relation',
    name: 'relation between names',
    wrongAnswers: { value: Infinity, note: 'unbounded: any other person, place or organisation is wrong, so 2/|E_c| ≈ 0' },
    nature: 'arbitrary',
    governingBound: `${KNVZ_THM2} with an effective |R|; relations that change over time also go stale`,
    formula: 'risk ≈ π_unlearned(cooc(subject, object)) + staleness',
    remedy: 'Cite a source, and add "as of <date>" for roles that change (CEO, headquarters).',
  },
  superlative: {
    type: 'superlative',
    title: 'Superlative / "first"',
    name: 'superlative',
    wrongAnswers: { value: 1, note: 'a yes/no claim: one wrong answer, so Theorem 2 is vacuous' },
    nature: 'mixed',
    governingBound: 'No clean floor: a universal claim (KNVZ Theorem 2 is vacuous at |E_c| = 1; Theorem 3 / Corollary 2 bounds poor models at 2(1 − 1/C)·opt(G))',
    formula: 'risk ≈ max(risk of the underlying fact, misconception prior); "universal claim — needs a source"',
    remedy: 'Cite a source that establishes the record, or soften it ("one of the largest", "among the first").',
  },
  identifier: {
    type: 'identifier',
    title: 'URL / DOI / ISBN / identifier',
    name: 'identifier',
    wrongAnswers: { value: Infinity, note: 'unbounded: any other title, name or value is wrong, so 2/|E_c| ≈ 0' },
    nature: 'arbitrary',
    governingBound: `${KNVZ_THM2} with sr near 1 for specific ids; Guo & Li 2026 / Fano: ≥ h bits per instance (h ≈ 20–40+)`,
    formula: 'risk ≈ 1 − P(identifier memorised); format and checksum checked deterministically',
    prior: SPRACKLEN,
    remedy: 'Resolve the identifier (open the link, look up the DOI or ISBN) and copy it from the source.',
  },
  version: {
    type: 'version',
    title: 'Version / API fact',
    name: 'version or API fact',
    wrongAnswers: { value: Infinity, note: 'unbounded: any other version or API name is wrong, so 2/|E_c| ≈ 0' },
    nature: 'mixed',
    governingBound: `${KNVZ_THM2} for version numbers and rare APIs; missing mass = 1 after the model's training cutoff`,
    formula: 'risk ≈ π_unlearned(library popularity, API co-occurrence) + s_c(release after cutoff)',
    prior: SPRACKLEN,
    remedy: 'Check the release notes or changelog for the exact version, and link them.',
  },
  definition: {
    type: 'definition',
    title: 'Definition / common knowledge',
    name: 'definition',
    nature: 'systematic',
    governingBound: 'Kalai & Vempala 2024: no statistical reason to hallucinate facts that appear many times (sr ≈ 0); residual errors are misconceptions',
    formula: 'floor ≈ 0; flagged only when a source contradicts it or it matches a known misconception',
    remedy: 'Check the definition against a glossary, standard or textbook and link it: definitions are rarely invented but often subtly wrong (misconceptions repeat).',
  },
  arithmetic: {
    type: 'arithmetic',
    title: 'Arithmetic / derived computation',
    name: 'calculation',
    nature: 'systematic',
    governingBound: 'Kalai & Vempala 2024: no statistical reason; Xu et al. 2024: recompute, do not judge',
    formula: 'recomputed from the operands: floor = 0 with a tool; ✓ or ✗ instead of a probability',
    prior: { value: 0, provenance: 'computed', source: 'recomputed deterministically (Xu et al. 2024: recompute, do not judge)' },
    remedy: 'Fix the number to the recomputed value, or state the operands it was derived from.',
  },
};

/**
 * The stand-in for a type with no published rate: the principle of indifference. Shown as an
 * assumption wherever it is used, and replaced by `priors` in the configuration.
 */
export const INDIFFERENCE_PRIOR: SourcedValue = {
  value: 0.5,
  provenance: 'assumption',
  source: 'no published rate for this claim type; 0.5 is the indifference prior until you set `types.<type>.prior` or a later measurement replaces it',
};

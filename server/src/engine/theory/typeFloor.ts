import type { Claim } from '../claims/claim';
import type { ClaimFloorConfig } from '../config/config';
import { CLAIM_TYPE_TABLE } from './claimTypeTable';
import { fanoValueErrorFloor } from './fano';
import { theorem2Floor } from './knvzBounds';
import { falsePositiveFloor, generativeFalseRate } from './rateDistortion';

export interface FloorTerm {
  symbol: string;
  /** Undefined when the quantity is unmeasured. */
  value?: number;
  provenance: 'computed' | 'writer' | 'unmeasured';
  note: string;
}

/** The theoretical floor for a claim's type, with every term and where it came from. */
export interface FloorReading {
  /** `computed`: all terms known; `zero`: systematic type with no statistical floor; `unmeasured`: sr_T unknown. */
  status: 'computed' | 'zero' | 'unmeasured';
  value?: number;
  governingBound: string;
  formula: string;
  terms: FloorTerm[];
  /** Capacity floors (Guo & Li 2026, Fano) when the writer set bits per fact. */
  capacity?: { bitsPerFact: number; fano?: number; falsePositive: number; generativeFalseRate?: number };
  summary: string;
}

/** Computes the KNVZ Theorem 2 floor for the claim's type from what is known, naming what is not. */
export function floorFor(claim: Claim, config: ClaimFloorConfig): FloorReading {
  const info = CLAIM_TYPE_TABLE[claim.type];
  const base = { governingBound: info.governingBound, formula: info.formula };
  const b = config.theory.bitsPerFact;
  const size = claim.answerSpace.size;
  const capacity =
    b === undefined
      ? undefined
      : {
          bitsPerFact: b,
          falsePositive: falsePositiveFloor(b),
          fano: Number.isFinite(size) ? fanoValueErrorFloor(size, b) : undefined,
          generativeFalseRate: Number.isFinite(size) && size > 2 ? generativeFalseRate(size, b) : undefined,
        };

  if (info.nature === 'systematic') {
    return { ...base, status: 'zero', value: 0, terms: [], summary: `Floor ≈ 0: ${info.governingBound}.` };
  }
  const minWrong = size - 1;
  if (minWrong <= 1) {
    return {
      ...base,
      status: 'unmeasured',
      terms: [{ symbol: '2/min|E_c|', value: 2 / Math.max(minWrong, 1), provenance: 'computed', note: 'the bound is vacuous for a true/false claim' }],
      capacity,
      summary: 'No clean floor for a universal (true/false) claim; it needs a source.',
    };
  }
  const answerTerm: FloorTerm = { symbol: '2/min|E_c|', value: 2 / minWrong, provenance: 'computed', note: `|E_c| = |R_c| − 1 from ${claim.answerSpace.basis}` };
  const sr = config.theory.singletonRate[claim.type];
  const n = config.theory.trainingFacts[claim.type];
  const delta = config.theory.miscalibration;
  const terms: FloorTerm[] = [
    sr === undefined
      ? { symbol: 'sr_T', provenance: 'unmeasured', note: 'no published singleton rate for any claim type (THEORY.md §6); set theory.singletonRate to explore' }
      : { symbol: 'sr_T', value: sr, provenance: 'writer', note: 'your setting theory.singletonRate' },
    answerTerm,
    n === undefined
      ? { symbol: '(35 + 6 ln N)/√N', provenance: 'unmeasured', note: 'N_T (training statements of this family) unknown; left out' }
      : { symbol: '(35 + 6 ln N)/√N', value: (35 + 6 * Math.log(n)) / Math.sqrt(n), provenance: 'writer', note: `N = ${n.toExponential(1)} (your setting)` },
    { symbol: 'δ', value: delta, provenance: delta === 0 ? 'computed' : 'writer', note: delta === 0 ? 'calibrated base model (δ ≈ 0 at a cross-entropy optimum, KNVZ §3)' : 'your setting theory.miscalibration' },
  ];
  if (sr === undefined) {
    return { ...base, status: 'unmeasured', terms, capacity, summary: `Floor unmeasured: sr_T unknown; the answer-space term 2/|E_c| = ${formatNumber(answerTerm.value!)}.` };
  }
  const floor = theorem2Floor({ singletonRate: sr, minWrongAnswers: minWrong, trainingFacts: n, miscalibration: delta });
  return { ...base, status: 'computed', value: floor.value, terms, capacity, summary: `Floor ${formatNumber(floor.value)} = max(0, ${formatNumber(floor.raw)}).` };
}

export function formatNumber(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

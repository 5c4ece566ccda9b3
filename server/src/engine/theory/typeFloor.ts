import type { Claim } from '../claims/claim';
import type { ClaimFloorConfig } from '../config/config';
import { CLAIM_TYPE_TABLE } from './claimTypeTable';
import { fanoValueErrorFloor } from './fano';
import { theorem2Floor, theorem2SampleTerm } from './knvzBounds';
import { falsePositiveFloor, generativeFalseRate } from './rateDistortion';
import type { TypeSingletonRate } from './typeSingletonRate';

/** Where an input of the floor comes from: the writer's setting, or a named assumption with its source. */
export type FloorProvenance = 'computed' | 'writer' | 'assumption';

export interface FloorTerm {
  symbol: string;
  value: number;
  provenance: FloorProvenance;
  note: string;
}

/** The theoretical floor for a claim's type, with every input and where it came from. */
export interface FloorReading {
  /**
   * `computed`: Theorem 2 with every input labelled; `zero`: a systematic type, no statistical
   * floor; `vacuous`: a yes/no claim, where Theorem 2 says nothing (2/|E_c| = 2).
   */
  status: 'computed' | 'zero' | 'vacuous';
  /** The floor at the sr_T in `terms` (the writer's, else the assumption), clamped to [0, 1]. */
  value: number;
  /**
   * What the bound subtracts from sr_T: 2/|E_c| + (35 + 6 ln N)/√N + δ. The floor is the line
   * err ≥ sr_T − offset, true whatever sr_T is, which is what the hover shows when sr_T is assumed.
   */
  offset?: number;
  governingBound: string;
  formula: string;
  terms: FloorTerm[];
  /** Capacity floors (Guo & Li 2026, Fano) when the writer set bits per fact. */
  capacity?: { bitsPerFact: number; fano?: number; falsePositive: number; generativeFalseRate?: number };
  /** One sentence a writer can read: what the floor is for this type. */
  summary: string;
}

/**
 * KNVZ's own illustration: "if 20% of birthday facts appear exactly once in the pretraining
 * data, then one expects base models to hallucinate on at least 20% of birthday facts". No
 * training corpus's singleton rate is published for any claim type, so this stands in, named.
 */
const ILLUSTRATIVE_SINGLETON_RATE = 0.2;
const ILLUSTRATION_SOURCE = 'assumed: the illustration of Kalai, Nachum, Vempala & Zhang 2025 ("if 20% of birthday facts appear exactly once in the pretraining data …"); set theory.singletonRate to use your own';
const DELTA_SOURCE = 'assumed: a calibrated base model (δ → 0 at the cross-entropy optimum); measured calibration error of GPT-4 was 0.007 before RLHF and 0.074 after (OpenAI 2023, Fig. 8); set theory.miscalibration';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;

/**
 * The KNVZ Theorem 2 floor for the claim's type: err ≥ sr_T − 2/min|E_c| − (35 + 6 ln N)/√N − δ,
 * with probability ≥ 99%. Every input is the writer's setting or a labelled assumption; the
 * workspace's own singleton counts are not training counts and never enter it.
 */
export function floorFor(claim: Pick<Claim, 'type'>, config: ClaimFloorConfig): FloorReading {
  // The floor is the type's, so one reading per type and configuration serves every claim of it.
  let byType = FLOORS.get(config);
  if (!byType) FLOORS.set(config, (byType = new Map()));
  let floor = byType.get(claim.type);
  if (!floor) byType.set(claim.type, (floor = computeFloor(claim.type, config)));
  return floor;
}

const FLOORS = new WeakMap<ClaimFloorConfig, Map<Claim['type'], FloorReading>>();

function computeFloor(type: Claim['type'], config: ClaimFloorConfig): FloorReading {
  const info = CLAIM_TYPE_TABLE[type];
  const base = { governingBound: info.governingBound, formula: info.formula };
  const capacity = capacityFloors(config.theory.bitsPerFact, info.wrongAnswers?.value);

  if (info.nature === 'systematic' || !info.wrongAnswers) {
    return { ...base, status: 'zero', value: 0, terms: [], capacity, summary: `No statistical floor: a ${info.name} can be derived or looked up, so nothing forces a well-trained model to get it wrong; errors here are mistakes, not a theorem.` };
  }
  const wrong = info.wrongAnswers;
  if (wrong.value <= 1) {
    return {
      ...base,
      status: 'vacuous',
      value: 0,
      terms: [{ symbol: 'min|E_c|', value: wrong.value, provenance: 'computed', note: wrong.note }],
      capacity,
      summary: `No floor from the theorem: a ${info.name} is a yes/no claim, where it says nothing (2/|E_c| = 2); only a source settles it.`,
    };
  }
  const answerTerm = 2 / wrong.value;
  const setting = config.theory.singletonRate[type];
  const sr = setting ?? ILLUSTRATIVE_SINGLETON_RATE;
  const n = config.theory.trainingFacts[type];
  const delta = config.theory.miscalibration;
  const terms: FloorTerm[] = [
    setting !== undefined
      ? { symbol: 'sr_T', value: setting, provenance: 'writer', note: 'your setting theory.singletonRate' }
      : { symbol: 'sr_T', value: ILLUSTRATIVE_SINGLETON_RATE, provenance: 'assumption', note: ILLUSTRATION_SOURCE },
    { symbol: '2/min|E_c|', value: answerTerm, provenance: 'computed', note: `min|E_c| = ${Number.isFinite(wrong.value) ? wrong.value.toLocaleString('en-US') : '∞'}: ${wrong.note}` },
    n === undefined
      ? { symbol: '(35 + 6 ln N)/√N', value: 0, provenance: 'assumption', note: 'the N → ∞ limit: the number N of training statements of this kind is unknown; set theory.trainingFacts (at N = 10⁸ the term is 0.015)' }
      : { symbol: '(35 + 6 ln N)/√N', value: theorem2SampleTerm(n), provenance: 'writer', note: `N = ${n.toExponential(1)} (your setting theory.trainingFacts)` },
    delta === undefined
      ? { symbol: 'δ', value: 0, provenance: 'assumption', note: DELTA_SOURCE }
      : { symbol: 'δ', value: delta, provenance: 'writer', note: 'your setting theory.miscalibration' },
  ];
  const floor = theorem2Floor({ singletonRate: sr, minWrongAnswers: wrong.value, trainingFacts: n, miscalibration: delta ?? 0 });
  const offset = answerTerm + (floor.sampleTerm ?? 0) + floor.miscalibration;
  const atTen = clamp01(0.1 - offset);
  const summary =
    setting !== undefined
      ? `With ${pct(setting)} of such facts seen only once in training (your setting), even a perfectly trained model gets at least ${pct(clamp01(floor.raw))} of ${info.name}s wrong (99% confidence); it says nothing about this sentence.`
      : `Every 10% of ${info.name}s seen only once in training forces at least ${pct(atTen)} wrong answers, even from a perfectly trained model (at 20%, the theorem's own illustration: ≥ ${pct(clamp01(floor.raw))}); it says nothing about this sentence.`;
  return { ...base, status: 'computed', value: clamp01(floor.raw), offset, terms, capacity, summary };
}

function capacityFloors(bitsPerFact: number | undefined, wrongAnswers: number | undefined): FloorReading['capacity'] {
  if (bitsPerFact === undefined) return undefined;
  const size = wrongAnswers === undefined ? Infinity : wrongAnswers + 1;
  return {
    bitsPerFact,
    falsePositive: falsePositiveFloor(bitsPerFact),
    fano: Number.isFinite(size) ? fanoValueErrorFloor(size, bitsPerFact) : undefined,
    generativeFalseRate: Number.isFinite(size) && size > 2 ? generativeFalseRate(size, bitsPerFact) : undefined,
  };
}

/**
 * "412 of 1,380 facts of this type stand in only one of your files (30% ± 16%)": the workspace's
 * Good–Turing share, which describes the writer's files, not any model's training data.
 */
export function rateText(rate: TypeSingletonRate): string {
  return `${rate.singletons.toLocaleString('en-US')} of ${rate.observations.toLocaleString('en-US')} facts of this type stand in only one of your files (${pct(rate.rate)} ± ${pct(rate.halfWidth)}, 95%)`;
}

export function formatNumber(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return '∞';
  if (Math.abs(x) < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

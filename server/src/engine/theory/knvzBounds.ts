/**
 * Kalai, Nachum, Vempala, Zhang 2025, "Why Language Models Hallucinate" (arXiv 2509.04664),
 * as restated in THEORY.md §2. All error rates are fractions in [0, 1].
 */

/** The sample-size term of Theorem 2 at 99% confidence: (35 + 6 ln N)/√N. */
export function theorem2SampleTerm(trainingFacts: number): number {
  return (35 + 6 * Math.log(trainingFacts)) / Math.sqrt(trainingFacts);
}

export interface Theorem2Input {
  /** sr: share of prompts seen exactly once among the N training examples. */
  singletonRate: number;
  /** min_c |E_c|: the fewest wrong answers any prompt of the family has. */
  minWrongAnswers: number;
  /** N: training statements of this fact family; omit to leave the sample term out. */
  trainingFacts?: number;
  /** δ: miscalibration of the model. */
  miscalibration?: number;
}

export interface Theorem2Floor {
  /** The floor, clamped at 0. */
  value: number;
  /** The unclamped right-hand side, so the hover can show how far below zero it fell. */
  raw: number;
  singletonRate: number;
  answerTerm: number;
  sampleTerm?: number;
  miscalibration: number;
}

/** Theorem 2: err ≥ sr − 2/min|E_c| − (35 + 6 ln N)/√N − δ (probability ≥ 99%). */
export function theorem2Floor(input: Theorem2Input): Theorem2Floor {
  const answerTerm = 2 / input.minWrongAnswers;
  const sampleTerm = input.trainingFacts === undefined ? undefined : theorem2SampleTerm(input.trainingFacts);
  const miscalibration = input.miscalibration ?? 0;
  const raw = input.singletonRate - answerTerm - (sampleTerm ?? 0) - miscalibration;
  return { value: Math.max(0, raw), raw, singletonRate: input.singletonRate, answerTerm, sampleTerm, miscalibration };
}

/** Theorem 1 (Is-It-Valid reduction): err ≥ 2·err_iiv − max|V_c|/min|E_c| − δ, clamped at 0. */
export function isItValidFloor(iivError: number, maxValidAnswers: number, minWrongAnswers: number, miscalibration = 0): number {
  return Math.max(0, 2 * iivError - maxValidAnswers / minWrongAnswers - miscalibration);
}

/** Corollary 2 (poor models, one correct answer among C choices): err ≥ 2(1 − 1/C)·opt(G). */
export function poorModelFloor(bestClassifierError: number, choices: number): number {
  return 2 * (1 - 1 / choices) * bestClassifierError;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { penaltyForThreshold } from '../../server/src/engine/theory/confidenceTarget';
import { fanoValueErrorFloor } from '../../server/src/engine/theory/fano';
import { missingMassHalfWidth, singletonRate } from '../../server/src/engine/theory/goodTuring';
import { isItValidFloor, poorModelFloor, theorem2Floor, theorem2SampleTerm } from '../../server/src/engine/theory/knvzBounds';
import { bitsForOperatingPoint, falsePositiveFloor, generativeFalseRate, logLossOptimum, nonKeyLogLossFloor } from '../../server/src/engine/theory/rateDistortion';

const close = (actual: number, expected: number, tolerance: number) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≉ ${expected}`);

describe('THEORY.md worked numbers', () => {
  it('birthday floor: 20% singletons and |E_c| = 364 give ≈ 0.1945', () => {
    close(theorem2Floor({ singletonRate: 0.2, minWrongAnswers: 364 }).value, 0.1945, 5e-5);
  });

  it('the floor is clamped at 0 and subtracts the N and δ terms', () => {
    const f = theorem2Floor({ singletonRate: 0.2, minWrongAnswers: 364, trainingFacts: 1e4, miscalibration: 0.01 });
    assert.equal(f.value, 0);
    assert.ok(f.raw < 0);
    const g = theorem2Floor({ singletonRate: 0.2, minWrongAnswers: 364, trainingFacts: 1e9 });
    close(g.value, 0.2 - 2 / 364 - theorem2SampleTerm(1e9), 1e-12);
  });

  it('residual term table for N = 1e4 … 1e9', () => {
    const table: Array<[number, number, number]> = [
      [1e4, 0.9, 0.005],
      [1e5, 0.33, 0.005],
      [1e6, 0.118, 0.0005],
      [1e7, 0.042, 0.0005],
      [1e8, 0.015, 0.0005],
      [1e9, 0.005, 0.0005],
    ];
    for (const [n, expected, tol] of table) close(theorem2SampleTerm(n), expected, tol);
  });

  it('log-loss closed form: q* and bits per fact', () => {
    const rows: Array<[number, number, number, number, number]> = [
      [0.05, 0.01, 0.951, 3.3e-3, 8.2],
      [0.05, 0.001, 0.951, 3.3e-4, 11.6],
      [0.2, 0.05, 0.819, 2.9e-2, 5.1],
    ];
    for (const [eK, eN, x, q, bits] of rows) {
      const o = logLossOptimum(eK, eN)!;
      close(o.factConfidence, x, 5e-4);
      close(o.hallucinatedShare / q, 1, 0.03);
      close(o.bitsPerFact, bits, 0.05);
    }
    assert.equal(logLossOptimum(2, 2), undefined, 'e^−εK + e^−εN ≤ 1 violates the theorem condition');
  });

  it('Bloom floors: β ≥ 2^−b (b = 4, 8, 12)', () => {
    close(falsePositiveFloor(4), 0.063, 6e-4);
    close(falsePositiveFloor(8), 0.0039, 5e-5);
    close(falsePositiveFloor(12), 0.00024, 5e-6);
    close(bitsForOperatingPoint(0, 2 ** -8), 8, 1e-9);
    close(nonKeyLogLossFloor(8.24, 0.05), 0.01, 2e-4);
  });

  it('Fano for birthdays at b = 0 and b = 4', () => {
    close(fanoValueErrorFloor(365, 0), 0.88, 0.005);
    close(fanoValueErrorFloor(365, 4), 0.41, 0.005);
  });

  it('generative reading for birthdays: b = 8 → 0.59, b = 12 → 0.08', () => {
    close(generativeFalseRate(365, 8), 0.59, 0.005);
    close(generativeFalseRate(365, 12), 0.08, 0.005);
  });

  it('Is-It-Valid reduction and poor-model corollary', () => {
    close(isItValidFloor(0.3, 2, 364), 0.6 - 2 / 364, 1e-12);
    assert.equal(poorModelFloor(0.5, 2), 0.5, 'trigram example: opt(G) = 1/2 gives err ≥ 1/2');
  });

  it('McAllester–Ortiz half-widths at γ = 0.05: ±0.52, ±0.16, ±0.05', () => {
    close(missingMassHalfWidth(100), 0.52, 0.005);
    close(missingMassHalfWidth(1000), 0.16, 0.005);
    close(missingMassHalfWidth(1e4), 0.05, 0.002);
    assert.equal(singletonRate(20, 100), 0.2);
  });

  it('confidence-target penalty t/(1−t), including the paper typo at 0.75', () => {
    assert.equal(penaltyForThreshold(0.5), 1);
    assert.equal(penaltyForThreshold(0.75), 3);
    close(penaltyForThreshold(0.9), 9, 1e-9);
  });
});

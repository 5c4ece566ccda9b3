import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { table, writeSection } from '../../bench/lib/benchmarksDoc';
import { aucPr, averagePrecision, pearson, precisionRecallCurve, reliability, spearman } from '../../bench/lib/metrics';
import { fitLogistic } from '../../bench/lib/logistic';
import { selfCheckProtocol } from '../../bench/lib/wikibio';

describe('benchmark metrics (SelfCheckGPT protocol, sklearn conventions)', () => {
  it('AUC-PR follows sklearn: precision_recall_curve points then the trapezoidal auc', () => {
    // sklearn: precision [0.5, 2/3, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0] → auc = 0.5 + 0.5·(0.5 + 2/3)/2.
    assert.ok(Math.abs(aucPr([0.9, 0.8, 0.7, 0.6], [true, false, true, false]) - (0.5 + (0.5 * (0.5 + 2 / 3)) / 2)) < 1e-12);
    assert.equal(aucPr([0.9, 0.8, 0.2, 0.1], [true, true, false, false]), 1);
  });

  it('tied scores form one point of the curve, whatever their order', () => {
    const curve = precisionRecallCurve([0.5, 0.5, 0.5, 0.1], [true, false, true, false]);
    assert.deepEqual(curve.map((p) => [p.recall, p.precision]), [[0, 1], [1, 2 / 3], [1, 0.5]]);
    assert.equal(aucPr([0.5, 0.5], [true, false]), aucPr([0.5, 0.5], [false, true]));
  });

  it('AUC-PR stays in [0, 1] and a constant score gives the mean of 1 and the positive share', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 60 }), (pairs) => {
        fc.pre(pairs.some(([, p]) => p));
        const a = aucPr(pairs.map(([s]) => s), pairs.map(([, p]) => p));
        assert.ok(a >= 0 && a <= 1 + 1e-12);
        const share = pairs.filter(([, p]) => p).length / pairs.length;
        assert.ok(Math.abs(aucPr(pairs.map(() => 0.3), pairs.map(([, p]) => p)) - (1 + share) / 2) < 1e-12);
      }),
    );
  });

  it('average precision is the step sum: a constant score earns only the positive share', () => {
    // sklearn average_precision_score([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.6]) = 0.5·1 + 0.5·(2/3).
    assert.ok(Math.abs(averagePrecision([0.9, 0.8, 0.7, 0.6], [true, false, true, false]) - (0.5 + 0.5 * (2 / 3))) < 1e-12);
    assert.equal(averagePrecision([0.4, 0.4, 0.4, 0.4], [true, false, false, false]), 0.25);
    assert.equal(aucPr([0.4, 0.4, 0.4, 0.4], [true, false, false, false]), 0.625);
  });

  it('Spearman ranks ties by their mean rank, like scipy', () => {
    assert.ok(Math.abs(spearman([1, 2, 2, 3], [1, 2, 3, 4]) - 0.9486832980505138) < 1e-12);
    assert.ok(Math.abs(pearson([1, 2, 3], [2, 4, 7]) - 0.9933992677987828) < 1e-12);
  });

  it('ECE is zero for calibrated bins and the weighted gap otherwise', () => {
    const calibrated = reliability([0.25, 0.25, 0.25, 0.25, 0.95, 0.95], [true, false, false, false, true, true]);
    assert.ok(Math.abs(calibrated.ece - (2 / 6) * 0.05) < 1e-12);
    const overconfident = reliability([0.9, 0.9, 0.9, 0.9], [true, false, true, false]);
    assert.ok(Math.abs(overconfident.ece - 0.4) < 1e-12);
    assert.deepEqual(overconfident.bins.map((b) => [b.from, b.count, b.observed]), [[0.9, 4, 0.5]]);
    assert.equal(reliability([1], [true]).bins[0].from, 0.9);
  });

  it('the protocol: NonFact*, Factual (score flipped) and passage correlations', () => {
    const perfect = selfCheckProtocol([
      { labels: ['accurate', 'major_inaccurate'], scores: [0.1, 0.9] },
      { labels: ['minor_inaccurate', 'accurate', 'accurate'], scores: [0.6, 0.2, 0.3] },
      { labels: ['major_inaccurate', 'major_inaccurate'], scores: [0.8, 0.7] },
    ]);
    assert.equal(perfect.nonFact.aucPr, 100);
    assert.equal(perfect.factual.aucPr, 100);
    assert.equal(perfect.sentences, 7);
    // The all-major passage is left out of NonFact*; the minor sentence is a negative there.
    assert.equal(perfect.nonFactStar.passages, 2);
    assert.equal(perfect.nonFactStar.random, 20);
    assert.equal(perfect.nonFactStar.aucPr, 100);
    assert.equal(perfect.spearman, 100);
    assert.equal(perfect.nonFact.random, Number(((400 / 7)).toFixed(2)));
  });
});

describe('docs/benchmarks.md sections', () => {
  it('a script rewrites its own section in place and leaves the others', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'claimfloor-doc-')), 'benchmarks.md');
    writeFileSync(path, '# Benchmarks\n\nIntro.\n');
    writeSection('speed', 'old speed', path);
    writeSection('quality', 'quality numbers', path);
    writeSection('speed', 'new speed', path);
    const doc = readFileSync(path, 'utf8');
    assert.match(doc, /Intro\.\n\n<!-- section:speed -->\nnew speed\n<!-- \/section:speed -->\n\n<!-- section:quality -->\nquality numbers\n/);
    assert.doesNotMatch(doc, /old speed/);
  });

  it('tables escape a | inside a cell', () => {
    assert.equal(table(['a', 'b'], [['1 − 1/|R|', 2]]), '| a | b |\n| --- | --- |\n| 1 − 1/\\|R\\| | 2 |');
  });
});

describe('logistic fit for calibration', () => {
  it('recovers the weights and intercept that generated the labels', () => {
    // Deterministic data: P(y) = σ(offset − 1 + 2x) realised as exact proportions per x value.
    const x: number[][] = [];
    const y: boolean[] = [];
    const offset: number[] = [];
    for (const v of [0, 0.5, 1, 1.5, 2]) {
      const p = 1 / (1 + Math.exp(-(0.3 - 1 + 2 * v)));
      for (let i = 0; i < 1000; i++) {
        x.push([v]);
        y.push(i < Math.round(p * 1000));
        offset.push(0.3);
      }
    }
    const fit = fitLogistic(x, y, offset, 0);
    assert.ok(Math.abs(fit.intercept + 1) < 0.01, `intercept ${fit.intercept}`);
    assert.ok(Math.abs(fit.weights[0] - 2) < 0.01, `weight ${fit.weights[0]}`);
  });

  it('the L2 penalty shrinks a weight that separates the data perfectly', () => {
    const fit = fitLogistic([[0], [0], [1], [1]], [false, false, true, true], [0, 0, 0, 0], 1);
    assert.ok(Number.isFinite(fit.weights[0]) && fit.weights[0] > 0 && fit.weights[0] < 10);
  });
});

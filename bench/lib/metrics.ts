// Evaluation metrics of the SelfCheckGPT protocol (sklearn conventions) and calibration.

/** A point of a precision-recall curve at one score threshold. */
export interface PrPoint {
  threshold: number;
  recall: number;
  precision: number;
}

/**
 * sklearn's precision_recall_curve: one point per distinct score, highest threshold first, plus
 * the (recall 0, precision 1) end point sklearn appends.
 */
export function precisionRecallCurve(scores: readonly number[], positive: readonly boolean[]): PrPoint[] {
  const order = scores.map((s, i) => [s, positive[i]] as const).sort((a, b) => b[0] - a[0]);
  const total = positive.filter(Boolean).length;
  const points: PrPoint[] = [{ threshold: Infinity, recall: 0, precision: 1 }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; i++) {
    if (order[i][1]) tp++;
    else fp++;
    if (i === order.length - 1 || order[i + 1][0] !== order[i][0]) points.push({ threshold: order[i][0], recall: total === 0 ? 0 : tp / total, precision: tp / (tp + fp) });
  }
  return points;
}

/** sklearn's auc(recall, precision): the trapezoidal area under the precision-recall curve. */
export function aucPr(scores: readonly number[], positive: readonly boolean[]): number {
  const points = precisionRecallCurve(scores, positive);
  let area = 0;
  for (let i = 1; i < points.length; i++) area += ((points[i].recall - points[i - 1].recall) * (points[i].precision + points[i - 1].precision)) / 2;
  return area;
}

/**
 * sklearn's average_precision_score: Σ (R_n − R_{n−1})·P_n over thresholds, a step function with no
 * interpolation. Unlike the trapezoidal AUC-PR, a block of tied scores earns only its own precision
 * (a constant score gets the positive share, not (1 + share) / 2).
 */
export function averagePrecision(scores: readonly number[], positive: readonly boolean[]): number {
  const points = precisionRecallCurve(scores, positive);
  let ap = 0;
  for (let i = 1; i < points.length; i++) ap += (points[i].recall - points[i - 1].recall) * points[i].precision;
  return ap;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Ranks starting at 1, ties sharing their mean rank (scipy's rankdata "average"). */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

export const spearman = (xs: readonly number[], ys: readonly number[]) => pearson(ranks(xs), ranks(ys));

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observed: number;
}

export interface Reliability {
  bins: ReliabilityBin[];
  /** Expected calibration error: Σ (n_b / N)·|observed_b − predicted_b| over equal-width bins. */
  ece: number;
}

/** Reliability diagram data and ECE over `binCount` equal-width probability bins (empty bins omitted). */
export function reliability(probabilities: readonly number[], outcomes: readonly boolean[], binCount = 10): Reliability {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, predicted: 0, observed: 0 }));
  probabilities.forEach((p, i) => {
    const bin = sums[Math.min(binCount - 1, Math.floor(p * binCount))];
    bin.count++;
    bin.predicted += p;
    bin.observed += outcomes[i] ? 1 : 0;
  });
  const bins = sums.flatMap((b, i) => (b.count === 0 ? [] : [{ from: i / binCount, to: (i + 1) / binCount, count: b.count, meanPredicted: b.predicted / b.count, observed: b.observed / b.count }]));
  const n = probabilities.length;
  return { bins, ece: bins.reduce((e, b) => e + (b.count / n) * Math.abs(b.observed - b.meanPredicted), 0) };
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The standard normal CDF (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

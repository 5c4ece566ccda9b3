// Logistic regression with a per-example offset, fitted by Newton's method (IRLS) with an L2
// penalty on the weights (not the intercept): P(y = 1) = σ(offset + b + w·x). Each example may
// carry a weight (a response-level label shared by its claims counts once, not once per claim).

export interface LogisticFit {
  intercept: number;
  weights: number[];
  iterations: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves A·x = b for a small symmetric positive-definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

export function fitLogistic(x: readonly number[][], y: readonly boolean[], offset: readonly number[], l2 = 1, maxIterations = 50, weight: readonly number[] = []): LogisticFit {
  const d = (x[0]?.length ?? 0) + 1;
  let beta = new Array<number>(d).fill(0);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    x.forEach((row, i) => {
      const features = [1, ...row];
      const p = sigmoid(offset[i] + features.reduce((z, v, j) => z + v * beta[j], 0));
      const c = weight[i] ?? 1;
      const w = c * p * (1 - p);
      for (let j = 0; j < d; j++) {
        gradient[j] += c * (Number(y[i]) - p) * features[j];
        for (let k = 0; k < d; k++) hessian[j][k] += w * features[j] * features[k];
      }
    });
    for (let j = 1; j < d; j++) {
      gradient[j] -= l2 * beta[j];
      hessian[j][j] += l2;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { intercept: beta[0], weights: beta.slice(1), iterations };
}

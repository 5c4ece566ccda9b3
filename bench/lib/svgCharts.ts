// Small dependency-free SVG charts for docs/benchmarks.md: a precision-recall curve and a
// reliability diagram. Every label is escaped (series names come from the script, but stay safe).
import type { PrPoint, Reliability } from './metrics';

const W = 420;
const H = 340;
const M = { left: 52, right: 16, top: 34, bottom: 46 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
const x = (v: number) => M.left + v * PW;
const y = (v: number) => M.top + (1 - v) * PH;
const f = (n: number) => n.toFixed(1);
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function frame(title: string, xLabel: string, yLabel: string, body: string): string {
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1]
    .map((t) => `<line x1="${f(x(t))}" y1="${f(y(0))}" x2="${f(x(t))}" y2="${f(y(0) + 4)}" stroke="#444"/><text x="${f(x(t))}" y="${f(y(0) + 16)}" text-anchor="middle">${t}</text>` +
      `<line x1="${f(x(0) - 4)}" y1="${f(y(t))}" x2="${f(x(0))}" y2="${f(y(t))}" stroke="#444"/><text x="${f(x(0) - 7)}" y="${f(y(t) + 4)}" text-anchor="end">${t}</text>` +
      `<line x1="${f(x(0))}" y1="${f(y(t))}" x2="${f(x(1))}" y2="${f(y(t))}" stroke="#eee"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${escape(title)}</text>
${ticks}
<rect x="${M.left}" y="${M.top}" width="${PW}" height="${PH}" fill="none" stroke="#444"/>
<text x="${f(x(0.5))}" y="${H - 10}" text-anchor="middle">${escape(xLabel)}</text>
<text transform="translate(14 ${f(y(0.5))}) rotate(-90)" text-anchor="middle">${escape(yLabel)}</text>
${body}
</svg>
`;
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];

function legend(names: string[]): string {
  return names.map((n, i) => `<rect x="${f(x(0.04))}" y="${f(y(0.06) - 14 * (names.length - 1 - i) - 8)}" width="10" height="3" fill="${COLOURS[i % COLOURS.length]}"/><text x="${f(x(0.04) + 14)}" y="${f(y(0.06) - 14 * (names.length - 1 - i) - 4)}">${escape(n)}</text>`).join('');
}

/** Step curves of precision against recall, one per series, with the positive share as a dashed line. */
export function prCurveSvg(title: string, series: Array<{ name: string; points: PrPoint[] }>, positiveShare: number): string {
  const lines = series
    .map((s, i) => `<polyline fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="1.6" points="${s.points.map((p) => `${f(x(p.recall))},${f(y(p.precision))}`).join(' ')}"/>`)
    .join('\n');
  const random = `<line x1="${f(x(0))}" y1="${f(y(positiveShare))}" x2="${f(x(1))}" y2="${f(y(positiveShare))}" stroke="#888" stroke-dasharray="4 3"/>`;
  return frame(title, 'recall', 'precision', `${random}\n${lines}\n${legend([...series.map((s) => s.name), ''])}<text x="${f(x(0.04) + 14)}" y="${f(y(0.06) - 4)}" fill="#888">random (${(100 * positiveShare).toFixed(1)}% positive)</text>`);
}

/** Observed frequency against mean predicted probability per bin (circle area ∝ count), with the diagonal. */
export function reliabilitySvg(title: string, data: Reliability): string {
  const total = data.bins.reduce((n, b) => n + b.count, 0);
  const points = data.bins
    .map((b) => `<circle cx="${f(x(b.meanPredicted))}" cy="${f(y(b.observed))}" r="${f(3 + 12 * Math.sqrt(b.count / total))}" fill="${COLOURS[0]}" fill-opacity="0.35" stroke="${COLOURS[0]}"/><text x="${f(x(b.meanPredicted))}" y="${f(y(b.observed) - 6 - 12 * Math.sqrt(b.count / total))}" text-anchor="middle" font-size="9">${b.count}</text>`)
    .join('');
  const path = `<polyline fill="none" stroke="${COLOURS[0]}" points="${data.bins.map((b) => `${f(x(b.meanPredicted))},${f(y(b.observed))}`).join(' ')}"/>`;
  const diagonal = `<line x1="${f(x(0))}" y1="${f(y(0))}" x2="${f(x(1))}" y2="${f(y(1))}" stroke="#888" stroke-dasharray="4 3"/>`;
  return frame(`${title} — ECE ${data.ece.toFixed(3)}`, 'predicted risk (bin mean)', 'observed share wrong', `${diagonal}${path}${points}`);
}

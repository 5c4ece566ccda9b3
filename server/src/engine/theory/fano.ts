/**
 * Fano's inequality for recalling the value of a fact with |R| possible values from b bits:
 * P_e ≥ (log2|R| − b − 1) / log2(|R| − 1), clamped at 0 (THEORY.md §3.4).
 */
export function fanoValueErrorFloor(answers: number, bitsPerFact: number): number {
  if (answers <= 2) return 0;
  return Math.max(0, (Math.log2(answers) - bitsPerFact - 1) / Math.log2(answers - 1));
}

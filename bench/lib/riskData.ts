// The labelled examples a risk model is fitted and judged on: each claim with its features and the
// label of the unit it sits in, and each unit with the claims that overlap it.
import { type AssessedClaim, type ClaimFeatures, type ClaimType } from '../../server/src/engine';
import type { DatasetName, EvalDocument, EvalUnit } from './evalData';
import type { ProductRun } from './evalRun';

export interface ClaimExample {
  dataset: DatasetName;
  document: string;
  /** The product's claim, with everything its risk is computed from (reassessed under other fits). */
  claim: AssessedClaim;
  type: ClaimType;
  features: ClaimFeatures;
  /** A certain outcome (a failed check, a contradiction, a verification) the model does not decide. */
  certain?: number;
  wrong: boolean;
  /** Index of the unit in its document's `units`. */
  unit: number;
}

export interface UnitExample {
  dataset: DatasetName;
  document: string;
  unit: EvalUnit;
  /** Index of the unit in its document, and how many labelled units the document has. */
  index: number;
  units: number;
  text: string;
  /** Indexes into the run's claim examples. */
  claims: number[];
}

export interface LabelledRun {
  claims: ClaimExample[];
  units: UnitExample[];
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function unitOf(claim: AssessedClaim, units: EvalUnit[]): number {
  let best = -1;
  let most = 0;
  units.forEach((u, i) => {
    const o = overlap(claim, u);
    if (o > most) {
      most = o;
      best = i;
    }
  });
  return best;
}

export function labelled(run: ProductRun): LabelledRun {
  const claims: ClaimExample[] = [];
  const units: UnitExample[] = [];
  for (const d of run.documents as EvalDocument[]) {
    const unitClaims = d.units.map(() => [] as number[]);
    for (const claim of run.claims.get(d.id) ?? []) {
      const unit = unitOf(claim, d.units);
      if (unit < 0) continue;
      unitClaims[unit].push(claims.length);
      claims.push({ dataset: d.dataset, document: d.id, claim, type: claim.type, features: claim.features, certain: claim.certain ? claim.risk : undefined, wrong: d.units[unit].wrong, unit });
    }
    d.units.forEach((unit, index) => units.push({ dataset: d.dataset, document: d.id, unit, index, units: d.units.length, text: d.text.slice(unit.start, unit.end), claims: unitClaims[index] }));
  }
  return { claims, units };
}

// Fits what ships in server/src/engine/risk/calibration/fitted.json on labelled WikiBio claims (a
// claim is wrong when its sentence is labelled minor or major inaccurate): per-type priors where
// no published rate exists, then the grounding model with the rules-only risk as its offset, so it
// learns only what the sources add. `crossFitted` refits on each half and analyses the other.
import { type AssessedClaim, CLAIM_TYPE_TABLE, type ClaimType, resolveConfig } from '../../server/src/engine';
import { FITTED_CALIBRATION, type FittedCalibration, type MeasuredPrior } from '../../server/src/engine/risk/calibration/fittedCalibration';
import { GROUNDING_FEATURES, groundingFeatures, type GroundingModel } from '../../server/src/engine/risk/calibration/groundingModel';
import { RULES_SIGNALS } from '../../server/src/engine/risk/rulesSignals';
import { fitLogistic } from './logistic';
import { isWrong, type WikiBioRow } from './wikibio';
import { analyzeDrafts, claimSentence, type WikiBioWorkspace } from './wikibioWorkspace';

/** Types with fewer labelled claims keep their prior. */
const MIN_CLAIMS = 30;
const EPSILON = 1e-4;
const clamp = (p: number) => Math.min(1 - EPSILON, Math.max(EPSILON, p));
const logit = (p: number) => Math.log(clamp(p) / (1 - clamp(p)));
const round = (v: number) => Number(v.toFixed(3));

type Fitted = Pick<FittedCalibration, 'typePriors' | 'grounding'>;

/** Runs `work` with `fitted` in place of the shipped priors and grounding model, then restores them. */
export function withCalibration<T>(fitted: Fitted, work: () => T): T {
  const shipped = { typePriors: FITTED_CALIBRATION.typePriors, grounding: FITTED_CALIBRATION.grounding };
  Object.assign(FITTED_CALIBRATION, fitted);
  try {
    return work();
  } finally {
    Object.assign(FITTED_CALIBRATION, shipped);
  }
}

function labelled(rows: readonly WikiBioRow[], claims: Map<number, AssessedClaim[]>): Array<{ claim: AssessedClaim; wrong: boolean }> {
  return rows.flatMap((r) =>
    (claims.get(r.id) ?? []).flatMap((claim) => {
      const sentence = claimSentence(r, claim);
      return sentence ? [{ claim, wrong: isWrong(sentence.label) }] : [];
    }),
  );
}

function fitTypePriors(examples: Array<{ claim: AssessedClaim; wrong: boolean }>): Partial<Record<ClaimType, MeasuredPrior>> {
  const counts = new Map<ClaimType, { wrong: number; claims: number; factor: number }>();
  for (const { claim, wrong } of examples) {
    const entry = counts.get(claim.type) ?? { wrong: 0, claims: 0, factor: 0 };
    const scale = claim.trail.find((e) => e.effect.kind === 'scale')?.effect;
    entry.claims++;
    entry.wrong += wrong ? 1 : 0;
    entry.factor += scale?.kind === 'scale' ? scale.factor : 1;
    counts.set(claim.type, entry);
  }
  const priors: Partial<Record<ClaimType, MeasuredPrior>> = {};
  for (const [type, { wrong, claims, factor }] of [...counts].sort()) {
    if (claims < MIN_CLAIMS || CLAIM_TYPE_TABLE[type].prior) continue;
    priors[type] = { value: round(Math.min(1, (wrong + 1) / (claims + 2) / (factor / claims))), wrong, claims };
  }
  return priors;
}

function fitGrounding(examples: Array<{ claim: AssessedClaim; wrong: boolean }>): GroundingModel | undefined {
  const usable = examples.filter(({ claim }) => {
    const status = claim.corpus?.grounding.status;
    return status !== undefined && status !== 'no-sources' && status !== 'contradicted' && !claim.certain;
  });
  if (usable.length < MIN_CLAIMS) return undefined;
  const x = usable.map(({ claim }) => {
    const features = groundingFeatures(claim.corpus!.grounding);
    return GROUNDING_FEATURES.map((f) => features[f]);
  });
  const fit = fitLogistic(x, usable.map((u) => u.wrong), usable.map(({ claim }) => logit(claim.risk)));
  return { intercept: round(fit.intercept), weights: Object.fromEntries(GROUNDING_FEATURES.map((f, i) => [f, round(fit.weights[i])])) as GroundingModel['weights'], claims: usable.length };
}

/** Priors from the rules-only analysis, then the grounding model on top of those priors (needs a workspace with sources). */
export function fitCalibration(workspace: WikiBioWorkspace, rows: readonly WikiBioRow[]): Fitted {
  const config = resolveConfig();
  const typePriors = withCalibration({ typePriors: {}, grounding: undefined }, () => fitTypePriors(labelled(rows, analyzeDrafts(workspace, rows, config, { signals: RULES_SIGNALS }))));
  const grounding = withCalibration({ typePriors, grounding: undefined }, () => fitGrounding(labelled(rows, analyzeDrafts(workspace, rows, config, { signals: RULES_SIGNALS }))));
  return { typePriors, grounding };
}

/** The two halves of the passages (by id), each analysed in `evaluate` with what was fitted on the other half in `fitOn`. */
export function crossFitted(fitOn: WikiBioWorkspace, evaluate: WikiBioWorkspace, rows: readonly WikiBioRow[]): Map<number, AssessedClaim[]> {
  const halves = [rows.filter((r) => r.id < rows.length / 2), rows.filter((r) => r.id >= rows.length / 2)];
  const claims = new Map<number, AssessedClaim[]>();
  halves.forEach((train, i) => {
    const fitted = fitCalibration(fitOn, train);
    for (const [id, found] of withCalibration(fitted, () => analyzeDrafts(evaluate, halves[1 - i], resolveConfig()))) claims.set(id, found);
  });
  return claims;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument, type AssessedClaim, CLAIM_TYPE_TABLE, FITTED_CALIBRATION, type FittedRiskModel, resolveConfig, type RiskMode } from '../../server/src/engine';
import type { Claim } from '../../server/src/engine/claims/claim';
import type { ClaimFloorConfigFile } from '../../server/src/engine/config/config';
import type { RiskSignal } from '../../server/src/engine/risk/evidence';
import { assessRisk } from '../../server/src/engine/risk/riskModel';
import { RULES_SIGNALS } from '../../server/src/engine/risk/rulesSignals';
import { answerSpaceSignal } from '../../server/src/engine/risk/signals/answerSpace';
import { typePriorSignal } from '../../server/src/engine/risk/signals/typePrior';
import { claimsOf } from '../helpers/analyze';

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A model written for the test: event dates are wrong 80% of the time, and `weights` say what moves that. */
function model(weights: FittedRiskModel['weights'], centres: FittedRiskModel['centres'] = {}): FittedRiskModel {
  return { claims: 1000, intercepts: { 'event-date': logit(0.8) }, typeClaims: { 'event-date': 400 }, weights, centres, outOfSample: 'a test model' };
}

function analyse(markdown: string, m: FittedRiskModel, config: ClaimFloorConfigFile = {}): AssessedClaim[] {
  const riskModels: Record<RiskMode, FittedRiskModel> = { 'no-sources': m, sources: m };
  return analyzeDocument(markdown, resolveConfig(config), { riskModels }).claims;
}

const dateOf = (claims: AssessedClaim[]) => claims.find((c) => c.type === 'event-date')!;

describe('risk model', () => {
  it('every number on the trail says where it comes from', () => {
    for (const claim of claimsOf('Ada Lovelace was born in London on 10 December 1815. Smith (2019) says so. The fund holds 42,000 items.')) {
      assert.ok(claim.trail.length > 0);
      for (const e of claim.trail) assert.ok(['published', 'computed', 'measured', 'assumption', 'writer'].includes(e.provenance), e.summary);
      const prior = claim.trail.find((e) => e.effect.kind === 'prior');
      assert.ok(prior?.source, `${claim.type} prior has a source`);
    }
  });

  it('a type starts from its rate measured on labelled text when the fit saw enough of it, else from a published rate, else from the labelled indifference prior', () => {
    const shipped = FITTED_CALIBRATION.models['no-sources'];
    const md = 'The treaty was signed on 4 July 1776. Einstein said "God does not play dice with the universe." Smith (2019) measured it.';
    for (const claim of claimsOf(md)) {
      const prior = claim.trail[0];
      assert.equal(prior.signal, 'type-prior');
      const intercept = shipped.intercepts[claim.type];
      if (intercept !== undefined) {
        assert.equal(prior.provenance, 'measured');
        assert.ok(prior.effect.kind === 'prior' && Math.abs(prior.effect.probability - sigmoid(intercept)) < 1e-12);
        assert.match(prior.source ?? '', new RegExp(`${shipped.typeClaims[claim.type]!.toLocaleString('en-US')} labelled claims of it`));
        assert.match(prior.summary, /^Typical for this kind of fact in /);
      } else if (CLAIM_TYPE_TABLE[claim.type].prior) {
        assert.equal(prior.provenance, CLAIM_TYPE_TABLE[claim.type].prior!.provenance);
      } else {
        assert.equal(prior.provenance, 'assumption');
        assert.match(prior.source ?? '', /no published rate for this claim type; 0\.5 is the indifference prior/);
      }
    }
  });

  it('a claim nothing is known about keeps its type’s rate, says so, and is only a hint', () => {
    const claim = dateOf(analyse('The treaty was signed on 4 July 1776.', model({})));
    assert.ok(Math.abs(claim.risk - 0.8) < 1e-12);
    assert.equal(claim.basis, 'type');
    assert.equal(claim.flagged, true, '80% risk is above what the type tolerates');
    assert.equal(claim.severity, 'hint', 'a warning is earned by evidence about the claim');
    assert.match(claim.message, /risk ≈ 80%, typical for this kind of fact \(no evidence about this claim\)/);
  });

  it('evidence about the claim moves its risk by the fitted weight, shows one line per signal, and earns the configured severity', () => {
    const m = model({ dateDay: 1.2 });
    const precise = dateOf(analyse('The treaty was signed on 4 July 1776.', m));
    const year = dateOf(analyse('The treaty was signed in 1776.', m));
    assert.ok(Math.abs(precise.risk - sigmoid(logit(0.8) + 1.2)) < 1e-12);
    assert.equal(precise.basis, 'evidence');
    assert.equal(precise.severity, resolveConfig().types['event-date'].severity);
    const line = precise.trail.find((e) => e.signal === 'specificity');
    assert.match(line?.summary ?? '', /^\+1\.2 log-odds: a full date \(day, month and year\)/);
    assert.equal(line?.provenance, 'measured');
    assert.match(line?.source ?? '', /a test model/);
    assert.equal(year.trail.find((e) => e.signal === 'specificity'), undefined, 'a year only is the typical claim here: no line');
    assert.equal(year.basis, 'type');
  });

  it('a shift too small to tell from no evidence is neither shown nor counted', () => {
    const claim = dateOf(analyse('The treaty was signed on 4 July 1776.', model({ dateDay: 0.05 })));
    assert.equal(claim.trail.find((e) => e.signal === 'specificity'), undefined);
    assert.equal(claim.risk, 0.8);
    assert.equal(claim.basis, 'type');
  });

  it('position: a later sentence of a generated text moves by the measured drift, and the hover says where it stands', () => {
    const m = model({ sentenceIndex: 0.5 });
    const md = 'The fort was built in 1610. It was rebuilt in 1700. The treaty was signed in 1776.';
    const [first, , last] = analyse(md, m).filter((c) => c.type === 'event-date');
    assert.ok(last.risk > first.risk);
    assert.match(last.trail.find((e) => e.signal === 'position')?.summary ?? '', /sentence 3 of 3 in the document/);
    assert.equal(last.position.index, 2);
  });

  it('attribution and the document’s density are their own lines', () => {
    const attributed = dateOf(analyse('According to the archive, the treaty was signed in 1776.', model({ attributed: -0.8 })));
    assert.match(attributed.trail.find((e) => e.signal === 'attribution')?.summary ?? '', /^−0\.8 log-odds: the claim is attributed/);
    const dense = dateOf(analyse('The treaty was signed in 1776.', model({ claimDensity: 0.5 })));
    assert.match(dense.trail.find((e) => e.signal === 'document')?.summary ?? '', /a document of 1 sentence stating 1 claim/);
  });

  it('the writer’s prior replaces the measured rate, and then (1 − 1/|R_c|) applies: a year alone is less specific than a full date', () => {
    const config: ClaimFloorConfigFile = { types: { 'event-date': { prior: 0.5 } } };
    const year = dateOf(analyse('The treaty was signed in 1776.', model({}), config));
    assert.ok(Math.abs(year.risk - 0.5 * (1 - 1 / 100)) < 1e-12);
    assert.equal(year.trail[0].provenance, 'writer');
    const measured = dateOf(analyse('The treaty was signed in 1776.', model({})));
    assert.equal(measured.trail.find((e) => e.signal === answerSpaceSignal.id), undefined, 'a measured rate already counts lucky guesses');
  });

  it('a later signal plugs in through the same interface and moves the risk in log-odds', () => {
    const [claim] = claimsOf('The treaty was signed on 4 July 1776.');
    const rare: RiskSignal = { id: 'test-rarity', assess: () => [{ signal: 'test-rarity', effect: { kind: 'log-odds', shift: Math.log(3) }, summary: 'seen nowhere', provenance: 'measured' }] };
    const base = assessRisk(claim as Claim, [typePriorSignal], { config: resolveConfig() });
    const withRarity = assessRisk(claim as Claim, [typePriorSignal, rare], { config: resolveConfig() });
    const odds = (p: number) => p / (1 - p);
    assert.ok(Math.abs(odds(withRarity.risk) / odds(base.risk) - 3) < 1e-9);
    assert.equal(withRarity.trail.at(-1)?.signal, 'test-rarity');
    assert.equal(withRarity.basis, 'evidence');
    assert.ok(RULES_SIGNALS.includes(typePriorSignal));
  });

  it('the floor is never "unmeasured": the theorem\'s illustration stands in for sr_T, labelled, until the writer sets it', () => {
    const md = 'Grace Hopper was born on 9 December.';
    const [assumed] = claimsOf(md);
    assert.equal(assumed.floor.status, 'computed');
    assert.ok(Math.abs(assumed.floor.value - (0.2 - 2 / 364)) < 1e-12, '20% singletons ⇒ ≥ ~19.5% errors');
    assert.deepEqual(assumed.floor.terms.map((t) => [t.symbol, t.provenance]), [['sr_T', 'assumption'], ['2/min|E_c|', 'computed'], ['(35 + 6 ln N)/√N', 'assumption'], ['δ', 'assumption']]);
    assert.match(assumed.floor.summary, /Every 10% of biographical facts seen only once in training forces at least 9\.5% wrong answers/);
    const [known] = claimsOf(md, { theory: { singletonRate: { biography: 0.3 }, trainingFacts: { biography: 1e8 }, miscalibration: 0.01 } });
    assert.ok(Math.abs(known.floor.value - (0.3 - 2 / 364 - (35 + 6 * Math.log(1e8)) / 1e4 - 0.01)) < 1e-12);
    assert.ok(known.floor.terms.every((t) => t.provenance !== 'assumption'), 'every input is the writer\'s');
    const [dated] = claimsOf('The treaty was signed in 1776.');
    assert.equal(dated.floor.terms.find((t) => t.symbol === '2/min|E_c|')?.value, 2 / 36_524, 'one |E_c| per type, whatever the precision of this date');
  });

  it('a yes/no claim has no floor from the theorem, and says so', () => {
    const [superlative] = claimsOf('The Amazon is the largest river by volume.').filter((c) => c.type === 'superlative');
    assert.equal(superlative.floor.status, 'vacuous');
    assert.match(superlative.floor.summary, /yes\/no claim/);
  });

  it('definitions and arithmetic have a zero floor', () => {
    assert.equal(claimsOf('A monad is a monoid in the category of endofunctors.')[0].floor.status, 'zero');
  });
});

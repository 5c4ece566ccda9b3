import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/engine';
import type { Claim } from '../../server/src/engine/claims/claim';
import type { RiskSignal } from '../../server/src/engine/risk/evidence';
import { FITTED_CALIBRATION } from '../../server/src/engine/risk/calibration/fittedCalibration';
import { defaultPrior } from '../../server/src/engine/risk/defaultPrior';
import { assessRisk } from '../../server/src/engine/risk/riskModel';
import { RULES_SIGNALS } from '../../server/src/engine/risk/rulesSignals';
import { claimsOf } from '../helpers/analyze';

describe('risk model', () => {
  it('every number on the trail says where it comes from', () => {
    for (const claim of claimsOf('Ada Lovelace was born in London on 10 December 1815. Smith (2019) says so. The fund holds 42,000 items.')) {
      assert.ok(claim.trail.length > 0);
      for (const e of claim.trail) assert.ok(['published', 'computed', 'measured', 'assumption', 'writer'].includes(e.provenance), e.summary);
      const prior = claim.trail.find((e) => e.effect.kind === 'prior');
      assert.ok(prior?.source, `${claim.type} prior has a source`);
    }
  });

  it('a type without a published rate starts from its measured rate, else from the labelled indifference prior', () => {
    const [date] = claimsOf('The treaty was signed on 4 July 1776.');
    const measured = FITTED_CALIBRATION.typePriors['event-date']!;
    assert.equal(date.trail[0].provenance, 'measured');
    assert.equal(date.trail[0].effect.kind === 'prior' && date.trail[0].effect.probability, measured.value);
    assert.match(date.trail[0].source ?? '', new RegExp(`${measured.wrong} of ${measured.claims} claims of this type .*WikiBio`));
    assert.equal(FITTED_CALIBRATION.typePriors.quotation, undefined, 'too few labelled quotations to measure');
    const [quote] = claimsOf('Einstein said "God does not play dice with the universe."').filter((c) => c.type === 'quotation');
    assert.equal(quote.trail[0].provenance, 'assumption');
    assert.match(quote.trail[0].source ?? '', /None verified/);
    const [citation] = claimsOf('Smith (2019) measured it.');
    assert.equal(citation.trail[0].provenance, 'published');
    assert.equal(citation.risk, 0.18);
  });

  it('applies (1 − 1/|R_c|): a year alone is less specific than a full date', () => {
    const [year] = claimsOf('The treaty was signed in 1776.');
    const [day] = claimsOf('The treaty was signed on 4 July 1776.');
    assert.ok(Math.abs(year.risk - defaultPrior('event-date').value * (1 - 1 / 100)) < 1e-12);
    assert.ok(day.risk > year.risk);
  });

  it('a later signal plugs in through the same interface and moves the risk in log-odds', () => {
    const [claim] = claimsOf('The treaty was signed on 4 July 1776.');
    const rare: RiskSignal = { id: 'test-rarity', assess: () => [{ signal: 'test-rarity', effect: { kind: 'log-odds', shift: Math.log(3) }, summary: 'seen nowhere', provenance: 'measured' }] };
    const base = assessRisk(claim as Claim, RULES_SIGNALS, { config: resolveConfig() });
    const withRarity = assessRisk(claim as Claim, [...RULES_SIGNALS, rare], { config: resolveConfig() });
    const odds = (p: number) => p / (1 - p);
    assert.ok(Math.abs(odds(withRarity.risk) / odds(base.risk) - 3) < 1e-9);
    assert.equal(withRarity.trail.at(-1)?.signal, 'test-rarity');
  });

  it('the floor is "unmeasured" until sr_T is known, then computed by Theorem 2', () => {
    const md = 'Grace Hopper was born on 9 December.';
    const [unknown] = claimsOf(md);
    assert.equal(unknown.floor.status, 'unmeasured');
    const [known] = claimsOf(md, { theory: { singletonRate: { biography: 0.2 } } });
    assert.equal(known.floor.status, 'computed');
    assert.ok(Math.abs(known.floor.value! - (0.2 - 2 / 364)) < 1e-12);
  });

  it('definitions and arithmetic have a zero floor', () => {
    assert.equal(claimsOf('A monad is a monoid in the category of endofunctors.')[0].floor.status, 'zero');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkArithmetic } from '../../server/src/engine/checks/arithmetic';
import { validateArxivId } from '../../server/src/engine/checks/arxivId';
import { validateCalendarDate } from '../../server/src/engine/text/calendar';
import { validateDoi } from '../../server/src/engine/checks/doi';
import { validateIsbn } from '../../server/src/engine/checks/isbn';
import { claimsOf } from '../helpers/analyze';

describe('arithmetic is recomputed, not judged', () => {
  it('flags a wrong percentage change and gives the right value', () => {
    const [r] = checkArithmetic('Sales rose from 20 to 30, a 60% increase.', 0);
    assert.equal(r.passed, false);
    assert.equal(r.expected, '50%');
    assert.match(r.message, /50% increase, not 60%/);
  });

  it('accepts a correctly rounded change, with units and decreases', () => {
    assert.equal(checkArithmetic('Builds fell from 84 seconds to 52 seconds, a 38% decrease.', 0)[0].passed, true);
    assert.equal(checkArithmetic('It went from $1.2 million to $1.5 million (an increase of 25%).', 0)[0].passed, true);
  });

  it('catches a change in the wrong direction', () => {
    const [r] = checkArithmetic('Costs went from 50 to 40, a 20% increase.', 0);
    assert.equal(r.passed, false);
    assert.match(r.message, /decrease/);
  });

  it('is tolerant of hedged values', () => {
    assert.equal(checkArithmetic('Usage grew from 30 to 41, about a 35% increase.', 0)[0].passed, true);
  });

  it('checks shares ("12 of 40 (30%)") and multiples ("doubled")', () => {
    assert.equal(checkArithmetic('We saw 12 of 40 participants (30%) drop out.', 0)[0].passed, true);
    assert.equal(checkArithmetic('We saw 12 of 40 participants (35%) drop out.', 0)[0].passed, false);
    assert.equal(checkArithmetic('Traffic doubled from 100 to 250 visits.', 0)[0].passed, false);
    assert.equal(checkArithmetic('Traffic doubled from 100 to 200 visits.', 0)[0].passed, true);
  });
});

describe('percentages of a whole', () => {
  it('cannot exceed 100% for one group of members', () => {
    const [claim] = claimsOf('About 120% of respondents agreed.');
    assert.equal(claim.severity, 'error');
  });

  it('a partition that adds to more than 100% is an error', () => {
    const claim = claimsOf('Of the team, 55% chose Node, 35% chose Vitest and the remaining 20% chose Jest.').find((c) => c.type === 'statistic');
    assert.equal(claim?.severity, 'error');
    assert.match(claim!.checks[0].message, /110%/);
  });

  it('growth above 100% and shares of different wholes are fine', () => {
    assert.ok(claimsOf('Revenue grew 150% last year.').every((c) => c.severity !== 'error'));
    assert.ok(claimsOf('Errors were found in 39.6% of cases for GPT-3.5 and 91.4% for Bard.').every((c) => c.severity !== 'error'));
    assert.ok(claimsOf('The project spent 150% of the budget.').every((c) => c.severity !== 'error'));
  });
});

describe('identifier syntax and checksums', () => {
  it('ISBN-10 and ISBN-13 check digits', () => {
    assert.equal(validateIsbn('0-306-40615-2').valid, true);
    assert.equal(validateIsbn('0-306-40615-3').expectedCheckDigit, '2');
    assert.equal(validateIsbn('978-0-306-40615-7').valid, true);
    assert.equal(validateIsbn('978-0-306-40615-6').expectedCheckDigit, '7');
    assert.equal(validateIsbn('0-8044-2957-X').valid, true);
    assert.equal(validateIsbn('123').valid, false);
  });

  it('DOI syntax', () => {
    assert.equal(validateDoi('10.1038/s41586-020-2649-2').valid, true);
    assert.equal(validateDoi('10.12/abc').valid, false);
    assert.equal(validateDoi('10.1038').valid, false);
  });

  it('arXiv ids, new and old style', () => {
    assert.equal(validateArxivId('1706.03762').valid, true);
    assert.equal(validateArxivId('2211.08411v2').valid, true);
    assert.equal(validateArxivId('1412.6980').valid, true);
    assert.equal(validateArxivId('2211.5100').valid, false);
    assert.equal(validateArxivId('1713.01234').valid, false);
    assert.equal(validateArxivId('hep-th/9901001').valid, true);
    assert.equal(validateArxivId('hep-th/1501001').valid, false);
  });

  it('impossible calendar dates', () => {
    assert.equal(validateCalendarDate(31, 2).valid, false);
    assert.equal(validateCalendarDate(29, 2, 1900).valid, false);
    assert.equal(validateCalendarDate(29, 2, 2000).valid, true);
    assert.equal(validateCalendarDate(31, 4, 2024).valid, false);
    const [claim] = claimsOf('The meeting was held on 30 February 2020.');
    assert.equal(claim.severity, 'error');
    assert.match(claim.checks[0].message, /29 days/);
  });
});

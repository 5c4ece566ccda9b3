import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../../server/src/engine';
import { ConfigResolver } from '../../server/src/service/configResolver';
import { claimsOf } from '../helpers/analyze';

describe('.claimfloor.json', () => {
  it('accepts comments and fills defaults', () => {
    const config = parseConfig('{\n // stricter\n "threshold": 0.9, "types": { "citation": { "severity": "error" } },\n}', 'x.json');
    assert.equal(config.threshold, 0.9);
    assert.equal(config.types.citation.severity, 'error');
    assert.equal(config.types.citation.threshold, 0.9, 'types inherit the top-level threshold');
    assert.equal(config.types.statistic.severity, 'warning');
  });

  it('rejects unknown keys and out-of-range values with a clear message', () => {
    assert.throws(
      () => parseConfig('{ "threshhold": 0.9, "types": { "dates": {} } }', '/p/.claimfloor.json'),
      (e: unknown) => e instanceof ConfigError && /threshhold/.test(e.message) && /dates/.test(e.message) && e.message.startsWith('/p/.claimfloor.json'),
    );
    assert.throws(() => parseConfig('{ "threshold": 1.5 }', 'c.json'), ConfigError);
    assert.throws(() => parseConfig('{ "threshold": ', 'c.json'), /invalid ClaimFloor configuration/);
  });

  it('is discovered upward from the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'claimfloor-config-'));
    mkdirSync(join(root, 'docs', 'deep'), { recursive: true });
    writeFileSync(join(root, '.claimfloor.json'), '{ "threshold": 0.8 }');
    const resolver = new ConfigResolver();
    assert.equal(resolver.fileFor(join(root, 'docs', 'deep', 'draft.md')), join(root, '.claimfloor.json'));
    assert.equal(resolver.configFor(join(root, 'docs', 'deep', 'draft.md')).config.threshold, 0.8);
  });

  it('a threshold changes what is flagged and the message says the target', () => {
    const md = 'Smith (2019) measured it.';
    const prior = { citation: { prior: 0.18 } };
    const correct = 1 - claimsOf(md, { types: prior })[0].risk;
    assert.equal(claimsOf(md, { threshold: correct - 0.02, types: prior })[0].flagged, false, 'P(correct) above the target: not flagged');
    const strict = claimsOf(md, { threshold: 0.99, types: prior })[0];
    assert.equal(strict.flagged, true);
    assert.equal(strict.severity, 'hint', 'nothing about this claim raised its risk: a hint');
    assert.match(strict.message, /worth a check if you are unsure\.$/);
    const cited = 'Walters and Wilder (2023) found that 55% of GPT-3.5 references and 18% of GPT-4 references were fabricated.';
    const earned = claimsOf(cited, { threshold: 0.99 }).find((c) => c.type === 'citation')!;
    assert.equal(earned.severity, 'warning', 'a year-only citation among many exact details raised its risk');
    assert.match(earned.message, /check it against a source \(your target: 99% sure\)\.$/);
  });

  it('per-type severity, enabling and prior', () => {
    const cited = 'Walters and Wilder (2023) found that 55% of GPT-3.5 references and 18% of GPT-4 references were fabricated.';
    assert.equal(claimsOf(cited, { types: { citation: { severity: 'information' } } }).find((c) => c.type === 'citation')!.severity, 'information', 'a claim whose own evidence raised it takes the configured severity');
    const md = 'The treaty was signed on 4 July 1776.';
    assert.equal(claimsOf(md, { types: { 'event-date': { severity: 'information' } } })[0].severity, 'hint', 'a typical claim stays a hint');
    assert.deepEqual(claimsOf(md, { types: { 'event-date': { enabled: false } } }), []);
    const own = claimsOf(md, { types: { 'event-date': { prior: 0.05 } } })[0];
    assert.ok(own.risk < 0.05);
    assert.equal(own.trail[0].provenance, 'writer');
  });

  it('an allow-list entry "Subject: value" verifies that value of that subject only', () => {
    const allow = ['Grace Hopper: 9 December 1906'];
    assert.equal(claimsOf('Grace Hopper was born in New York City on 9 December 1906.', { allow })[0].verified?.by, 'allow-list');
    assert.equal(claimsOf('In her last years Grace Hopper said she was born on 9 December 1906.', { allow }).find((c) => c.slots.some((s) => s.text === '9 December 1906'))?.verified?.by, 'allow-list', 'the same fact in other words');
    assert.equal(claimsOf('Alan Turing was born on 9 December 1906.', { allow })[0].verified, undefined, 'another subject with the same value is not allowed');
  });

  it('the allow-list verifies claims by sentence or slot value', () => {
    assert.equal(claimsOf('Grace Hopper was born on 9 December 1906.', { allow: ['9 December 1906'] })[0].verified?.by, 'allow-list');
    assert.equal(claimsOf('Grace Hopper was born on 9 December 1906.', { allow: ['grace hopper was born on 9 december 1906.'] })[0].risk, 0);
  });

  it('a byte-order mark is allowed; a file nested far too deeply is refused with its name, not a stack overflow', () => {
    assert.equal(parseConfig('\uFEFF{ "threshold": 0.8 }', 'bom.json').threshold, 0.8);
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    assert.throws(() => parseConfig(deep, '/p/.claimfloor.json'), (e: unknown) => e instanceof ConfigError && e.message.startsWith('/p/.claimfloor.json') && /nested 10000 levels deep/.test(e.message));
    const root = mkdtempSync(join(tmpdir(), 'claimfloor-config-'));
    writeFileSync(join(root, '.claimfloor.json'), deep);
    const governing = new ConfigResolver().configFor(join(root, 'draft.md'));
    assert.match(governing.problem ?? '', /\.claimfloor\.json: invalid ClaimFloor configuration/);
    assert.equal(governing.config.threshold, 0.75, 'the defaults apply meanwhile');
  });
});

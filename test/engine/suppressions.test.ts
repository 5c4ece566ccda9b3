import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, claimsOf } from '../helpers/analyze';

const DATED = (n: number) => `Event ${n} happened on ${n} May 1900.`;

describe('suppression comments', () => {
  it('disable … enable regions, for all types or listed ones', () => {
    const md = [DATED(1), '', '<!-- claimfloor-disable -->', '', DATED(2), '', '<!-- claimfloor-enable -->', '', DATED(3)].join('\n');
    assert.deepEqual(claimsOf(md).map((c) => c.slots[0].text), ['1 May 1900', '3 May 1900']);
    const typed = [`<!-- claimfloor-disable statistic -->`, '', DATED(4)].join('\n');
    assert.equal(claimsOf(typed).length, 1, 'a region for another type does not hide event dates');
  });

  it('disable-next-line and disable-line', () => {
    const md = ['<!-- claimfloor-disable-next-line -->', DATED(1), DATED(2), '', `${DATED(3)} <!-- claimfloor-disable-line event-date -->`].join('\n');
    assert.deepEqual(claimsOf(md).map((c) => c.slots[0].text), ['2 May 1900'], 'only the line after the comment is hidden');
    const other = ['<!-- claimfloor-disable-next-line citation -->', DATED(5)].join('\n');
    assert.equal(claimsOf(other).length, 1);
  });

  it('verified marks the preceding sentence, or the next line when alone', () => {
    const md = [`${DATED(1)} <!-- claimfloor-verified: parish record --> ${DATED(2)}`, '', '<!-- claimfloor-verified -->', DATED(3)].join('\n');
    const claims = claimsOf(md);
    const byDate = Object.fromEntries(claims.map((c) => [c.slots[0].text, c]));
    assert.equal(byDate['1 May 1900'].verified?.note, 'parish record');
    assert.equal(byDate['1 May 1900'].risk, 0);
    assert.equal(byDate['2 May 1900'].verified, undefined);
    assert.equal(byDate['3 May 1900'].verified?.by, 'comment');
  });

  it('MDX comments work too', () => {
    assert.deepEqual(claimsOf(`{/* claimfloor-disable-next-line */}\n${DATED(1)}`), []);
  });

  it('a verified claim with a failed check stays an error', () => {
    const [claim] = claimsOf('It was held on 31 April 2024. <!-- claimfloor-verified -->');
    assert.equal(claim.severity, 'error');
  });

  it('unknown types in a comment are reported, not ignored silently', () => {
    const { notices } = analyze('<!-- claimfloor-disable dates -->\n\nText.');
    assert.match(notices[0].message, /Unknown claim type.*dates/);
  });

  it('directives inside code blocks are documentation, not directives', () => {
    const md = ['```md', '<!-- claimfloor-disable -->', '```', '', DATED(1)].join('\n');
    assert.equal(claimsOf(md).length, 1);
  });
});

it('an indented or quoted comment applies to the line right after it', () => {
  assert.deepEqual(claimsOf('  <!-- claimfloor-disable-next-line -->\n- The dam opened in 1936.\n'), []);
  assert.deepEqual(claimsOf('> <!-- claimfloor-disable-next-line -->\n> The dam opened in 1936.\n'), []);
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alignByteLevelTokens, byteToUnicode } from '../../server/src/modelRuntime/worker/byteLevelAlignment';
import { nextTokenStats } from '../../server/src/modelRuntime/worker/nextTokenStats';

const BYTES = byteToUnicode();
/** Splits text into byte-level token strings at the given UTF-8 byte cut points. */
function tokensAt(text: string, cuts: number[]): string[] {
  const bytes = Array.from(new TextEncoder().encode(text), (b) => BYTES[b]);
  const points = [...new Set([0, ...cuts.filter((c) => c > 0 && c < bytes.length), bytes.length])].sort((a, b) => a - b);
  return points.slice(1).map((end, i) => bytes.slice(points[i], end).join(''));
}

describe('token alignment (byte-level BPE)', () => {
  it('maps GPT-2 tokens with their leading spaces to character ranges', () => {
    const text = 'Born in Ulm 1879.';
    const ranges = alignByteLevelTokens(text, ['Born', 'Ġin', 'ĠUl', 'm', 'Ġ18', '79', '.']);
    assert.deepEqual(ranges?.map((r) => text.slice(r.start, r.end)), ['Born', ' in', ' Ul', 'm', ' 18', '79', '.']);
  });

  it('gives a token that splits a multi-byte character the whole character', () => {
    const text = 'Café 🎉!';
    // Bytes: C a f | é é | ␠ 🎉 | 🎉 🎉 | 🎉 !  — the emoji's four bytes fall into three tokens.
    const ranges = alignByteLevelTokens(text, tokensAt(text, [3, 5, 7, 9]));
    assert.deepEqual(ranges?.map((r) => text.slice(r.start, r.end)), ['Caf', 'é', ' 🎉', '🎉', '🎉!']);
  });

  it('refuses tokens that do not spell the text (a normalising tokenizer)', () => {
    assert.equal(alignByteLevelTokens('Hello', ['hello']), undefined);
    assert.equal(alignByteLevelTokens('Hello', ['Hel']), undefined);
  });

  it('covers any text exactly, in order, for any split', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.nat(200)), (text, cuts) => {
        const ranges = alignByteLevelTokens(text, tokensAt(text, cuts));
        assert.ok(ranges);
        let previous = 0;
        for (const r of ranges) {
          assert.ok(r.start <= r.end && r.start >= 0 && r.end <= text.length);
          assert.ok(r.start >= previous - 2, 'ranges never go backwards by more than one character');
          previous = r.start;
        }
        if (text.length > 0) assert.equal(ranges.at(-1)?.end, text.length);
      }),
    );
  });
});

describe('next-token statistics', () => {
  it('match a direct float64 computation of softmax, entropy, rank and argmax', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -30, max: 30, noNaN: true }), { minLength: 2, maxLength: 60 }), fc.nat(), (row, pick) => {
        const actual = pick % row.length;
        const logits = Float32Array.from(row);
        const values = Array.from(logits);
        const z = values.reduce((s, v) => s + Math.exp(v), 0);
        const p = values.map((v) => Math.exp(v) / z);
        const stats = nextTokenStats(logits, 0, logits.length, actual);
        assert.ok(Math.abs(stats.surprisal + Math.log2(p[actual])) < 1e-9);
        assert.ok(Math.abs(stats.entropy + p.reduce((s, q) => s + (q > 0 ? q * Math.log2(q) : 0), 0)) < 1e-6);
        assert.equal(stats.rank, 1 + values.filter((v) => v > values[actual]).length);
        // === rather than assert.equal (Object.is): a logit of −0 ties with 0 and is an equally good argmax.
        assert.ok(values[stats.top] === Math.max(...values));
      }),
    );
  });

  it('reads the row at the given offset of a [batch × positions × vocab] buffer', () => {
    const logits = Float32Array.from([0, 0, 0, 5, 1, 0]);
    assert.equal(nextTokenStats(logits, 3, 3, 0).rank, 1);
    assert.equal(nextTokenStats(logits, 3, 3, 1).top, 0);
  });
});

/** GPT-2's byte ↔ printable-character table (bytes_to_unicode in OpenAI's encoder.py). */
export function byteToUnicode(): string[] {
  const printable = new Set<number>();
  for (const [from, to] of [[0x21, 0x7e], [0xa1, 0xac], [0xae, 0xff]]) for (let b = from; b <= to; b++) printable.add(b);
  const table: string[] = new Array(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) table[b] = String.fromCodePoint(printable.has(b) ? b : 256 + extra++);
  return table;
}

const UNICODE_TO_BYTE = new Map(byteToUnicode().map((char, byte) => [char, byte]));

/**
 * Character ranges of byte-level BPE tokens (GPT-2 family) in `text`. Each character of a token
 * string stands for one UTF-8 byte, so cumulative byte lengths give exact offsets; a token that
 * ends inside a multi-byte character is extended to the character's end. Returns undefined when
 * the tokens do not spell `text` byte for byte (a tokenizer that normalises its input).
 */
export function alignByteLevelTokens(text: string, tokens: readonly string[]): Array<{ start: number; end: number }> | undefined {
  const utf8 = new TextEncoder().encode(text);
  // UTF-16 index at which each UTF-8 byte's character starts.
  const charAt = new Int32Array(utf8.length + 1);
  let byte = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let k = 0; k < width; k++) charAt[byte + k] = i;
    byte += width;
    if (code >= 0x10000) i++;
  }
  charAt[utf8.length] = text.length;
  const ranges: Array<{ start: number; end: number }> = [];
  let position = 0;
  for (const token of tokens) {
    const start = position;
    for (const char of token) {
      if (UNICODE_TO_BYTE.get(char) !== utf8[position]) return undefined;
      position++;
    }
    let next = position;
    while (next < utf8.length && (utf8[next] & 0xc0) === 0x80) next++;
    ranges.push({ start: charAt[start], end: charAt[next] });
  }
  return position === utf8.length ? ranges : undefined;
}

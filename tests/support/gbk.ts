/**
 * GBK bytes of a text, for fixtures and tests: Node decodes GBK (TextDecoder) but has no GBK encoder, and no encoding
 * library is a dependency, so the two-byte code space is decoded once into a table. Characters outside GBK are an error.
 */
let table: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = codes.get(ch);
      if (!pair) throw new RangeError(`${ch} (U+${code.toString(16)}) has no GBK code`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

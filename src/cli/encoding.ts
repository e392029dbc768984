// Which legacy encoding a text file is in, when it is not UTF-8 or UTF-16: spreadsheet programs
// write GB18030 (GBK) on Chinese Windows, Windows-1252 on Western Windows and Mac Roman on older
// Macs. Each decodes any bytes, so the one whose text reads most plausibly wins.

/** The candidates, in the order a tie goes: a Chinese user's first. */
export const LEGACY_ENCODINGS = ["gb18030", "windows-1252", "macintosh"] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
const ASCII_LETTER = /[A-Za-z]/;
const SYMBOL = /[\p{S}\p{Po}]/u;
/** Latin-1, Latin Extended and general punctuation: what a single-byte decoding produces. */
const latinish = (cp: number) => (cp >= 0x80 && cp <= 0x24f) || (cp >= 0x2000 && cp <= 0x22ff) || cp === 0x2c6 || cp === 0x2dc;

/**
 * How implausible a decoded text is: replacement and control characters, private-use signs (the
 * Apple logo), symbols inside words (`C™te`), runs of accented letters (`ÆÖ¶«`: Chinese bytes read
 * as Latin) and Chinese characters inside Latin words (`C鬭e`: Latin bytes read as GBK).
 */
export function implausibility(text: string): number {
  let bad = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const cp = c.codePointAt(0)!;
    if (cp < 0x80) continue;
    const p = chars[i - 1] ?? " ";
    const n = chars[i + 1] ?? " ";
    if (c === "\uFFFD") bad += 5;
    else if (cp < 0xa0 || /\p{Co}/u.test(c)) bad += 3;
    else if (latinish(cp) && (latinish(p.codePointAt(0)!) || latinish(n.codePointAt(0)!))) bad += 1;
    else if (SYMBOL.test(c) && LETTER.test(p) && LETTER.test(n)) bad += 2;
    else if (HAN.test(c) && ASCII_LETTER.test(p) && ASCII_LETTER.test(n)) bad += 2;
    else if (HAN.test(c) && (ASCII_LETTER.test(p) || ASCII_LETTER.test(n))) bad += 1;
  }
  return bad;
}

/** The legacy encoding whose decoding reads most plausibly, and its text. */
export function decodeLegacy(bytes: Uint8Array): { encoding: LegacyEncoding; text: string } {
  let best: { encoding: LegacyEncoding; text: string; bad: number } | undefined;
  for (const encoding of LEGACY_ENCODINGS) {
    const text = new TextDecoder(encoding).decode(bytes);
    const bad = implausibility(text);
    if (!best || bad < best.bad) best = { encoding, text, bad };
  }
  return best!;
}

/** Columns a character takes in a terminal or a sheet: East Asian wide and full-width characters take two. */
function charWidth(cp: number): number {
  if (cp < 0x1100) return 1;
  const wide =
    cp <= 0x115f ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp < 0x1100) {
      w++; // most characters, checked here without a call
      continue;
    }
    if (cp > 0xffff) i++; // the low half of a surrogate pair is the same character
    w += charWidth(cp);
  }
  return w;
}

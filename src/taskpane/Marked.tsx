import { Fragment } from "react";
import { useStyles } from "./styles";

/**
 * Text with the names and cell references it contains kept whole: each occurrence of a `keep`
 * string is a nowrap span, so "SCI 输入!A5" or "宝山" never breaks across lines.
 */
export function Marked({ text, keep }: { text: string; keep: readonly (string | undefined)[] }) {
  const s = useStyles();
  const words = [...new Set(keep.filter((k): k is string => !!k && k.length > 1))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return <>{text}</>;
  const parts: { text: string; keep: boolean }[] = [];
  let rest = text;
  while (rest) {
    let best: { at: number; word: string } | undefined;
    for (const w of words) {
      const at = rest.indexOf(w);
      if (at >= 0 && (!best || at < best.at)) best = { at, word: w };
    }
    if (!best) {
      parts.push({ text: rest, keep: false });
      break;
    }
    if (best.at > 0) parts.push({ text: rest.slice(0, best.at), keep: false });
    parts.push({ text: best.word, keep: true });
    rest = rest.slice(best.at + best.word.length);
  }
  return (
    <>
      {parts.map((p, k) =>
        p.keep ? (
          <span key={k} className={s.nowrap}>
            {p.text}
          </span>
        ) : (
          <Fragment key={k}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}

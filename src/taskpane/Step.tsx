import { useId, type ReactNode } from "react";
import { useStyles } from "./styles";

/**
 * A numbered step: a labelled region with a heading, a hint, its controls, a live status, and
 * what the status introduces (an issue list, the sheets written).
 */
export function Step({ title, hint, children, status, after }: { title: string; hint?: string; children?: ReactNode; status?: ReactNode; after?: ReactNode }) {
  const s = useStyles();
  const id = useId();
  return (
    <section className={s.step} aria-labelledby={id}>
      <h2 id={id} className={s.h2}>
        {title}
      </h2>
      {hint && <p className={s.hint}>{hint}</p>}
      {children}
      <div aria-live="polite">{status}</div>
      {after}
    </section>
  );
}

import { useId, type ReactNode } from "react";
import { useStyles } from "./styles";

/** A numbered step: a labelled region with a heading, a hint, its controls and a live status. */
export function Step({ title, hint, children, status }: { title: string; hint?: string; children?: ReactNode; status?: ReactNode }) {
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
    </section>
  );
}

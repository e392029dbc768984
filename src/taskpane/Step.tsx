import { useId, type ReactNode } from "react";
import { useStyles } from "./styles";

/** A required step: a labelled region with a heading, its controls, a live status, and what follows it. */
export function Step({ title, children, status, after }: { title: string; children?: ReactNode; status?: ReactNode; after?: ReactNode }) {
  const s = useStyles();
  const id = useId();
  return (
    <section className={s.step} aria-labelledby={id}>
      <h2 id={id} className={s.h2}>
        {title}
      </h2>
      {children}
      <div aria-live="polite">{status}</div>
      {after}
    </section>
  );
}

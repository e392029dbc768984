import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Spinner, type AccordionToggleData } from "@fluentui/react-components";
import { Suspense, lazy, useId, useState, type ComponentType, type LazyExoticComponent } from "react";
import type { Strings } from "./i18n";
import { useStyles } from "./styles";
import type { StepProps } from "./types";

type Panel = LazyExoticComponent<ComponentType<StepProps>>;

/**
 * The optional analyses, each behind its own header and loaded the first time it opens. A later
 * panel (statistical audit, maps) is one more entry here.
 */
export const ANALYSES: { value: string; title: (t: Strings) => string; panel: Panel }[] = [
  { value: "data", title: (t) => t.data, panel: lazy(() => import("./analysis/DataPanel")) },
  { value: "year-over-year", title: (t) => t.yearOverYear, panel: lazy(() => import("./analysis/YearOverYearPanel")) },
  { value: "robustness", title: (t) => t.robustness, panel: lazy(() => import("./analysis/RobustnessPanel")) },
  { value: "audit", title: (t) => t.audit, panel: lazy(() => import("./analysis/AuditPanel")) },
];

export default function Analyses(props: StepProps & { open?: string[] }) {
  const { t } = props;
  const s = useStyles();
  const id = useId();
  const [open, setOpen] = useState<string[]>(props.open ?? []);
  const toggle = (_: unknown, d: AccordionToggleData<string>) => setOpen(d.openItems);
  return (
    <section aria-labelledby={id} className={s.step}>
      <h2 id={id} className={s.h2}>
        {t.analyses}
      </h2>
      <p className={s.hint}>{t.analysesHint}</p>
      <Accordion multiple collapsible openItems={open} onToggle={toggle}>
        {ANALYSES.map(({ value, title, panel: Panel }) => (
          <AccordionItem key={value} value={value}>
            <AccordionHeader as="h3" expandIconPosition="end">
              {title(t)}
            </AccordionHeader>
            <AccordionPanel>
              {open.includes(value) && (
                <div className={s.panel} role="region" aria-label={title(t)}>
                  <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
                    <Panel {...props} />
                  </Suspense>
                </div>
              )}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

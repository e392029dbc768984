import { Button, FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useId, useState } from "react";
import { nextStep, type Adopted } from "./flow";
import { STRINGS, type Lang } from "./i18n";
import { initialLang, rememberLang } from "./lang";
import { CheckStep } from "./steps/CheckStep";
import { DataStep } from "./steps/DataStep";
import { GenerateStep } from "./steps/GenerateStep";
import { useStyles } from "./styles";
import type { ModelSource, SciWorkbook, StepProps } from "./types";
import type { Adopter } from "../excel/adopter";
import { useModel } from "./useModel";

// Not needed for the first paint: loaded right after.
const ResultsStep = lazy(() => import("./steps/ResultsStep"));
// Below the fold, and the accordion is a good part of Fluent's weight: not in the first bundle.
const Analyses = lazy(() => import("./Analyses"));
const AdoptView = lazy(() => import("./adopt/AdoptView"));

export interface AppProps {
  /** Excel, behind plain-data functions (src/excel/workbook.ts), or a fake in tests. */
  workbook: SciWorkbook;
  /** The shared model (src/excel/model.ts). */
  model: ModelSource;
  /** Default: the evaluator's last choice, else Office's display language. */
  lang?: Lang;
  /** 使用所选数据: the evaluator's own range or table as the input (src/excel/adopter.ts). */
  adopter?: Adopter;
  /** Data adopted with "use this data", when the flow knows of it. */
  adopted?: Adopted;
}

/**
 * The SCI task pane: three required steps (data, check, generate) with one primary button,
 * chosen by the workbook's state; the results; then the optional analyses, each opened on demand.
 */
export function App({ workbook, model, lang: initial, adopter, adopted }: AppProps) {
  const [lang, setLang] = useState<Lang>(() => initial ?? initialLang());
  const current = useModel(model);
  // While the input has errors the last valid results stay on screen, marked as such.
  const [lastValid, setLastValid] = useState(current);
  useEffect(() => {
    if (current.scores) setLastValid(current);
  }, [current]);
  const shown = current.scores ? current : lastValid.scores ? lastValid : current;
  const s = useStyles();
  const results = useId();
  const t = STRINGS[lang];
  // 报告年份或标题: step 3's field, and the year every title in the pane uses.
  const [title, setTitle] = useState(() => current.dataset?.label ?? "2020");
  const props: StepProps = { t, lang, workbook, model, current, next: nextStep(current), adopted, title, onTitle: setTitle };
  // The page's own language follows, for screen readers and the browser's hyphenation and fonts.
  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = t.htmlLang;
  }, [t.htmlLang]);
  const other: Lang = lang === "zh" ? "en" : "zh";
  const choose = (next: Lang) => {
    setLang(next);
    rememberLang(next);
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={s.pane} lang={t.htmlLang}>
        <header className={s.header}>
          <h1 className={s.h1}>{t.appTitle}</h1>
          {/* One control: the other language, by its own name; the choice is remembered. */}
          <Button size="small" lang={STRINGS[other].htmlLang} title={t.switchLanguage} onClick={() => choose(other)}>
            {STRINGS[other].languageName}
          </Button>
        </header>
        <DataStep
          {...props}
          adopt={
            adopter && (
              <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
                <AdoptView
                  lang={lang}
                  adopter={adopter}
                  profile={current.profile}
                  onChange={() => void model.refresh()}
                  primary={false}
                  writeCell={(cell, text) => workbook.writeCellText(cell, text)}
                />
              </Suspense>
            )
          }
        />
        <CheckStep {...props} />
        <GenerateStep {...props} />
        <section className={s.step} aria-labelledby={results}>
          <h2 id={results} className={s.h2}>
            {t.results}
          </h2>
          <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
            <ResultsStep t={t} lang={lang} current={shown} title={title} stale={shown !== current} />
          </Suspense>
        </section>
        <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
          <Analyses {...props} />
        </Suspense>
      </main>
    </FluentProvider>
  );
}

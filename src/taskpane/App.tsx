import { FluentProvider, Spinner, Switch, webLightTheme } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import { STRINGS, type Lang } from "./i18n";
import { RoundingSwitch } from "./RoundingSwitch";
import { Step } from "./Step";
import { GenerateStep } from "./steps/GenerateStep";
import { TemplateStep } from "./steps/TemplateStep";
import { ValidateStep } from "./steps/ValidateStep";
import { useStyles } from "./styles";
import type { ModelSource, SciWorkbook } from "./types";
import type { Adopter } from "../excel/adopter";
import { useModel } from "./useModel";

// Not needed for the first paint: loaded right after.
const ResultsStep = lazy(() => import("./steps/ResultsStep"));
const DataPanel = lazy(() => import("./analysis/DataPanel"));
const YearOverYearPanel = lazy(() => import("./analysis/YearOverYearPanel"));
const RobustnessPanel = lazy(() => import("./analysis/RobustnessPanel"));
const AuditPanel = lazy(() => import("./analysis/AuditPanel"));
const AdoptView = lazy(() => import("./adopt/AdoptView"));

export interface AppProps {
  /** Excel, behind plain-data functions (src/excel/workbook.ts), or a fake in tests. */
  workbook: SciWorkbook;
  /** The shared model (src/excel/model.ts). */
  model: ModelSource;
  lang?: Lang;
  /** 使用所选数据: the evaluator's own range or table as the input (src/excel/adopter.ts). */
  adopter?: Adopter;
}

/**
 * The SCI task pane: four steps from template to results, then raw data and framework,
 * year over year, robustness of ranks and the statistical audit. Chinese by default, English one switch away.
 */
export function App({ workbook, model, adopter, lang: initial = "zh" }: AppProps) {
  const [lang, setLang] = useState<Lang>(initial);
  const current = useModel(model);
  const s = useStyles();
  const t = STRINGS[lang];
  const props = { t, lang, workbook, model, current };
  const loading = <Spinner size="tiny" label={t.loading} />;
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={s.pane} lang={t.htmlLang}>
        <header className={s.header}>
          <div>
            <h1 className={s.h1}>{t.appTitle}</h1>
            <p className={s.subtitle}>{t.appSubtitle}</p>
          </div>
          <Switch label={t.english} checked={lang === "en"} onChange={(_, d) => setLang(d.checked ? "en" : "zh")} />
        </header>
        <TemplateStep {...props} />
        {adopter && (
          <Suspense fallback={loading}>
            <AdoptView lang={lang} adopter={adopter} profile={current.profile} onChange={() => void model.refresh()} />
          </Suspense>
        )}
        <ValidateStep {...props} />
        <GenerateStep {...props} />
        <Step title={t.step4}>
          <RoundingSwitch t={t} model={model} current={current} />
          <Suspense fallback={loading}>
            <ResultsStep t={t} lang={lang} current={current} />
          </Suspense>
        </Step>
        <Step title={t.step5} hint={t.step5Hint}>
          <Suspense fallback={loading}>
            <DataPanel {...props} />
          </Suspense>
        </Step>
        <Step title={t.step6} hint={t.step6Hint}>
          <Suspense fallback={loading}>
            <YearOverYearPanel {...props} />
          </Suspense>
        </Step>
        <Step title={t.step7} hint={t.step7Hint}>
          <Suspense fallback={loading}>
            <RobustnessPanel {...props} />
          </Suspense>
        </Step>
        <Step title={t.step8} hint={t.step8Hint}>
          <Suspense fallback={loading}>
            <AuditPanel {...props} />
          </Suspense>
        </Step>
      </main>
    </FluentProvider>
  );
}

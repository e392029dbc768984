import { mergeClasses } from "@fluentui/react-components";
import { regionOf, textIn } from "../../core";
import { wordsOf } from "../../report";
import type { Lang, Strings } from "../i18n";
import { indicatorName } from "../names";
import { Status } from "../Status";
import { useStyles } from "../styles";
import { fixed2, glance } from "../summary";
import type { Model } from "../types";
import { ResultsMap } from "../ResultsMap";
import { ReportDraft } from "../report/ReportDraft";

/** Results at a glance (loaded after first paint): top districts and the averages, from the live model. */
export default function ResultsStep({ t, lang, current, title, stale }: { t: Strings; lang: Lang; current: Model; title?: string; stale?: boolean }) {
  const s = useStyles();
  const scores = current.scores;
  if (!scores) return <Status intent="info">{t.noResults}</Status>;
  const g = glance(scores);
  const fw = scores.dataset.framework;
  const scope = (id: string) =>
    id === "city"
      ? textIn(wordsOf(scores.dataset).whole, lang)
      : lang === "en"
        ? regionOf(id, scores.dataset.regions).en
        : regionOf(id, scores.dataset.regions).zh;
  // First open: the figures shown are the built-in example's, and the pane says so before them.
  const example = current.mode === "builtin" && current.profile?.label;
  return (
    <>
      {stale && <Status intent="warning">{t.staleResults}</Status>}
      {example && !stale && <Status intent="info">{t.builtinResults(example)}</Status>}
      <table className={s.table}>
        <caption>{t.top}</caption>
        <thead>
          <tr>
            <th scope="col" className={s.numHead}>
              {t.rank}
            </th>
            <th scope="col" className={s.text}>
              {t.district}
            </th>
            <th scope="col" className={s.numHead}>
              {t.composite}
            </th>
          </tr>
        </thead>
        <tbody>
          {g.top.map(({ rank, district, value }) => (
            <tr key={district.id}>
              <td className={s.num}>{rank}</td>
              <th scope="row" className={mergeClasses(s.text, s.nowrap)}>
                {lang === "en" ? (district.en ?? district.id) : district.id}
              </th>
              <td className={s.num}>{fixed2(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={s.table}>
        <caption>{t.averages}</caption>
        <thead>
          <tr>
            <th scope="col" className={s.text}>
              {t.indicator}
            </th>
            {g.averages.map((a) => (
              <th scope="col" key={a.scope} className={s.numHead}>
                {scope(a.scope)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {g.codes.map((code, k) => (
            <tr key={code}>
              <th scope="row" className={s.text}>
                {indicatorName(fw, code, lang)}
              </th>
              {g.averages.map((a) => (
                <td key={a.scope} className={s.num}>
                  {fixed2(a.values[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ResultsMap t={t} lang={lang} scores={scores} profile={current.profile} title={title} />
      <ReportDraft t={t} lang={lang} current={current} />
    </>
  );
}

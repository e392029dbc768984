import { regionOf } from "../../core";
import type { Lang, Strings } from "../i18n";
import { Status } from "../Status";
import { useStyles } from "../styles";
import { fixed2, glance } from "../summary";
import type { Model } from "../types";
import { ResultsMap } from "../ResultsMap";

/** Step 4 (loaded after first paint): top districts and the averages, from the live model. */
export default function ResultsStep({ t, lang, current }: { t: Strings; lang: Lang; current: Model }) {
  const s = useStyles();
  const scores = current.scores;
  const source = <p className={s.hint}>{current.source === "builtin" ? t.fromBuiltin : t.fromWorkbook}</p>;
  if (!scores)
    return (
      <>
        {source}
        <Status intent="info">{t.noResults}</Status>
      </>
    );
  const g = glance(scores);
  const fw = scores.dataset.framework;
  const name = (code: string) => {
    const ind = fw.indicators.get(code)!;
    return lang === "en" ? ind.nameEn : ind.nameZh;
  };
  const scope = (id: string) => (id === "city" ? t.city : lang === "en" ? regionOf(id, scores.dataset.regions).en : regionOf(id, scores.dataset.regions).zh);
  return (
    <>
      {source}
      <table className={s.table}>
        <caption>{t.top}</caption>
        <thead>
          <tr>
            <th scope="col">{t.rank}</th>
            <th scope="col">{t.district}</th>
            <th scope="col">{t.composite}</th>
          </tr>
        </thead>
        <tbody>
          {g.top.map(({ rank, district, value }) => (
            <tr key={district.id}>
              <td>{rank}</td>
              <th scope="row">{lang === "en" ? district.en ?? district.id : district.id}</th>
              <td>{fixed2(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={s.table}>
        <caption>{t.averages}</caption>
        <thead>
          <tr>
            <th scope="col">{t.indicator}</th>
            {g.averages.map((a) => (
              <th scope="col" key={a.scope}>
                {scope(a.scope)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {g.codes.map((code, k) => (
            <tr key={code}>
              <th scope="row">{name(code)}</th>
              {g.averages.map((a) => (
                <td key={a.scope}>{fixed2(a.values[k])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ResultsMap t={t} lang={lang} scores={scores} profile={current.profile} />
    </>
  );
}

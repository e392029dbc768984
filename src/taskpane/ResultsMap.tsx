import { Field, Select, makeStyles } from "@fluentui/react-components";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { CITY, regionOf, round2, textIn, type Geometry, type Profile, type Scores } from "../core";
import { geometryFor, mapLayout, mapSvg, wordsOf } from "../report";
import { IndicatorSelect, useSelectStyles } from "./analysis/IndicatorSelect";
import type { Lang, Strings } from "./i18n";
import { Status } from "./Status";
import { useStyles } from "./styles";

const useMapStyles = makeStyles({
  map: { width: "100%", lineHeight: 0, "& svg": { display: "block", maxWidth: "100%", height: "auto" } },
  // Read by screen readers, not drawn: the map's figures as a table.
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
});

/** The pane's width, followed as it is resized (Excel lets the user drag the pane). */
function useWidth(fallback: number): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => el.clientWidth > 0 && setWidth(Math.floor(el.clientWidth));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The map of the chosen indicator over the city or a region, drawn at the pane's width: each
 * district's name and value as text on the map and in the ranked list under it, and a table
 * giving screen readers the same figures.
 */
export function ResultsMap({ t, lang, scores, profile, title }: { t: Strings; lang: Lang; scores: Scores; profile?: Profile; title?: string }) {
  const geometry = geometryFor(profile, scores.dataset.districts);
  if (!geometry) return <Status intent="info">{t.noMap}</Status>;
  return <MapView t={t} lang={lang} scores={scores} geometry={geometry} title={title?.trim() || undefined} />;
}

function MapView({ t, lang, scores, geometry, title }: { t: Strings; lang: Lang; scores: Scores; geometry: Geometry; title?: string }) {
  const s = useStyles();
  const m = useMapStyles();
  const select = useSelectStyles();
  const fw = scores.dataset.framework;
  const [code, setCode] = useState(fw.root);
  const [scope, setScope] = useState<string>(CITY.id);
  const [ref, width] = useWidth(320);
  // The first paint shows the step's tables; the map (a few ms, more on a first drawing of
  // these shapes) follows in a background render.
  const ready = useDeferredValue(true, false);
  const shown = fw.index.has(code) ? code : fw.root;
  const layout = useMemo(
    () => (ready ? mapLayout(scores, shown, scope, geometry, { width, lang, minFontSize: 11, label: title }) : undefined),
    [ready, scores, shown, scope, geometry, width, lang, title],
  );
  const scopes = [CITY.id, ...scores.dataset.regions.map((r) => r.id)];
  const scopeName = (id: string) =>
    id === CITY.id
      ? textIn(wordsOf(scores.dataset).whole, lang)
      : lang === "en"
        ? regionOf(id, scores.dataset.regions).en
        : regionOf(id, scores.dataset.regions).zh;
  const rows = layout ? layout.areas.filter((a) => a.cls >= 0).sort((a, b) => b.value - a.value) : [];
  return (
    <section aria-label={t.map}>
      <IndicatorSelect framework={fw} value={shown} onChange={setCode} label={t.mapIndicator} lang={lang} />
      <Field label={t.mapScope}>
        <Select className={select.root} select={{ className: select.select }} value={scope} onChange={(_, d) => setScope(d.value)}>
          {scopes.map((id) => (
            <option key={id} value={id}>
              {scopeName(id)}
            </option>
          ))}
        </Select>
      </Field>
      {/* Our own SVG: every text escaped, no script (src/report/map-svg.ts). */}
      <div ref={ref} className={m.map} data-testid={layout ? "results-map" : undefined} dangerouslySetInnerHTML={{ __html: layout ? mapSvg(layout) : "" }} />
      {/* A table takes its content's width whatever it is given: the wrapper is what is hidden. */}
      {layout && (
        <div className={m.hidden}>
          <table className={s.table}>
            <caption>{t.mapTable(layout.title, layout.subtitle)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.district}</th>
                <th scope="col">{t.value}</th>
                <th scope="col">{t.mapClass}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{round2(a.value).toFixed(2)}</td>
                  <td>{layout.legend[a.cls].text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

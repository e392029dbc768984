// The audit's sections under its summary: each a native <details>, collapsed until opened
// (a keyboard opens it with Enter or Space on its summary line), with one line saying what it shows.
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { figure, type Audit, type Sobol, type Stat } from "../../core";
import { AUDIT_STRINGS } from "../audit-i18n";
import type { Lang } from "../i18n";
import { correlationColor, PANE_SHADE } from "./audit-colors";

export const useAuditStyles = makeStyles({
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { padding: "2px 4px", textAlign: "right", border: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { padding: "2px 4px", fontWeight: tokens.fontWeightSemibold, border: `1px solid ${tokens.colorNeutralStroke2}` },
  // A name under its code in a row header: read together, wrapping as it needs.
  name: { display: "block", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  bar: { height: "6px", display: "block" },
  swatch: { display: "inline-block", width: "12px", height: "6px", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  caption: { textAlign: "left", color: tokens.colorNeutralForeground2, captionSide: "bottom", paddingTop: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  details: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingBlock: tokens.spacingVerticalXS },
  summary: { cursor: "pointer", paddingBlock: tokens.spacingVerticalXS },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  line: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
  // An index's 95% interval on a line of its own under it: two columns, not four, at 320 px.
  interval: { display: "block", color: tokens.colorNeutralForeground2 },
});

const fixed = (x: Stat, digits = 3) => (x === null ? "—" : x.toFixed(digits));

/** A section collapsed by default: its title and one line of what it shows, then the content. */
export function Section({ title, line, children }: { title: string; line: string; children: ReactNode }) {
  const s = useAuditStyles();
  return (
    <details className={s.details}>
      <summary className={s.summary}>
        <span className={s.title}>{title}</span>
        <span className={s.line}>{line}</span>
      </summary>
      <div className={s.body} role="region" aria-label={title}>
        {children}
      </div>
    </details>
  );
}

type Names = (code: string) => string;

/** A row header: the code, its name under it. */
function Indicator({ code, names }: { code: string; names: Names }) {
  const s = useAuditStyles();
  return (
    <th scope="row" className={s.head}>
      {code}
      <span className={s.name}>{names(code)}</span>
    </th>
  );
}

function Head({ labels }: { labels: string[] }) {
  const s = useAuditStyles();
  return (
    <thead>
      <tr>
        {labels.map((h) => (
          <th key={h} scope="col" className={s.head}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function Distribution({ audit: r, lang, names }: { audit: Audit; lang: Lang; names: Names }) {
  const a = AUDIT_STRINGS[lang];
  const s = useAuditStyles();
  return (
    <Section title={a.distribution} line={a.distributionLine}>
      <table className={s.table} aria-label={a.distribution}>
        <Head labels={[a.code, a.skew, a.kurtosis, a.skewed]} />
        <tbody>
          {r.indicators.map((i) => (
            <tr key={i.code}>
              <Indicator code={i.code} names={names} />
              <td className={s.cell}>{figure(i.skew)}</td>
              <td className={s.cell}>{figure(i.kurtosis)}</td>
              <td className={s.cell}>{i.outlier ? a.yes : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function Relations({ audit: r, lang, names }: { audit: Audit; lang: Lang; names: Names }) {
  const a = AUDIT_STRINGS[lang];
  const s = useAuditStyles();
  const negative = new Set(r.negative.map(([x]) => x));
  const weak = new Set(r.weak.map(([x]) => x));
  const reading = (code: string, v: Stat) => (v === null ? "—" : negative.has(code) ? a.against : weak.has(code) ? a.weak : v > 0 ? a.along : "—");
  const p = (x: Stat) => (x === null ? "—" : x < 0.001 ? "<\u00a00.001" : x.toFixed(3));
  return (
    <Section title={a.relations} line={a.relationsLine}>
      <table className={s.table} aria-label={a.relations}>
        <Head labels={[a.code, "r", "p", a.reading]} />
        <tbody>
          {r.indicators.map((i) => (
            <tr key={i.code}>
              <Indicator code={i.code} names={names} />
              <td className={s.cell}>{figure(i.rParent)}</td>
              <td className={s.cell}>{p(i.pParent)}</td>
              <td className={s.cell}>{reading(i.code, i.rParent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function Heatmap(props: { audit: Audit; lang: Lang; names: Names; parent?: string; setParent: (p: string) => void }) {
  const { audit: r, lang, names, parent, setParent } = props;
  const a = AUDIT_STRINGS[lang];
  const s = useAuditStyles();
  const m = r.matrices.find((x) => x.parent === parent) ?? r.matrices[0];
  if (!m) return null;
  const alpha = r.cronbach.find((c) => c.parent === m.parent)?.alpha ?? null;
  return (
    <Section title={a.heatmap} line={a.heatmapLine}>
      <Field label={a.parent}>
        <Select value={m.parent} onChange={(_, d) => setParent(d.value)}>
          {r.matrices.map((x) => (
            <option key={x.parent} value={x.parent}>
              {`${x.parent} ${names(x.parent)}`}
            </option>
          ))}
        </Select>
      </Field>
      <table className={s.table}>
        <caption className={s.caption}>{a.heatmapCaption(m.parent, fixed(alpha))}</caption>
        <thead>
          <tr>
            <td />
            {m.codes.map((c) => (
              <th key={c} scope="col" className={s.head}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.codes.map((c, i) => (
            <tr key={c}>
              <th scope="row" className={s.head}>
                {c}
              </th>
              {m.r[i].map((v, j) => (
                <td key={j} className={s.cell} style={{ backgroundColor: correlationColor(v === null ? null : v * PANE_SHADE) }}>
                  {v === null ? "—" : v.toFixed(2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className={s.list} aria-label={a.codes}>
        {m.codes.map((c) => (
          <li key={c}>{`${c} ${names(c)}`}</li>
        ))}
      </ul>
    </Section>
  );
}

export function Importance({ audit: r, lang, names }: { audit: Audit; lang: Lang; names: Names }) {
  const a = AUDIT_STRINGS[lang];
  const s = useAuditStyles();
  const max = Math.max(...r.importance.map((x) => Math.max(x.weight, x.share ?? 0)), 1e-9);
  const shift = new Map(r.removeOne.map((x) => [x.indicator, x.meanAbsRankShift]));
  const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
  return (
    <Section title={a.importance} line={a.importanceLine}>
      <p className={s.line}>
        {a.barLegend(pct(max))} <span aria-hidden className={s.swatch} style={{ backgroundColor: tokens.colorNeutralForeground3 }} />
        {a.weightBar} <span aria-hidden className={s.swatch} style={{ backgroundColor: tokens.colorBrandBackground }} />
        {a.shareBar}
      </p>
      <table className={s.table}>
        <caption className={s.caption}>{a.importanceCaption}</caption>
        <Head labels={[a.code, a.weight, a.share, a.removeOne]} />
        <tbody>
          {r.importance.map((x) => (
            <tr key={x.indicator}>
              <Indicator code={x.indicator} names={names} />
              <td className={s.cell}>
                {pct(x.weight)}
                <span aria-hidden className={s.bar} style={{ width: `${(100 * x.weight) / max}%`, backgroundColor: tokens.colorNeutralForeground3 }} />
              </td>
              <td className={s.cell}>
                {pct(x.share)}
                <span aria-hidden className={s.bar} style={{ width: `${(100 * (x.share ?? 0)) / max}%`, backgroundColor: tokens.colorBrandBackground }} />
              </td>
              <td className={s.cell}>{fixed(shift.get(x.indicator) ?? null, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** The Sobol indices, each with its 95% interval read as "−0.03 至 0.02" under it. */
export function SobolTable({ sobol: u, lang }: { sobol: Sobol; lang: Lang }) {
  const a = AUDIT_STRINGS[lang];
  const s = useAuditStyles();
  const index = (x: Stat, ci: [number, number] | null) => (
    <>
      {figure(x)} <span className={s.interval}>{ci ? a.interval(figure(ci[0]), figure(ci[1])) : "—"}</span>
    </>
  );
  return (
    <>
      <table className={s.table}>
        <caption className={s.caption}>{a.sobolCaption(u.samples, u.runs, u.seed)}</caption>
        <thead>
          <tr>
            <th scope="col" className={s.head}>
              {a.choice}
            </th>
            {[a.first, a.total].map((h) => (
              <th key={h} scope="col" className={s.head}>
                {h} <span className={s.interval}>{a.ci}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {u.factors.map((f) => (
            <tr key={f.key}>
              <th scope="row" className={s.head}>
                {lang === "en" ? f.en : f.zh}
              </th>
              <td className={s.cell}>{index(f.first, f.firstCI)}</td>
              <td className={s.cell}>{index(f.total, f.totalCI)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={s.line}>{a.sobolReading}</p>
    </>
  );
}

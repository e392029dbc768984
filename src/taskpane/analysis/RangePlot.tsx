import { makeStyles, tokens } from "@fluentui/react-components";
import type { AnalysisStrings } from "../analysis-i18n";
import { useWidth } from "../useWidth";
import { visuallyHidden } from "../styles";

export interface RangeRow {
  key: string;
  label: string;
  baseline: number;
  median: number;
  p5: number;
  p95: number;
  /** Share (0–1) of replications keeping the baseline rank. */
  keep: number;
  /** The region heading this row sits under (region ranks), if any. */
  group?: string;
}

// Colours of the marks, each at least 3:1 against the white ground (WCAG 1.4.11) and the
// median's dot 3:1 against the bar it sits on.
const BAR = "#4a8bc9";
const DOT = "#0b3a66";
const INK = "#242424";
const GRID = "#e0e0e0";
const MUTED = "#616161";

const useStyles = makeStyles({
  box: { width: "100%", minWidth: 0 },
  svg: { display: "block", fontFamily: tokens.fontFamilyBase },
  hidden: visuallyHidden,
  legend: {
    margin: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    "& > span": { whiteSpace: "nowrap" },
  },
});

const FONT = 12;
const ROW = 22;
const TOP = 38;

export const percent = (share: number, digits = 0): string => `${(share * 100).toFixed(digits)}%`;

/** A label's width at 12 px: CJK a full em, other characters about 0.6 em. */
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? FONT : FONT * 0.6), 0);

/** Tick step so labels sit at least 24 px apart. */
function tickStep(ranks: number, plot: number): number {
  for (const step of [1, 2, 5, 10, 20, 50]) if ((plot / Math.max(1, ranks - 1)) * step >= 24) return step;
  return 100;
}

/**
 * Each district's rank under perturbed weights as a horizontal range plot, drawn at the pane's
 * measured width (1 unit = 1 px, text 12 px): the 5–95% interval as a bar, the median as a dot,
 * the baseline as a diamond, the share keeping its place on the right; under region ranks, a
 * heading above each region's rows. For screen readers: an image with a description, and the
 * numbers in a visually hidden table.
 */
export function RangePlot({ rows, ranks, label, caption, a }: { rows: RangeRow[]; ranks: number; label: string; caption: string; a: AnalysisStrings }) {
  const s = useStyles();
  const [ref, width] = useWidth<HTMLDivElement>(300);
  const left = Math.ceil(Math.max(...rows.map((r) => textWidth(r.label)), 24)) + 14;
  const right = 40;
  const pad = 8; // keeps the rank-1 diamond clear of the labels
  const plot = Math.max(60, width - left - right - 2 * pad);
  const x = (rank: number) => left + pad + (ranks <= 1 ? plot / 2 : ((rank - 1) / (ranks - 1)) * plot);
  const step = tickStep(ranks, plot);
  const ticks = Array.from({ length: ranks }, (_, k) => k + 1);
  const labelled = ticks.filter((r) => r === 1 || r % step === 0 || (r === ranks && (ranks % step) / step >= 0.5));

  // Rows and the region headings between them, top to bottom.
  const lines: ({ kind: "group"; text: string } | { kind: "row"; row: RangeRow })[] = [];
  rows.forEach((row, i) => {
    if (row.group && row.group !== rows[i - 1]?.group) lines.push({ kind: "group", text: row.group });
    lines.push({ kind: "row", row });
  });
  const height = TOP + lines.length * ROW + 4;
  const groups = rows.some((r) => r.group);
  return (
    <div ref={ref} className={s.box}>
      <svg className={s.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <g aria-hidden="true" fontSize={FONT}>
          <text x={left + pad + plot / 2} y={13} textAnchor="middle" fill={MUTED}>
            {a.rankAxis}
          </text>
          {ticks.map((r) => (
            <line key={r} x1={x(r)} x2={x(r)} y1={TOP - 6} y2={height - 2} strokeWidth={1} stroke={GRID} />
          ))}
          {labelled.map((r) => (
            <text key={r} x={x(r)} y={TOP - 10} textAnchor="middle" fill={MUTED}>
              {r}
            </text>
          ))}
          {lines.map((line, i) => {
            const y = TOP + i * ROW + ROW / 2;
            if (line.kind === "group")
              return (
                <text key={`g-${line.text}`} x={0} y={y + 4} fontWeight={600} fill={INK}>
                  {line.text}
                </text>
              );
            const { row } = line;
            const d = 6;
            const bx = x(row.baseline);
            return (
              <g key={row.key} data-district={row.key}>
                <text x={left - 6} y={y + 4} textAnchor="end" fill={INK}>
                  {row.label}
                </text>
                <line x1={x(row.p5)} x2={x(row.p95)} y1={y} y2={y} strokeWidth={8} strokeLinecap="round" stroke={BAR} />
                <polygon points={`${bx},${y - d} ${bx + d},${y} ${bx},${y + d} ${bx - d},${y}`} strokeWidth={1.5} fill="none" stroke={INK} />
                <circle cx={x(row.median)} cy={y} r={4} fill={DOT} stroke="#ffffff" strokeWidth={1.5} />
                <text x={width - 2} y={y + 4} textAnchor="end" fill={MUTED} style={{ fontVariantNumeric: "tabular-nums" }}>
                  {percent(row.keep)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <p className={s.legend} aria-hidden="true">
        <span>
          <span style={{ color: DOT }}>●</span> {a.median}
        </span>
        <span>
          <span style={{ color: INK }}>◇</span> {a.baseline}
        </span>
        <span>
          <span style={{ color: BAR }}>▬</span> {a.interval}
        </span>
        <span>% {a.keep}</span>
      </p>
      {/* Hidden in a wrapper: a table itself ignores width: 1px and would widen the pane. */}
      <div className={s.hidden}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{a.district}</th>
              <th scope="col">{a.baseline}</th>
              <th scope="col">{a.median}</th>
              <th scope="col">{a.p5}</th>
              <th scope="col">{a.p95}</th>
              <th scope="col">{a.keep}</th>
            </tr>
          </thead>
          {(groups ? [...new Set(rows.map((r) => r.group))] : [undefined]).map((group) => (
            <tbody key={group ?? "all"}>
              {group && (
                <tr>
                  <th scope="colgroup" colSpan={6}>
                    {group}
                  </th>
                </tr>
              )}
              {rows
                .filter((r) => !groups || r.group === group)
                .map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td>{row.baseline}</td>
                    <td>{row.median}</td>
                    <td>{row.p5}</td>
                    <td>{row.p95}</td>
                    <td>{percent(row.keep, 1)}</td>
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}

import { makeStyles, tokens } from "@fluentui/react-components";
import type { AnalysisStrings } from "../analysis-i18n";

export interface RangeRow {
  key: string;
  label: string;
  baseline: number;
  median: number;
  p5: number;
  p95: number;
  /** Share (0–1) of replications keeping the baseline rank. */
  keep: number;
}

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block", fontFamily: tokens.fontFamilyBase },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  legend: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const ROW = 20;
const TOP = 30;
const LEFT = 78;
const RIGHT = 44;
const WIDTH = 340;

export const percent = (share: number, digits = 0): string => `${(share * 100).toFixed(digits)}%`;

/**
 * Each district's rank under perturbed weights as a horizontal range plot: the 5–95% interval
 * as a bar, the median as a dot, the baseline as a diamond, the share keeping its place on the
 * right. For screen readers: an image with a description, and the numbers in a hidden table.
 */
export function RangePlot({ rows, ranks, label, caption, a }: { rows: RangeRow[]; ranks: number; label: string; caption: string; a: AnalysisStrings }) {
  const s = useStyles();
  const plot = WIDTH - LEFT - RIGHT;
  const x = (rank: number) => LEFT + (ranks <= 1 ? plot / 2 : ((rank - 1) / (ranks - 1)) * plot);
  const height = TOP + rows.length * ROW + 6;
  const ticks = Array.from({ length: ranks }, (_, k) => k + 1);
  // 1, every fifth rank, and the last unless it would crowd the fifth before it.
  const labelled = new Set([1, ...ticks.filter((r) => r % 5 === 0 || (r === ranks && r % 5 >= 3))]);
  return (
    <div>
      <svg className={s.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
        <g aria-hidden="true">
          <text x={LEFT + plot / 2} y={9} textAnchor="middle" fontSize={9} style={{ fill: tokens.colorNeutralForeground2 }}>
            {a.rankAxis}
          </text>
          {ticks.map((r) => (
            <g key={r}>
              <line x1={x(r)} x2={x(r)} y1={TOP - 4} y2={height - 4} strokeWidth={0.5} style={{ stroke: tokens.colorNeutralStroke2 }} />
              {labelled.has(r) && (
                <text x={x(r)} y={TOP - 8} textAnchor="middle" fontSize={8} style={{ fill: tokens.colorNeutralForeground2 }}>
                  {r}
                </text>
              )}
            </g>
          ))}
          {rows.map((row, i) => {
            const y = TOP + i * ROW + ROW / 2;
            const d = 5.5;
            return (
              <g key={row.key} data-district={row.key}>
                <text x={LEFT - 6} y={y + 3.5} textAnchor="end" fontSize={10} style={{ fill: tokens.colorNeutralForeground1 }}>
                  {row.label}
                </text>
                <line x1={x(row.p5)} x2={x(row.p95)} y1={y} y2={y} strokeWidth={6} strokeLinecap="round" strokeOpacity={0.35} style={{ stroke: tokens.colorBrandForeground2 }} />
                <polygon
                  points={`${x(row.baseline)},${y - d} ${x(row.baseline) + d},${y} ${x(row.baseline)},${y + d} ${x(row.baseline) - d},${y}`}
                  strokeWidth={1.2}
                  style={{ fill: "none", stroke: tokens.colorNeutralForeground1 }}
                />
                <circle cx={x(row.median)} cy={y} r={3} style={{ fill: tokens.colorBrandForeground1 }} />
                <text x={WIDTH - 4} y={y + 3.5} textAnchor="end" fontSize={9} style={{ fill: tokens.colorNeutralForeground2 }}>
                  {percent(row.keep)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <p className={s.legend} aria-hidden="true">
        ● {a.median} · ◇ {a.baseline} · ▬ {a.interval} · % {a.keep}
      </p>
      <table className={s.hidden}>
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
        <tbody>
          {rows.map((row) => (
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
      </table>
    </div>
  );
}

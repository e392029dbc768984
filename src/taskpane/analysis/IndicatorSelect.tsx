import { Field, Select, makeStyles } from "@fluentui/react-components";
import type { Framework } from "../../core";
import type { Lang } from "../i18n";

/** Long English indicator names must not widen the pane: the picker keeps to its width. */
export const useSelectStyles = makeStyles({
  root: { width: "100%", maxWidth: "100%", minWidth: 0 },
  select: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

/** A picker over a framework's indicators (the composite first), indented by level. */
export function IndicatorSelect({
  framework,
  codes = framework.order,
  value,
  onChange,
  label,
  lang,
}: {
  framework: Framework;
  codes?: readonly string[];
  value: string;
  onChange: (code: string) => void;
  label: string;
  lang: Lang;
}) {
  const s = useSelectStyles();
  return (
    <Field label={label}>
      <Select className={s.root} select={{ className: s.select }} value={value} onChange={(_, d) => onChange(d.value)}>
        {codes.map((code) => {
          const ind = framework.indicators.get(code)!;
          const name = lang === "en" ? ind.nameEn : ind.nameZh;
          return (
            <option key={code} value={code}>
              {`${"\u2003".repeat(Math.max(0, ind.level))}${code} ${name}`}
            </option>
          );
        })}
      </Select>
    </Field>
  );
}

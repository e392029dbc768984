import { Field, Select } from "@fluentui/react-components";
import type { AnalysisStrings } from "../analysis-i18n";
import { useSelectStyles } from "./IndicatorSelect";

/** Ranks among all districts of the city, or within each district's region. */
export type Scope = "city" | "region";

/** The picker between ranks over all (named with the profile's word for the whole: 全市, 全省) and region ranks. */
export function ScopeSelect({ value, onChange, a, whole }: { value: Scope; onChange: (scope: Scope) => void; a: AnalysisStrings; whole: string }) {
  const s = useSelectStyles();
  return (
    <Field label={a.scope}>
      <Select className={s.root} select={{ className: s.select }} value={value} onChange={(_, d) => onChange(d.value as Scope)}>
        <option value="city">{whole}</option>
        <option value="region">{a.region}</option>
      </Select>
    </Field>
  );
}

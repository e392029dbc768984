import { Field, Select } from "@fluentui/react-components";
import type { AnalysisStrings } from "../analysis-i18n";
import { useSelectStyles } from "./IndicatorSelect";

/** Ranks among all districts of the city, or within each district's region. */
export type Scope = "city" | "region";

/** The picker between city and region ranks. */
export function ScopeSelect({ value, onChange, a }: { value: Scope; onChange: (scope: Scope) => void; a: AnalysisStrings }) {
  const s = useSelectStyles();
  return (
    <Field label={a.scope}>
      <Select className={s.root} select={{ className: s.select }} value={value} onChange={(_, d) => onChange(d.value as Scope)}>
        <option value="city">{a.city}</option>
        <option value="region">{a.region}</option>
      </Select>
    </Field>
  );
}

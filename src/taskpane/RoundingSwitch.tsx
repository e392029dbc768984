import { Switch } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { Rounding } from "../excel/build";
import type { Strings } from "./i18n";
import { Status } from "./Status";
import { useStyles } from "./styles";
import { describeError, type Model, type ModelSource } from "./types";

/**
 * The workbook's rounding: off, full precision; on, every index rounded to 2 decimals before
 * the level above uses it, as the 2020 report's tables add up. The results, the SCI cells and
 * every sheet written afterwards follow the model, so they follow this switch.
 */
export function RoundingSwitch({ t, model, current }: { t: Strings; model: ModelSource; current: Model }) {
  const s = useStyles();
  const hint = useId();
  // The choice shows at once; the model (and so the results) follows a moment later.
  const [pending, setPending] = useState<Rounding>();
  const [problem, setProblem] = useState<(t: Strings) => string>();
  const change = async (checked: boolean) => {
    const next: Rounding = checked ? "report" : "exact";
    setPending(next);
    setProblem(undefined);
    try {
      await model.setRounding(next);
    } catch (e) {
      setProblem(() => (t: Strings) => t.failed(describeError(e)));
    } finally {
      setPending(undefined);
    }
  };
  return (
    <div>
      <Switch label={t.rounding} aria-describedby={hint} checked={(pending ?? current.rounding) === "report"} onChange={(_, d) => void change(d.checked)} />
      <p id={hint} className={s.hint}>
        {t.roundingHint}
      </p>
      {problem && (
        <Status intent="warning" title={t.problem}>
          {problem(t)}
        </Status>
      )}
    </div>
  );
}

// Renders one analysis panel over the fake workbook with a model of the test's making, and the
// model fixtures they share: the 2020 scores and a last year whose changes are known.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { score, validate, type Scores } from "../../src/core";
import { dataset2020, framework2020, INPUTS_2020, shanghaiRoster } from "../../src/data";
import { officeWorkbook } from "../../src/excel/workbook";
import type { Model } from "../../src/excel/model";
import { FakeExcel } from "../fakes/excel";

export function renderPanel(element: (workbook: ReturnType<typeof officeWorkbook>) => ReactElement, excel = new FakeExcel()) {
  const workbook = officeWorkbook(excel.runExcel);
  const user = userEvent.setup();
  const node = (el: ReactElement) => <FluentProvider theme={webLightTheme}>{el}</FluentProvider>;
  const view = render(node(element(workbook)));
  return { excel, workbook, user, ...view, rerenderWith: (el: ReactElement) => view.rerender(node(el)) };
}

export const now2020 = score(dataset2020());

/** The 2020 inputs with one change: 浦东's coefficient halved — its composite halves, nothing else moves. */
export function lastYear(label = "2019", coefficient = 0.5): Scores {
  const rows = INPUTS_2020.map((r) => [...r]);
  const c = rows[0].indexOf("coefficient");
  rows.find((r) => r[0] === "浦东")![c] = coefficient;
  const { dataset, issues } = validate({ rows }, { framework: framework2020, roster: shanghaiRoster, label });
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return score(dataset!);
}

export function modelOf(scores: Scores | undefined, extra: Partial<Model> = {}): Model {
  return { source: "workbook", dataset: scores?.dataset, scores, issues: [], rounding: "exact", version: 1, ...extra };
}

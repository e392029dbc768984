// Renders the pane over a fake workbook and a fake model, for the component tests.
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { officeWorkbook } from "../../src/excel/workbook";
import { App } from "../../src/taskpane/App";
import type { Lang } from "../../src/taskpane/i18n";
import type { SciWorkbook } from "../../src/taskpane/types";
import { FakeExcel } from "../fakes/excel";
import { fakeModel, type FakeModel } from "../fakes/model";

export function renderPane(
  options: { lang?: Lang | null; excel?: FakeExcel; workbook?: (real: SciWorkbook) => SciWorkbook; model?: (excel: FakeExcel) => FakeModel } = {},
) {
  const excel = options.excel ?? new FakeExcel();
  const model = (options.model ?? fakeModel)(excel);
  const real = officeWorkbook(excel.runExcel);
  const workbook = options.workbook ? options.workbook(real) : real;
  const user = userEvent.setup();
  const view = render(<App workbook={workbook} model={model} lang={options.lang === null ? undefined : (options.lang ?? "zh")} />);
  return { excel, model, workbook, user, ...view };
}

/** Text as read aloud: the pane's no-break spaces (16 个, 「SCI 输入」 kept on one line) as spaces. */
export const plain = (text: string | null | undefined): string => (text ?? "").replace(/\u00a0/g, " ");

/** A role query's name matched as read aloud (see plain). */
export const named =
  (text: string) =>
  (name: string): boolean =>
    plain(name) === text;

// The in-memory workbook behind the fake Office.js surface (excel.ts): sheets of cells, tables,
// charts, the selection, and Excel's rules for what a written value becomes. Plain TypeScript,
// no test framework and no Node APIs, so a browser page can bundle it too.

export type Scalar = string | number | boolean;

export interface Cell {
  value: Scalar;
  /** Set when Excel turned the written text into a formula. */
  formula?: string;
  numberFormat: string;
  bold: boolean;
  /** Lines on the cell's edges, as set through range.format.borders. */
  borders?: Partial<Record<Side, Line>>;
  /** Fill colour, `#RRGGBB`. */
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** range.format.indentLevel (ExcelApi 1.9): steps from the cell's border. */
  indentLevel?: number;
}

export type Side = "top" | "bottom" | "left" | "right";
export interface Line {
  style: string;
  weight: string;
  color: string;
}

/** What worksheet.pageLayout and horizontalPageBreaks hold. */
export interface PageState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** In points, as Excel keeps them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
  printArea?: Area;
  /** Whole rows repeated on every printed page. */
  printTitleRows?: Area;
  centerFooter: string;
  /** Rows (zero-based) with a manual page break above them. */
  rowBreaks: number[];
}

/** A rectangle of cells, zero-based. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface SheetState {
  id: number;
  name: string;
  cells: Map<string, Cell>;
  /** Column widths in points, by column. */
  columnWidths: Map<number, number>;
  /** Row heights in points, by row, where set. */
  rowHeights: Map<number, number>;
  freezeRows: number;
  freezeColumns: number;
  protected: boolean;
  charts: ChartState[];
  /** Shapes: pictures (worksheet.shapes.addImage, base64 PNG or JPEG). */
  shapes: ShapeState[];
  page: PageState;
  /** Conditional formats, in the order added. */
  conditionalFormats: ConditionalFormatState[];
  /** Merged areas (range.merge), in the order merged. */
  merged: Area[];
}

/** One criterion of a colour scale: where (a number, a percentile, the lowest value…) and which colour. */
export interface ColorCriterion {
  type: string;
  formula?: string;
  color: string;
}

export interface ConditionalFormatState {
  type: string;
  area: Area;
  colorScale?: { minimum: ColorCriterion; midpoint?: ColorCriterion; maximum: ColorCriterion };
}

export interface ShapeState {
  id: number;
  name: string;
  type: "Image";
  /** The picture it was made from: base64 PNG or JPEG, as addImage takes it. */
  image: string;
  format: "PNG" | "JPEG";
  /** Position and size in points. */
  left: number;
  top: number;
  width: number;
  height: number;
  altTextTitle: string;
  altTextDescription: string;
  lockAspectRatio: boolean;
}

export interface TableState {
  id: number;
  name: string;
  sheet: SheetState;
  area: Area;
  hasHeaders: boolean;
  style?: string;
}

/** A workbook-scoped defined name over a range (`SCI_Input` = 数据!$B$3:$AQ$20). */
export interface NameState {
  name: string;
  sheet: SheetState;
  area: Area;
  comment: string;
}

export interface ChartState {
  id: number;
  name: string;
  type: string;
  seriesBy: string;
  source: Area;
  xValues?: Area;
  seriesName?: string;
  title: string;
  legendVisible: boolean;
  reversePlotOrder: boolean;
  position?: { start: string; end?: string };
}

/** One mutation, so a test can assert what was (and was not) touched. */
export interface Change {
  op: string;
  sheet?: string;
  address?: string;
}

export const MAX_ROWS = 1048576;

/** Excel.ConditionalFormatType and Excel.ConditionalFormatColorCriterionType values. */
export const CONDITIONAL_FORMAT_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
export const COLOR_CRITERION_TYPES = ["LowestValue", "HighestValue", "Number", "Percent", "Formula", "Percentile"];
export const MAX_COLS = 16384;

/** Shaped like OfficeExtension.Error: a code, a message and debugInfo. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export const errors = {
  notLoaded: (prop: string) =>
    new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    ),
  itemNotFound: (what: string) => new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist.`, what),
  invalidSelection: (why: string) => new FakeOfficeError("InvalidSelection", `The current selection is invalid for this operation. (${why})`),
  invalidArgument: (why: string) => new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${why})`),
  exists: (what: string) => new FakeOfficeError("ItemAlreadyExists", `The resource already exists. (${what})`),
  accessDenied: (what: string) => new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet. (${what})`),
  injected: (label: string, code = "GeneralException") => new FakeOfficeError(code, `Injected failure at ${label}.`, label),
  cellEditMode: () =>
    new FakeOfficeError("InvalidOperationInCellEditMode", "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode and try again."),
};

// ---- addresses ----

/** Excel's rules for table and defined names: a letter, _ or \\ first; no spaces; not a cell reference. */
function checkName(name: string, what: string): void {
  if (!/^[A-Za-z_\\\u3400-\u9fff][\w.\u3400-\u9fff]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name))
    throw errors.invalidArgument(`${what} "${name}"`);
}

export function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const cellName = (row: number, col: number) => `${columnName(col)}${row + 1}`;

export function areaName(a: Area): string {
  const first = cellName(a.row, a.col);
  return a.rows === 1 && a.cols === 1 ? first : `${first}:${cellName(a.row + a.rows - 1, a.col + a.cols - 1)}`;
}

/** Excel quotes sheet names that are not plain words. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u3400-\u9fff][\w\u3400-\u9fff.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits `'My sheet'!A1:B2` into sheet name and address. */
export function splitAddress(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** `A1`, `A1:C5`, `A:C` (whole columns), `2:4` (whole rows). */
export function parseArea(local: string): Area {
  const part = local.replace(/\$/g, "").trim().toUpperCase();
  const [a, b = a] = part.split(":");
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const colOnly = /^([A-Z]{1,3})$/;
  const rowOnly = /^(\d+)$/;
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[2]) - 1,
      r2 = Number(m2[2]) - 1,
      c1 = columnIndex(m1[1]),
      c2 = columnIndex(m2[1]);
    return checkArea({ row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 }, local);
  }
  m1 = colOnly.exec(a);
  m2 = colOnly.exec(b);
  if (m1 && m2) {
    const c1 = columnIndex(m1[1]),
      c2 = columnIndex(m2[1]);
    return checkArea({ row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 }, local);
  }
  m1 = rowOnly.exec(a);
  m2 = rowOnly.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[1]) - 1,
      r2 = Number(m2[1]) - 1;
    return checkArea({ row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS }, local);
  }
  throw errors.invalidArgument(`address "${local}"`);
}

export function checkArea(a: Area, what = ""): Area {
  const ok =
    [a.row, a.col, a.rows, a.cols].every(Number.isInteger) &&
    a.row >= 0 &&
    a.col >= 0 &&
    a.rows >= 1 &&
    a.cols >= 1 &&
    a.row + a.rows <= MAX_ROWS &&
    a.col + a.cols <= MAX_COLS;
  if (!ok) throw errors.invalidArgument(`range ${what || JSON.stringify(a)}`);
  return a;
}

export const overlaps = (a: Area, b: Area) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

// ---- cells ----

const key = (row: number, col: number) => `${row},${col}`;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function emptyCell(): Cell {
  return { value: "", numberFormat: "General", bold: false };
}

export function getCell(sheet: SheetState, row: number, col: number): Cell {
  return sheet.cells.get(key(row, col)) ?? emptyCell();
}

function editCell(sheet: SheetState, row: number, col: number): Cell {
  let c = sheet.cells.get(key(row, col));
  if (!c) sheet.cells.set(key(row, col), (c = emptyCell()));
  return c;
}

/**
 * What Excel makes of a value written through `range.values`: in a cell formatted as text (`@`)
 * a string stays exactly as written; otherwise text that starts with `=` (or `+`, `-`, `@` and
 * is not a number) becomes a formula, number-like text becomes a number, TRUE/FALSE booleans,
 * and a leading apostrophe marks text. `null` leaves the cell as it was.
 */
export function storeValue(cell: Cell, input: unknown): void {
  if (input === null || input === undefined) return;
  cell.formula = undefined;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw errors.invalidArgument(`value ${input}`);
    cell.value = input;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw errors.invalidArgument(`value of type ${typeof input}`);
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  const t = input.trim();
  if (input.startsWith("'")) cell.value = input.slice(1);
  else if (NUMBER.test(t)) cell.value = Number(t);
  else if (/^[=+\-@]/.test(input) && input.length > 1) {
    cell.formula = input.startsWith("=") ? input : `=${input}`;
    cell.value = "#NAME?";
  } else if (/^(true|false)$/i.test(t)) cell.value = t.toUpperCase() === "TRUE";
  else cell.value = input;
}

/** The text Excel shows for a cell, for the formats SCI uses. */
export function displayText(cell: Cell): string {
  const v = cell.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const f = cell.numberFormat;
  const fixed = /^0\.(0+)$/.exec(f);
  if (fixed) return excelFixed(v, fixed[1].length);
  if (f === "0") return excelFixed(v, 0);
  const fraction = /\?\/(\?+)$/.exec(f);
  if (fraction) return asFraction(v, 10 ** fraction[1].length - 1);
  return String(Number(v.toPrecision(11)));
}

/**
 * Excel rounds what it shows from the value's 15 significant digits, half away from zero:
 * 135.755 (stored as 135.75499999999999) shows as 135.76 where toFixed would say 135.75.
 */
export function excelFixed(v: number, decimals: number): string {
  const text = String(Math.abs(Number(v.toPrecision(15))));
  if (/e/i.test(text)) return v.toFixed(decimals);
  const [int, frac = ""] = text.split(".");
  let digits = (int + frac.padEnd(decimals, "0").slice(0, decimals)).split("").map(Number);
  if (Number(frac[decimals] ?? 0) >= 5) {
    let i = digits.length - 1;
    for (; i >= 0 && digits[i] === 9; i--) digits[i] = 0;
    if (i < 0) digits = [1, ...digits];
    else digits[i]++;
  }
  const whole = digits.slice(0, digits.length - decimals).join("") || "0";
  const out = decimals ? `${whole}.${digits.slice(digits.length - decimals).join("")}` : whole;
  return v < 0 && /[1-9]/.test(out) ? `-${out}` : out;
}

function asFraction(x: number, maxDen: number): string {
  const whole = Math.trunc(x);
  const frac = Math.abs(x - whole);
  if (frac < 1e-12) return String(whole);
  let best = { n: 0, d: 1, err: Infinity };
  for (let d = 1; d <= maxDen; d++) {
    const n = Math.round(frac * d);
    const err = Math.abs(frac - n / d);
    if (err < best.err - 1e-15) best = { n, d, err };
  }
  return `${whole ? whole + " " : ""}${best.n}/${best.d}`;
}

// ---- formats and page layout ----

const BORDER_INDEX = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const LINE_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const LINE_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];
export const ORIENTATIONS = ["Portrait", "Landscape"];

/** A new sheet's page setup in Excel: portrait Letter at 100%, normal margins (in points). */
export function defaultPage(): PageState {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    centerHorizontally: false,
    centerFooter: "",
    rowBreaks: [],
  };
}

// ---- the workbook ----

export class BookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  names: NameState[] = [];
  active: { sheet: SheetState; area: Area } | undefined;
  /** A Ctrl+click selection: every area of it (the active one is the last); empty for one area. */
  activeAreas: Area[] = [];
  /** Cells whose values, text, formulas or formats a load brought back: what the reads cost. */
  cellsRead = 0;
  changes: Change[] = [];
  private nextId = 1;

  id(): number {
    return this.nextId++;
  }

  record(op: string, sheet?: SheetState, area?: Area): void {
    this.changes.push({ op, sheet: sheet?.name, address: area ? areaName(area) : undefined });
  }

  findSheet(name: string): SheetState | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  findTable(name: string): TableState | undefined {
    const n = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === n);
  }

  checkSheetName(name: string, except?: SheetState): void {
    if (typeof name !== "string" || name.trim() === "") throw errors.invalidArgument("sheet name is blank");
    if (name.length > 31) throw errors.invalidArgument(`sheet name "${name}" is longer than 31 characters`);
    if (/[[\]:*?/\\]/.test(name)) throw errors.invalidArgument(`sheet name "${name}" has a forbidden character`);
    if (name.startsWith("'") || name.endsWith("'")) throw errors.invalidArgument(`sheet name "${name}" starts or ends with an apostrophe`);
    if (name.toLowerCase() === "history") throw errors.invalidArgument(`"History" is reserved`);
    const other = this.findSheet(name);
    if (other && other !== except) throw errors.exists(`sheet "${name}"`);
  }

  addSheet(name?: string): SheetState {
    let n = name;
    if (n === undefined) for (let i = this.sheets.length + 1; this.findSheet((n = `Sheet${i}`)); i++);
    this.checkSheetName(n!);
    const sheet: SheetState = {
      id: this.id(),
      name: n!,
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      freezeRows: 0,
      freezeColumns: 0,
      protected: false,
      charts: [],
      shapes: [],
      page: defaultPage(),
      conditionalFormats: [],
      merged: [],
    };
    this.sheets.push(sheet);
    this.record("worksheets.add", sheet);
    if (!this.active) this.active = { sheet, area: { row: 0, col: 0, rows: 1, cols: 1 } };
    return sheet;
  }

  deleteSheet(sheet: SheetState): void {
    if (!this.sheets.includes(sheet)) throw errors.itemNotFound(`sheet ${sheet.name}`);
    if (this.sheets.length === 1) throw errors.invalidArgument("a workbook must keep at least one sheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.active?.sheet === sheet) this.active = { sheet: this.sheets[0], area: { row: 0, col: 0, rows: 1, cols: 1 } };
    this.record("worksheet.delete", sheet);
  }

  renameSheet(sheet: SheetState, name: string): void {
    this.checkSheetName(name, sheet);
    this.record("worksheet.name", sheet);
    sheet.name = name;
  }

  guard(sheet: SheetState, what: string): void {
    if (!this.sheets.includes(sheet)) throw errors.itemNotFound(`sheet ${sheet.name}`);
    if (sheet.protected) throw errors.accessDenied(`${what} on ${sheet.name}`);
  }

  writeValues(sheet: SheetState, area: Area, values: unknown): void {
    const grid = this.matrix(area, values, "values");
    this.guard(sheet, "values");
    for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.cols; c++) storeValue(editCell(sheet, area.row + r, area.col + c), grid[r][c]);
    this.record("range.values", sheet, area);
  }

  writeFormulas(sheet: SheetState, area: Area, formulas: unknown): void {
    const grid = this.matrix(area, formulas, "formulas");
    this.guard(sheet, "formulas");
    for (let r = 0; r < area.rows; r++)
      for (let c = 0; c < area.cols; c++) {
        const f = grid[r][c];
        const cell = editCell(sheet, area.row + r, area.col + c);
        if (typeof f === "string" && f.startsWith("=")) [cell.formula, cell.value] = [f, "#NAME?"];
        else storeValue(cell, f);
      }
    this.record("range.formulas", sheet, area);
  }

  writeNumberFormat(sheet: SheetState, area: Area, formats: unknown): void {
    const grid = this.matrix(area, formats, "numberFormat");
    this.guard(sheet, "numberFormat");
    for (let r = 0; r < area.rows; r++)
      for (let c = 0; c < area.cols; c++) {
        const f = grid[r][c];
        if (f === null || f === undefined) continue;
        if (typeof f !== "string") throw errors.invalidArgument(`number format ${String(f)}`);
        editCell(sheet, area.row + r, area.col + c).numberFormat = f;
      }
    this.record("range.numberFormat", sheet, area);
  }

  setBold(sheet: SheetState, area: Area, bold: boolean): void {
    this.guard(sheet, "format.font.bold");
    for (let r = 0; r < Math.min(area.rows, 10000); r++)
      for (let c = 0; c < Math.min(area.cols, 1000); c++) editCell(sheet, area.row + r, area.col + c).bold = bold;
    this.record("format.font.bold", sheet, area);
  }

  /** One property of one border of a range, as Excel draws it: edges on the outer cells, inside lines between neighbours. */
  setBorder(sheet: SheetState, area: Area, index: string, prop: keyof Line, value: string): void {
    if (!BORDER_INDEX.includes(index)) throw errors.invalidArgument(`border index ${index}`);
    const allowed = prop === "style" ? LINE_STYLES : prop === "weight" ? LINE_WEIGHTS : undefined;
    if (allowed ? !allowed.includes(value) : !/^#[0-9A-F]{6}$/i.test(value)) throw errors.invalidArgument(`border ${prop} ${value}`);
    this.guard(sheet, `format.borders.${index}`);
    const set = (r: number, c: number, side: Side) => {
      const cell = editCell(sheet, r, c);
      const line = (cell.borders ??= {})[side] ?? { style: "None", weight: "Thin", color: "#000000" };
      cell.borders[side] = { ...line, [prop]: value };
    };
    const last = { row: area.row + area.rows - 1, col: area.col + area.cols - 1 };
    for (let r = area.row; r <= last.row; r++)
      for (let c = area.col; c <= last.col; c++) {
        if (index === "EdgeTop" && r === area.row) set(r, c, "top");
        if (index === "EdgeBottom" && r === last.row) set(r, c, "bottom");
        if (index === "EdgeLeft" && c === area.col) set(r, c, "left");
        if (index === "EdgeRight" && c === last.col) set(r, c, "right");
        if (index === "InsideHorizontal") {
          if (r > area.row) set(r, c, "top");
          if (r < last.row) set(r, c, "bottom");
        }
        if (index === "InsideVertical") {
          if (c > area.col) set(r, c, "left");
          if (c < last.col) set(r, c, "right");
        }
      }
    this.record(`format.borders.${index}.${prop}`, sheet, area);
  }

  /**
   * range.merge(across): one merged cell, or one per row when `across`. As in Excel, only the
   * upper-left value of each is kept.
   */
  merge(sheet: SheetState, area: Area, across: boolean): void {
    this.guard(sheet, "range.merge");
    const parts = across ? Array.from({ length: area.rows }, (_, r) => ({ ...area, row: area.row + r, rows: 1 })) : [{ ...area }];
    for (const p of parts) {
      for (let r = 0; r < p.rows; r++) for (let c = 0; c < p.cols; c++) if (r || c) editCell(sheet, p.row + r, p.col + c).value = "";
      sheet.merged.push(p);
    }
    this.record("range.merge", sheet, area);
  }

  /** range.conditionalFormats.add(type): the types Excel knows; SCI writes colour scales. */
  addConditionalFormat(sheet: SheetState, area: Area, type: string): ConditionalFormatState {
    if (!CONDITIONAL_FORMAT_TYPES.includes(type)) throw errors.invalidArgument(`conditional format type ${type}`);
    this.guard(sheet, "conditionalFormats.add");
    const cf: ConditionalFormatState = { type, area: { ...area } };
    sheet.conditionalFormats.push(cf);
    this.record("conditionalFormats.add", sheet, area);
    return cf;
  }

  /** conditionalFormat.colorScale.criteria: minimum and maximum required, colours as #RRGGBB. */
  setColorScale(sheet: SheetState, cf: ConditionalFormatState, criteria: unknown): void {
    if (cf.type !== "ColorScale") throw errors.invalidArgument("colorScale on a conditional format of another type");
    const c = criteria as { minimum?: ColorCriterion; midpoint?: ColorCriterion; maximum?: ColorCriterion };
    const ok = (x: ColorCriterion | undefined) =>
      !!x && COLOR_CRITERION_TYPES.includes(x.type) && /^#[0-9A-F]{6}$/i.test(x.color) && (x.formula === undefined || typeof x.formula === "string");
    if (!ok(c.minimum) || !ok(c.maximum) || (c.midpoint !== undefined && !ok(c.midpoint))) throw errors.invalidArgument("colour-scale criteria");
    this.guard(sheet, "conditionalFormat.colorScale.criteria");
    cf.colorScale = { minimum: { ...c.minimum! }, ...(c.midpoint ? { midpoint: { ...c.midpoint } } : {}), maximum: { ...c.maximum! } };
    this.record("conditionalFormat.colorScale.criteria", sheet, cf.area);
  }

  setFill(sheet: SheetState, area: Area, color: string): void {
    if (!/^#[0-9A-F]{6}$/i.test(color)) throw errors.invalidArgument(`fill colour ${color}`);
    this.guard(sheet, "format.fill.color");
    for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.cols; c++) editCell(sheet, area.row + r, area.col + c).fill = color.toUpperCase();
    this.record("format.fill.color", sheet, area);
  }

  setAlignment(sheet: SheetState, area: Area, axis: "horizontal" | "vertical", value: string): void {
    const allowed = axis === "horizontal" ? H_ALIGN : V_ALIGN;
    if (!allowed.includes(value)) throw errors.invalidArgument(`${axis} alignment ${value}`);
    this.guard(sheet, `format.${axis}Alignment`);
    for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.cols; c++) editCell(sheet, area.row + r, area.col + c)[`${axis}Alignment`] = value;
    this.record(`format.${axis}Alignment`, sheet, area);
  }

  setIndent(sheet: SheetState, area: Area, level: number): void {
    if (!(Number.isInteger(level) && level >= 0 && level <= 250)) throw errors.invalidArgument(`indent level ${level}`);
    this.guard(sheet, "format.indentLevel");
    for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.cols; c++) editCell(sheet, area.row + r, area.col + c).indentLevel = level;
    this.record("format.indentLevel", sheet, area);
  }

  setWrapText(sheet: SheetState, area: Area, wrap: boolean): void {
    this.guard(sheet, "format.wrapText");
    for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.cols; c++) editCell(sheet, area.row + r, area.col + c).wrapText = wrap;
    this.record("format.wrapText", sheet, area);
  }

  setRowHeight(sheet: SheetState, area: Area, points: number): void {
    if (!(typeof points === "number" && points >= 0 && points <= 409)) throw errors.invalidArgument(`row height ${points}`);
    this.guard(sheet, "format.rowHeight");
    for (let r = area.row; r < area.row + Math.min(area.rows, 10000); r++) sheet.rowHeights.set(r, points);
    this.record("format.rowHeight", sheet, area);
  }

  /** A pageLayout property or method; `what` names it for the change log. */
  setPage(sheet: SheetState, what: string, change: (page: PageState) => void): void {
    this.guard(sheet, `pageLayout.${what}`);
    change(sheet.page);
    this.record(`pageLayout.${what}`, sheet);
  }

  setColumnWidth(sheet: SheetState, area: Area, points: number): void {
    if (!(typeof points === "number" && points >= 0 && points <= 1800)) throw errors.invalidArgument(`column width ${points}`);
    this.guard(sheet, "format.columnWidth");
    for (let c = area.col; c < area.col + area.cols; c++) sheet.columnWidths.set(c, points);
    this.record("format.columnWidth", sheet, area);
  }

  autofit(sheet: SheetState, area: Area): void {
    this.guard(sheet, "format.autofitColumns");
    for (let c = area.col; c < area.col + Math.min(area.cols, 1000); c++) {
      let width = 8.43;
      for (const [k, cell] of sheet.cells) {
        const [row, col] = k.split(",").map(Number);
        if (col === c && row >= area.row && row < area.row + area.rows) width = Math.max(width, [...displayText(cell)].length + 1);
      }
      sheet.columnWidths.set(c, Math.round(width * 5.7 * 100) / 100);
    }
    this.record("format.autofitColumns", sheet, area);
  }

  /** A 2-D array of exactly the area's shape (Office rejects any other). */
  private matrix(area: Area, input: unknown, what: string): unknown[][] {
    const ok = Array.isArray(input) && input.length === area.rows && input.every((r) => Array.isArray(r) && r.length === area.cols);
    if (!ok)
      throw errors.invalidArgument(
        `${what}: expected ${area.rows}×${area.cols}, got ${Array.isArray(input) ? `${input.length}×${Array.isArray(input[0]) ? input[0].length : "?"}` : typeof input}`,
      );
    return input as unknown[][];
  }

  /** The bounding box of cells holding something (or only values), in `within` if given. Undefined when empty. */
  usedArea(sheet: SheetState, valuesOnly = false, within?: Area): Area | undefined {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [k, cell] of sheet.cells) {
      const blank = cell.value === "" && cell.formula === undefined;
      if (blank && (valuesOnly || (cell.numberFormat === "General" && !cell.bold && !cell.fill && !cell.borders))) continue;
      const [row, col] = k.split(",").map(Number);
      if (within && (row < within.row || row >= within.row + within.rows || col < within.col || col >= within.col + within.cols)) continue;
      r0 = Math.min(r0, row);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, row);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? undefined : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  addTable(sheet: SheetState, area: Area, hasHeaders: boolean): TableState {
    this.guard(sheet, "tables.add");
    // A table always keeps at least one data row.
    if (hasHeaders && area.rows === 1) area = { ...area, rows: 2 };
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.area, area)))
      throw errors.invalidArgument(`a table can't overlap another table (${areaName(area)})`);
    let name = "";
    for (let i = this.tables.length + 1; this.findTable((name = `Table${i}`)); i++);
    let table: TableState;
    if (hasHeaders) {
      // Excel turns header cells into unique text; blanks become Column1, Column2, …
      const seen = new Set<string>();
      for (let c = 0; c < area.cols; c++) {
        const cell = editCell(sheet, area.row, area.col + c);
        let text = cell.formula ? `Column${c + 1}` : String(cell.value);
        if (text === "") text = `Column${c + 1}`;
        while (seen.has(text.toLowerCase())) text = `${text}2`;
        seen.add(text.toLowerCase());
        cell.value = text;
        cell.formula = undefined;
      }
      table = { id: this.id(), name, sheet, area, hasHeaders };
    } else {
      // Without headers Excel inserts a header row above the data.
      table = { id: this.id(), name, sheet, area: { ...area, row: Math.max(0, area.row - 1), rows: area.rows + 1 }, hasHeaders: true };
    }
    this.tables.push(table);
    this.record("tables.add", sheet, table.area);
    return table;
  }

  renameTable(table: TableState, name: string): void {
    checkName(name, "table");
    const other = this.findTable(name);
    if (other && other !== table) throw errors.exists(`table "${name}"`);
    if (this.findName(name)) throw errors.exists(`name "${name}"`); // tables and names share one namespace
    table.name = name;
    this.record("table.name", table.sheet, table.area);
  }

  findName(name: string): NameState | undefined {
    const n = name.toLowerCase();
    return this.names.find((x) => x.name.toLowerCase() === n);
  }

  addName(name: string, sheet: SheetState, area: Area, comment = ""): NameState {
    checkName(name, "name");
    if (this.findName(name) || this.findTable(name)) throw errors.exists(`name "${name}"`);
    const n: NameState = { name, sheet, area, comment };
    this.names.push(n);
    this.record("names.add", sheet, area);
    return n;
  }

  deleteName(n: NameState): void {
    if (!this.names.includes(n)) throw errors.itemNotFound(`name ${n.name}`);
    this.names = this.names.filter((x) => x !== n);
    this.record("name.delete", n.sheet, n.area);
  }

  select(sheet: SheetState, area: Area): void {
    if (!this.sheets.includes(sheet)) throw errors.itemNotFound(`sheet ${sheet.name}`);
    this.active = { sheet, area };
    this.activeAreas = [];
  }

  activate(sheet: SheetState): void {
    if (!this.sheets.includes(sheet)) throw errors.itemNotFound(`sheet ${sheet.name}`);
    if (this.active?.sheet !== sheet) {
      this.active = { sheet, area: { row: 0, col: 0, rows: 1, cols: 1 } };
      this.activeAreas = [];
    }
  }
}

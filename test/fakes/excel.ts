// A fake of the Office.js Excel surface SCI uses, over the in-memory workbook in excel-state.ts.
// It keeps Office's proxy model honest: methods and property writes are queued and run only at
// context.sync(); properties can be read only after load() and a sync (else PropertyNotLoaded);
// *OrNullObject lookups say isNullObject after a sync, and any other use of a null object fails
// the sync with ItemNotFound. A failing action stops its batch with the earlier actions applied,
// as Excel does. Syncs are counted; every change is recorded. Plain TypeScript, no test framework.
import {
  type Area,
  BookState,
  type Cell,
  type ChartState,
  type ConditionalFormatState,
  type Line,
  type NameState,
  type Scalar,
  type ShapeState,
  type SheetState,
  type TableState,
  MAX_COLS,
  MAX_ROWS,
  ORIENTATIONS,
  areaName,
  cellName,
  checkArea,
  displayText,
  errors,
  getCell,
  parseArea,
  quoteSheet,
  splitAddress,
} from "./excel-state";

export { FakeOfficeError } from "./excel-state";
export type {
  Area,
  Cell,
  Change,
  ChartState,
  ColorCriterion,
  ConditionalFormatState,
  Line,
  NameState,
  PageState,
  Scalar,
  ShapeState,
  SheetState,
  TableState,
} from "./excel-state";

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;
interface RangeRef {
  sheet: SheetState;
  area: Area;
}

/** Excel.RunOptions: what SCI passes to Excel.run. */
export interface RunOptions {
  delayForCellEdit?: boolean;
}

function loadProps(spec: LoadSpec): string[] | undefined {
  if (spec === undefined) return undefined;
  const list =
    typeof spec === "string" ? spec.split(",") : Array.isArray(spec) ? spec : typeof spec.select === "string" ? spec.select.split(",") : (spec.select ?? []);
  return list.map((p) => p.trim()).filter(Boolean);
}

export class FakeContext {
  /** @fake syncs of this context, for tests */
  syncCount = 0;
  readonly workbook: Workbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  private queue: { label: string; run: () => void }[] = [];

  constructor(
    /** @fake the host */
    readonly excel: FakeExcel,
    private readonly options: RunOptions = {},
  ) {
    this.workbook = new Workbook(this);
    this.application = { suspendApiCalculationUntilNextSync: () => this.enqueue("application.suspendApiCalculationUntilNextSync", () => {}) };
  }

  /** @fake the workbook's state */
  get book(): BookState {
    return this.excel.state;
  }

  /** @fake actions queued and not yet synced */
  get pending(): number {
    return this.queue.length;
  }

  /** @fake queues an action for the next sync */
  enqueue(label: string, run: () => void): void {
    this.queue.push({ label, run });
  }

  /** One round trip: runs the queued batch in order; the first failure rejects and drops the rest. */
  async sync(): Promise<void> {
    this.syncCount++;
    this.excel.syncs++;
    const ops = this.queue.splice(0);
    await Promise.resolve();
    if (this.excel.editing) {
      if (!this.options.delayForCellEdit) throw errors.cellEditMode();
      await this.excel.untilEditEnds();
    }
    for (const op of ops) {
      this.excel.beforeOp(op.label);
      op.run();
    }
  }
}

abstract class ClientObject<T> {
  private target_: T | null | undefined;
  private resolved = false;
  private null_: boolean | undefined;
  protected readonly values_ = new Map<string, unknown>();

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T | null,
    private readonly nullable = false,
  ) {
    if (nullable) context.enqueue("resolve", () => void (this.null_ = this.resolveOrNull() === null));
  }

  protected get book(): BookState {
    return this.context.book;
  }

  /** Resolved once, at the first sync that needs it, like a proxy bound to an object id. */
  protected resolveOrNull(): T | null {
    if (!this.resolved) {
      this.target_ = this.resolver();
      this.resolved = true;
    }
    return this.target_ ?? null;
  }

  /** @fake binds the proxy to the workbook object an action made */
  bind(target: T): void {
    this.target_ = target;
    this.resolved = true;
  }

  /** @fake The workbook object behind the proxy (Office has no such method). */
  target(): T {
    const t = this.resolveOrNull();
    if (t === null) throw errors.itemNotFound(this.constructor.name);
    return t;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.null_ === undefined) throw errors.notLoaded("isNullObject");
    return this.null_;
  }

  load(spec?: LoadSpec): this {
    const props = loadProps(spec) ?? this.defaultProps();
    this.context.enqueue("load", () => {
      const t = this.resolveOrNull();
      if (t === null) {
        if (!this.nullable) throw errors.itemNotFound(this.constructor.name);
        this.null_ = true;
        return;
      }
      for (const p of props) this.values_.set(p, this.read(t, p));
    });
    return this;
  }

  /** @fake Filled straight from a collection's load. */
  fillLoaded(target: T, props: string[]): void {
    this.bind(target);
    for (const p of props.length ? props : this.defaultProps()) this.values_.set(p, this.read(target, p));
  }

  protected abstract defaultProps(): string[];
  protected abstract read(target: T, prop: string): unknown;

  protected loaded<V>(prop: string): V {
    if (!this.values_.has(prop)) throw errors.notLoaded(prop);
    return this.values_.get(prop) as V;
  }

  protected act(label: string, fn: (t: T) => void): void {
    this.context.enqueue(label, () => fn(this.target()));
  }

  protected unknown(prop: string): never {
    throw errors.invalidArgument(`${this.constructor.name} has no property "${prop}"`);
  }
}

/** Collections load `items/<prop>` into item proxies. */
abstract class Collection<T, Item extends ClientObject<T>> extends ClientObject<T[]> {
  protected abstract item(target: T): Item;

  override load(spec?: LoadSpec): this {
    const props = (loadProps(spec) ?? ["items"]).map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    this.context.enqueue("load", () => {
      const items = this.target().map((t) => {
        const proxy = this.item(t);
        proxy.fillLoaded(t, props);
        return proxy;
      });
      this.values_.set("items", items);
    });
    return this;
  }

  get items(): Item[] {
    return this.loaded<Item[]>("items");
  }

  protected defaultProps(): string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }
}

export class Workbook {
  constructor(private readonly context: FakeContext) {}
  get worksheets(): WorksheetCollection {
    return new WorksheetCollection(this.context);
  }
  get tables(): TableCollection {
    return new TableCollection(this.context);
  }
  get names(): NamedItemCollection {
    return new NamedItemCollection(this.context);
  }
  getActiveCell(): Range {
    return new Range(this.context, () => {
      const a = this.context.book.active!;
      return { sheet: a.sheet, area: { row: a.area.row, col: a.area.col, rows: 1, cols: 1 } };
    });
  }
  /** One area only: Excel refuses getSelectedRange for a Ctrl+click selection of several. */
  getSelectedRange(): Range {
    return new Range(this.context, () => {
      const book = this.context.book;
      if (book.activeAreas.length > 1) throw errors.invalidSelection("several areas are selected");
      return { ...book.active! };
    });
  }
  /** ExcelApi 1.9: every area of the selection. */
  getSelectedRanges(): RangeAreas {
    return new RangeAreas(this.context, () => {
      const book = this.context.book;
      const a = book.active!;
      return { sheet: a.sheet, areas: book.activeAreas.length ? book.activeAreas : [a.area] };
    });
  }
}

/** ExcelApi 1.9 RangeAreas: the areas of a selection; SCI asks how many there are. */
export class RangeAreas extends ClientObject<{ sheet: SheetState; areas: Area[] }> {
  protected defaultProps() {
    return ["areaCount", "address", "cellCount"];
  }
  protected read(t: { sheet: SheetState; areas: Area[] }, prop: string): unknown {
    switch (prop) {
      case "areaCount":
        return t.areas.length;
      case "address":
        return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${areaName(a)}`).join(",");
      case "cellCount":
        return t.areas.reduce((n, a) => n + a.rows * a.cols, 0);
      default:
        return this.unknown(prop);
    }
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
  get address(): string {
    return this.loaded("address");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
}

export class WorksheetCollection extends Collection<SheetState, Worksheet> {
  constructor(context: FakeContext) {
    super(context, () => context.book.sheets);
  }
  protected item(s: SheetState): Worksheet {
    return new Worksheet(this.context, () => s);
  }
  add(name?: string): Worksheet {
    const sheet = new Worksheet(this.context, () => {
      throw errors.itemNotFound("worksheet not yet added");
    });
    this.context.enqueue("worksheets.add", () => sheet.bind(this.book.addSheet(name)));
    return sheet;
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => {
      const s = this.book.findSheet(key);
      if (!s) throw errors.itemNotFound(`worksheet "${key}"`);
      return s;
    });
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => this.book.findSheet(key) ?? null, true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.book.active!.sheet);
  }
}

export class Worksheet extends ClientObject<SheetState> {
  protected defaultProps() {
    return ["name", "position", "id", "visibility"];
  }
  protected read(s: SheetState, prop: string): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "position":
        return this.book.sheets.indexOf(s);
      case "id":
        return `{${s.id}}`;
      case "visibility":
        return "Visible";
      default:
        return this.unknown(prop);
    }
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(v: string) {
    this.act("worksheet.name", (s) => this.book.renameSheet(s, v));
  }
  get position(): number {
    return this.loaded("position");
  }
  get id(): string {
    return this.loaded("id");
  }
  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, area: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      const { sheet: named, local } = splitAddress(address);
      if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) throw errors.invalidArgument(`address ${address} is on another sheet`);
      return { sheet, area: parseArea(local) };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this.context, () => ({
      sheet: this.target(),
      area: checkArea({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }),
    }));
  }
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, () => {
      const sheet = this.target();
      return { sheet, area: this.book.usedArea(sheet, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      () => {
        const sheet = this.target();
        const area = this.book.usedArea(sheet, valuesOnly);
        return area ? { sheet, area } : null;
      },
      true,
    );
  }
  get tables(): TableCollection {
    return new TableCollection(this.context, this);
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.context, this);
  }
  get shapes(): ShapeCollection {
    return new ShapeCollection(this.context, this);
  }
  get freezePanes() {
    return {
      freezeRows: (count = 1) => this.act("freezePanes.freezeRows", (s) => ((s.freezeRows = count), this.book.record("freezePanes.freezeRows", s))),
      freezeColumns: (count = 1) => this.act("freezePanes.freezeColumns", (s) => ((s.freezeColumns = count), this.book.record("freezePanes.freezeColumns", s))),
      unfreeze: () => this.act("freezePanes.unfreeze", (s) => ((s.freezeRows = s.freezeColumns = 0), this.book.record("freezePanes.unfreeze", s))),
    };
  }
  get pageLayout(): PageLayout {
    return new PageLayout(this.context, () => this.target());
  }
  get horizontalPageBreaks() {
    return {
      add: (at: Range | string) =>
        this.act("horizontalPageBreaks.add", (s) => {
          const row = typeof at === "string" ? parseArea(splitAddress(at).local).row : at.target().area.row;
          this.book.setPage(s, "horizontalPageBreaks.add", (p) => void (p.rowBreaks.includes(row) || p.rowBreaks.push(row)));
        }),
    };
  }
  get protection(): WorksheetProtection {
    return new WorksheetProtection(this.context, () => this.target());
  }
  activate(): void {
    this.act("worksheet.activate", (s) => this.book.activate(s));
  }
  delete(): void {
    this.act("worksheet.delete", (s) => this.book.deleteSheet(s));
  }
  /** For proxies made by other proxies (range.worksheet). */
  static of(context: FakeContext, sheet: () => SheetState): Worksheet {
    return new Worksheet(context, sheet);
  }
}

/** worksheet.pageLayout (ExcelApi 1.9): the properties and methods SCI sets. */
export class PageLayout extends ClientObject<SheetState> {
  protected defaultProps() {
    return [];
  }
  protected read(_: SheetState, prop: string): unknown {
    return this.unknown(prop);
  }
  private page(what: string, change: (p: SheetState["page"], s: SheetState) => void): void {
    this.act(`pageLayout.${what}`, (s) => this.book.setPage(s, what, (p) => change(p, s)));
  }
  set orientation(v: string) {
    this.page("orientation", (p) => {
      if (!ORIENTATIONS.includes(v)) throw errors.invalidArgument(`orientation ${v}`);
      p.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.page("paperSize", (p) => void (p.paperSize = v));
  }
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.page("zoom", (p) => {
      // Documented: a number of pages (so at least 1) or a scale of 10–400; 0 is not documented.
      const pages = [v.horizontalFitToPages, v.verticalFitToPages].filter((n) => n !== undefined);
      if (pages.some((n) => !Number.isInteger(n) || n! < 1) || (v.scale !== undefined && !(v.scale >= 10 && v.scale <= 400)))
        throw errors.invalidArgument(`zoom ${JSON.stringify(v)}`);
      p.zoom = { ...v };
    });
  }
  set centerHorizontally(v: boolean) {
    this.page("centerHorizontally", (p) => void (p.centerHorizontally = v));
  }
  setPrintMargins(unit: string, m: Partial<Record<"left" | "right" | "top" | "bottom" | "header" | "footer", number>>): void {
    const per = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 }[unit];
    this.page("setPrintMargins", (p) => {
      if (per === undefined) throw errors.invalidArgument(`margin unit ${unit}`);
      for (const [k, v] of Object.entries(m)) p.margins[k as keyof typeof p.margins] = Math.round(v! * per * 100) / 100;
    });
  }
  setPrintArea(area: Range | string): void {
    this.page("setPrintArea", (p) => void (p.printArea = typeof area === "string" ? parseArea(splitAddress(area).local) : area.target().area));
  }
  setPrintTitleRows(rows: Range | string): void {
    this.page("setPrintTitleRows", (p) => {
      const a = typeof rows === "string" ? parseArea(splitAddress(rows).local) : rows.target().area;
      if (a.col !== 0 || a.cols !== MAX_COLS) throw errors.invalidArgument(`print title rows must be whole rows, got ${areaName(a)}`);
      p.printTitleRows = a;
    });
  }
  get headersFooters() {
    const page = this.page.bind(this);
    return {
      defaultForAllPages: {
        set centerFooter(v: string) {
          page("headersFooters.centerFooter", (p) => void (p.centerFooter = v));
        },
      },
    };
  }
}

export class WorksheetProtection extends ClientObject<SheetState> {
  protected defaultProps() {
    return ["protected"];
  }
  protected read(s: SheetState, prop: string): unknown {
    return prop === "protected" ? s.protected : this.unknown(prop);
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  protect(): void {
    this.act("protection.protect", (s) => {
      s.protected = true;
      this.book.record("protection.protect", s);
    });
  }
  unprotect(): void {
    this.act("protection.unprotect", (s) => {
      s.protected = false;
      this.book.record("protection.unprotect", s);
    });
  }
}

const RANGE_PROPS = ["address", "values", "text", "numberFormat", "formulas", "valueTypes", "rowIndex", "columnIndex", "rowCount", "columnCount"];

export class Range extends ClientObject<RangeRef> {
  protected defaultProps() {
    return RANGE_PROPS;
  }
  protected read(t: RangeRef, prop: string): unknown {
    const grid = <V>(f: (c: Cell) => V): V[][] => {
      if (t.area.rows * t.area.cols > 5_000_000) throw errors.invalidArgument("the response payload is too large");
      this.book.cellsRead += t.area.rows * t.area.cols;
      return Array.from({ length: t.area.rows }, (_, r) => Array.from({ length: t.area.cols }, (_, c) => f(getCell(t.sheet, t.area.row + r, t.area.col + c))));
    };
    switch (prop) {
      case "address":
        return `${quoteSheet(t.sheet.name)}!${areaName(t.area)}`;
      case "values":
        return grid((c) => c.value);
      case "text":
        return grid(displayText);
      case "numberFormat":
        return grid((c) => c.numberFormat);
      case "formulas":
        return grid((c) => c.formula ?? c.value);
      case "valueTypes":
        return grid((c) =>
          c.value === ""
            ? "Empty"
            : typeof c.value === "number"
              ? "Double"
              : typeof c.value === "boolean"
                ? "Boolean"
                : /^#/.test(c.value) && c.formula
                  ? "Error"
                  : "String",
        );
      case "rowIndex":
        return t.area.row;
      case "columnIndex":
        return t.area.col;
      case "rowCount":
        return t.area.rows;
      case "columnCount":
        return t.area.cols;
      default:
        return this.unknown(prop);
    }
  }
  get address(): string {
    return this.loaded("address");
  }
  get values(): Scalar[][] {
    return this.loaded("values");
  }
  set values(v: unknown[][]) {
    this.act("range.values", (t) => this.book.writeValues(t.sheet, t.area, v));
  }
  get text(): string[][] {
    return this.loaded("text");
  }
  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.act("range.numberFormat", (t) => this.book.writeNumberFormat(t.sheet, t.area, v));
  }
  get formulas(): Scalar[][] {
    return this.loaded("formulas");
  }
  set formulas(v: unknown[][]) {
    this.act("range.formulas", (t) => this.book.writeFormulas(t.sheet, t.area, v));
  }
  get valueTypes(): string[][] {
    return this.loaded("valueTypes");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get format(): RangeFormat {
    return new RangeFormat(this.context, () => this.target());
  }
  /** range.merge(across) (ExcelApi 1.2). */
  merge(across = false): void {
    this.act("range.merge", (t) => this.book.merge(t.sheet, t.area, across));
  }
  /** range.conditionalFormats.add(type) → a format whose colorScale.criteria can be set. */
  get conditionalFormats() {
    return {
      add: (type: string) => {
        let cf: ConditionalFormatState | undefined;
        this.act("conditionalFormats.add", (t) => void (cf = this.book.addConditionalFormat(t.sheet, t.area, type)));
        const setCriteria = (v: unknown) => this.act("conditionalFormat.colorScale.criteria", (t) => this.book.setColorScale(t.sheet, cf!, v));
        return {
          type,
          colorScale: {
            set criteria(v: unknown) {
              setCriteria(v);
            },
          },
        };
      },
    };
  }
  get worksheet(): Worksheet {
    return Worksheet.of(this.context, () => this.target().sheet);
  }
  private derived(f: (t: RangeRef) => Area): Range {
    return new Range(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, area: checkArea(f(t)) };
    });
  }
  getCell(row: number, column: number): Range {
    return this.derived((t) => ({ row: t.area.row + row, col: t.area.col + column, rows: 1, cols: 1 }));
  }
  getRow(row: number): Range {
    return this.derived((t) => ({ ...t.area, row: t.area.row + row, rows: 1 }));
  }
  getColumn(column: number): Range {
    return this.derived((t) => ({ ...t.area, col: t.area.col + column, cols: 1 }));
  }
  getEntireColumn(): Range {
    return this.derived((t) => ({ ...t.area, row: 0, rows: MAX_ROWS }));
  }
  getEntireRow(): Range {
    return this.derived((t) => ({ ...t.area, col: 0, cols: MAX_COLS }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived((t) => ({ ...t.area, rows: t.area.rows + deltaRows, cols: t.area.cols + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived((t) => ({ ...t.area, row: t.area.row + rowOffset, col: t.area.col + columnOffset }));
  }
  select(): void {
    this.act("range.select", (t) => this.book.select(t.sheet, t.area));
  }
  /**
   * ExcelApi 1.4: the part of the range holding values (with valuesOnly) or values and formats;
   * a null object when it holds none, or when the range itself is a null object.
   */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      () => {
        const t = this.resolveOrNull();
        if (t === null) return null;
        const used = this.book.usedArea(t.sheet, valuesOnly, t.area);
        return used ? { sheet: t.sheet, area: used } : null;
      },
      true,
    );
  }
  /** The tables overlapping the range (or inside it, with fullyContained), as Excel's TableScopedCollection. */
  getTables(fullyContained = false): RangeTables {
    return new RangeTables(this.context, () => {
      const t = this.target();
      const inside = (a: Area) =>
        a.row >= t.area.row && a.col >= t.area.col && a.row + a.rows <= t.area.row + t.area.rows && a.col + a.cols <= t.area.col + t.area.cols;
      return this.book.tables.filter((x) => x.sheet === t.sheet && (fullyContained ? inside(x.area) : overlapsArea(x.area, t.area)));
    });
  }
}

const overlapsArea = (a: Area, b: Area) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

/** range.getTables(): the tables under a range, first by position. */
export class RangeTables extends Collection<TableState, Table> {
  protected item(t: TableState): Table {
    return new Table(this.context, () => t);
  }
  getFirst(): Table {
    return new Table(this.context, () => {
      const t = this.target()[0];
      if (!t) throw errors.itemNotFound("no table in the range");
      return t;
    });
  }
}

/** workbook.names: defined names over ranges, as Office's NamedItemCollection. */
export class NamedItemCollection extends Collection<NameState, NamedItem> {
  constructor(context: FakeContext) {
    super(context, () => context.book.names);
  }
  protected item(n: NameState): NamedItem {
    return new NamedItem(this.context, () => n);
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const item = new NamedItem(this.context, () => {
      throw errors.itemNotFound("name not yet added");
    });
    this.context.enqueue("names.add", () => {
      let ref: RangeRef;
      if (typeof reference !== "string") ref = reference.target();
      else {
        const { sheet: named, local } = splitAddress(reference.replace(/^=/, ""));
        const sheet = named !== undefined ? this.book.findSheet(named) : undefined;
        if (!sheet) throw errors.invalidArgument(`reference ${reference}`);
        ref = { sheet, area: parseArea(local) };
      }
      item.bind(this.book.addName(name, ref.sheet, ref.area, comment ?? ""));
    });
    return item;
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this.context, () => {
      const n = this.book.findName(name);
      if (!n) throw errors.itemNotFound(`name "${name}"`);
      return n;
    });
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.context, () => this.book.findName(name) ?? null, true);
  }
}

export class NamedItem extends ClientObject<NameState> {
  protected defaultProps() {
    return ["name", "type", "value", "formula", "comment", "visible"];
  }
  protected read(n: NameState, prop: string): unknown {
    const ref = `=${quoteSheet(n.sheet.name)}!${areaName(n.area).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
    switch (prop) {
      case "name":
        return n.name;
      case "type":
        return "Range";
      case "value":
      case "formula":
        return ref;
      case "comment":
        return n.comment;
      case "visible":
        return true;
      default:
        return this.unknown(prop);
    }
  }
  get name(): string {
    return this.loaded("name");
  }
  get formula(): string {
    return this.loaded("formula");
  }
  get comment(): string {
    return this.loaded("comment");
  }
  getRange(): Range {
    return new Range(this.context, () => {
      const n = this.target();
      if (!this.book.sheets.includes(n.sheet)) throw errors.itemNotFound(`the sheet of ${n.name}`);
      return { sheet: n.sheet, area: n.area };
    });
  }
  /** Null when the name is, or refers to nothing (its sheet deleted). */
  getRangeOrNullObject(): Range {
    return new Range(
      this.context,
      () => {
        const n = this.resolveOrNull();
        return n && this.book.sheets.includes(n.sheet) ? { sheet: n.sheet, area: n.area } : null;
      },
      true,
    );
  }
  delete(): void {
    this.act("name.delete", (n) => this.book.deleteName(n));
  }
}

export class RangeFormat extends ClientObject<RangeRef> {
  protected defaultProps() {
    return ["columnWidth"];
  }
  protected read(t: RangeRef, prop: string): unknown {
    if (prop !== "columnWidth") return this.unknown(prop);
    const widths = new Set(Array.from({ length: Math.min(t.area.cols, 1000) }, (_, c) => t.sheet.columnWidths.get(t.area.col + c) ?? 48));
    return widths.size === 1 ? [...widths][0] : null;
  }
  get font(): RangeFont {
    return new RangeFont(this.context, () => this.target());
  }
  get fill() {
    const act = this.act.bind(this);
    const book = () => this.book;
    return {
      set color(v: string) {
        act("format.fill.color", (t) => book().setFill(t.sheet, t.area, v));
      },
    };
  }
  set horizontalAlignment(v: string) {
    this.act("format.horizontalAlignment", (t) => this.book.setAlignment(t.sheet, t.area, "horizontal", v));
  }
  set verticalAlignment(v: string) {
    this.act("format.verticalAlignment", (t) => this.book.setAlignment(t.sheet, t.area, "vertical", v));
  }
  set indentLevel(v: number) {
    this.act("format.indentLevel", (t) => this.book.setIndent(t.sheet, t.area, v));
  }
  set wrapText(v: boolean) {
    this.act("format.wrapText", (t) => this.book.setWrapText(t.sheet, t.area, v));
  }
  set rowHeight(points: number) {
    this.act("format.rowHeight", (t) => this.book.setRowHeight(t.sheet, t.area, points));
  }
  get borders() {
    return {
      getItem: (index: string) => {
        const line = (prop: keyof Line, v: string) => this.act(`format.borders.${prop}`, (t) => this.book.setBorder(t.sheet, t.area, index, prop, v));
        return {
          set style(v: string) {
            line("style", v);
          },
          set weight(v: string) {
            line("weight", v);
          },
          set color(v: string) {
            line("color", v);
          },
        };
      },
    };
  }
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  set columnWidth(points: number) {
    this.act("format.columnWidth", (t) => this.book.setColumnWidth(t.sheet, t.area, points));
  }
  autofitColumns(): void {
    this.act("format.autofitColumns", (t) => this.book.autofit(t.sheet, t.area));
  }
}

export class RangeFont extends ClientObject<RangeRef> {
  protected defaultProps() {
    return ["bold"];
  }
  protected read(t: RangeRef, prop: string): unknown {
    if (prop !== "bold") return this.unknown(prop);
    const seen = new Set<boolean>();
    for (let r = 0; r < Math.min(t.area.rows, 10000); r++)
      for (let c = 0; c < Math.min(t.area.cols, 1000); c++) seen.add(getCell(t.sheet, t.area.row + r, t.area.col + c).bold);
    return seen.size === 1 ? [...seen][0] : null;
  }
  get bold(): boolean | null {
    return this.loaded("bold");
  }
  set bold(v: boolean | null) {
    this.act("format.font.bold", (t) => this.book.setBold(t.sheet, t.area, !!v));
  }
}

export class TableCollection extends Collection<TableState, Table> {
  constructor(
    context: FakeContext,
    private readonly sheet?: Worksheet,
  ) {
    super(context, () => {
      const s = sheet ? sheet.target() : undefined;
      return context.book.tables.filter((t) => !s || t.sheet === s);
    });
  }
  protected item(t: TableState): Table {
    return new Table(this.context, () => t);
  }
  add(address: string | Range, hasHeaders: boolean): Table {
    const table = new Table(this.context, () => {
      throw errors.itemNotFound("table not yet added");
    });
    this.context.enqueue("tables.add", () => {
      let ref: RangeRef;
      if (typeof address !== "string") ref = address.target();
      else {
        const { sheet: named, local } = splitAddress(address);
        const sheet = this.sheet ? this.sheet.target() : named !== undefined ? this.book.findSheet(named) : this.book.active?.sheet;
        if (!sheet) throw errors.itemNotFound(`worksheet "${named}"`);
        ref = { sheet, area: parseArea(local) };
      }
      table.bind(this.book.addTable(ref.sheet, ref.area, hasHeaders));
    });
    return table;
  }
  getItem(key: string): Table {
    return new Table(this.context, () => {
      const t = this.book.findTable(key);
      if (!t) throw errors.itemNotFound(`table "${key}"`);
      return t;
    });
  }
  getItemOrNullObject(key: string): Table {
    return new Table(this.context, () => this.book.findTable(key) ?? null, true);
  }
}

export class Table extends ClientObject<TableState> {
  protected defaultProps() {
    return ["name", "id", "style", "showHeaders"];
  }
  protected read(t: TableState, prop: string): unknown {
    switch (prop) {
      case "name":
        return t.name;
      case "id":
        return String(t.id);
      case "style":
        return t.style ?? "TableStyleMedium2";
      case "showHeaders":
        return t.hasHeaders;
      default:
        return this.unknown(prop);
    }
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(v: string) {
    this.act("table.name", (t) => this.book.renameTable(t, v));
  }
  get id(): string {
    return this.loaded("id");
  }
  set style(v: string) {
    this.act("table.style", (t) => void (t.style = v));
  }
  get worksheet(): Worksheet {
    return Worksheet.of(this.context, () => this.target().sheet);
  }
  private part(f: (a: Area) => Area): Range {
    return new Range(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, area: f(t.area) };
    });
  }
  getRange(): Range {
    return this.part((a) => a);
  }
  getHeaderRowRange(): Range {
    return this.part((a) => ({ ...a, rows: 1 }));
  }
  getDataBodyRange(): Range {
    return this.part((a) => ({ ...a, row: a.row + 1, rows: a.rows - 1 }));
  }
  /** Turns the table back into a plain range: its cells stay, the table (and its name) go. */
  convertToRange(): Range {
    const range = this.getRange();
    this.act("table.convertToRange", (t) => {
      this.book.tables = this.book.tables.filter((x) => x !== t);
      this.book.record("table.convertToRange", t.sheet, t.area);
    });
    return range;
  }
  delete(): void {
    this.act("table.delete", (t) => {
      this.book.tables = this.book.tables.filter((x) => x !== t);
      this.book.record("table.delete", t.sheet, t.area);
    });
  }
}

export class ChartCollection extends Collection<ChartState, Chart> {
  constructor(
    context: FakeContext,
    private readonly sheet: Worksheet,
  ) {
    super(context, () => sheet.target().charts);
  }
  protected item(c: ChartState): Chart {
    return new Chart(this.context, () => c, this.sheet);
  }
  add(type: string, sourceData: Range, seriesBy = "Auto"): Chart {
    const chart = new Chart(
      this.context,
      () => {
        throw errors.itemNotFound("chart not yet added");
      },
      this.sheet,
    );
    this.context.enqueue("charts.add", () => {
      const s = this.sheet.target();
      this.book.guard(s, "charts.add");
      const source = sourceData.target();
      const c: ChartState = {
        id: this.book.id(),
        name: `Chart ${s.charts.length + 1}`,
        type,
        seriesBy,
        source: source.area,
        title: "",
        legendVisible: true,
        reversePlotOrder: false,
      };
      s.charts.push(c);
      this.book.record("charts.add", s, source.area);
      chart.bind(c);
    });
    return chart;
  }
}

export class Chart extends ClientObject<ChartState> {
  constructor(
    context: FakeContext,
    resolver: () => ChartState | null,
    private readonly sheet: Worksheet,
  ) {
    super(context, resolver);
  }
  protected defaultProps() {
    return ["name", "chartType"];
  }
  protected read(c: ChartState, prop: string): unknown {
    return prop === "name" ? c.name : prop === "chartType" ? c.type : this.unknown(prop);
  }
  private edit(label: string, f: (c: ChartState) => void) {
    this.act(label, (c) => {
      const s = this.sheet.target();
      this.book.guard(s, label);
      f(c);
      this.book.record(label, s);
    });
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(v: string) {
    this.edit("chart.name", (c) => (c.name = v));
  }
  get chartType(): string {
    return this.loaded("chartType");
  }
  get title() {
    const edit = this.edit.bind(this);
    return {
      set text(v: string) {
        edit("chart.title", (c) => (c.title = v));
      },
    };
  }
  get legend() {
    const edit = this.edit.bind(this);
    return {
      set visible(v: boolean) {
        edit("chart.legend", (c) => (c.legendVisible = v));
      },
    };
  }
  get axes() {
    const edit = this.edit.bind(this);
    return {
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          edit("chart.axes.categoryAxis", (c) => (c.reversePlotOrder = v));
        },
      },
    };
  }
  get series() {
    const edit = this.edit.bind(this);
    return {
      getItemAt: (index: number) => {
        if (index !== 0) throw new Error("fake Excel: charts here have one series");
        return {
          set name(v: string) {
            edit("chart.series.name", (c) => (c.seriesName = v));
          },
          setXAxisValues: (range: Range) => edit("chart.series.setXAxisValues", (c) => (c.xValues = range.target().area)),
        };
      },
    };
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const where = (x: Range | string) => (typeof x === "string" ? areaName(parseArea(x)) : areaName(x.target().area));
    this.edit("chart.setPosition", (c) => (c.position = { start: where(startCell), end: endCell === undefined ? undefined : where(endCell) }));
  }
  delete(): void {
    this.edit("chart.delete", (c) => {
      const s = this.sheet.target();
      s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

export class ShapeCollection extends Collection<ShapeState, Shape> {
  constructor(
    context: FakeContext,
    private readonly sheet: Worksheet,
  ) {
    super(context, () => sheet.target().shapes);
  }
  protected item(s: ShapeState): Shape {
    return new Shape(this.context, () => s, this.sheet);
  }
  /**
   * ExcelApi 1.9: an image from a base64 PNG or JPEG (nothing else: SVG shapes are a preview
   * API), at the top left, at its own size in pixels (0.75 pt each) until moved.
   */
  addImage(base64ImageString: string): Shape {
    const shape = new Shape(
      this.context,
      () => {
        throw errors.itemNotFound("shape not yet added");
      },
      this.sheet,
    );
    this.context.enqueue("shapes.addImage", () => {
      const s = this.sheet.target();
      this.book.guard(s, "shapes.addImage");
      const picture = imageOf(base64ImageString);
      if (!picture) throw errors.invalidArgument("addImage: not a base64 PNG or JPEG image");
      const st: ShapeState = {
        id: this.book.id(),
        name: `Picture ${s.shapes.length + 1}`,
        type: "Image",
        image: base64ImageString,
        format: picture.format,
        left: 0,
        top: 0,
        width: picture.width * 0.75,
        height: picture.height * 0.75,
        altTextTitle: "",
        altTextDescription: "",
        lockAspectRatio: true,
      };
      s.shapes.push(st);
      this.book.record("shapes.addImage", s);
      shape.bind(st);
    });
    return shape;
  }
}

/** A base64 PNG (its size from the IHDR chunk) or JPEG (size unread: 100 × 100); else undefined. */
function imageOf(base64: string): { format: "PNG" | "JPEG"; width: number; height: number } | undefined {
  if (typeof base64 !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return undefined;
  const head = atob(base64.slice(0, 32));
  const byte = (i: number) => head.charCodeAt(i);
  const be32 = (i: number) => ((byte(i) << 24) | (byte(i + 1) << 16) | (byte(i + 2) << 8) | byte(i + 3)) >>> 0;
  if (head.startsWith("\x89PNG\r\n\x1a\n") && head.slice(12, 16) === "IHDR") return { format: "PNG", width: be32(16), height: be32(20) };
  if (byte(0) === 0xff && byte(1) === 0xd8 && byte(2) === 0xff) return { format: "JPEG", width: 100, height: 100 };
  return undefined;
}

type ShapeProp = "name" | "left" | "top" | "width" | "height" | "altTextTitle" | "altTextDescription" | "lockAspectRatio";

export class Shape extends ClientObject<ShapeState> {
  constructor(
    context: FakeContext,
    resolver: () => ShapeState | null,
    private readonly sheet: Worksheet,
  ) {
    super(context, resolver);
  }
  protected defaultProps() {
    return ["name", "type", "left", "top", "width", "height"];
  }
  protected read(s: ShapeState, prop: string): unknown {
    return prop in s && prop !== "image" && prop !== "format" ? s[prop as keyof ShapeState] : this.unknown(prop);
  }
  private set<K extends ShapeProp>(prop: K, v: ShapeState[K]) {
    this.act(`shape.${prop}`, (s) => {
      this.book.guard(this.sheet.target(), `shape.${prop}`);
      s[prop] = v;
      this.book.record(`shape.${prop}`, this.sheet.target());
    });
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(v: string) {
    this.set("name", v);
  }
  set left(v: number) {
    this.set("left", v);
  }
  set top(v: number) {
    this.set("top", v);
  }
  set width(v: number) {
    this.set("width", v);
  }
  set height(v: number) {
    this.set("height", v);
  }
  set altTextTitle(v: string) {
    this.set("altTextTitle", v);
  }
  set altTextDescription(v: string) {
    this.set("altTextDescription", v);
  }
  set lockAspectRatio(v: boolean) {
    this.set("lockAspectRatio", v);
  }
  delete(): void {
    this.act("shape.delete", (st) => {
      const s = this.sheet.target();
      s.shapes = s.shapes.filter((x) => x !== st);
    });
  }
}

/** The fake Excel host: its workbook, Excel.run, counted syncs, injected faults. */
export class FakeExcel {
  readonly state = new BookState();
  /** context.sync calls over every run. */
  syncs = 0;
  private faults: { label: string; nth: number; seen: number; code: string }[] = [];

  constructor(options: { sheets?: string[] } = {}) {
    for (const name of options.sheets ?? ["Sheet1"]) this.state.addSheet(name);
    this.state.changes = [];
  }

  /**
   * Excel.run(batch) or Excel.run(options, batch): a fresh request context per batch.
   * Operations left unsynced are a bug. While the user edits a cell (`editing`), a sync fails
   * with InvalidOperationInCellEditMode unless the run asked for `delayForCellEdit`, in which
   * case it waits until the edit ends (Excel.RunOptions).
   */
  run = async <T>(...args: [batch: (context: FakeContext) => Promise<T>] | [options: RunOptions, batch: (context: FakeContext) => Promise<T>]): Promise<T> => {
    const [options, batch] = args.length === 1 ? [{}, args[0]] : args;
    this.runOptions.push({ ...options });
    const context = new FakeContext(this, options);
    const result = await batch(context);
    if (context.pending) throw new Error(`fake Excel: ${context.pending} queued operation(s) were never synced`);
    return result;
  };

  /** The same, typed as Office's Excel.run for code under test. */
  runExcel = <T>(
    ...args: [batch: (context: Excel.RequestContext) => Promise<T>] | [options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>]
  ): Promise<T> => {
    const [options, batch] = args.length === 1 ? [{}, args[0]] : args;
    return this.run(options, (context) => batch(context as unknown as Excel.RequestContext));
  };

  /** The options of every Excel.run so far. */
  readonly runOptions: RunOptions[] = [];

  private editEnded: (() => void)[] = [];
  private editing_ = false;
  /** Whether the user is editing a cell (typing in it, or in the formula bar). */
  get editing(): boolean {
    return this.editing_;
  }
  startEdit(): void {
    this.editing_ = true;
  }
  endEdit(): void {
    this.editing_ = false;
    for (const resume of this.editEnded.splice(0)) resume();
  }
  /** Resolves once the user leaves cell-edit mode (at once if not editing). */
  untilEditEnds(): Promise<void> {
    return this.editing_ ? new Promise((resolve) => this.editEnded.push(resolve)) : Promise.resolve();
  }

  /** What a page installs as `window.Excel`. */
  get namespace() {
    return {
      run: this.runExcel,
      ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
      ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    };
  }

  /** Makes the nth action with this label (counted from now) fail its sync, with Office's error `code`. */
  failOn(label: string, nth = 1, code = "GeneralException"): void {
    this.faults.push({ label, nth, seen: 0, code });
  }

  beforeOp(label: string): void {
    for (const f of this.faults)
      if (f.label === label && ++f.seen === f.nth) {
        this.faults = this.faults.filter((x) => x !== f);
        throw errors.injected(label, f.code);
      }
  }

  // ---- set-up, outside any batch ----

  addSheet(name: string, values: Scalar[][] = [], at = "A1"): SheetState {
    const sheet = this.state.addSheet(name);
    if (values.length) {
      const a = parseArea(at);
      this.state.writeValues(sheet, { row: a.row, col: a.col, rows: values.length, cols: values[0].length }, values);
    }
    this.state.changes = [];
    return sheet;
  }

  addTable(sheetName: string, address: string, name: string): TableState {
    const t = this.state.addTable(this.sheet(sheetName), parseArea(address), true);
    this.state.renameTable(t, name);
    this.state.changes = [];
    return t;
  }

  /** Called after `recalculate`, with the sheet (fake-events raises worksheets.onCalculated). */
  readonly calculated: ((sheet: SheetState) => void)[] = [];

  /**
   * A formula's cell taking a new value on recalculation (its inputs are elsewhere): no table
   * event, only the sheet's calculated event, as in Excel.
   */
  recalculate(sheetName: string, address: string, value: Scalar): void {
    const a = parseArea(address);
    const sheet = this.sheet(sheetName);
    sheet.cells.set(`${a.row},${a.col}`, { ...getCell(sheet, a.row, a.col), value });
    for (const raise of this.calculated) raise(sheet);
  }

  /** Types into one cell as a user would (no batch, no sync). */
  setCell(sheetName: string, address: string, value: Scalar): void {
    const a = parseArea(address);
    this.state.writeValues(this.sheet(sheetName), { ...a, rows: 1, cols: 1 }, [[value]]);
  }

  // ---- inspection ----

  sheet(name: string): SheetState {
    const s = this.state.findSheet(name);
    if (!s) throw new Error(`fake Excel: no sheet "${name}"`);
    return s;
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  table(name: string): TableState | undefined {
    return this.state.findTable(name);
  }

  /** A defined name, or undefined. */
  name(name: string): NameState | undefined {
    return this.state.findName(name);
  }

  /** Selects an area as a user's click would (no batch, no sync). */
  selectArea(sheetName: string, address: string): void {
    this.state.select(this.sheet(sheetName), parseArea(address));
  }

  /** Selects several areas as Ctrl+click does; the last is the active one. */
  selectAreas(sheetName: string, addresses: string[]): void {
    const areas = addresses.map((a) => parseArea(a));
    this.state.select(this.sheet(sheetName), areas[areas.length - 1]);
    this.state.activeAreas = areas;
  }

  cell(sheetName: string, address: string): Cell {
    const a = parseArea(address);
    return getCell(this.sheet(sheetName), a.row, a.col);
  }

  /** Values of an area ("" for empty), default the used range from A1. */
  values(sheetName: string, address?: string): Scalar[][] {
    const s = this.sheet(sheetName);
    const used = this.state.usedArea(s, true);
    const a = address ? parseArea(address) : used ? { row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols } : undefined;
    if (!a) return [];
    return Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.cols }, (_, c) => getCell(s, a.row + r, a.col + c).value));
  }

  /** The active sheet and the selected range's address. */
  get selection(): { sheet: string; address: string } | undefined {
    const a = this.state.active;
    return a && { sheet: a.sheet.name, address: areaName(a.area) };
  }

  get changes() {
    return this.state.changes;
  }

  clearChanges(): void {
    this.state.changes = [];
  }

  /** Everything in the workbook as plain data, for before/after comparisons. */
  snapshot() {
    return {
      sheets: this.state.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()]
          .map(([k, c]) => {
            const [r, col] = k.split(",").map(Number);
            const style = {
              borders: c.borders ?? null,
              fill: c.fill ?? null,
              align: [c.horizontalAlignment ?? null, c.verticalAlignment ?? null],
              wrap: !!c.wrapText,
            };
            return [cellName(r, col), c.value, c.formula ?? null, c.numberFormat, c.bold, style] as const;
          })
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
        columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        freezeRows: s.freezeRows,
        freezeColumns: s.freezeColumns,
        protected: s.protected,
        charts: s.charts.map((c) => ({ ...c })),
        shapes: s.shapes.map((x) => ({ ...x })),
        page: structuredClone(s.page),
      })),
      tables: this.state.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: areaName(t.area) })),
      names: this.state.names.map((n) => ({ name: n.name, sheet: n.sheet.name, address: areaName(n.area) })),
    };
  }
}

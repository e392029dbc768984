import { Button, mergeClasses } from "@fluentui/react-components";
import { useId, useState } from "react";
import { type Lang, type Roster } from "../../core";
import { count, type Strings } from "../i18n";
import { PAGE, causeOf, type CellRef, type IssueCluster, type IssueEntry, type IssueItem } from "../issue-groups";
import { Marked } from "../Marked";
import { districtName } from "../names";
import { useStyles } from "../styles";
import { textOf } from "../typeset";

const refText = (c: CellRef) => (c.sheet ? `${c.sheet}!${c.address}` : c.address);

/** A group's members shown at most: a column of ten thousand rows is not ten thousand buttons. */
const SHOWN = 50;

/**
 * One page of the check's entries, with the pager (loaded only once there are issues). An item
 * selects its cell; a misspelt district offers its fix; a group (one cause in one column, or the
 * districts' cells to fill) opens to its items.
 */
export default function IssueList({
  items,
  indicatorName,
  page,
  setPage,
  t,
  lang,
  roster,
  onSelect,
  onFix,
}: {
  items: IssueEntry[];
  /** An indicator's name beside its code, in the pane's language. */
  indicatorName?: (code: string) => string | undefined;
  page: number;
  setPage: (page: number) => void;
  t: Strings;
  lang: Lang;
  roster: Roster;
  onSelect: (c: CellRef) => void;
  onFix: (c: CellRef, text: string) => void;
}) {
  const s = useStyles();
  const n = (x: number) => count(x, lang);
  const pages = Math.max(1, Math.ceil(items.length / PAGE));
  const shown = items.slice(page * PAGE, (page + 1) * PAGE);
  const select = onSelect;
  const fix = onFix;
  return (
    <>
      <ul className={s.list} aria-label={t.issuesLabel}>
        {shown.map((item) => (
          <li key={item.key}>
            {item.kind === "cluster" ? (
              <Cluster cluster={item} t={t} lang={lang} roster={roster} indicatorName={indicatorName} onSelect={select} onFix={fix} />
            ) : (
              <Item item={item} t={t} lang={lang} roster={roster} onSelect={select} onFix={fix} />
            )}
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className={s.pager} aria-label={t.pageLabel}>
          <Button size="small" disabledFocusable={page === 0} onClick={() => setPage(page - 1)}>
            {t.previousPage}
          </Button>
          <span className={s.hint} aria-live="polite">
            {t.page(n(page + 1), n(pages))}
          </span>
          <Button size="small" disabledFocusable={page >= pages - 1} onClick={() => setPage(page + 1)}>
            {t.nextPage}
          </Button>
        </nav>
      )}
    </>
  );
}

function Cluster({
  cluster,
  t,
  lang,
  roster,
  indicatorName,
  onSelect,
  onFix,
}: {
  cluster: IssueCluster;
  t: Strings;
  lang: Lang;
  roster: Roster;
  indicatorName?: (code: string) => string | undefined;
  onSelect: (c: CellRef) => void;
  onFix: (c: CellRef, text: string) => void;
}) {
  const s = useStyles();
  const id = useId();
  const [open, setOpen] = useState(false);
  const n = cluster.items.length;
  const fill = cluster.severity === "fill";
  let title: string;
  let detail: string | undefined;
  if (fill) {
    const cells = cluster.items.reduce((sum, i) => sum + (i.kind === "fill" ? i.count : 0), 0);
    title = t.clusterFill(count(n, lang), count(cells, lang));
  } else {
    const name = cluster.indicator && indicatorName?.(cluster.indicator);
    const where = `${cluster.sheet ? `${cluster.sheet}!` : ""}${cluster.column}`;
    title = t.clusterColumn(where, cluster.indicator ? `${cluster.indicator}${name ? ` ${name}` : ""}` : undefined, count(n, lang));
    // One cause said once; where the members' words differ, the first one's, as an example.
    const causes = new Set(cluster.items.map((i) => (i.kind === "issue" ? causeOf(textOf(i.issue, lang)) : "")));
    const first = [...causes][0];
    detail = causes.size === 1 ? first : t.forExample(first);
  }
  const shown = cluster.items.slice(0, SHOWN);
  return (
    <div className={mergeClasses(s.item, fill ? s.itemFill : cluster.severity === "error" ? s.itemError : s.itemWarning)}>
      <div className={s.clusterHead}>
        {!fill && (
          <span className={mergeClasses(s.severity, cluster.severity === "error" ? s.error : s.warning)}>
            {cluster.severity === "error" ? t.error : t.warning}
          </span>
        )}
        <span className={s.line}>
          <Marked text={title} keep={[cluster.sheet, cluster.indicator]} />
        </span>
        {detail && <span className={s.hint}>{detail}</span>}
        <Button size="small" appearance="subtle" className={s.toggle} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? t.hideItems : t.showItems(count(n, lang))}
        </Button>
      </div>
      {open && (
        <ul id={id} className={s.list} aria-label={title}>
          {shown.map((item) => (
            <li key={item.key}>
              {item.kind === "issue" && item.issue.cell ? (
                <Member item={item} t={t} lang={lang} roster={roster} onSelect={onSelect} indicator={!cluster.indicator} />
              ) : (
                <Item item={item} t={t} lang={lang} roster={roster} onSelect={onSelect} onFix={onFix} />
              )}
            </li>
          ))}
          {n > shown.length && <li className={s.hint}>{t.moreItems(count(n - shown.length, lang))}</li>}
        </ul>
      )}
    </div>
  );
}

/**
 * One cell of a group: what the group's heading has not said already (the cell, the district,
 * the words found), then where clicking takes you.
 */
function Member({
  item,
  t,
  lang,
  roster,
  onSelect,
  indicator,
}: {
  item: Extract<IssueItem, { kind: "issue" }>;
  t: Strings;
  lang: Lang;
  roster: Roster;
  onSelect: (c: CellRef) => void;
  /** Name the cell's indicator too: the group's heading names none (a settings column, one row per indicator). */
  indicator: boolean;
}) {
  const s = useStyles();
  const { issue } = item;
  const cell = issue.cell!;
  const who = issue.district && districtName(roster, issue.district, lang);
  const where = [cell.address, who, indicator ? issue.indicator : undefined].filter(Boolean).join(lang === "zh" ? "，" : ", ");
  const text = `${where}${lang === "zh" ? "：" : ": "}${causeOf(textOf(issue, lang))}`;
  return (
    <Button appearance="subtle" className={mergeClasses(s.issue, s.member)} onClick={() => onSelect({ sheet: cell.sheet, address: cell.address })}>
      <span>
        <Marked text={text} keep={[cell.address, who, issue.indicator]} />
        <span className={s.go}>{t.goTo}</span>
      </span>
    </Button>
  );
}

function Item({
  item,
  t,
  lang,
  roster,
  onSelect,
  onFix,
}: {
  item: IssueItem;
  t: Strings;
  lang: Lang;
  roster: Roster;
  onSelect: (c: CellRef) => void;
  onFix: (c: CellRef, text: string) => void;
}) {
  const s = useStyles();
  if (item.kind === "fill") {
    const where = refText(item.first);
    const who = item.district ? districtName(roster, item.district, lang) : (item.sheet ?? "");
    return (
      <div className={mergeClasses(s.item, s.itemFill)}>
        <Button appearance="subtle" className={s.issue} onClick={() => onSelect(item.first)}>
          <span className={s.issueText}>
            <span>
              <Marked text={t.toFill(who, count(item.count, lang))} keep={[who]} />
            </span>
            <span className={mergeClasses(s.severity, s.fill, s.nowrap)}>
              {t.fillFrom(where)} <span className={s.go}>{t.goTo}</span>
            </span>
          </span>
        </Button>
      </div>
    );
  }
  const { issue, fix } = item;
  const cell = issue.cell;
  const where = cell && refText(cell);
  const error = issue.severity === "error";
  const text = (
    <span className={s.issueText}>
      <span className={mergeClasses(s.severity, error ? s.error : s.warning)}>{error ? t.error : t.warning}</span>
      <span>
        <Marked text={textOf(issue, lang)} keep={[where, issue.district, issue.district && districtName(roster, issue.district, lang), issue.indicator]} />
        {cell && <span className={s.go}>{t.goTo}</span>}
      </span>
    </span>
  );
  return (
    <div className={mergeClasses(s.item, error ? s.itemError : s.itemWarning)}>
      {cell ? (
        <Button appearance="subtle" className={s.issue} onClick={() => onSelect({ sheet: cell.sheet, address: cell.address })}>
          {text}
        </Button>
      ) : (
        <div className={s.issue}>{text}</div>
      )}
      {fix && (
        <Button size="small" aria-label={t.fixLabel(refText(fix.cell), fix.text)} onClick={() => onFix(fix.cell, fix.text)}>
          {t.fixTo(fix.text)}
        </Button>
      )}
    </div>
  );
}

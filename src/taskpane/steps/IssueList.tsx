import { Button, mergeClasses } from "@fluentui/react-components";
import { textIn, type Lang, type Roster } from "../../core";
import { count, type Strings } from "../i18n";
import { PAGE, type CellRef, type IssueItem } from "../issue-groups";
import { Marked } from "../Marked";
import { districtName } from "../names";
import { useStyles } from "../styles";

const refText = (c: CellRef) => (c.sheet ? `${c.sheet}!${c.address}` : c.address);

/**
 * One page of the check's items, with the pager (loaded only once there are issues). An item
 * selects its cell; a misspelt district offers its fix.
 */
export default function IssueList({
  items,
  page,
  setPage,
  t,
  lang,
  roster,
  onSelect,
  onFix,
}: {
  items: IssueItem[];
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
            <Item item={item} t={t} lang={lang} roster={roster} onSelect={select} onFix={fix} />
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
            <span className={mergeClasses(s.severity, s.fill, s.nowrap)}>{t.fillFrom(where)}</span>
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
        <Marked text={textIn(issue, lang)} keep={[where, issue.district, issue.district && districtName(roster, issue.district, lang), issue.indicator]} />
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

// 使用所选数据 / Use this data: the evaluator's own range or table, shown as SCI reads it —
// header, orientation, the mapping of every column (or row) with a dropdown to change it,
// districts with one-click corrections — before anything changes; then Link and Unlink.
import { Button, Checkbox, Select, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useId, useMemo, useState } from "react";
import {
  cellAddress,
  describeIndicator,
  parseAddress,
  readGrid,
  readingOptions,
  type ReadingChoices,
  type Field,
  type Framework,
  type Lang,
  type Profile,
  type Reading,
} from "../../core";
import { defaultProfile } from "../../data";
import type { Adopter, Link, Selected } from "../../excel/adopter";
import { ADOPT_STRINGS, type AdoptStrings } from "./strings";
import { textOf } from "../typeset";

export interface AdoptViewProps {
  lang: Lang;
  adopter: Adopter;
  /** The assessment headers and names are read against (the model's: its framework, entity list, coefficient); default the built-in one. */
  profile?: Profile;
  /** After linking, unlinking or a changed mapping: the model should read again. */
  onChange?: () => void;
  /**
   * Whether its buttons may be the pane's primary one. The pane passes false: its one primary
   * button is chosen by the workbook's state (src/taskpane/flow.ts).
   */
  primary?: boolean;
  /**
   * Writes the evaluator's cell (its one explicit click: 改为…); without it the view only offers
   * to read a misspelt name as the entity it means.
   */
  writeCell?: (cell: { sheet: string; address: string }, text: string) => Promise<{ ok: true } | { ok: false; message: { zh: string; en: string } }>;
}

const useStyles = makeStyles({
  // Part of step 1, whose own rule closes it: no second rule under it.
  view: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  facts: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, display: "flex", flexDirection: "column", rowGap: "2px" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  field: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: "2px", fontSize: tokens.fontSizeBase200 },
  label: { flex: "1 1 9rem", minWidth: 0, overflowWrap: "anywhere" },
  address: { color: tokens.colorNeutralForeground2, marginRight: tokens.spacingHorizontalXS },
  select: { flex: "1 1 10rem", minWidth: 0 },
  note: { flexBasis: "100%", fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  h3: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

type Shown = { kind: "ok" | "bad"; text: string };

export function AdoptView({ lang, adopter, profile = defaultProfile, onChange, primary = true, writeCell }: AdoptViewProps) {
  const t = ADOPT_STRINGS[lang];
  const s = useStyles();
  const id = useId();
  const [busy, setBusy] = useState<string>();
  const [selected, setSelected] = useState<Selected>();
  const [choices, setChoices] = useState<ReadingChoices>({});
  const [link, setLink] = useState<Link>();
  const [asTable, setAsTable] = useState(false);
  const [shown, setShown] = useState<Shown>();
  /** The data shown are the linked data: a changed choice is saved with the link. */
  const [showingLink, setShowingLink] = useState(false);

  useEffect(() => {
    void adopter.current().then(setLink);
  }, [adopter]);

  const reading = useMemo(
    () => selected && readGrid(selected.values, readingOptions(profile, { sheet: selected.sheet, origin: selected.origin, choices })),
    [selected, choices, profile],
  );

  const act = async (label: string, run: () => Promise<void>) => {
    setBusy(label);
    setShown(undefined);
    try {
      await run();
    } catch (e) {
      // A refusal that says why in both languages (a selection of several areas) is shown in the user's.
      const said = e as Partial<{ zh: string; en: string }>;
      const text =
        typeof said?.zh === "string" && typeof said.en === "string"
          ? textOf(said as { zh: string; en: string }, lang)
          : t.failed(e instanceof Error ? e.message : String(e));
      setShown({ kind: "bad", text });
    } finally {
      setBusy(undefined);
    }
  };
  const read = () =>
    act(t.reading, async () => {
      setSelected(await adopter.read());
      setChoices({});
      setShowingLink(false);
    });
  const readLinked = () =>
    act(t.reading, async () => {
      setSelected(await adopter.readLinked());
      setChoices(link?.choices ?? {});
      setShowingLink(true);
    });
  const choose = (next: ReadingChoices) => {
    const merged = { fields: { ...choices.fields, ...next.fields }, entities: { ...choices.entities, ...next.entities } };
    setChoices(merged);
    if (link && showingLink)
      void act(t.linking, async () => {
        await adopter.saveChoices(merged);
        onChange?.();
      });
  };
  // The evaluator's own cell corrected, on their click; what was read follows without reading again.
  const fixCell = (address: string, text: string) =>
    act(t.writing, async () => {
      const r = await writeCell!({ sheet: selected!.sheet, address }, text);
      if (!r.ok) return setShown({ kind: "bad", text: textOf(r.message, lang) });
      const at = parseAddress(address)!;
      const values = selected!.values.map((row) => [...row]);
      values[at.row - selected!.origin.row][at.col - selected!.origin.col] = text;
      setSelected({ ...selected!, values });
      setShown({ kind: "ok", text: t.cellFixed(address, text) });
      if (link && showingLink) onChange?.();
    });
  const doLink = () =>
    act(t.linking, async () => {
      const r = await adopter.link(selected!, choices, selected!.table ? { rename: asTable } : { makeTable: asTable });
      if (!r.ok) return setShown({ kind: "bad", text: textOf(r, lang) });
      setLink(r.link);
      setShowingLink(true);
      setShown({ kind: "ok", text: t.linked(linkWhat(t, r.link)) });
      onChange?.();
    });
  const doUnlink = () =>
    act(t.unlink, async () => {
      const r = await adopter.unlink();
      if (!r.ok) return setShown({ kind: "bad", text: lang === "zh" ? (r.zh ?? "") : (r.en ?? "") });
      setLink(undefined);
      setShowingLink(false);
      setShown({ kind: "ok", text: t.unlinked });
      onChange?.();
    });

  return (
    <section className={s.view} aria-labelledby={id} data-testid="adopt-view">
      <h2 id={id} className={s.h2}>
        {t.title}
      </h2>
      <p className={s.hint}>{t.hint}</p>
      <div className={s.actions}>
        <Button appearance={primary && !selected ? "primary" : "secondary"} disabledFocusable={!!busy} onClick={read}>
          {t.read}
        </Button>
        {link && !selected && (
          <Button disabledFocusable={!!busy} onClick={readLinked}>
            {t.showLinked}
          </Button>
        )}
        {link && (
          <Button disabledFocusable={!!busy} onClick={doUnlink}>
            {t.unlink}
          </Button>
        )}
      </div>
      {link && !shown && <p className={mergeClasses(s.hint, s.ok)}>{t.linked(linkWhat(t, link))}</p>}
      {selected && reading && (
        <ReadingView t={t} lang={lang} reading={reading} selected={selected} profile={profile} choose={choose} fixCell={writeCell && fixCell} />
      )}
      {selected && reading && reading.header >= 0 && !link && (
        <div className={s.actions}>
          <Checkbox checked={asTable} onChange={(_, d) => setAsTable(!!d.checked)} label={selected.table ? t.renameTable : t.makeTable} />
          <Button appearance={primary ? "primary" : "secondary"} disabledFocusable={!!busy} onClick={doLink}>
            {t.link}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {busy ? <Spinner size="tiny" label={busy} /> : shown && <p className={mergeClasses(s.hint, shown.kind === "ok" ? s.ok : s.bad)}>{shown.text}</p>}
      </div>
    </section>
  );
}

function linkWhat(t: AdoptStrings, l: Link): string {
  return l.kind === "table" ? t.table(l.name) : t.range(l.sheet, l.address);
}

function ReadingView({
  t,
  lang,
  reading,
  selected,
  profile,
  choose,
  fixCell,
}: {
  t: AdoptStrings;
  lang: Lang;
  reading: Reading;
  selected: Selected;
  profile: Profile;
  choose: (c: ReadingChoices) => void;
  fixCell?: (address: string, text: string) => void;
}) {
  const s = useStyles();
  const framework = profile.framework;
  const [all, setAll] = useState(false);
  if (reading.header < 0) return <p className={mergeClasses(s.hint, s.bad)}>{t.noHeader}</p>;
  const first = reading.fields[0]?.address ?? "A1";
  const where = reading.orientation === "rows" ? t.row(Number(/\d+/.exec(first)![0])) : t.column(first.replace(/\d+/, ""));
  const mapped = reading.fields.filter((f) => f.role.kind === "indicator").length;
  const unknown = reading.entities.filter((e) => e.status === "unknown");
  const shownFields = reading.fields.filter((f) => f.header || f.role.kind !== "ignore");
  // What needs a look comes first: ambiguous, unknown and computed headers, and the choices made.
  const attention = shownFields.filter((f) => f.decided !== undefined || (f.match.status !== "role" && f.match.status !== "empty"));
  const row = (f: Field) => <FieldRow key={f.index} t={t} lang={lang} field={f} profile={profile} choose={choose} />;
  return (
    <>
      <ul className={s.facts}>
        <li>{selected.table ? t.table(selected.table.name) : t.range(selected.sheet, selected.address)}</li>
        {reading.long ? (
          <li>{t.long}</li>
        ) : (
          <li>
            {t.header(where)} · {reading.orientation === "rows" ? t.rows(profile.words.entity) : t.columns(profile.words.entity)}
          </li>
        )}
        {reading.skipped.length > 0 && <li>{t.skipped(reading.skipped.length)}</li>}
        <li>{t.mapped(mapped, framework.leaves.length)}</li>
        <li className={reading.missing.length ? s.bad : s.ok}>
          {reading.missing.length ? t.missing(reading.missing.join(", ")) : t.noneMissing(framework.leaves.length)}
        </li>
        <li className={unknown.length ? s.bad : s.ok}>{t.entities(reading.entities.length, unknown.length, profile.words.entity)}</li>
      </ul>
      {unknown.length > 0 && (
        <ul className={s.list} aria-label={t.entities(reading.entities.length, unknown.length, profile.words.entity)}>
          {unknown.map((e) => (
            <li key={e.line} className={s.field}>
              <span className={mergeClasses(s.label, s.bad)}>{t.unknownEntity(e.name, e.address, profile.words.entity)}</span>
              {e.suggestion && (
                <span className={s.actions}>
                  <Button size="small" onClick={() => choose({ entities: { [e.name]: e.suggestion! } })}>
                    {t.correct(e.name, districtName(profile, e.suggestion, lang))}
                  </Button>
                  {fixCell && (
                    <Button size="small" onClick={() => fixCell(e.address, e.suggestion!)}>
                      {t.fixCell(e.address, e.suggestion)}
                    </Button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {reading.entities
        .filter((e) => e.status === "corrected")
        .map((e) => (
          <p key={e.line} className={mergeClasses(s.hint, s.ok)}>
            {t.corrected(e.name, districtName(profile, e.id!, lang))}
          </p>
        ))}
      {attention.length > 0 && (
        <>
          <h3 className={s.h3}>{t.attention}</h3>
          <ul className={s.list} aria-label={t.attention}>
            {attention.map(row)}
          </ul>
        </>
      )}
      <div className={s.actions}>
        <Button size="small" appearance="subtle" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t.hideAll : t.showAll(shownFields.length)}
        </Button>
      </div>
      {all && (
        <ul className={s.list} aria-label={t.mapping}>
          {shownFields.map(row)}
        </ul>
      )}
    </>
  );
}

/** `C2.1 区域创新/政务服务`: the code, its parent and its name, short enough for a narrow pane. */
function shortName(fw: Framework, code: string, lang: Lang): string {
  const ind = fw.indicators.get(code)!;
  const parent = ind.parent ? fw.indicators.get(ind.parent) : undefined;
  const name = (i: { nameZh: string; nameEn: string }) => (lang === "zh" ? i.nameZh : i.nameEn);
  return `${code} ${parent && parent.code !== fw.root ? name(parent) + "/" : ""}${name(ind)}`;
}

/** A district as the pane names it: its id, or its English name with the id in English. */
function districtName(profile: Profile, id: string, lang: Lang): string {
  const d = profile.districts.find((x) => x.id === id);
  return lang === "en" && d?.en ? `${d.en} (${id})` : id;
}

function FieldRow({
  t,
  lang,
  field: f,
  profile,
  choose,
}: {
  t: AdoptStrings;
  lang: Lang;
  field: Field;
  profile: Profile;
  choose: (c: ReadingChoices) => void;
}) {
  const s = useStyles();
  const framework = profile.framework;
  const id = useId();
  const value = f.role.kind === "indicator" ? f.role.code : f.role.kind;
  const m = f.match;
  const note =
    f.decided === "choice"
      ? { text: t.chosen, cls: s.ok }
      : m.status === "ambiguous"
        ? { text: `${f.decided === "guess" ? t.guessed : t.ambiguous}: ${m.choices.join(" / ")}`, cls: f.decided === "guess" ? s.warn : s.bad }
        : m.status === "computed"
          ? { text: `${t.computed} (${m.code})`, cls: s.warn }
          : m.status === "unknown"
            ? { text: t.unknown, cls: s.warn }
            : undefined;
  const key = f.header || cellAddress(0, f.index);
  return (
    <li className={s.field}>
      <label htmlFor={id} className={s.label}>
        <span className={s.address}>{f.address}</span> {f.header}
      </label>
      <Select id={id} className={s.select} size="small" value={value} onChange={(_, d) => choose({ fields: { [key]: d.value } })}>
        <option value="ignore">{t.ignore}</option>
        <option value="entity">{textOf(profile.words.entity, lang)}</option>
        <option value="region">{t.region}</option>
        {profile.coefficient && <option value="coefficient">{textOf(profile.coefficient.name, lang)}</option>}
        {framework.leaves.map((c) => (
          <option key={c} value={c} title={describeIndicator(framework, c, lang)}>
            {shortName(framework, c, lang)}
          </option>
        ))}
      </Select>
      {note && <span className={mergeClasses(s.note, note.cls)}>{note.text}</span>}
    </li>
  );
}

export default AdoptView;

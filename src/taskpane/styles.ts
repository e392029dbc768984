import { makeStyles, tokens } from "@fluentui/react-components";

/** Visible focus for links and plain buttons: a ring, not only an underline. */
export const focusRing = {
  ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px", borderRadius: tokens.borderRadiusSmall },
};

/** Read by screen readers, not shown: a chart's numbers, a sort order's words. */
export const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

export const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
    // Chinese breaks between words, never inside a name or header (宝/山, 中心城/区); text too
    // long for the line still wraps rather than widening the pane.
    wordBreak: "keep-all",
    overflowWrap: "break-word",
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  h1: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  step: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  h2: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  line: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  /** A question asked in place of the button pressed (step 3's replace or keep both). */
  ask: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteYellowBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  links: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  link: { ...focusRing, whiteSpace: "nowrap", textAlign: "left" },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalXS,
  },
  itemError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  itemWarning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  itemFill: { borderLeftColor: tokens.colorNeutralStroke1 },
  issue: {
    flexGrow: 1,
    flexBasis: "12rem",
    minWidth: 0,
    height: "auto",
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXS,
  },
  issueText: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0 },
  severity: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  fill: { color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: "nowrap" },
  /** The visible promise that an item takes you to its cell. */
  go: { marginLeft: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightRegular, whiteSpace: "nowrap" },
  clusterHead: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: "2px",
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  toggle: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, color: tokens.colorBrandForeground1 },
  /** A group's cell: one line under the heading that says the rest. */
  member: { width: "100%" },
  /** A button and the sentence saying what it does, side by side where they fit. */
  choice: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM, minWidth: 0 },
  pager: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
    maxWidth: "100%",
    "& th, & td": {
      padding: `3px ${tokens.spacingHorizontalSNudge}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& th": { fontWeight: tokens.fontWeightSemibold },
    "& tr > :first-child": { paddingLeft: 0 },
    "& tr > :last-child": { paddingRight: 0 },
    "& th[scope=row]": { fontWeight: tokens.fontWeightRegular },
    "& caption": { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  },
  /** Every column says how it aligns: names left, figures right, header as its column. */
  text: { textAlign: "left" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  numHead: { textAlign: "right" },
  /** A row header that may wrap between words (a long indicator name). */
  wrap: { whiteSpace: "normal" },
});

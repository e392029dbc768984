// `sci inspect FILE`: how SCI reads an evaluator's own table — header, orientation, the
// mapping of every column (or row), the entities — and every problem, without scoring.
import { cellAddress, hasErrors, roleText, sortIssues, type Profile, type Reading } from "../core";
import { defaultProfile } from "../data";
import { SELECT_HELP, SELECT_OPTIONS } from "./adopt";
import { EXIT_INPUT, EXIT_OK, usageError, type Command } from "./command";
import { FRAMEWORK_HELP, FRAMEWORK_OPTION, loadDataset, text } from "./inputs";
import { CHOICE_HELP, CHOICE_OPTIONS, choicesOf } from "./choices";
import { issueLine } from "./score";

const KIND = {
  title: ["标题或说明", "title or note"],
  header: ["表头", "header"],
  blank: ["空行", "blank"],
  note: ["说明", "note"],
  aggregate: ["平均或合计", "average or total"],
} as const;
const BY = {
  word: ["列名", "by its word"],
  code: ["按代码", "by code"],
  number: ["按序号", "by number"],
  name: ["按名称", "by name"],
  "name-code": ["按名称 (代码)", "by name (code)"],
  path: ["按路径", "by path"],
  choice: ["已选", "chosen"],
} as const;

export const inspectCommand: Command = {
  name: "inspect",
  summary: "显示如何读取自有表格（表头、方向、映射、问题），不评分 / show how your own table is read (header, orientation, mapping, problems), without scoring",
  help: `用法 / Usage: sci inspect FILE.xlsx|FILE.csv [--sheet NAME] [--range A3:AP19] [--framework FRAMEWORK.csv] [--districts LIST.csv]
                   [--impute M] [--treat jrc] [--missing skip] [--aggregation A] [--coverage C]

显示 SCI 将如何读取该表：表头所在行（跳过标题与说明）、是否转置、每列（或每行）对应的指标、
未识别/有歧义/缺少的指标、每个行政区的匹配，以及所有问题（先中文后英文）。不评分。
Shows how SCI reads the table: the header (titles and notes above it skipped), whether it is
transposed, the indicator each column (or row) maps to, what is unmapped, ambiguous or missing,
how each district is matched, and every problem (Chinese, then English). Nothing is scored.

${SELECT_HELP}
${FRAMEWORK_HELP}
${CHOICE_HELP}
  -h, --help        显示帮助 / show this help

退出码 / Exit codes: 0 可以评分 scores as read, 1 有错误 errors, 2 用法错误 usage errors.
`,
  options: { ...SELECT_OPTIONS, ...FRAMEWORK_OPTION, ...CHOICE_OPTIONS },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw usageError("请给出一个输入文件", "give one input file");
    const select = { sheet: text(values, "sheet"), range: text(values, "range") };
    const r = await loadDataset(
      { input: positionals[0], framework: text(values, "framework"), districts: text(values, "districts"), select, choices: choicesOf(values) },
      io,
    );
    const profile = r.assessment?.profile ?? defaultProfile;
    if (r.reading) io.stdout(describe(r.reading, profile));
    const sorted = sortIssues(r.issues);
    io.stdout(sorted.length ? `\n问题 / Problems (${sorted.length}):\n` : "\n没有问题 / No problems\n");
    for (const i of sorted) io.stdout(`  ${issueLine(i)}`);
    return hasErrors(r.issues) ? EXIT_INPUT : EXIT_OK;
  },
};

/** The reading as lines of text, Chinese then English. */
export function describe(r: Reading, profile: Profile = defaultProfile): string {
  const out: string[] = [];
  const at = (a: string) => (r.sheet ? `${r.sheet}!${a}` : a);
  if (r.header < 0) return `找不到表头 / No header found\n`;
  const words = profile.words;
  const line = lineName(r, r.header);
  out.push(`表头 / Header: ${line.zh} / ${line.en}`);
  out.push(
    r.orientation === "rows"
      ? `方向 / Orientation: 每行一个${words.entity.zh} / one ${words.entity.en} per row`
      : `方向 / Orientation: 转置，每列一个${words.entity.zh} / transposed: one ${words.entity.en} per column`,
  );
  for (const s of r.skipped) {
    const l = lineName(r, s.line);
    out.push(`跳过 / Skipped: ${l.zh} ${KIND[s.kind][0]} / ${l.en} ${KIND[s.kind][1]}`);
  }
  out.push("", "映射 / Mapping:");
  for (const f of r.fields) {
    if (!f.header && f.role.kind === "ignore") continue;
    const t = roleText(r.framework, f.role, profile.coefficient, words);
    const how = f.decided === "choice" ? BY.choice : f.match.status === "role" ? BY[f.match.by] : undefined;
    const note =
      f.match.status === "ambiguous" && f.decided !== "choice"
        ? `  [有歧义 ambiguous: ${f.match.choices.join(" | ")}${f.decided === "guess" ? "；暂按 / read as " + (f.role.kind === "indicator" ? f.role.code : "") : ""}]`
        : f.match.status === "computed"
          ? `  [SCI 计算 / computed by SCI: ${f.match.code}]`
          : how
            ? `  [${how[0]} / ${how[1]}]`
            : "";
    out.push(`  ${at(f.address)}  ${f.header || "（空）"} → ${t.zh} / ${t.en}${note}`);
  }
  out.push(`缺少 / Missing: ${r.missing.length ? r.missing.join(", ") : "无 / none"}`);
  out.push("", `${words.entity.zh} / ${words.entity.en} (${r.entities.length}):`);
  for (const e of r.entities) {
    const what =
      e.status === "unknown"
        ? `未知 / unknown${e.suggestion ? `，是否指「${e.suggestion}」/ did you mean ${e.suggestion}` : ""}`
        : `${e.id}${e.status === "corrected" ? "（已更正 / corrected）" : ""}`;
    out.push(`  ${at(e.address)}  ${e.name || "（空）"} → ${what}`);
  }
  return out.join("\n") + "\n";
}

/** A line of the sheet by its number (row) or letters (column), e.g. 第 3 行 / row 3. */
function lineName(r: Reading, line: number): { zh: string; en: string } {
  const sheet = r.sheet ? `${r.sheet} ` : "";
  if (r.orientation === "rows") return { zh: `${sheet}第 ${r.origin.row + line + 1} 行`, en: `${sheet}row ${r.origin.row + line + 1}` };
  const col = cellAddress(0, r.origin.col + line).slice(0, -1);
  return { zh: `${sheet}第 ${col} 列`, en: `${sheet}column ${col}` };
}

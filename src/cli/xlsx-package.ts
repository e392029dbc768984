import * as posix from "node:path/posix";

/**
 * The .xlsx package with every absolute relationship target (`/xl/worksheets/sheet1.xml`, as
 * openpyxl and pandas write them; Open Packaging Conventions allow both) made relative to its
 * part, which is all exceljs reads. Anything else is returned unchanged, including bytes that
 * are not a zip at all (exceljs then says why it cannot read them).
 */
export async function relativeTargets(file: Buffer): Promise<Buffer> {
  // jszip comes with exceljs, which reads every .xlsx through it.
  const { default: JSZip } = await import("jszip");
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(file);
  } catch {
    return file;
  }
  let changed = false;
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
    const xml = await zip.file(name)!.async("string");
    // xl/_rels/workbook.xml.rels describes xl/workbook.xml: its targets are relative to xl/.
    const base = posix.dirname(posix.dirname(name));
    const fixed = xml.replace(/<Relationship\b[^>]*>/g, (rel) => {
      if (/\bTargetMode="External"/.test(rel)) return rel;
      return rel.replace(/\bTarget="\/([^"]*)"/, (_, target: string) => {
        changed = true;
        return `Target="${posix.relative(base === "." ? "" : base, target) || target}"`;
      });
    });
    if (fixed !== xml) zip.file(name, fixed);
  }
  return changed ? zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) : file;
}

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/**
 * The workbook exceljs wrote, with each apostrophe in a sheet's name doubled where a defined
 * name (print area, print titles) quotes it, as Excel's formulas require: exceljs writes
 * `'排名 '2021'!$A1:$N46`, which Excel repairs away. Sheet names without one: unchanged.
 */
export async function quotedSheetNames(file: Buffer, sheets: readonly string[]): Promise<Buffer> {
  const odd = sheets.filter((s) => s.includes("'"));
  if (odd.length === 0) return file;
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(file);
  const part = zip.file("xl/workbook.xml");
  if (!part) return file;
  const xml = await part.async("string");
  const fixed = xml.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (_, open: string, body: string, close: string) => {
    for (const s of odd) body = body.split(`&apos;${xmlText(s)}&apos;!`).join(`&apos;${xmlText(s.replace(/'/g, "''"))}&apos;!`);
    return open + body + close;
  });
  if (fixed === xml) return file;
  zip.file("xl/workbook.xml", fixed);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

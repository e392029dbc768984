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

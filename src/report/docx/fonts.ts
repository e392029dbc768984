// Font fallbacks in the document's font table: each Chinese face with its alternate name, its
// character set (GB2312) and family, so Word and LibreOffice pick a like Chinese face where
// SimSun or SimHei is missing (macOS, Linux) instead of a Latin one.
import JSZip from "jszip";
import { FONT_FALLBACKS } from "./styles";

const FONT_TABLE = "word/fontTable.xml";

function fontXml(name: string): string {
  const f = FONT_FALLBACKS[name];
  return (
    `<w:font w:name="${name}"><w:altName w:val="${f.altName}"/><w:panose1 w:val="${f.panose}"/>` +
    `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`
  );
}

/** The .docx with its font table describing the Chinese faces (added, or replacing docx's bare entries). */
export async function withFontFallbacks(docx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(FONT_TABLE);
  if (!file) return docx;
  // docx writes an empty table as one self-closing element.
  let xml = (await file.async("string")).replace(/<w:fonts([^>]*?)\/>/, "<w:fonts$1></w:fonts>");
  for (const name of Object.keys(FONT_FALLBACKS)) {
    const own = new RegExp(`<w:font w:name="${name}"(?:/>|>[\\s\\S]*?</w:font>)`);
    xml = own.test(xml) ? xml.replace(own, fontXml(name)) : xml.replace("</w:fonts>", fontXml(name) + "</w:fonts>");
  }
  zip.file(FONT_TABLE, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

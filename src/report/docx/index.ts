// The one Word writer: a draft (src/report/draft) → .docx bytes, for the CLI and the pane.
export { draftDocx, type DocxPicture } from "./write";
export { PAGE, TEXT_WIDTH_CM } from "./styles";

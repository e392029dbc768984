// How the reading compares what evaluators type: full-width forms folded (NFKC), invisible
// characters (zero-width spaces, BOMs, soft hyphens) dropped, spaces collapsed.
import { cellText } from "../cell";

const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** A cell as clean text: what a header or a name says, without what cannot be seen. */
export const clean = (v: unknown): string => cellText(v).normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();

/** For comparing words: clean, lower case, no spaces. */
export const fold = (v: unknown): string => clean(v).toLowerCase().replace(/\s/g, "");

/* global Excel */
import { supports } from "./requirements";

/**
 * The used part of a range: a whole column (A:AO is 43 million cells) or a link defined over
 * whole columns is read as far as it holds values, never past them. Excel refuses reads of more
 * than 5 million cells, and Excel on the web responses over 5 MB. Range.getUsedRangeOrNullObject
 * (ExcelApi 1.4) is the range's intersection with the cells holding values (formatting alone
 * does not count); a null object when it holds none. An older Excel reads the range as it is.
 */
export function usedPart(range: Excel.Range): Excel.Range {
  return supports("ExcelApi", "1.4") ? range.getUsedRangeOrNullObject(true) : range;
}

/* global Office */
// Whether this Excel has a requirement set. Outside Office (tests without an Office global, or
// an Office without requirements) every set counts as present, as the fake workbook has them all.

export function supports(set: string, version: string): boolean {
  return typeof Office === "undefined" || !Office.context?.requirements || Office.context.requirements.isSetSupported(set, version);
}

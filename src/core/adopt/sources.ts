// An assessment's sources with the evaluator's own table as the input: read with the adopt
// rules (against the sources' own framework and entity list, when they bring them), turned into
// the canonical input table, and the assessment's issues pointed back at the evaluator's cells.
import type { Assessment } from "../assess";
import { frameworkFromTable } from "../framework-table";
import type { Issue } from "../issue";
import { forFramework, withProfile, type Profile } from "../profile";
import { rosterFromTable } from "../roster-table";
import type { Sources, SourceTable } from "../sources";
import { readGrid, readingOptions, type ReadingChoices, type Reading } from "./reading";
import { adoptedTable } from "./table";

export interface Adoption {
  /** The sources with `input` as the canonical table the pipeline validates. */
  sources: Sources;
  reading: Reading;
  locate: (issues: readonly Issue[]) => Issue[];
}

/**
 * Reads `own` (the evaluator's grid, where it sits) as this year's input. The framework and
 * entity list are the sources' when they have valid ones, else the profile's.
 */
export function adoptInput(sources: Sources, own: SourceTable, base: Profile, choices: ReadingChoices = {}, as: "input" | "raw" = "input"): Adoption {
  let profile = base;
  const fw = sources.framework && frameworkFromTable(sources.framework).framework;
  if (fw) profile = forFramework(profile, fw);
  const list = sources.districts && rosterFromTable(sources.districts, profile.regions, profile.words);
  if (list && list.districts) profile = withProfile(profile, { districts: list.districts, regions: list.regions ?? profile.regions });
  const listed = !!(list && list.districts);
  const reading = readGrid(own.rows, readingOptions(profile, { sheet: own.sheet, origin: own.origin, choices, listed }));
  const { table, locate } = adoptedTable(reading);
  const input: SourceTable = {
    sheet: own.sheet,
    origin: table.origin ?? { row: 0, col: 0 },
    rows: table.rows as unknown[][],
    ...(own.id ? { id: own.id } : {}),
    ...(own.title ? { title: own.title } : reading.year ? { title: reading.year } : {}),
  };
  // Raw statistics take the raw table's place; the own table is then no input table of its own.
  const rest: Sources = { ...sources };
  if (as === "raw") delete rest.input;
  return { sources: { ...rest, [as]: input }, reading, locate };
}

/** The assessment with the input's issues at the evaluator's cells, the reading's own first. */
export function locateAssessment<A extends Assessment>(a: A, adoption: Adoption, as: "input" | "raw" = "input"): A {
  const inputIssues = a.issuesOf?.[as] ?? [];
  const located = adoption.locate(inputIssues);
  const swap = new Map(inputIssues.map((i, k) => [i, located[k]]));
  const own = adoption.reading.issues;
  return {
    ...a,
    issues: [...own, ...a.issues.map((i) => swap.get(i) ?? i)],
    issuesOf: { ...a.issuesOf, [as]: [...own, ...located] },
  };
}

// The model's side of a link: the linked table or range, read with the adopt rules and the
// stored choices (the core's adoptInput), becomes the input the one pipeline assesses; its
// issues are pointed back at the evaluator's own cells. Pure: no Office.js here.
import { adoptInput, locateAssessment, publishedAgreement, type Adoption, type Profile, type Sources } from "../core";
import type { Model } from "./build";
import type { Link } from "./link";
import type { WorkbookSources } from "./sources";

export interface LinkedSources {
  sources: Sources;
  adoption?: Adoption;
  /** What the linked table is read as: index numbers, or raw statistics to normalise. */
  as?: "input" | "raw";
}

/**
 * The linked grid (a named range, a table by its name, or SCI_Input renamed from the user's
 * table) as the input. Without a link, the sources stand as read.
 */
export function adoptSources(read: WorkbookSources, link: Link | undefined, profile: Profile): LinkedSources {
  const { adopted, ...sources } = read;
  const own = link ? (adopted ?? sources.input) : undefined;
  if (!link || !own) return { sources };
  // With normalisation settings (SCI_Settings) in the workbook, the linked table holds raw
  // statistics: scored through the settings, as `sci score --raw` does.
  const as = sources.settings ? "raw" : "input";
  const adoption = adoptInput(sources, own, profile, link.choices, as);
  return { sources: adoption.sources, adoption, as };
}

/** The model with the input's issues at the evaluator's cells, and the reading's own first. */
export function locateModel(model: Model, linked: LinkedSources): Model {
  if (!linked.adoption) return model;
  const located = locateAssessment(model, linked.adoption, linked.as);
  // The publisher's own figures for what SCI computes (a table's HDI column), checked against SCI's.
  const published = located.scores ? publishedAgreement(linked.adoption.reading, located.scores).issues : [];
  if (!published.length) return located;
  const kind = linked.as ?? "input";
  return {
    ...located,
    issues: [...located.issues, ...published],
    issuesOf: { ...located.issuesOf, [kind]: [...(located.issuesOf?.[kind] ?? []), ...published] },
  };
}

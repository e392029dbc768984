// The model's side of a link: the linked table or range, read with the adopt rules and the
// stored choices (the core's adoptInput), becomes the input the one pipeline assesses; its
// issues are pointed back at the evaluator's own cells. Pure: no Office.js here.
import { adoptInput, locateAssessment, type Adoption, type Profile, type Sources } from "../core";
import type { Model } from "./build";
import type { Link } from "./link";
import type { WorkbookSources } from "./sources";

export interface LinkedSources {
  sources: Sources;
  adoption?: Adoption;
}

/**
 * The linked grid (a named range, a table by its name, or SCI_Input renamed from the user's
 * table) as the input. Without a link, the sources stand as read.
 */
export function adoptSources(read: WorkbookSources, link: Link | undefined, profile: Profile): LinkedSources {
  const { adopted, ...sources } = read;
  const own = link ? (adopted ?? sources.input) : undefined;
  if (!link || !own) return { sources };
  const adoption = adoptInput(sources, own, profile, link.choices);
  return { sources: adoption.sources, adoption };
}

/** The model with the input's issues at the evaluator's cells, and the reading's own first. */
export const locateModel = (model: Model, linked: LinkedSources): Model => (linked.adoption ? locateAssessment(model, linked.adoption) : model);

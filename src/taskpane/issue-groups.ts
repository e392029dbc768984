// The model's issues as the pane lists them: the grouping is the core's, shared with the CLI.
export * from "../core/issue-groups";

/** Entries on one page of the list: a long list stays a few dozen nodes. */
export const PAGE = 20;

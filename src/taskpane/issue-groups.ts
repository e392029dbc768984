// The model's issues as the pane lists them: the grouping is the core's, shared with the CLI.
export {
  causeOf,
  clusterItems,
  groupIssues,
  suggestionOf,
  type CellRef,
  type Fix,
  type IssueCluster,
  type IssueEntry,
  type IssueGroups,
  type IssueItem,
} from "../core/issue-groups";

/** Items on one page of the list: a fresh template's list stays a few dozen nodes. */
export const PAGE = 20;

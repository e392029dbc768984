// For the tests that render the pane (jsdom): findBy… and waitFor give up after 1 s by default,
// and on a busy 2-core machine opening an analysis panel took longer, failing a test that passes
// alone. Ten seconds, well inside a test's limit. Tests without a DOM load nothing here.
beforeAll(async () => {
  if (typeof window === "undefined") return;
  const { configure } = await import("@testing-library/react");
  configure({ asyncUtilTimeout: 10_000 });
});

/* global CustomFunctions */
// Entry of the functions bundle. Inside Excel, office.js defines CustomFunctions and the SCI
// functions register; in a plain browser (the pane's browser tests, the page opened by hand)
// the page must still load, so nothing is registered there.
if (typeof CustomFunctions !== "undefined") void import(/* webpackMode: "eager" */ "./functions");

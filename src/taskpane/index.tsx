/* global Office */
// The task pane's entry: renders into div#root once Office is ready, on the shared model.
import { createRoot } from "react-dom/client";
import { getModel, refresh, setRounding, subscribe, watch } from "../excel/model";
import { officeWorkbook } from "../excel/workbook";
import { officeAdopter } from "../excel/adopter";
import { App } from "./App";
import { drawPicturePng } from "./picture-png";

function start() {
  const root = document.getElementById("root");
  if (!root) return;
  void watch(); // follow SCI_Input (idempotent: the functions may have started it)
  createRoot(root).render(
    <App workbook={officeWorkbook(undefined, drawPicturePng)} adopter={officeAdopter()} model={{ getModel, subscribe, refresh, setRounding }} />,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") void Office.onReady(() => start());
else start(); // opened outside Office: the pane shows, and Excel actions report that Excel is missing

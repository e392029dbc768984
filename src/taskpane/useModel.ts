import { useCallback, useSyncExternalStore } from "react";
import type { Model, ModelSource } from "./types";

/** The current model; re-renders when the workbook's table changes and the model is rebuilt. */
export function useModel(source: ModelSource): Model {
  const subscribe = useCallback((onChange: () => void) => source.subscribe(() => onChange()), [source]);
  return useSyncExternalStore(subscribe, source.getModel, source.getModel);
}

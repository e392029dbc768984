import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";

export type Intent = "success" | "info" | "warning" | "error";

/** A message bar; its text is read out when it appears (the step's live region holds it). */
export function Status({ intent, title, children }: { intent: Intent; title?: string; children?: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

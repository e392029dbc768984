import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";

export type Intent = "success" | "info" | "warning" | "error";

/**
 * A message bar; its text is read out when it appears (the step's live region holds it). Fluent
 * labels the bar by its title's id: with no title, the body labels it instead of a missing id.
 */
export function Status({ intent, title, children }: { intent: Intent; title?: string; children?: ReactNode }) {
  const body = useId();
  return (
    <MessageBar intent={intent} layout="multiline" {...(title ? {} : { "aria-labelledby": body })}>
      <MessageBarBody id={body}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

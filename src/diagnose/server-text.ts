// Kept apart from explain-chain.ts: the status path needs this line, not the code knowledge base.

/**
 * The message of a server error description without the trace and correlation ids Entra ID
 * appends (they are reported in their own fields): what a person reads in one line.
 */
export function serverMessage(description: string | null | undefined): string | null {
  const message = description?.split(/\r?\n| Trace ID:/)[0]?.trim();
  return message ? message : null;
}

import { decodeCode, isExplainError, type ExplainResult, type Family } from '../codes/index.js';

/**
 * Who answered with the error: Entra ID, a WS-Trust (federation) endpoint (event 1088), or AD FS's
 * own token endpoint (`/adfs/oauth2/token`), which the Enterprise PRT's diagnostics describe.
 */
export type ServerErrorSource = 'AzureAD' | 'WsTrust' | 'AdFs';

/** One link of the chain the checklist makes admins follow by hand: status → server → fix. */
export interface ChainLink {
  Code: string;
  Name: string | null;
  Family: Family;
  Known: boolean;
  Summary: string;
  /** Where the code was found: `event 1081 (Operational)`, `dsregcmd Attempt Status`, … */
  FoundIn: string;
  Solutions: string[];
  DocUrl: string | null;
}

/** The evidence of one attempt, wherever it came from (dsregcmd diagnostics or the event logs). */
export interface AttemptEvidence {
  Status: string | null;
  StatusFoundIn: string;
  ServerError: { Code: string | null; Description: string | null; Source: ServerErrorSource; FoundIn: string } | null;
  NetworkSubError: { Code: string; FoundIn: string } | null;
  TokenBrokerErrors: { Code: string; FoundIn: string }[];
  /** The CloudAP plugin's failed calls (1104): the only code an error event outside a window may carry. */
  PluginErrors?: { Code: string; FoundIn: string }[];
  Url: string | null;
}

export interface AttemptExplanation {
  Status: ExplainResult | null;
  Explanation: ChainLink[];
  NextSteps: string[];
}

const link = (result: ExplainResult, foundIn: string): ChainLink => ({
  Code: result.Input,
  Name: result.Name,
  Family: result.Family,
  Known: result.Known,
  Summary: result.Summary,
  FoundIn: foundIn,
  Solutions: result.Solutions,
  DocUrl: result.DocUrl,
});

const decoded = (code: string): ExplainResult | null => {
  const result = decodeCode(code);
  return isExplainError(result) ? null : result;
};

/** The server's own code inside a description: `AADSTS50126: …`, an AD FS `MSIS7068 …`. */
export function serverCodeIn(description: string | null): string | null {
  return description ? (/\b(AADSTS\d{3,7}|MSIS\d{3,5})\b/.exec(description)?.[1] ?? null) : null;
}

/**
 * Follows the chain the checklist describes, automatically: the attempt's status, then the
 * server's AADSTS/MSIS code (or the OAuth error when the description names none), then the
 * network sub-error and token broker errors. Next steps start with the most specific fix.
 */
export function explainAttempt(evidence: AttemptEvidence): AttemptExplanation {
  const chain: ChainLink[] = [];
  const status = evidence.Status ? decoded(evidence.Status) : null;
  if (status) chain.push(link(status, evidence.StatusFoundIn));
  // A 1104 or a 1098 often repeats the attempt's own status (`0xc000006d`, `0xcaa5001c`, a code with no published name).
  const repeats = (result: ExplainResult) => chain.some((existing) => existing.Code.toLowerCase() === result.Input.toLowerCase() || (existing.Name !== null && existing.Name === result.Name));
  const addAll = (errors: readonly { Code: string; FoundIn: string }[]) => {
    for (const error of errors) {
      const result = decoded(error.Code);
      if (result !== null && !repeats(result)) chain.push(link(result, error.FoundIn));
    }
  };
  // The plugin's failed call returns what the 1007 would report: without a 1007 it heads the chain.
  addAll(evidence.PluginErrors ?? []);
  if (evidence.ServerError) {
    const serverCode = serverCodeIn(evidence.ServerError.Description) ?? evidence.ServerError.Code;
    const server = serverCode ? decoded(serverCode) : null;
    if (server) chain.push(link(server, evidence.ServerError.FoundIn));
  }
  if (evidence.NetworkSubError) {
    const network = decoded(evidence.NetworkSubError.Code);
    if (network) chain.push(link(network, evidence.NetworkSubError.FoundIn));
  }
  addAll(evidence.TokenBrokerErrors);

  const steps: string[] = [];
  if (evidence.NetworkSubError && evidence.Url) steps.push(`Check that this device reaches ${evidence.Url} (the URL the failing request went to), through the proxy if there is one.`);
  for (const entry of [...chain].reverse()) steps.push(...entry.Solutions);
  return { Status: status, Explanation: chain, NextSteps: [...new Set(steps)] };
}

// How much the dashboard shows for a window size (pure). The frame must stay shorter than the
// window: Ink redraws a frame as tall as the window by clearing the whole screen, which flickers.

export interface DashboardLayout {
  columns: number;
  rows: number;
  /** Device/PRT beside the steps (or events); one column below 72 columns. */
  twoColumns: boolean;
  maxAttempts: number;
  /** A second line per failed attempt for the server's or the network's code. */
  causeLines: boolean;
  promptBorder: boolean;
  maxNotes: number;
  maxEvents: number;
}

export function layoutFor(columns: number, rows: number): DashboardLayout {
  const cols = Math.max(40, columns || 80);
  const height = Math.max(16, rows || 24);
  const roomy = height >= 30;
  return {
    columns: cols,
    rows: height,
    twoColumns: cols >= 72,
    maxAttempts: roomy ? 4 : 2,
    causeLines: height >= 22,
    promptBorder: roomy,
    maxNotes: roomy ? 3 : 1,
    maxEvents: roomy ? 12 : 9,
  };
}

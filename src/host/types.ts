/**
 * The only window onto the operating system (DESIGN §3). Commands and analysis never spawn,
 * read files or look at the clock themselves; they ask the host, so tests can swap it.
 */
export interface Host {
  /** `Live` reads this device; `Unavailable` is a non-Windows machine without a capture. */
  readonly kind: 'Live' | 'Unavailable';
  /** Runs `dsregcmd /status` and returns its raw stdout bytes (the encoding varies). */
  runDsregcmdStatus(): Promise<Uint8Array>;
  /** Reads a file a user sent in; errors name the file and say what is wrong. */
  readCapture(path: string): Promise<Uint8Array>;
  now(): Date;
}

/** The two channels of the Microsoft-Windows-AAD provider; both are needed (DESIGN §7). */
export type AadChannel = 'Microsoft-Windows-AAD/Operational' | 'Microsoft-Windows-AAD/Analytic';
export const aadChannels: readonly AadChannel[] = ['Microsoft-Windows-AAD/Operational', 'Microsoft-Windows-AAD/Analytic'];

export interface EventQuery {
  channel: AadChannel;
  /** Only events at or after this instant. */
  since?: Date;
  /** Only these event IDs; all when absent. */
  eventIds?: readonly number[];
}

/** Where events come from: the live channels (wevtutil) or files a user sent. */
export interface EventHost {
  /**
   * `wevtutil qe <channel> /q:<XPath> /f:RenderedXml`, oldest first: a sequence of `<Event>`
   * elements without a root, streamed as it arrives.
   */
  queryEvents(query: EventQuery): AsyncIterable<Uint8Array>;
  /** Whether a channel is enabled (`wevtutil gl`): the Analytic one is off by default. */
  isChannelEnabled(channel: AadChannel): Promise<boolean>;
  /**
   * The bytes of one event file (XML in UTF-8 or UTF-16; `.evtx` rendered through wevtutil on
   * Windows), streamed so that a large log never sits in memory whole.
   */
  readEventFile(path: string): AsyncIterable<Uint8Array>;
  /** The files of a folder (a collected bundle), or null when the path is a file. */
  listFolder(path: string): Promise<string[] | null>;
}

import type { BaseContext } from 'clipanion';
import type { Host } from '../host/types.js';

/** What every command gets: the standard streams (clipanion's) and the device it talks to. */
export interface PrtContext extends BaseContext {
  host: Host;
}

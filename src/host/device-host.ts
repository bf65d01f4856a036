import type { DeviceFacts } from '../device/facts.js';

/** Reads what `prt device` judges: certificate store, TPM, SCP, join task, password, clock (issue #15). */
export interface DeviceHost {
  /**
   * Every source read on its own; a source that fails gives its reason (never a throw), so one
   * broken read (WMI, no domain, no permission) leaves the other checks standing.
   * `domain` is dsregcmd's DomainName, for `nltest /dsgetdc:` (null: not domain joined or not shown).
   */
  readDeviceFacts(request: { domain: string | null }): Promise<DeviceFacts>;
}

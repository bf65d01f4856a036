import type { CodeEntry } from '../types.js';
import { EV } from './evidence.js';

/**
 * TPM and key-storage codes: TPM_E_* (TPM 1.2 answers and Windows' TPM software), TPM_20_E_*
 * (0x80280000 + a TPM 2.0 TPM_RC value), TBS_E_* (TPM Base Services), TPM_E_PCP_* (the Platform
 * Crypto Provider, which keeps the device key, the transport key and Windows Hello keys in the
 * TPM) and NTE_* (the CNG key storage layer above it). The PRT's session key lives in the TPM, so
 * these codes explain sign-in failures that no server code explains. Meanings are ours; names and
 * values from winerror.h (see SOURCES).
 */
type Row = readonly [value: number, name: string, meaning: string];

const TPM_ROWS: readonly Row[] = [
  // TPM 1.2 answers (0x8028xxxx, low bits = the TPM's return code).
  [0x80280001, 'TPM_E_AUTHFAIL', 'The TPM refused the authorization value.'],
  [0x80280003, 'TPM_E_BAD_PARAMETER', 'The TPM rejected one or more parameters.'],
  [0x80280006, 'TPM_E_DEACTIVATED', 'The TPM is deactivated.'],
  [0x80280007, 'TPM_E_DISABLED', 'The TPM is disabled.'],
  [0x80280009, 'TPM_E_FAIL', 'The TPM operation failed.'],
  [0x8028000d, 'TPM_E_KEYNOTFOUND', 'The key handle points to a key the TPM does not have.'],
  [0x80280011, 'TPM_E_NOSPACE', 'The TPM has no room to load another key.'],
  [0x80280012, 'TPM_E_NOSRK', 'The TPM has no storage root key: it has not been provisioned.'],
  [0x80280013, 'TPM_E_NOTSEALED_BLOB', 'The encrypted blob is invalid or was not made by this TPM.'],
  [0x80280014, 'TPM_E_OWNER_SET', 'The TPM already has an owner.'],
  [0x80280015, 'TPM_E_RESOURCES', 'The TPM lacks the internal resources for the operation.'],
  [0x8028001c, 'TPM_E_FAILEDSELFTEST', 'The TPM failed its self-test.'],
  [0x8028001f, 'TPM_E_IOERROR', 'Communication with the TPM failed.'],
  [0x80280023, 'TPM_E_NO_ENDORSEMENT', 'The TPM has no endorsement key.'],
  [0x80280036, 'TPM_E_NOTFIPS', 'The TPM is in FIPS mode, which this operation does not support.'],
  [0x80280038, 'TPM_E_NO_NV_PERMISSION', 'The TPM refused access to a protected storage (NV) area.'],
  [0x8028003b, 'TPM_E_AUTH_CONFLICT', 'The storage area needs an authorization other than the one given.'],
  [0x80280063, 'TPM_E_NOCONTEXTSPACE', 'The TPM has no room left for saved contexts.'],
  // Windows' TPM software errors (0x80280400…) and non-fatal conditions (0x80280800…).
  [0x80280400, 'TPM_E_COMMAND_BLOCKED', 'Windows blocked this TPM command (TPM command block list).'],
  [0x80280401, 'TPM_E_INVALID_HANDLE', 'The handle was not found in the TPM.'],
  [0x80280800, 'TPM_E_RETRY', 'The TPM is too busy to answer now; retry.'],
  [0x80280801, 'TPM_E_NEEDS_SELFTEST', 'The TPM must complete a self-test before this command.'],
  [0x80280802, 'TPM_E_DOING_SELFTEST', 'The TPM is running a self-test; retry later.'],
  [0x80280803, 'TPM_E_DEFEND_LOCK_RUNNING', 'The TPM is defending against dictionary attacks (lockout) and is timing out.'],
  // TPM 2.0 answers: 0x80280000 + TPM_RC.
  [0x80280081, 'TPM_20_E_ASYMMETRIC', 'TPM 2.0: the asymmetric algorithm or key is not supported or not right.'],
  [0x80280082, 'TPM_20_E_ATTRIBUTES', 'TPM 2.0: inconsistent object attributes.'],
  [0x80280083, 'TPM_20_E_HASH', 'TPM 2.0: the hash algorithm is not supported or not right.'],
  [0x80280084, 'TPM_20_E_VALUE', 'TPM 2.0: a value is out of range or not right for the context.'],
  [0x80280085, 'TPM_20_E_HIERARCHY', 'TPM 2.0: the hierarchy is disabled or not right for the use.'],
  [0x80280087, 'TPM_20_E_KEY_SIZE', 'TPM 2.0: the key size is not supported.'],
  [0x8028008a, 'TPM_20_E_TYPE', 'TPM 2.0: the type of a value or object is not right.'],
  [0x8028008b, 'TPM_20_E_HANDLE', 'TPM 2.0: the handle is not right for the use.'],
  [0x8028008e, 'TPM_20_E_AUTH_FAIL', 'TPM 2.0: the authorization HMAC check failed (the dictionary-attack counter goes up).'],
  [0x8028008f, 'TPM_20_E_NONCE', 'TPM 2.0: an invalid nonce size.'],
  [0x80280092, 'TPM_20_E_SCHEME', 'TPM 2.0: the signing or encryption scheme is not supported.'],
  [0x80280095, 'TPM_20_E_SIZE', 'TPM 2.0: a structure has the wrong size.'],
  [0x8028009a, 'TPM_20_E_INSUFFICIENT', 'TPM 2.0: not enough input for the unmarshalling.'],
  [0x8028009b, 'TPM_20_E_SIGNATURE', 'TPM 2.0: the signature is not valid.'],
  [0x8028009c, 'TPM_20_E_KEY', 'TPM 2.0: the key fields are not compatible with the selected use.'],
  [0x8028009d, 'TPM_20_E_POLICY_FAIL', 'TPM 2.0: a policy check failed.'],
  [0x8028009f, 'TPM_20_E_INTEGRITY', 'TPM 2.0: the integrity check of a protected object failed.'],
  [0x802800a2, 'TPM_20_E_BAD_AUTH', 'TPM 2.0: the authorization is not right for an entity that is not subject to lockout.'],
  [0x80280100, 'TPM_20_E_INITIALIZE', 'TPM 2.0: the TPM has not been started up (TPM2_Startup missing).'],
  [0x80280101, 'TPM_20_E_FAILURE', 'TPM 2.0: the TPM is in failure mode.'],
  [0x80280120, 'TPM_20_E_DISABLED', 'TPM 2.0: the command is disabled.'],
  [0x80280149, 'TPM_20_E_NV_AUTHORIZATION', 'TPM 2.0: the authorization for the storage (NV) index is not allowed.'],
  [0x8028014b, 'TPM_20_E_NV_SPACE', 'TPM 2.0: no room left in the TPM\'s storage (NV).'],
  [0x80280150, 'TPM_20_E_BAD_CONTEXT', 'TPM 2.0: a saved context could not be loaded back.'],
  [0x80280902, 'TPM_20_E_OBJECT_MEMORY', 'TPM 2.0: out of memory for objects; retry after others are flushed.'],
  [0x80280903, 'TPM_20_E_SESSION_MEMORY', 'TPM 2.0: out of memory for sessions.'],
  [0x80280904, 'TPM_20_E_MEMORY', 'TPM 2.0: out of memory.'],
  [0x8028090a, 'TPM_20_E_TESTING', 'TPM 2.0: the TPM is self-testing; retry later.'],
  [0x80280920, 'TPM_20_E_NV_RATE', 'TPM 2.0: the storage (NV) write rate limit was hit; retry later.'],
  [0x80280921, 'TPM_20_E_LOCKOUT', 'TPM 2.0: the TPM is in dictionary-attack lockout.'],
  [0x80280922, 'TPM_20_E_RETRY', 'TPM 2.0: the TPM was not able to start the command; retry.'],
  [0x80280923, 'TPM_20_E_NV_UNAVAILABLE', 'TPM 2.0: storage (NV) is not available right now.'],
  // TPM Base Services (0x80284xxx).
  [0x80284001, 'TBS_E_INTERNAL_ERROR', 'The TPM Base Services hit an internal error.'],
  [0x80284002, 'TBS_E_BAD_PARAMETER', 'A parameter given to the TPM Base Services was invalid.'],
  [0x80284003, 'TBS_E_INVALID_OUTPUT_POINTER', 'An output pointer given to the TPM Base Services was invalid.'],
  [0x80284004, 'TBS_E_INVALID_CONTEXT', 'The TPM Base Services context handle is invalid.'],
  [0x80284005, 'TBS_E_INSUFFICIENT_BUFFER', 'The buffer given to the TPM Base Services is too small.'],
  [0x80284006, 'TBS_E_IOERROR', 'Talking to the TPM failed (I/O error).'],
  [0x80284007, 'TBS_E_INVALID_CONTEXT_PARAM', 'A TPM Base Services context parameter is invalid.'],
  [0x80284008, 'TBS_E_SERVICE_NOT_RUNNING', 'The TPM Base Services (TBS) service is not running.'],
  [0x80284009, 'TBS_E_TOO_MANY_TBS_CONTEXTS', 'Too many TPM Base Services contexts are open.'],
  [0x8028400a, 'TBS_E_TOO_MANY_RESOURCES', 'Too many TPM virtual resources are in use.'],
  [0x8028400b, 'TBS_E_SERVICE_START_PENDING', 'The TPM Base Services service is still starting.'],
  [0x8028400c, 'TBS_E_PPI_NOT_SUPPORTED', 'The physical presence interface is not supported.'],
  [0x8028400d, 'TBS_E_COMMAND_CANCELED', 'The TPM command was cancelled.'],
  [0x8028400e, 'TBS_E_BUFFER_TOO_LARGE', 'The TPM command buffer is too large.'],
  [0x8028400f, 'TBS_E_TPM_NOT_FOUND', 'No compatible TPM was found on this computer.'],
  [0x80284010, 'TBS_E_SERVICE_DISABLED', 'The TPM Base Services service is disabled.'],
  [0x80284011, 'TBS_E_NO_EVENT_LOG', 'No TCG event log is available.'],
  [0x80284012, 'TBS_E_ACCESS_DENIED', 'The caller may not use this TPM command.'],
  [0x80284013, 'TBS_E_PROVISIONING_NOT_ALLOWED', 'TPM provisioning is not allowed by the settings.'],
  [0x80284014, 'TBS_E_PPI_FUNCTION_UNSUPPORTED', 'The firmware does not support this physical presence function.'],
  [0x80284015, 'TBS_E_OWNERAUTH_NOT_FOUND', 'The TPM owner authorization was not found.'],
  [0x80284016, 'TBS_E_PROVISIONING_INCOMPLETE', 'TPM provisioning did not complete.'],
  // Platform Crypto Provider (0x802904xx).
  [0x80290401, 'TPM_E_PCP_DEVICE_NOT_READY', 'The Platform Crypto Provider finds the TPM not ready.'],
  [0x80290402, 'TPM_E_PCP_INVALID_HANDLE', 'The Platform Crypto Provider got an invalid handle.'],
  [0x80290403, 'TPM_E_PCP_INVALID_PARAMETER', 'The Platform Crypto Provider got an invalid parameter.'],
  [0x80290404, 'TPM_E_PCP_FLAG_NOT_SUPPORTED', 'The Platform Crypto Provider does not support a flag it was given.'],
  [0x80290405, 'TPM_E_PCP_NOT_SUPPORTED', 'The Platform Crypto Provider does not support this request.'],
  [0x80290406, 'TPM_E_PCP_BUFFER_TOO_SMALL', 'A buffer given to the Platform Crypto Provider is too small.'],
  [0x80290407, 'TPM_E_PCP_INTERNAL_ERROR', 'Generic TPM error inside the Platform Crypto Provider.'],
  [0x80290408, 'TPM_E_PCP_AUTHENTICATION_FAILED', 'Authorizing use of a TPM key failed.'],
  [0x80290409, 'TPM_E_PCP_AUTHENTICATION_IGNORED', 'The TPM ignored the authorization because it is defending against dictionary attacks (lockout).'],
  [0x8029040a, 'TPM_E_PCP_POLICY_NOT_FOUND', 'The policy referred to was not found.'],
  [0x8029040b, 'TPM_E_PCP_PROFILE_NOT_FOUND', 'The profile referred to was not found.'],
  [0x8029040c, 'TPM_E_PCP_VALIDATION_FAILED', 'Validation by the Platform Crypto Provider failed.'],
];

/** NTE_* (FACILITY_SECURITY 0x80090001…0x80090038): the CNG/CryptoAPI key storage layer. */
const NTE_ROWS: readonly Row[] = [
  [0x80090001, 'NTE_BAD_UID', 'The provider UID is bad.'],
  [0x80090002, 'NTE_BAD_HASH', 'The hash value is bad.'],
  [0x80090003, 'NTE_BAD_KEY', 'The key is bad or unusable.'],
  [0x80090004, 'NTE_BAD_LEN', 'A length is bad.'],
  [0x80090005, 'NTE_BAD_DATA', 'The data is bad (malformed input).'],
  [0x80090006, 'NTE_BAD_SIGNATURE', 'The signature is invalid.'],
  [0x80090007, 'NTE_BAD_VER', 'Bad version of the provider.'],
  [0x80090008, 'NTE_BAD_ALGID', 'The algorithm is invalid for this key or provider.'],
  [0x80090009, 'NTE_BAD_FLAGS', 'Invalid flags.'],
  [0x8009000a, 'NTE_BAD_TYPE', 'Invalid type.'],
  [0x8009000b, 'NTE_BAD_KEY_STATE', 'The key may not be used in its current state.'],
  [0x8009000c, 'NTE_BAD_HASH_STATE', 'The hash may not be used in its current state.'],
  [0x8009000d, 'NTE_NO_KEY', 'The key does not exist.'],
  [0x8009000e, 'NTE_NO_MEMORY', 'The key storage provider ran out of memory.'],
  [0x8009000f, 'NTE_EXISTS', 'The object already exists.'],
  [0x80090010, 'NTE_PERM', 'Access to the key was denied.'],
  [0x80090011, 'NTE_NOT_FOUND', 'The object was not found.'],
  [0x80090012, 'NTE_DOUBLE_ENCRYPT', 'The data is already encrypted.'],
  [0x80090013, 'NTE_BAD_PROVIDER', 'The provider is invalid.'],
  [0x80090014, 'NTE_BAD_PROV_TYPE', 'The provider type is invalid.'],
  [0x80090015, 'NTE_BAD_PUBLIC_KEY', 'The provider\'s public key is invalid.'],
  [0x80090016, 'NTE_BAD_KEYSET', 'The keyset (key container) does not exist.'],
  [0x80090017, 'NTE_PROV_TYPE_NOT_DEF', 'The provider type is not defined.'],
  [0x80090018, 'NTE_PROV_TYPE_ENTRY_BAD', 'The registered provider type is invalid.'],
  [0x80090019, 'NTE_KEYSET_NOT_DEF', 'The keyset is not defined.'],
  [0x8009001a, 'NTE_KEYSET_ENTRY_BAD', 'The registered keyset is invalid.'],
  [0x8009001b, 'NTE_PROV_TYPE_NO_MATCH', 'The provider type does not match the registered value.'],
  [0x8009001c, 'NTE_SIGNATURE_FILE_BAD', 'The provider\'s digital signature file is corrupt.'],
  [0x8009001d, 'NTE_PROVIDER_DLL_FAIL', 'The provider DLL failed to initialize.'],
  [0x8009001e, 'NTE_PROV_DLL_NOT_FOUND', 'The provider DLL was not found.'],
  [0x8009001f, 'NTE_BAD_KEYSET_PARAM', 'The keyset parameter is invalid.'],
  [0x80090020, 'NTE_FAIL', 'An internal error occurred in the key storage provider.'],
  [0x80090021, 'NTE_SYS_ERR', 'A base (system) error occurred in the key storage provider.'],
  [0x80090022, 'NTE_SILENT_CONTEXT', 'The provider would need to show UI, but was asked to stay silent.'],
  [0x80090023, 'NTE_TOKEN_KEYSET_STORAGE_FULL', 'The security token has no room for another container.'],
  [0x80090024, 'NTE_TEMPORARY_PROFILE', 'The profile is temporary: keys cannot be stored.'],
  [0x80090025, 'NTE_FIXEDPARAMETER', 'The key parameters cannot be set: the provider uses fixed ones.'],
  [0x80090026, 'NTE_INVALID_HANDLE', 'Invalid handle.'],
  [0x80090027, 'NTE_INVALID_PARAMETER', 'Invalid parameter.'],
  [0x80090028, 'NTE_BUFFER_TOO_SMALL', 'The buffer is too small.'],
  [0x80090029, 'NTE_NOT_SUPPORTED', 'The operation is not supported by this provider.'],
  [0x8009002a, 'NTE_NO_MORE_ITEMS', 'No more data.'],
  [0x8009002b, 'NTE_BUFFERS_OVERLAP', 'The buffers overlap.'],
  [0x8009002c, 'NTE_DECRYPTION_FAILURE', 'Decryption failed.'],
  [0x8009002d, 'NTE_INTERNAL_ERROR', 'An internal consistency check failed.'],
  [0x8009002e, 'NTE_UI_REQUIRED', 'The operation needs input from the user.'],
  [0x8009002f, 'NTE_HMAC_NOT_SUPPORTED', 'The provider does not support HMAC.'],
  [0x80090030, 'NTE_DEVICE_NOT_READY', 'The device that holds the key (the TPM) is not ready.'],
  [0x80090031, 'NTE_AUTHENTICATION_IGNORED', 'The TPM ignored the authorization: it is locked out against dictionary attacks.'],
  [0x80090032, 'NTE_VALIDATION_FAILED', 'Validation failed.'],
  [0x80090033, 'NTE_INCORRECT_PASSWORD', 'Incorrect password (or PIN).'],
  [0x80090034, 'NTE_ENCRYPTION_FAILURE', 'Encryption failed.'],
  [0x80090035, 'NTE_DEVICE_NOT_FOUND', 'The device that should hold the key (the TPM) was not found.'],
  [0x80090036, 'NTE_USER_CANCELLED', 'The user cancelled the operation.'],
  [0x80090037, 'NTE_PASSWORD_CHANGE_REQUIRED', 'The password must be changed first.'],
  [0x80090038, 'NTE_NOT_ACTIVE_CONSOLE', 'The operation needs the active console session.'],
];

const TPM_EVIDENCE = [EV.tpmHealth];
const TPM_DOC = 'https://learn.microsoft.com/windows/win32/com/com-error-codes-6';
const NTE_DOC = 'https://learn.microsoft.com/windows/win32/seccrypto/common-hresult-values';

/** The NTSTATUS spelling of a TPM HRESULT (0x8028… → 0xC028…), seen in AAD events. */
const ntstatusSpelling = (value: number): number => (value | 0x40000000) >>> 0;

/** Advice for the codes admins meet with the PRT and Windows Hello (on top of the one-liners). */
const DETAIL: Readonly<Record<number, Pick<CodeEntry, 'Causes' | 'Solutions'>>> = {
  0x8028008b: {
    Causes: ['The TPM refused a key handle while the PRT\'s session key was used (often together with event 1093/1084/1155 and a fall-back to device authentication); usually a TPM firmware fault or a stale TPM state.'],
    Solutions: ['Restart the device; that usually clears the state.', 'Update the TPM firmware and Windows if it keeps happening.'],
  },
  0x8028008e: {
    Causes: ['A wrong authorization was presented to a TPM key (for example a stale or corrupted key blob); repeated failures lead to lockout.'],
    Solutions: ['Check `Get-Tpm` (LockedOut, LockoutCount); if the device keys are broken, re-register the device (dsregcmd /leave, then join again).'],
  },
  0x80280921: {
    Causes: ['Too many failed TPM authorizations: the TPM blocks further attempts for a while.'],
    Solutions: ['Wait for the lockout to decay, or reset the lockout with the owner authorization (`Get-Tpm`, TPM management console).'],
  },
  0x80280036: {
    Causes: ['The TPM runs in FIPS mode.'],
    Solutions: ['Disable the TPM on affected devices; Windows 10 1809 and later join without it when they detect the failure.'],
  },
  0x80290407: {
    Causes: ['The TPM failed during a key operation of the device registration or the PRT.'],
    Solutions: ['Update the TPM firmware; if it persists, the join falls back to software keys on Windows 10 1809 and later (disable the TPM for the join if needed).'],
  },
  0x80290409: {
    Causes: ['The TPM is in dictionary-attack lockout.'],
    Solutions: ['Wait for the cool-down period, then retry; check `Get-Tpm` for LockedOut.'],
  },
  0x8028400f: {
    Causes: ['The TPM is missing, disabled in the firmware, or its driver is not loaded.'],
    Solutions: ['Check the TPM in the firmware settings and in tpm.msc / `Get-Tpm`.'],
  },
  0x80284008: {
    Causes: ['The TPM Base Services service (TBS) is stopped or disabled.'],
    Solutions: ['Start the TBS service and set it to automatic.'],
  },
  0x80090016: {
    Causes: ['The key container that Windows expects is gone: the TPM was cleared, or the device comes from a sysprep image built on a joined or registered machine.'],
    Solutions: ['Build sysprep images on machines that are not joined or registered; after a TPM clear, re-register the device and re-add the accounts.'],
  },
  0x80090030: {
    Causes: ['The TPM is not ready for use (not provisioned, or busy after a firmware change).'],
    Solutions: ['Check `Get-Tpm` (TpmReady); provision the TPM or restart the device.'],
  },
  0x80090031: {
    Causes: ['The TPM is locked out after too many failed authorizations (anti-hammering).'],
    Solutions: ['Transient: wait for the cool-down period, then retry; check `Get-Tpm` for LockedOut.'],
  },
  0x80090035: {
    Causes: ['The TPM that held the key is gone: disabled in the firmware, replaced (motherboard swap) or not detected.'],
    Solutions: ['Turn the TPM back on in the firmware; if it was replaced, re-register the device and re-create Windows Hello.'],
  },
};

const tpmEntry = (family: 'TPM' | 'HRESULT', doc: string, source: CodeEntry['Source']) =>
  ([value, name, meaning]: Row): CodeEntry => ({
    Family: family, Value: value, Name: name, Summary: meaning, DocUrl: doc, Source: source,
    Evidence: TPM_EVIDENCE,
    ...(family === 'TPM' ? { Variants: [ntstatusSpelling(value)] } : {}),
    ...DETAIL[value],
  });

export const TPM: readonly CodeEntry[] = [
  ...TPM_ROWS.map(tpmEntry('TPM', TPM_DOC, 'tpm-error-codes')),
  ...NTE_ROWS.map(tpmEntry('HRESULT', NTE_DOC, 'nte-error-codes')),
];

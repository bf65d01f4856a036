import type { CodeEntry } from '../types.js';

/**
 * MDM enrolment HRESULTs (facility 24, MENROLL_E_*) that Entra join, Autopilot and automatic
 * enrolment tickets carry. Names are the Windows SDK's (winerror.h, checked by the header oracle);
 * the causes and fixes are facts of the Intune, co-management and Autopilot articles named in
 * SOURCES, in our own words.
 */
const INTUNE_ENROLLMENT_ERRORS = 'https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-windows-enrollment-errors';
const COMANAGE_ERRORS = 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-monitor#enrollment-errors';
const AUTOPILOT_PROFILES = 'https://learn.microsoft.com/autopilot/profiles';

const MDM_USER_SCOPE = 'In Entra ID, Mobility (MDM and MAM), Microsoft Intune: check the MDM user scope (All, or Some with the user in a listed group).';

export const MDM_ENROLLMENT: readonly CodeEntry[] = [
  {
    Family: 'HRESULT', Value: 0x80180026, Name: 'MENROLL_E_DEVICE_MANAGEMENT_BLOCKED',
    Source: 'intune-windows-enrollment-errors', DocUrl: INTUNE_ENROLLMENT_ERRORS,
    Summary: 'MDM enrolment is blocked on this device: it is already managed another way (a management agent, a policy, or an app that declared it externally managed).',
    Causes: [
      'Automatic MDM enrolment is switched on for the tenant while the device still runs an older management agent (the classic Intune PC client or the Configuration Manager client): the join succeeds, then enrolment refuses and the device may leave Entra ID again.',
      'A Group Policy, or a program through the SetManagedExternally call, marked the device as managed outside MDM.',
    ],
    Solutions: [
      'Remove the classic Intune PC client (or the Configuration Manager client, if it is not meant to co-manage) from the device, then join again.',
      'Or, where the device must stay with its agent, take its users out of the MDM user scope (Entra ID, Mobility, Microsoft Intune) so that the join does not try to enrol it.',
    ],
  },
  {
    Family: 'HRESULT', Value: 0x80180014, Name: 'MENROLL_E_DEVICENOTSUPPORTED',
    Source: 'intune-windows-enrollment-errors', DocUrl: INTUNE_ENROLLMENT_ERRORS,
    Summary: 'The MDM service does not accept this kind of device (Windows reports that the organisation does not support this version of Windows).',
    Causes: ['The Intune enrolment restrictions of the tenant block the Windows (MDM) platform, so every Windows enrolment is turned away.'],
    Solutions: ['In Intune, Devices, Enrollment restrictions: allow the Windows (MDM) platform in the device platform restriction that applies to the user, then retry.'],
  },
  {
    Family: 'HRESULT', Value: 0x80180018, Name: 'MENROLL_E_USER_LICENSE',
    Source: 'comanage-enrollment-errors', DocUrl: COMANAGE_ERRORS,
    Summary: 'The user\'s MDM licence is missing or in a state that blocks enrolment.',
    Causes: ['The user who enrols (or joins with automatic enrolment) has no Intune licence assigned, or its assignment failed.'],
    Solutions: ['Assign the user a licence that includes Intune, check that the assignment shows no error, then retry the enrolment.'],
  },
  {
    Family: 'HRESULT', Value: 0x8018002b, Name: null,
    Source: 'intune-windows-enrollment-errors', DocUrl: INTUNE_ENROLLMENT_ERRORS,
    Summary: 'Automatic MDM enrolment failed: the Entra side of the enrolment is not (yet) set up for this user (event 76 of the DeviceManagement-Enterprise-Diagnostics-Provider/Admin log).',
    Causes: [
      'The user\'s UPN has a suffix Entra ID cannot use (not verified in the tenant, or not routable, such as .local).',
      'The MDM user scope is None, or does not include the user.',
      'The tenant\'s MDM configuration has not reached the device yet; the device retries by itself after a while.',
    ],
    Solutions: [
      'Give the user a verified, routable UPN suffix in Active Directory and let Entra Connect sync it.',
      MDM_USER_SCOPE,
      'If the configuration was just changed, wait for the scheduled enrolment task to retry.',
    ],
  },
  {
    Family: 'HRESULT', Value: 0x80180005, Name: 'MENROLL_E_DEVICE_CONFIGMGRSERVER_ERROR',
    Source: 'autopilot-profiles', DocUrl: AUTOPILOT_PROFILES,
    Summary: 'The management server reported an error while enrolling the device.',
    Causes: [
      'Autopilot pre-provisioning was started (five presses of the Windows key in the out-of-box experience) while the device\'s Autopilot profile does not allow pre-provisioned deployment.',
      'A fault on the management service\'s side, such as a failed database access.',
    ],
    Solutions: [
      'Allow pre-provisioned deployment in the Autopilot profile assigned to the device, or do not start pre-provisioning on it.',
      'Otherwise retry later; if it persists, the MDM service side must be investigated with its operator.',
    ],
  },
  {
    Family: 'HRESULT', Value: 0x80180003, Name: 'MENROLL_E_DEVICE_AUTHORIZATION_ERROR',
    Source: 'intune-windows-enrollment-errors', DocUrl: INTUNE_ENROLLMENT_ERRORS,
    Summary: 'The user is not allowed to enrol this device in MDM.',
    Causes: [
      'The user already has as many enrolled devices as the Intune device limit allows.',
      'An Intune enrolment restriction blocks this device type or platform.',
      'The device runs a Windows edition that cannot enrol or join (Home).',
    ],
    Solutions: [
      'Delete the user\'s stale devices in Intune, or raise the device limit restriction.',
      'Allow the Windows (MDM) platform in the enrolment restriction that applies to the user.',
      'Upgrade the device to a Pro or Enterprise edition.',
    ],
  },
  {
    Family: 'HRESULT', Value: 0x8018000a, Name: 'MENROLL_E_DEVICE_ALREADY_ENROLLED',
    Source: 'intune-windows-enrollment-errors', DocUrl: INTUNE_ENROLLMENT_ERRORS,
    Summary: 'The device is already enrolled in MDM.',
    Causes: [
      'Another user of the device already connected it to a work or school account (enrolled or joined it).',
      'The Configuration Manager client is installed on the device.',
    ],
    Solutions: [
      'Sign in as the user who connected the device and remove that work or school account (Settings, Accounts, Access work or school), then enrol again.',
      'Remove the Configuration Manager client if the device is not meant to be co-managed, then enrol again.',
    ],
  },
];

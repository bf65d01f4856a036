/**
 * The directory facts `prt device` reads with one Windows PowerShell script (System.DirectoryServices
 * only: no RSAT, no AD module): the SCP in the configuration partition, the password-last-set
 * time of the user prt runs as, and the userCertificate values of this computer's own object
 * (found by its sAMAccountName `NAME$`), which hybrid sync join writes and Entra Connect needs. The script prints one JSON object; every part reports its own
 * error string instead of throwing. parseAdCollector validates that document, no I/O here.
 */
import { decodeCode, isExplainError } from '../codes/index.js';
import { DeviceParseError } from './parse.js';
import { factOf, noFact, type ComputerCertificateFact, type ComputerObjectFact, type Fact, type PasswordFact, type ScpFact } from './facts.js';

/** The object under CN=Device Registration Configuration,CN=Services,<configuration NC>. */
export const scpObjectName = 'CN=62a0ff2e-97b9-4513-943f-0d221bd30080';

/** Windows PowerShell 5.1 syntax only (no `??`, ternary, `&&`). Output is ASCII: non-ASCII is escaped, whatever the console code page. */
export const adCollectorScript = `# prt device: directory facts over LDAP (System.DirectoryServices), one JSON object on stdout.
$ErrorActionPreference = 'Stop'
function Get-PrtFailureText($Record) {
    $text = $Record.Exception.GetBaseException().Message
    if (-not $text) { $text = [string]$Record }
    return ($text -replace '\\s+', ' ').Trim()
}
$result = [ordered]@{ Version = 2; Scp = $null; ScpError = $null; User = $null; PasswordLastSet = $null; PasswordError = $null; Computer = $null; ComputerError = $null }
try {
    $rootDse = New-Object System.DirectoryServices.DirectoryEntry('LDAP://RootDSE')
    # Binds now, so an unreachable domain fails here with its own message, not later as a null.
    $rootDse.RefreshCache()
    $configNc = $null
    if ($null -ne $rootDse.Properties) { $configNc = [string]$rootDse.Properties['configurationNamingContext'].Value }
    if (-not $configNc) { throw 'RootDSE shows no configurationNamingContext (no domain controller answered)' }
    $scpPath = 'LDAP://${scpObjectName},CN=Device Registration Configuration,CN=Services,' + $configNc
    if ([System.DirectoryServices.DirectoryEntry]::Exists($scpPath)) {
        $scp = New-Object System.DirectoryServices.DirectoryEntry($scpPath)
        # A fresh string[]: 5.1's ConvertTo-Json writes a PSObject-wrapped array as {"value":[...],"Count":n}.
        [string[]]$keywords = @($scp.Properties['keywords'] | ForEach-Object { [string]$_ })
        $result.Scp = [ordered]@{ Found = $true; Keywords = $keywords }
    } else {
        $result.Scp = [ordered]@{ Found = $false; Keywords = @() }
    }
} catch {
    $result.ScpError = Get-PrtFailureText $_
}
try {
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $result.User = $identity.Name
    $sid = $identity.User.Value
    $searcher = New-Object System.DirectoryServices.DirectorySearcher
    $searcher.Filter = '(objectSid=' + $sid + ')'
    [void]$searcher.PropertiesToLoad.Add('pwdLastSet')
    $found = $searcher.FindOne()
    if ($null -eq $found) { throw ('the user prt runs as (' + $identity.Name + ') has no object in the domain: a local account or SYSTEM') }
    $values = $found.Properties['pwdlastset']
    if ($values.Count -eq 0) { throw 'the user object shows no pwdLastSet (no permission to read it?)' }
    $fileTime = [long]$values[0]
    if ($fileTime -eq 0) { throw 'pwdLastSet is 0: the user must change the password at next sign-in' }
    $result.PasswordLastSet = [DateTime]::FromFileTimeUtc($fileTime).ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture)
} catch {
    $result.PasswordError = Get-PrtFailureText $_
}
try {
    $sam = [Environment]::MachineName + '$'
    # RFC 4515: a backslash, star, parenthesis or NUL in a filter value is written as a backslash and two hex digits.
    $escaped = [regex]::Replace($sam, '[\\\\*()\\x00]', { param($m) '\\{0:x2}' -f [int][char]$m.Value })
    $searcher = New-Object System.DirectoryServices.DirectorySearcher
    $searcher.Filter = '(&(objectCategory=computer)(sAMAccountName=' + $escaped + '))'
    [void]$searcher.PropertiesToLoad.Add('userCertificate')
    [void]$searcher.PropertiesToLoad.Add('objectGUID')
    $found = $searcher.FindOne()
    if ($null -eq $found) {
        $result.Computer = [ordered]@{ SamAccountName = $sam; Found = $false; ObjectGuid = $null; Certificates = @() }
    } else {
        $guid = $null
        if ($found.Properties['objectguid'].Count -gt 0) { $guid = (New-Object System.Guid (,[byte[]]$found.Properties['objectguid'][0])).ToString() }
        $certificates = New-Object System.Collections.ArrayList
        foreach ($raw in $found.Properties['usercertificate']) {
            try {
                $certificate = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 (,[byte[]]$raw)
                $notAfter = $certificate.NotAfter.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture)
                [void]$certificates.Add([ordered]@{ Subject = $certificate.Subject; Thumbprint = $certificate.Thumbprint; NotAfter = $notAfter; Error = $null })
            } catch {
                [void]$certificates.Add([ordered]@{ Subject = $null; Thumbprint = $null; NotAfter = $null; Error = (Get-PrtFailureText $_) })
            }
        }
        # A fresh object[], for the same reason as the keywords above.
        [object[]]$listed = $certificates.ToArray()
        $result.Computer = [ordered]@{ SamAccountName = $sam; Found = $true; ObjectGuid = $guid; Certificates = $listed }
    }
} catch {
    $result.ComputerError = Get-PrtFailureText $_
}
$json = ConvertTo-Json -InputObject $result -Compress -Depth 4
[regex]::Replace($json, '[^\\x00-\\x7F]', { param($m) '\\u{0:x4}' -f [int][char]$m.Value })
`;

/** The version the script writes and the parser reads: they ship together in the exe. */
export const adCollectorVersion = 2;

export interface AdFacts {
  /** Value null: no SCP object in the forest. */
  Scp: Fact<ScpFact | null>;
  Password: Fact<PasswordFact>;
  ComputerObject: Fact<ComputerObjectFact>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * .NET says "Unknown error (0x8007232b)" where Windows has no message text: the knowledge base names
 * the code, unless its symbolic name (capitals) already follows. Case-sensitive, so a message word
 * after the code ("Access is denied") does not pass for a name.
 */
function withCodeNames(reason: string): string {
  return reason.replace(/\b0[xX][0-9a-fA-F]{8}\b(?!\s*[A-Z][A-Z0-9_]{3})/g, (code) => {
    const result = decodeCode(code);
    return isExplainError(result) || !result.Name ? code : `${code} ${result.Name}`;
  });
}

function optionalString(document: Record<string, unknown>, key: string): string | null {
  const value = document[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new DeviceParseError(`${key} is not a string`);
  return value;
}

/** `azureADId:<guid>` and `azureADName:<domain>` among the SCP's keywords. */
export function scpFromKeywords(keywords: readonly string[]): ScpFact {
  const valueOf = (label: string) => {
    const prefix = `${label.toLowerCase()}:`;
    const keyword = keywords.find((k) => k.trim().toLowerCase().startsWith(prefix));
    return keyword === undefined ? null : keyword.trim().slice(prefix.length).trim() || null;
  };
  return { TenantId: valueOf('azureADId'), TenantName: valueOf('azureADName') };
}

function scpPart(document: Record<string, unknown>): Fact<ScpFact | null> {
  const error = optionalString(document, 'ScpError');
  const scp = document.Scp;
  if (error !== null) return noFact(`the SCP over LDAP: ${withCodeNames(error)}`);
  if (!isRecord(scp)) throw new DeviceParseError('Scp is neither an object nor explained by ScpError');
  if (typeof scp.Found !== 'boolean') throw new DeviceParseError('Scp.Found is not true or false');
  if (!scp.Found) return factOf(null);
  // Windows PowerShell 5.1's ConvertTo-Json may write one keyword as a string, or a wrapped array as {"value":[...],"Count":n}.
  const listed = isRecord(scp.Keywords) && Array.isArray(scp.Keywords.value) ? scp.Keywords.value : scp.Keywords;
  const keywords = typeof listed === 'string' ? [listed] : listed;
  if (!Array.isArray(keywords) || !keywords.every((k): k is string => typeof k === 'string')) throw new DeviceParseError('Scp.Keywords is not a list of strings');
  const fact = scpFromKeywords(keywords);
  if (fact.TenantId === null && fact.TenantName === null) return noFact(`the SCP object exists but its keywords name no tenant (${keywords.join(', ') || 'none'})`);
  return factOf(fact);
}

/** The collector writes times as `yyyy-MM-ddTHH:mm:ssZ` (UTC); anything else, or an impossible date, is not its output. */
const isIsoUtc = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value) && !Number.isNaN(Date.parse(value));

function passwordPart(document: Record<string, unknown>): Fact<PasswordFact> {
  const user = optionalString(document, 'User');
  const error = optionalString(document, 'PasswordError');
  const lastSet = optionalString(document, 'PasswordLastSet');
  const whose = user === null ? 'the user prt runs as' : `${user} (the user prt runs as)`;
  if (error !== null) return noFact(`pwdLastSet of ${whose}: ${withCodeNames(error)}`);
  if (lastSet === null) throw new DeviceParseError('PasswordLastSet is missing and PasswordError does not say why');
  if (!isIsoUtc(lastSet)) throw new DeviceParseError(`PasswordLastSet is not an ISO UTC time: ${lastSet}`);
  return factOf({ PasswordLastSet: lastSet });
}


/** Windows PowerShell 5.1's ConvertTo-Json may write a list as {"value":[...],"Count":n}, and a one-item list as the item. */
function listOf(value: unknown): unknown[] | null {
  const listed: unknown = isRecord(value) && Array.isArray(value.value) ? value.value : value;
  if (Array.isArray(listed)) return listed as unknown[];
  return isRecord(listed) ? [listed] : null;
}

function computerCertificate(value: unknown, index: number): ComputerCertificateFact {
  if (!isRecord(value)) throw new DeviceParseError(`Computer.Certificates[${index}] is not an object`);
  const fact = {
    Subject: optionalString(value, 'Subject'),
    Thumbprint: optionalString(value, 'Thumbprint'),
    NotAfter: optionalString(value, 'NotAfter'),
    Error: optionalString(value, 'Error'),
  };
  if (fact.Error === null && (fact.Subject === null || fact.Thumbprint === null)) throw new DeviceParseError(`Computer.Certificates[${index}] has neither a subject and thumbprint nor an error`);
  if (fact.NotAfter !== null && !isIsoUtc(fact.NotAfter)) throw new DeviceParseError(`Computer.Certificates[${index}].NotAfter is not an ISO UTC time: ${fact.NotAfter}`);
  return fact;
}

function computerPart(document: Record<string, unknown>): Fact<ComputerObjectFact> {
  const error = optionalString(document, 'ComputerError');
  if (error !== null) return noFact(`the computer object over LDAP: ${withCodeNames(error)}`);
  const computer = document.Computer;
  if (!isRecord(computer)) throw new DeviceParseError('Computer is neither an object nor explained by ComputerError');
  const sam = optionalString(computer, 'SamAccountName');
  if (sam === null) throw new DeviceParseError('Computer.SamAccountName is missing');
  if (typeof computer.Found !== 'boolean') throw new DeviceParseError('Computer.Found is not true or false');
  if (!computer.Found) return noFact(`no computer object ${sam} was found in the domain (deleted, in another domain, or not readable by this account)`);
  const certificates = listOf(computer.Certificates);
  if (certificates === null) throw new DeviceParseError('Computer.Certificates is not a list');
  return factOf({ SamAccountName: sam, ObjectGuid: optionalString(computer, 'ObjectGuid'), Certificates: certificates.map(computerCertificate) });
}

/** The collector's stdout → the facts; a document that is not the collector's throws DeviceParseError. */
export function parseAdCollector(text: string): AdFacts {
  let document: unknown;
  try {
    // trim() also drops the byte order mark Windows PowerShell 5.1 may write.
    document = JSON.parse(text.trim());
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new DeviceParseError(`the collector's output is not JSON (${text.trim().slice(0, 60) || 'empty'})`);
  }
  if (!isRecord(document)) throw new DeviceParseError('the collector\'s output is not one JSON object');
  if (document.Version !== adCollectorVersion) throw new DeviceParseError(`the collector's document has version ${JSON.stringify(document.Version) as string | undefined ?? 'none'}, not ${adCollectorVersion}`);
  return { Scp: scpPart(document), Password: passwordPart(document), ComputerObject: computerPart(document) };
}

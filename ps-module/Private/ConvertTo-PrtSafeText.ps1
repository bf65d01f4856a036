# The module's one output sanitizer (DESIGN 8): text from data (a device name, a UPN, a server
# reply, a file name) never reaches the host with a raw control character in it. Every document
# the exe returns passes through it before it becomes an object, so the views, Format-List *,
# Out-String and every message built from those values show `\x1b` where an escape sequence was.

# C0 but tab and newline, DEL, C1 (U+009B is a one-character CSI).
# ::new, not New-Object: New-Object's first call in a session costs about 150 ms of Import-Module.
$script:PrtControlCharacter = [System.Text.RegularExpressions.Regex]::new('[\x00-\x08\x0B-\x1F\x7F-\x9F]')

function ConvertTo-PrtSafeText {
    <#
    .SYNOPSIS
        A string with every control character shown visibly (`\x1b`, `\u009b`), a Windows line end
        kept as a line end; an object or array from ConvertFrom-Json with each of its strings made
        safe, in place. Anything else is returned unchanged.
    #>
    [CmdletBinding()]
    param(
        [AllowNull()]
        [AllowEmptyString()]
        [object] $Value
    )

    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) {
        $text = $Value.Replace("`r`n", "`n")
        if (-not $script:PrtControlCharacter.IsMatch($text)) { return $text }
        return $script:PrtControlCharacter.Replace($text, {
                param($match)
                $code = [int][char]$match.Value
                if ($code -lt 0x80) { return '\x{0:x2}' -f $code }
                return '\u{0:x4}' -f $code
            })
    }
    if ($Value -is [System.Array]) {
        for ($i = 0; $i -lt $Value.Length; $i++) {
            $Value[$i] = ConvertTo-PrtSafeText -Value $Value[$i]
        }
        return , $Value
    }
    if ($Value -is [System.Management.Automation.PSCustomObject]) {
        foreach ($property in @($Value.PSObject.Properties | Where-Object { $_.MemberType -eq 'NoteProperty' })) {
            if ($null -ne $property.Value) {
                $property.Value = ConvertTo-PrtSafeText -Value $property.Value
            }
        }
    }
    return $Value
}

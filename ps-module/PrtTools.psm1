# PrtTools: the cmdlets are in Public/ (one file each), the helpers they share in Private/.
# Everything runs on Windows PowerShell 5.1 and PowerShell 7: no 7-only syntax (a test checks).
Set-StrictMode -Version 2.0

# Invoke-PrtExe looks for bin/prt.exe (bin/prt off Windows) under this folder.
$script:PrtModuleRoot = $PSScriptRoot

foreach ($folder in @('Private', 'Public')) {
    $files = @(Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot $folder) -Filter '*.ps1' -File -ErrorAction SilentlyContinue)
    foreach ($file in ($files | Sort-Object -Property Name)) {
        . $file.FullName
    }
}

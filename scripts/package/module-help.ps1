# Writes the shipped module's external help (MAML, en-US/PrtTools-help.xml) from the comment-based
# help of the source functions (ps-module/Public, one function per file). The shipped PrtTools.psm1
# carries no comment help (scripts/build-module.mjs leaves it out and points each cmdlet here with
# .ExternalHelp): a third of the file was help that every Import-Module parsed (issue 13, item 14).
# PowerShell reads the comment help itself (Get-Help on the source module), so the MAML says what
# Get-Help said of the sources, syntax included.
# Usage: pwsh -NoProfile -File scripts/package/module-help.ps1 <source manifest .psd1> <output .xml>
param(
    [Parameter(Mandatory)][string] $SourceManifest,
    [Parameter(Mandatory)][string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$SourceManifest = (Resolve-Path -LiteralPath $SourceManifest).ProviderPath
$module = Import-Module -Name $SourceManifest -PassThru -Force
$names = @((Import-PowerShellDataFile -LiteralPath $SourceManifest).FunctionsToExport)

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$settings = New-Object -TypeName System.Xml.XmlWriterSettings
$settings.Indent = $true
$settings.Encoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
$settings.NewLineChars = "`n"

# A property of a help object, or $null: Get-Help leaves out what the comments do not say.
function Get-HelpField($object, [string] $name) {
    if ($null -eq $object) { return $null }
    $property = $object.PSObject.Properties[$name]
    if ($null -eq $property) { return $null }
    $property.Value
}

# The text of a help field (a string, or @{Text} items as Get-Help returns them).
function Get-HelpText($value) {
    if ($null -eq $value) { return '' }
    $parts = foreach ($item in @($value)) {
        if ($item -is [string]) { $item }
        elseif ($null -ne $item.PSObject.Properties['Text']) { [string]$item.Text }
        else { [string]$item }
    }
    ((@($parts) -join "`n") -replace "`r", '').Trim()
}

# A help text as one maml:para, blank lines kept: Get-Help then gives one Text, as with the
# comment help ((Get-Help X).Description.Text is one string that scripts search).
function Write-HelpText($writer, [string] $text) {
    if ($text.Trim()) { $writer.WriteElementString('maml', 'para', $maml, $text.TrimEnd()) }
}

function Get-Attribute($value, [string] $default) {
    if ($null -eq $value -or [string]$value -eq '') { return $default }
    [string]$value
}

function Write-Parameter($writer, $parameter, [bool] $withDescription) {
    $writer.WriteStartElement('command', 'parameter', $command)
    $writer.WriteAttributeString('required', (Get-Attribute $parameter.required 'false'))
    $writer.WriteAttributeString('variableLength', 'true')
    $writer.WriteAttributeString('globbing', (Get-Attribute $parameter.globbing 'false'))
    $writer.WriteAttributeString('pipelineInput', (Get-Attribute $parameter.pipelineInput 'false'))
    $writer.WriteAttributeString('position', (Get-Attribute $parameter.position 'named'))
    $aliases = if ($null -ne $parameter.PSObject.Properties['aliases']) { Get-Attribute $parameter.aliases 'none' } else { 'none' }
    $writer.WriteAttributeString('aliases', $aliases)
    $writer.WriteElementString('maml', 'name', $maml, [string]$parameter.name)
    if ($withDescription) {
        $writer.WriteStartElement('maml', 'description', $maml)
        Write-HelpText $writer (Get-HelpText (Get-HelpField $parameter 'description'))
        $writer.WriteEndElement()
    }
    $typeName = ''
    if ($null -ne $parameter.PSObject.Properties['type'] -and $null -ne $parameter.type) { $typeName = [string]$parameter.type.name }
    $isSwitch = $typeName -eq 'SwitchParameter'
    if (-not $isSwitch -and $null -ne $parameter.PSObject.Properties['parameterValue'] -and $parameter.parameterValue) {
        $writer.WriteStartElement('command', 'parameterValue', $command)
        $writer.WriteAttributeString('required', 'true')
        $writer.WriteAttributeString('variableLength', 'false')
        $writer.WriteString([string]$parameter.parameterValue)
        $writer.WriteEndElement()
    }
    if ($typeName) {
        $writer.WriteStartElement('dev', 'type', $dev)
        $writer.WriteElementString('maml', 'name', $maml, $typeName)
        $writer.WriteEndElement()
    }
    if ($withDescription -and $null -ne $parameter.PSObject.Properties['defaultValue'] -and $parameter.defaultValue) {
        $writer.WriteElementString('dev', 'defaultValue', $dev, [string]$parameter.defaultValue)
    }
    $writer.WriteEndElement()
}

# Inputs and outputs: comment help puts the whole entry in the type name; so does this, so that
# Get-Help shows them as the sources' help did.
function Write-TypeEntries($writer, [string] $listName, [string] $itemName, $entries) {
    $writer.WriteStartElement('command', $listName, $command)
    foreach ($entry in @($entries)) {
        $text = ((Get-HelpText (Get-HelpField (Get-HelpField $entry 'type') 'name')) + "`n" + (Get-HelpText (Get-HelpField $entry 'description'))).Trim()
        if (-not $text) { continue }
        $writer.WriteStartElement('command', $itemName, $command)
        $writer.WriteStartElement('dev', 'type', $dev)
        $writer.WriteElementString('maml', 'name', $maml, $text)
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
}

$stream = New-Object -TypeName System.IO.MemoryStream
$writer = [System.Xml.XmlWriter]::Create($stream, $settings)
$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems')
$writer.WriteAttributeString('schema', 'maml')
$writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
$writer.WriteAttributeString('xmlns', 'command', $null, $command)
$writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
foreach ($name in $names) {
    $help = Get-Help -Name "$($module.Name)\$name" -Full
    if ($help -is [string] -or -not (Get-HelpText $help.Synopsis) -or (Get-HelpText $help.Synopsis) -match ('^' + [regex]::Escape($name) + '\s')) {
        throw "$name has no comment-based help in its source file: write .SYNOPSIS, .DESCRIPTION, .PARAMETER and .EXAMPLE there"
    }
    $verb, $noun = $name -split '-', 2
    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteStartElement('command', 'details', $command)
    $writer.WriteElementString('command', 'name', $command, $name)
    $writer.WriteStartElement('maml', 'description', $maml)
    Write-HelpText $writer (Get-HelpText $help.Synopsis)
    $writer.WriteEndElement()
    $writer.WriteElementString('command', 'verb', $command, $verb)
    $writer.WriteElementString('command', 'noun', $command, $noun)
    $writer.WriteEndElement()

    $writer.WriteStartElement('maml', 'description', $maml)
    Write-HelpText $writer (Get-HelpText (Get-HelpField $help 'description'))
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'syntax', $command)
    foreach ($item in @($help.syntax.syntaxItem)) {
        $writer.WriteStartElement('command', 'syntaxItem', $command)
        $writer.WriteElementString('maml', 'name', $maml, $name)
        if ($null -ne $item.PSObject.Properties['parameter']) {
            foreach ($parameter in @($item.parameter)) { Write-Parameter $writer $parameter $false }
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $command)
    if ($null -ne $help.PSObject.Properties['parameters'] -and $null -ne $help.parameters -and $null -ne $help.parameters.PSObject.Properties['parameter']) {
        foreach ($parameter in @($help.parameters.parameter)) { Write-Parameter $writer $parameter $true }
    }
    $writer.WriteEndElement()

    if ($null -ne $help.PSObject.Properties['inputTypes']) { Write-TypeEntries $writer 'inputTypes' 'inputType' $help.inputTypes.inputType }
    if ($null -ne $help.PSObject.Properties['returnValues']) { Write-TypeEntries $writer 'returnValues' 'returnValue' $help.returnValues.returnValue }

    if ($null -ne $help.PSObject.Properties['alertSet'] -and $null -ne $help.alertSet) {
        $writer.WriteStartElement('maml', 'alertSet', $maml)
        $writer.WriteStartElement('maml', 'alert', $maml)
        Write-HelpText $writer (Get-HelpText (Get-HelpField $help.alertSet 'alert'))
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'examples', $command)
    if ($null -ne $help.PSObject.Properties['examples'] -and $null -ne $help.examples) {
        foreach ($example in @($help.examples.example)) {
            $writer.WriteStartElement('command', 'example', $command)
            $writer.WriteElementString('maml', 'title', $maml, [string](Get-HelpField $example 'title'))
            # Comment help splits "PS C:\> command" into introduction and code: MAML keeps it whole.
            $code = ((Get-HelpText (Get-HelpField $example 'introduction')) + ' ' + (Get-HelpText (Get-HelpField $example 'code'))).Trim()
            $writer.WriteElementString('dev', 'code', $dev, $code)
            $writer.WriteStartElement('dev', 'remarks', $dev)
            Write-HelpText $writer (Get-HelpText (Get-HelpField $example 'remarks'))
            $writer.WriteEndElement()
            $writer.WriteEndElement()
        }
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'relatedLinks', $command)
    if ($null -ne $help.PSObject.Properties['relatedLinks'] -and $null -ne $help.relatedLinks) {
        # Comment help gives a URI twice (as uri, then as linkText): one link each here.
        $seen = @{}
        foreach ($link in @($help.relatedLinks.navigationLink)) {
            # A link is one line: PowerShell also reads the line comments right after the help block
            # as part of the last .LINK.
            $text = ([string](Get-HelpField $link 'linkText')).Trim() -split '\r?\n' | Select-Object -First 1
            $uri = ([string](Get-HelpField $link 'uri')).Trim() -split '\r?\n' | Select-Object -First 1
            $key = if ($uri) { $uri } else { $text }
            if (-not $key -or $seen.ContainsKey($key)) { continue }
            $seen[$key] = $true
            $writer.WriteStartElement('maml', 'navigationLink', $maml)
            $writer.WriteElementString('maml', 'linkText', $maml, [string]$text)
            $writer.WriteElementString('maml', 'uri', $maml, [string]$uri)
            $writer.WriteEndElement()
        }
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Flush()
$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $OutputPath)
[System.IO.File]::WriteAllBytes($OutputPath, $stream.ToArray())
"$OutputPath from the comment help of $($names.Count) cmdlets"

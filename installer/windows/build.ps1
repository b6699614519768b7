<#
.SYNOPSIS
  Builds LeadDesk for Windows: mvn -B package -> trimmed runtime (jlink, run by jpackage) -> app image -> .msi.

.DESCRIPTION
  Run on Windows 10/11 x64 from the repository root:
      powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
  Needs: JDK 17+ (jpackage, jlink; JAVA_HOME or on PATH), Maven 3.8+, WiX Toolset 3.x (candle.exe and light.exe
  on PATH; jpackage of JDK 17 does not support WiX 4+).
  Output in target\installer\windows\: LeadDesk\ (app image) and LeadDesk-<version>.msi.

  The .msi: Start-menu entry (group LeadDesk) and desktop shortcut, a folder chooser, a fixed upgrade code
  (installer\common\app.env) so a newer .msi upgrades an installed LeadDesk in place. By default it installs per
  user (no administrator rights; into %LOCALAPPDATA%\Programs\LeadDesk); -PerMachine builds an all-users .msi
  (Program Files\LeadDesk). Leads live in %LOCALAPPDATA%\LeadDesk, which the .msi never installs into or removes,
  so upgrading or uninstalling keeps them.

  Two launchers: LeadDesk.exe (the desktop app; with arguments also the command line, but Windows shows no output
  for GUI programs) and leaddesk-cli.exe (console program for scripts: leaddesk-cli sync, leaddesk-cli whoami).

.PARAMETER SkipMaven
  Reuse target\leaddesk.jar and target\lib from an earlier build.
.PARAMETER AppImageOnly
  Stop after the app image.
.PARAMETER PerMachine
  Build an .msi that installs for all users instead of per user.
#>
param(
    [switch]$SkipMaven,
    [switch]$AppImageOnly,
    [switch]$PerMachine
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Here = $PSScriptRoot
$Common = Join-Path $Here '..\common' | Resolve-Path
$Root = Join-Path $Here '..\..' | Resolve-Path
$Out = Join-Path $Root 'target\installer\windows'
$Work = Join-Path $Out 'work'

function Log($msg) { Write-Host "[installer] $msg" }
function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe failed with exit code $LASTEXITCODE" }
}

# Shared settings (KEY=value) and the version from pom.xml (numeric part: jpackage wants 1-3 numbers).
$App = (Get-Content (Join-Path $Common 'app.env') | Where-Object { $_ -match '^[A-Z_]+=' }) -join "`n" |
        ConvertFrom-StringData
[xml]$Pom = Get-Content (Join-Path $Root 'pom.xml')
$PomVersion = $Pom.project.version
if ($PomVersion -notmatch '^(\d+(\.\d+){0,2})') { throw "pom version '$PomVersion' has no numeric prefix" }
$Version = $Matches[1]

if ($env:JAVA_HOME -and (Test-Path (Join-Path $env:JAVA_HOME 'bin\jpackage.exe'))) {
    $JPackage = Join-Path $env:JAVA_HOME 'bin\jpackage.exe'
    $Java = Join-Path $env:JAVA_HOME 'bin\java.exe'
} else {
    $JPackage = 'jpackage'; $Java = 'java'
}

if ($SkipMaven) {
    Log 'skipping Maven (-SkipMaven)'
} else {
    Log 'mvn -B package'
    Push-Location $Root
    try { Run 'mvn' @('-B', 'package') } finally { Pop-Location }
}
if (-not (Test-Path (Join-Path $Root "target\$($App.MAIN_JAR)"))) { throw "target\$($App.MAIN_JAR) missing: run mvn -B package" }

# Input folder: the jar and its libraries, without other platforms' native libraries.
if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
$InputDir = Join-Path $Work 'input'
New-Item -ItemType Directory -Force (Join-Path $InputDir 'lib') | Out-Null
Copy-Item (Join-Path $Root "target\$($App.MAIN_JAR)") $InputDir
Copy-Item (Join-Path $Root 'target\lib\*.jar') (Join-Path $InputDir 'lib')
Run $Java @((Join-Path $Common 'TrimJars.java'), (Join-Path $InputDir 'lib'),
        '--drop', '^org/sqlite/native/.+', '--keep', '^org/sqlite/native/Windows/x86_64/.*',
        '--drop', '^com/sun/jna/[^/]+/[^/]*jnidispatch.*', '--keep', '^com/sun/jna/win32-x86-64/.*')

$Icon = Join-Path $Common 'icons\leaddesk.ico'
$Metadata = @('--name', $App.APP_NAME, '--app-version', $Version, '--vendor', $App.APP_VENDOR,
        '--description', $App.APP_DESCRIPTION, '--copyright', $App.APP_COPYRIGHT, '--icon', $Icon)

Log 'app image (jlink + jpackage)'
Run $JPackage (@('--type', 'app-image', '--dest', $Out) + $Metadata + @(
        '--input', $InputDir, '--main-jar', $App.MAIN_JAR, '--main-class', $App.MAIN_CLASS,
        '--add-modules', $App.JLINK_MODULES, '--jlink-options', $App.JLINK_OPTIONS,
        '--add-launcher', "leaddesk-cli=$(Join-Path $Here 'cli.properties')"))
$Image = Join-Path $Out $App.APP_NAME
Log "app image: $Image"
if ($AppImageOnly) { return }

$Msi = @('--type', 'msi', '--dest', $Out, '--app-image', $Image) + $Metadata + @(
        '--win-upgrade-uuid', $App.WIN_UPGRADE_UUID,
        '--win-menu', '--win-menu-group', $App.APP_NAME,
        '--win-shortcut', '--win-shortcut-prompt',
        '--win-dir-chooser')
if ($PerMachine) {
    # Program Files\LeadDesk
} else {
    # Per user, no administrator rights. The default per-user folder would be %LOCALAPPDATA%\LeadDesk, which is
    # where the app keeps its leads: install the program beside other per-user programs instead.
    $Msi += @('--win-per-user-install', '--install-dir', "Programs\$($App.APP_NAME)")
}
Log 'msi (WiX)'
Run $JPackage $Msi
Get-ChildItem $Out -Filter '*.msi' | ForEach-Object { Log ("{0} ({1:N1} MB)" -f $_.FullName, ($_.Length / 1MB)) }

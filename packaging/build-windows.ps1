# The Windows bundle, portable zip and installer: the Windows counterpart of `make bundle`.
# Run in PowerShell on Windows 10/11 x64 with Python 3.11 and NSIS 3 installed, from anywhere:
#
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1 [-Python py] [-SkipInstaller]
#
# Output in dist\: nianbao\ (onedir bundle: nianbao.exe = the window, nianbao-cli.exe = the command line),
# nianbao-<version>-windows-x64-portable.zip and nianbao-<version>-setup.exe.  The same spec
# (packaging\nianbao.spec) and the same pins (packaging\constraints.txt) as the Linux build.
param(
    [string]$Python = "py",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$Version = (Select-String -Path pyproject.toml -Pattern '^version\s*=\s*"(.+)"').Matches[0].Groups[1].Value
Write-Host "== nianbao $Version"

# 1. build venv, pinned
$Venv = Join-Path $Root "build\winvenv"
if (-not (Test-Path "$Venv\Scripts\python.exe")) {
    if ($Python -eq "py") { Invoke-Checked py @("-3.11", "-m", "venv", $Venv) }
    else { Invoke-Checked $Python @("-m", "venv", $Venv) }
}
$Py = "$Venv\Scripts\python.exe"
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $Py @("-c", "import tomllib; open('build/requirements.txt','w').write('\n'.join(tomllib.load(open('pyproject.toml','rb'))['project']['dependencies'] + ['pyinstaller']))")
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "-c", "packaging\constraints.txt", "-r", "build\requirements.txt")
# rapidocr_onnxruntime is there for its models only: its other dependencies go (the spec excludes them too)
Invoke-Checked $Py @("-m", "pip", "uninstall", "--quiet", "-y", "opencv-python", "opencv-python-headless", "shapely", "pyclipper", "PyYAML")

# 2. PyInstaller
Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\nianbao.spec")
$Bundle = Join-Path $Root "dist\nianbao"
& $Py -m pip freeze | Set-Content -Encoding utf8 "$Bundle\_internal\BUILD-VERSIONS.txt"

# 3. smoke test: the frozen program answers (check, export PDF + xlsx, --screenshot), outside the repository
$Work = Join-Path $env:TEMP "nianbao-smoke"
Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
New-Item -ItemType Directory $Work | Out-Null
$Sample = "$Bundle\_internal\resources\samples\sample.nianbao"
$Cli = "$Bundle\nianbao-cli.exe"
Push-Location $Work
try {
    $env:QT_QPA_PLATFORM = "offscreen"
    Invoke-Checked $Cli @("check", $Sample)
    Invoke-Checked $Cli @("export", $Sample, "--pdf", "sample.pdf", "--xlsx", "sample.xlsx")
    Invoke-Checked $Cli @("import", "sample.xlsx", "-o", "imported.nianbao")  # the reader child process
    Invoke-Checked $Cli @("--screenshot", "shot.png")
    $p = Start-Process -FilePath "$Bundle\nianbao.exe" -ArgumentList @("--screenshot", "$Work\shot-gui.png") -Wait -PassThru
    if ($p.ExitCode -ne 0) { throw "nianbao.exe --screenshot failed: $($p.ExitCode)" }
    foreach ($f in @("sample.pdf", "sample.xlsx", "imported.nianbao", "shot.png", "shot-gui.png")) {
        if (-not (Test-Path $f) -or (Get-Item $f).Length -eq 0) { throw "smoke test: $f not written" }
    }
    Remove-Item Env:\QT_QPA_PLATFORM
} finally { Pop-Location }
Write-Host "== smoke test passed"

# 4. portable zip and installer
$Zip = "dist\nianbao-$Version-windows-x64-portable.zip"
Remove-Item $Zip -ErrorAction SilentlyContinue
Compress-Archive -Path $Bundle -DestinationPath $Zip
Write-Host "== $Zip"
if (-not $SkipInstaller) {
    $Makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
    if (-not $Makensis) { $Makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
    $Setup = Join-Path $Root "dist\nianbao-$Version-setup.exe"
    Invoke-Checked $Makensis @("-V2", "-DVERSION=$Version", "-DBUNDLE_DIR=$Bundle", "-DOUTFILE=$Setup", "packaging\nianbao.nsi")
    Write-Host "== $Setup"
}

; nianbao Windows installer: per-user (no administrator), Chinese UI, Start-menu entry, .nianbao association,
; uninstaller.  Compiles with makensis on Windows or on Linux (Debian's `nsis`) from a Windows bundle folder:
;
;   makensis -DVERSION=0.1.0 -DBUNDLE_DIR=dist\nianbao -DOUTFILE=dist\nianbao-0.1.0-setup.exe packaging\nianbao.nsi
;
; BUNDLE_DIR is PyInstaller's onedir output of packaging/nianbao.spec built on Windows (nianbao.exe,
; nianbao-cli.exe, _internal\).  Paths given relative are relative to this script's folder.
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z -DBUNDLE_DIR=… nianbao.nsi"
!endif
!ifndef BUNDLE_DIR
  !error "makensis -DBUNDLE_DIR=<the Windows bundle folder> nianbao.nsi"
!endif
!ifndef OUTFILE
  !define OUTFILE "nianbao-${VERSION}-setup.exe"
!endif

!define APPNAME "nianbao"
!define DISPLAYNAME "政府信息公开工作年度报告（nianbao）"
!define PROGID "nianbao.report"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao"
!define ICONFILE "..\resources\icons\nianbao.ico"

Name "${DISPLAYNAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user                      ; per-user: no UAC prompt, no administrator
InstallDir "$LOCALAPPDATA\Programs\nianbao"
InstallDirRegKey HKCU "Software\nianbao" "InstallDir"
BrandingText "nianbao ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${DISPLAYNAME}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "nianbao 安装程序"
VIAddVersionKey /LANG=2052 "LegalCopyright" "nianbao"

!include "MUI2.nsh"
!define MUI_ICON "${ICONFILE}"
!define MUI_UNICON "${ICONFILE}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\nianbao.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开 nianbao"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "nianbao" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; a reinstall replaces the program files; the clerk's settings and recovery copies live in the user's
  ; AppData (QSettings / QStandardPaths), never here
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\nianbao"
  CreateShortCut "$SMPROGRAMS\nianbao\政府信息公开工作年度报告.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.exe" 0
  CreateShortCut "$SMPROGRAMS\nianbao\卸载 nianbao.lnk" "$INSTDIR\uninstall.exe"

  ; .nianbao opens with nianbao (per-user classes, HKCU\Software\Classes)
  WriteRegStr HKCU "Software\Classes\.nianbao" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "政府信息公开工作年度报告"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\nianbao.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell" "" "open"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "用 nianbao 打开"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\nianbao.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED

  WriteRegStr HKCU "Software\nianbao" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${DISPLAYNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "nianbao"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\nianbao.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\nianbao\政府信息公开工作年度报告.lnk"
  Delete "$SMPROGRAMS\nianbao\卸载 nianbao.lnk"
  RMDir "$SMPROGRAMS\nianbao"

  ReadRegStr $0 HKCU "Software\Classes\.nianbao" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.nianbao"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\nianbao.exe"
  Delete "$INSTDIR\nianbao-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"                              ; only if empty: never deletes what the clerk put there
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\nianbao"
SectionEnd

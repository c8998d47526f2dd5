; Inno Setup 6 script: FlowinSetup-<version>.exe from PyInstaller's folder dist\flowin.
; Untested: no Windows machine builds it here. Build the folder first
; (pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\flowin.spec),
; then: iscc /DVersion=0.1.0 packaging\windows\flowin.iss
#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6C1B3E0A-5D7F-4F5B-9C1E-F10A1F10A1F1}
AppName=Flowin
AppVersion={#Version}
AppPublisher=Flowin
DefaultDirName={autopf}\Flowin
DefaultGroupName=Flowin
; Installs for the current user without asking for an administrator; offers all users too.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=FlowinSetup-{#Version}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\flowin-desktop.exe

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\flowin\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Flowin"; Filename: "{app}\flowin-desktop.exe"
Name: "{group}\{cm:UninstallProgram,Flowin}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Flowin"; Filename: "{app}\flowin-desktop.exe"; Tasks: desktopicon

[Registry]
; flowin://run/ID links (a notification's "Fix it in Flowin") open that run in Flowin.
Root: HKA; Subkey: "Software\Classes\flowin"; ValueType: string; ValueName: ""; ValueData: "URL:Flowin link"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\flowin"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\flowin\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\flowin-desktop.exe"" ""%1"""

[Run]
Filename: "{app}\flowin-desktop.exe"; Description: "{cm:LaunchProgram,Flowin}"; Flags: nowait postinstall skipifsilent

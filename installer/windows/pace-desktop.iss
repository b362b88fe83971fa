; PACE Intake for Windows: an Inno Setup 6 (6.3 or later) script that installs dist\pace-desktop\
; for every user of the machine.
;
; Build it after the PyInstaller build, on Windows:
;     python installer\build.py --installer
; or by hand:
;     iscc /DAppVersion=0.1.0 installer\windows\pace-desktop.iss
; To sign the installer and the uninstaller as well, see docs\packaging.md ("Windows").
;
; Uninstalling removes the program and leaves the data folder (each adviser's encrypted stores, which
; may hold registrations not yet exported) unless the person uninstalling ticks a box to delete it.

#define AppName "PACE Intake"
#define AppExe "pace-desktop.exe"
#define Root AddBackslash(SourcePath) + "..\.."
#define DistDir Root + "\dist\pace-desktop"
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(DistDir + "\" + AppExe)
#endif
; Where pace_desktop.paths.data_dir() keeps the stores on Windows: platformdirs'
; user_data_path(APP_NAME, APP_AUTHOR), that is %LOCALAPPDATA%\SDS\PACE Intake.
#define DataAuthor "SDS"
#define DataName "PACE Intake"

[Setup]
; Never change AppId: it is how a new version finds and replaces the old one.
AppId={{6F0C2B7E-4C1D-4E8A-9B35-2D7A51C0E9F4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Skills Development Scotland
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; Per machine: installed once under Program Files, for every adviser who signs in to the laptop.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=pace-desktop-{#AppVersion}-setup
SetupIconFile={#Root}\build\pace-desktop\icons\pace-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Interactive: Setup asks the person to close PACE Intake first. Silent (/SILENT, /VERYSILENT, a push by
; IT): Inno would close it without asking, mid-registration, so InitializeSetup below refuses to run
; while it is open (exit code 1); the tool pushing it tries again later.
CloseApplications=yes
RestartApplications=no
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the libraries wholesale, so no DLL from an older build is left behind to load.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Register PACE clients, offline and encrypted"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; runasoriginaluser: started from an elevated installer, the app would otherwise use the
; administrator's data folder instead of the adviser's.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
var
  DeleteData: Boolean;

function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataAuthor}\{#DataName}');
end;

{ The data question: a box, unticked, to delete the data folder as well. False cancels the uninstall. }
function AskAboutData(): Boolean;
var
  Form: TSetupForm;
  Note: TNewStaticText;
  Box: TNewCheckBox;
  RemoveButton, CancelButton: TNewButton;
  W: Integer;
begin
#if Ver >= EncodeVer(6, 6, 0)
  Form := CreateCustomForm(460, 200, False, True);
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(460);
  Form.ClientHeight := ScaleY(200);
  Form.KeepSizeY := True;
#endif
  try
    Form.Caption := 'Uninstall {#AppName}';

    Note := TNewStaticText.Create(Form);
    Note.Parent := Form;
    Note.Left := ScaleX(12);
    Note.Top := ScaleY(12);
    Note.Width := Form.ClientWidth - ScaleX(24);
    Note.AutoSize := False;
    Note.Height := ScaleY(96);
    Note.WordWrap := True;
    Note.Caption := '{#AppName} will be removed from this computer. Your data folder is kept: it holds ' +
      'your encrypted stores, including any registrations not yet exported to the office, and a new ' +
      'install will open them again.' + #13#10#13#10 + DataFolder();

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(12);
    Box.Top := ScaleY(116);
    Box.Width := Form.ClientWidth - ScaleX(24);
    Box.Height := ScaleY(17);
    Box.Caption := 'Also delete my data folder (this cannot be undone)';
    Box.Checked := False;

    RemoveButton := TNewButton.Create(Form);
    RemoveButton.Parent := Form;
    RemoveButton.Caption := 'Uninstall';
    RemoveButton.ModalResult := mrOk;
    RemoveButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Caption := 'Cancel';
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    W := Form.CalculateButtonWidth([RemoveButton.Caption, CancelButton.Caption]);
    RemoveButton.Width := W;
    CancelButton.Width := W;
    RemoveButton.Height := ScaleY(23);
    CancelButton.Height := ScaleY(23);
    RemoveButton.Top := Form.ClientHeight - ScaleY(23 + 12);
    CancelButton.Top := RemoveButton.Top;
    RemoveButton.Left := Form.ClientWidth - (W + ScaleX(8) + W + ScaleX(12));
    CancelButton.Left := Form.ClientWidth - (W + ScaleX(12));
    Form.ActiveControl := CancelButton;

    Result := Form.ShowModal() = mrOk;
    if Result and Box.Checked then
      DeleteData := MsgBox('Delete ' + DataFolder() + ' and everything in it? This cannot be undone.',
                           mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  finally
    Form.Free();
  end;
end;

{ True while any copy of the app runs, for any user (WMI; False if WMI cannot be asked). }
function AppRunning(): Boolean;
var
  Locator, Service, Found: Variant;
begin
  Result := False;
  try
    Locator := CreateOleObject('WbemScripting.SWbemLocator');
    Service := Locator.ConnectServer('.', 'root\CIMV2');
    Found := Service.ExecQuery('SELECT ProcessId FROM Win32_Process WHERE Name = ''pace-desktop.exe'' ' +
                               'OR Name = ''pace-desktop-cli.exe''');
    Result := Found.Count > 0;
  except
    Log('Could not ask WMI whether PACE Intake is running: ' + GetExceptionMessage());
  end;
end;

{ A silent install never closes the app: it fails (exit code 1) and the push is tried again later. }
function InitializeSetup(): Boolean;
begin
  Result := True;
  if WizardSilent() and AppRunning() then
  begin
    Log('PACE Intake is running: a silent install would close it mid-registration, so it stops here.');
    Result := False;
  end;
end;

function InitializeUninstall(): Boolean;
begin
  DeleteData := False;
  Result := True;
  { A silent uninstall (IT tools, an upgrade script) never deletes data. }
  if UninstallSilent() or not DirExists(DataFolder()) then
    Exit;
  Result := AskAboutData();
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteData then
  begin
    if not DelTree(DataFolder(), True, True, True) then
      MsgBox('Some files in ' + DataFolder() + ' could not be deleted (is PACE Intake still open?). ' +
             'Delete the folder by hand.', mbError, MB_OK);
    { Removes the SDS folder only when nothing else is in it. }
    RemoveDir(ExpandConstant('{localappdata}\{#DataAuthor}'));
  end;
end;

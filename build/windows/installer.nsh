; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; Registers the scheduled task that starts the agent at logon and restarts it when it
; stops; removes it on uninstall. The agent also sets itself as a login item.
!macro customInstall
  nsExec::ExecToLog 'schtasks /Create /F /TN "Toan Canh Agent" /XML "$INSTDIR\resources\windows\toancanh-agent-task.xml"'
!macroend

!macro customUnInstall
  nsExec::ExecToLog 'schtasks /Delete /F /TN "Toan Canh Agent"'
!macroend

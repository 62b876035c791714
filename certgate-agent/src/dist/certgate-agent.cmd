@echo off
rem Starts the CertGate CA agent (the local client for CA-certificate login). Needs Java 17 or later.
rem With no arguments it runs the service; pass list, sign ... or --version for the other commands.
setlocal
set "DIR=%~dp0"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
if "%~1"=="" (
  "%JAVA%" -jar "%DIR%certgate-agent.jar" run
) else (
  "%JAVA%" -jar "%DIR%certgate-agent.jar" %*
)
exit /b %ERRORLEVEL%

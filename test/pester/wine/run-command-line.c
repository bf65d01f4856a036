/* Starts a Windows process from a raw command line, the way .NET Framework (Windows PowerShell
 * 5.1) does: CreateProcessW with one string, which the child's C runtime splits into argv.
 * The command line is read as UTF-8 from the file named by PRT_COMMAND_LINE_FILE (a Unix
 * argument would be re-quoted by Wine). The child inherits stdout/stderr; its exit code is ours. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const char *path = getenv("PRT_COMMAND_LINE_FILE");
  if (!path) { fputs("run-command-line: PRT_COMMAND_LINE_FILE is not set\n", stderr); return 125; }
  FILE *in = fopen(path, "rb");
  if (!in) { fprintf(stderr, "run-command-line: cannot open %s\n", path); return 125; }
  static char utf8[65536];
  size_t n = fread(utf8, 1, sizeof utf8 - 1, in);
  fclose(in);
  utf8[n] = 0;
  static wchar_t line[65536];
  if (!MultiByteToWideChar(CP_UTF8, 0, utf8, -1, line, 65536)) return 125;
  STARTUPINFOW si;
  PROCESS_INFORMATION pi;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
  si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
  si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
  if (!CreateProcessW(NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
    fprintf(stderr, "run-command-line: CreateProcess failed: %lu\n", GetLastError());
    return 126;
  }
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code = 1;
  GetExitCodeProcess(pi.hProcess, &code);
  return (int)code;
}

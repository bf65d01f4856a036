/* Fake Windows tools for `prt trace` in live mode under Wine: one program, copied under the name of
 * each tool (whoami.exe, netsh.exe, wevtutil.exe, tasklist.exe, TTD.exe, reg.exe, icacls.exe,
 * dsregcmd.exe). Like fake-tool.c it appends "<name> <args>" to FAKE_TOOL_LOG; what the trace
 * changed (the running netsh trace, the channels' enabled state, TTD's stop request) is kept as
 * files in FAKE_STATE_DIR, so a later prt.exe finds the device as the earlier one left it.
 * dsregcmd prints the file named by FAKE_DSREGCMD_OUTPUT. */
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static char name[260];
static char state_dir[1024];

static void state_path(char *out, size_t size, const char *file) { snprintf(out, size, "%s\\%s", state_dir, file); }

static int exists(const char *path) { return GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES; }

static void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (f) {
    fputs(text, f);
    fclose(f);
  }
}

static int read_text(const char *path, char *out, size_t size) {
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  size_t n = fread(out, 1, size - 1, f);
  out[n] = 0;
  fclose(f);
  return 1;
}

/* A channel name as a file name: Microsoft-Windows-AAD/Analytic -> wevtutil-Microsoft-Windows-AAD_Analytic.enabled */
static void channel_file(char *out, size_t size, const char *channel) {
  char safe[512];
  snprintf(safe, sizeof safe, "%s", channel);
  for (char *p = safe; *p; p++)
    if (*p == '/' || *p == '\\' || *p == ' ') *p = '_';
  char file[600];
  snprintf(file, sizeof file, "wevtutil-%s.enabled", safe);
  state_path(out, size, file);
}

static int netsh(int argc, char **argv) {
  char state[1100], file[1024] = "";
  state_path(state, sizeof state, "netsh-trace");
  if (argc >= 3 && strcmp(argv[1], "trace") == 0 && strcmp(argv[2], "start") == 0) {
    if (exists(state)) {
      printf("There is already a trace session in progress.\r\n");
      return 1;
    }
    for (int i = 3; i < argc; i++)
      if (_strnicmp(argv[i], "tracefile=", 10) == 0) snprintf(file, sizeof file, "%s", argv[i] + 10);
    write_text(state, file);
    if (*file) write_text(file, "fake network trace\n");
    printf("\r\nTrace configuration:\r\n-------------------------------------------------------------------\r\nStatus:             Running\r\nTrace File:         %s\r\n", file);
    return 0;
  }
  if (argc >= 3 && strcmp(argv[1], "trace") == 0 && strcmp(argv[2], "stop") == 0) {
    if (!exists(state)) {
      printf("\r\nThere is no trace session currently in progress.\r\n");
      return 1;
    }
    DeleteFileA(state);
    printf("Merging traces ... done\r\nTracing session was successfully stopped.\r\n");
    return 0;
  }
  if (argc >= 4 && strcmp(argv[1], "trace") == 0 && strcmp(argv[2], "show") == 0) {
    if (!read_text(state, file, sizeof file)) {
      printf("\r\nThere is no trace session currently in progress.\r\n");
      return 1;
    }
    printf("\r\nTrace configuration:\r\n-------------------------------------------------------------------\r\nStatus:             Running\r\nTrace File:         %s\r\n", file);
    return 0;
  }
  return 1;
}

static int wevtutil(int argc, char **argv) {
  if (argc < 3) return 87;
  char path[1100], value[16] = "";
  channel_file(path, sizeof path, argv[2]);
  if (strcmp(argv[1], "gl") == 0) {
    int analytic = strstr(argv[2], "/Analytic") != NULL;
    if (!read_text(path, value, sizeof value)) snprintf(value, sizeof value, "%s", analytic ? "false" : "true");
    printf("name: %s\r\nenabled: %s\r\ntype: %s\r\nowningPublisher: Microsoft-Windows-AAD\r\n", argv[2], value, analytic ? "Analytic" : "Operational");
    return 0;
  }
  if (strcmp(argv[1], "sl") == 0) {
    for (int i = 3; i < argc; i++)
      if (_strnicmp(argv[i], "/e:", 3) == 0) write_text(path, argv[i] + 3);
    return 0;
  }
  if (strcmp(argv[1], "epl") == 0 && argc >= 4) {
    write_text(argv[3], "ElfFile fake export\n");
    return 0;
  }
  fputs("The parameter is incorrect.\r\n", stderr);
  return 87;
}

static int ttd(int argc, char **argv) {
  char stop[1100], run[1200];
  state_path(stop, sizeof stop, "ttd-stop");
  const char *out = NULL;
  int attach = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-stop") == 0) {
      write_text(stop, "stop");
      printf("Tracing stopped.\r\n");
      return 0;
    }
    if (strcmp(argv[i], "-out") == 0 && i + 1 < argc) out = argv[i + 1];
    if (strcmp(argv[i], "-attach") == 0) attach = 1;
  }
  if (!attach || !out) return 87;
  DeleteFileA(stop);
  CreateDirectoryA(out, NULL);
  snprintf(run, sizeof run, "%s\\lsass01.run", out);
  write_text(run, "fake recording 1\n");
  for (int i = 0; i < 3000 && !exists(stop); i++) Sleep(100);
  snprintf(run, sizeof run, "%s\\lsass02.run", out);
  write_text(run, "fake recording 2\n");
  return 0;
}

static void print_file(const char *path) {
  FILE *in = path ? fopen(path, "rb") : NULL;
  if (!in) return;
  _setmode(_fileno(stdout), _O_BINARY);
  char buffer[8192];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, in)) > 0) fwrite(buffer, 1, n, stdout);
  fclose(in);
}

int main(int argc, char **argv) {
  const char *base = argv[0];
  for (const char *p = argv[0]; *p; p++)
    if (*p == '\\' || *p == '/') base = p + 1;
  snprintf(name, sizeof name, "%s", base);
  char *dot = strrchr(name, '.');
  if (dot && _stricmp(dot, ".exe") == 0) *dot = 0;
  const char *log_path = getenv("FAKE_TOOL_LOG");
  if (log_path) {
    FILE *log = fopen(log_path, "ab");
    if (log) {
      fputs(name, log);
      for (int i = 1; i < argc; i++) fprintf(log, " %s", argv[i]);
      fputc('\n', log);
      fclose(log);
    }
  }
  const char *dir = getenv("FAKE_STATE_DIR");
  snprintf(state_dir, sizeof state_dir, "%s", dir ? dir : ".");

  if (_stricmp(name, "netsh") == 0) return netsh(argc, argv);
  if (_stricmp(name, "wevtutil") == 0) return wevtutil(argc, argv);
  if (_stricmp(name, "TTD") == 0) return ttd(argc, argv);
  if (_stricmp(name, "whoami") == 0) {
    printf("\"BUILTIN\\Administrators\",\"Alias\",\"S-1-5-32-544\",\"Mandatory group, Enabled by default, Enabled group\"\r\n");
    printf("\"Mandatory Label\\High Mandatory Level\",\"Label\",\"S-1-16-12288\",\"\"\r\n");
    return 0;
  }
  if (_stricmp(name, "tasklist") == 0) {
    printf("\"lsass.exe\",\"812\",\"lsasrv.dll\"\r\n");
    return 0;
  }
  if (_stricmp(name, "reg") == 0) {
    printf("\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\r\n    LimitBlankPasswordUse    REG_DWORD    0x1\r\n\r\n");
    return 0;
  }
  if (_stricmp(name, "dsregcmd") == 0) print_file(getenv("FAKE_DSREGCMD_OUTPUT"));
  return 0;
}

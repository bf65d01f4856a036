/* A fake Windows tool (dsregcmd.exe, later wevtutil.exe, netsh.exe...) for prt.exe under Wine.
 * It appends "<name> <args>" to the file named by FAKE_TOOL_LOG, then prints the bytes of the
 * file named by FAKE_DSREGCMD_OUTPUT unchanged. FAKE_DSREGCMD_MODE=fail exits 87. */
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *path) {
  const char *name = path;
  for (const char *p = path; *p; p++)
    if (*p == '\\' || *p == '/') name = p + 1;
  return name;
}

int main(int argc, char **argv) {
  const char *log_path = getenv("FAKE_TOOL_LOG");
  if (log_path) {
    FILE *log = fopen(log_path, "ab");
    if (log) {
      char name[260];
      strncpy(name, base_name(argv[0]), sizeof name - 1);
      name[sizeof name - 1] = 0;
      char *dot = strrchr(name, '.');
      if (dot && _stricmp(dot, ".exe") == 0) *dot = 0;
      fputs(name, log);
      for (int i = 1; i < argc; i++) fprintf(log, " %s", argv[i]);
      fputc('\n', log);
      fclose(log);
    }
  }
  const char *mode = getenv("FAKE_DSREGCMD_MODE");
  if (mode && strcmp(mode, "fail") == 0) {
    fputs("The parameter is incorrect.\r\n", stderr);
    return 87;
  }
  const char *output = getenv("FAKE_DSREGCMD_OUTPUT");
  if (!output) return 0;
  FILE *in = fopen(output, "rb");
  if (!in) {
    fprintf(stderr, "fake tool: cannot open %s\n", output);
    return 2;
  }
  _setmode(_fileno(stdout), _O_BINARY);
  char buffer[8192];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, in)) > 0) fwrite(buffer, 1, n, stdout);
  fclose(in);
  return 0;
}

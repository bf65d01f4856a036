/* A fake Windows system tool for the Windows-tagged suite (quser.exe, schtasks.exe, wevtutil.exe,
 * dsregcmd.exe...): one program copied under each name. It appends "<name> <args>" to the file
 * named by FAKE_TOOL_LOG, prints the bytes of the file named by FAKE_OUTPUT_<NAME>_<ARG1> (e.g.
 * FAKE_OUTPUT_WEVTUTIL_GL), else FAKE_OUTPUT_<NAME>_ANALYTIC when an argument names the Analytic
 * channel, else FAKE_OUTPUT_<NAME>, unchanged; copies an argument
 * that is an existing .xml file to FAKE_COPY_XML (schtasks /XML) and one that is a .ps1 file to
 * FAKE_COPY_PS1 (powershell -File: the script prt.exe wrote), and exits with FAKE_EXIT_<NAME>. */
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

/* Copies `from` to `to` byte for byte when `to` is set and `from` ends in `suffix`. */
static void copy_if(const char *from, const char *suffix, const char *to) {
  size_t len = strlen(from), n = strlen(suffix);
  if (!to || len <= n || _stricmp(from + len - n, suffix) != 0) return;
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  if (in && out) {
    char buffer[8192];
    size_t got;
    while ((got = fread(buffer, 1, sizeof buffer, in)) > 0) fwrite(buffer, 1, got, out);
  }
  if (in) fclose(in);
  if (out) fclose(out);
}

int main(int argc, char **argv) {
  char name[260];
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

  char upper[260];
  snprintf(upper, sizeof upper, "%s", name);
  for (char *p = upper; *p; p++) *p = (char)toupper((unsigned char)*p);
  int analytic = 0;
  for (int i = 1; i < argc; i++) {
    if (strstr(argv[i], "Analytic")) analytic = 1;
    copy_if(argv[i], ".xml", getenv("FAKE_COPY_XML"));
    copy_if(argv[i], ".ps1", getenv("FAKE_COPY_PS1"));
  }

  char variable[300];
  const char *output = NULL;
  if (argc > 1) {
    char first[200];
    snprintf(first, sizeof first, "%s", argv[1]);
    for (char *p = first; *p; p++) *p = isalnum((unsigned char)*p) ? (char)toupper((unsigned char)*p) : '_';
    snprintf(variable, sizeof variable, "FAKE_OUTPUT_%s_%s", upper, first);
    output = getenv(variable);
  }
  if (!output && analytic) {
    snprintf(variable, sizeof variable, "FAKE_OUTPUT_%s_ANALYTIC", upper);
    output = getenv(variable);
  }
  if (!output) {
    snprintf(variable, sizeof variable, "FAKE_OUTPUT_%s", upper);
    output = getenv(variable);
  }
  if (output && *output) {
    FILE *in = fopen(output, "rb");
    if (!in) {
      fprintf(stderr, "fake %s: cannot open %s\n", name, output);
      return 2;
    }
    _setmode(_fileno(stdout), _O_BINARY);
    char buffer[8192];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, in)) > 0) fwrite(buffer, 1, n, stdout);
    fclose(in);
  }
  snprintf(variable, sizeof variable, "FAKE_EXIT_%s", upper);
  const char *code = getenv(variable);
  return code ? atoi(code) : 0;
}

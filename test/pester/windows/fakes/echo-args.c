/* Stands in for prt.exe when a test checks how the module passes arguments on Windows: prints
 * {"Args":[...]} (UTF-8 JSON) with the arguments as CommandLineToArgvW splits this process's
 * command line, the rule Node and the MSVC runtime follow. */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>

static void put_json_string(const wchar_t *text) {
  putchar('"');
  for (const wchar_t *p = text; *p; p++) {
    wchar_t c = *p;
    if (c == L'"' || c == L'\\') { putchar('\\'); putchar((char)c); }
    else if (c < 0x20) printf("\\u%04x", (unsigned)c);
    else if (c < 0x80) putchar((char)c);
    else {
      char utf8[8];
      int n = WideCharToMultiByte(CP_UTF8, 0, p, (p[0] >= 0xD800 && p[0] <= 0xDBFF) ? 2 : 1, utf8, sizeof utf8, NULL, NULL);
      fwrite(utf8, 1, n, stdout);
      if (p[0] >= 0xD800 && p[0] <= 0xDBFF) p++;
    }
  }
  putchar('"');
}

int main(void) {
  int argc = 0;
  wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
  fputs("{\"Args\":[", stdout);
  for (int i = 1; i < argc; i++) {
    if (i > 1) putchar(',');
    put_json_string(argv[i]);
  }
  fputs("]}\n", stdout);
  return 0;
}

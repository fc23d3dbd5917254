// libFuzzer's driver entry point (compiler-rt FuzzerInterface.h), declared for Swift. SwiftPM renames an executable's
// entry point to `<Target>_main`, so libFuzzer's own `main` is never linked in; each fuzz target's main.swift calls
// this instead. Only built with CASEBOOK_FUZZ=1 and `-sanitize=fuzzer`, which links the definition.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

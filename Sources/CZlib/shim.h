#ifndef CASEBOOK_CZLIB_SHIM_H
#define CASEBOOK_CZLIB_SHIM_H
#include <zlib.h>

/// `deflateInit` and `inflateInit` are macros (they pass zlib's version and `sizeof(z_stream)`), which Swift
/// cannot import.
static inline int casebook_deflateInit(z_streamp stream, int level) { return deflateInit(stream, level); }
static inline int casebook_inflateInit(z_streamp stream) { return inflateInit(stream); }
#endif

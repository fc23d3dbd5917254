#ifndef CASEBOOK_CARCHIVE_SHIM_H
#define CASEBOOK_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

// File-type macros are casts, which Swift does not import; expose them as functions.
static inline int casebook_entry_is_regular(struct archive_entry *entry) { return archive_entry_filetype(entry) == AE_IFREG; }
static inline int casebook_entry_is_directory(struct archive_entry *entry) { return archive_entry_filetype(entry) == AE_IFDIR; }
static inline int casebook_entry_is_symlink(struct archive_entry *entry) { return archive_entry_filetype(entry) == AE_IFLNK; }
#endif

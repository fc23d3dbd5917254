#ifndef CASEBOOK_CLIBXML2_SHIM_H
#define CASEBOOK_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers then pull ICU types that clash with Swift's
// own copy of ICU on a clean build. Casebook never uses libxml2's ICU encoders.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

/// `xmlFree` is a C global function pointer, which Swift 6 strict concurrency cannot import.
static inline void casebook_xmlFree(void *pointer) { xmlFree(pointer); }

/// `xmlParserMaxDepth`, a C global variable, which Swift 6 strict concurrency cannot import: the depth past
/// which libxml2 stops building a tree.
static inline unsigned int casebook_xmlParserMaxDepth(void) { return xmlParserMaxDepth; }
#endif

// Pulls in the parts of libxml2 ReplyLint uses: the forgiving HTML parser and the tree API.
#ifndef REPLYLINT_CLIBXML2_SHIM_H
#define REPLYLINT_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so its encoding header includes ICU's own headers, which
// clash with the ICU copy Foundation bundles on Linux ("U_MF_… is not present in definition of
// enum UErrorCode"). ReplyLint never touches encoding handlers (whose layout this changes), so
// it hides that part of the API instead of dragging a second ICU into every Swift file.
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif

// Pulls in the parts of libxml2 ReplyLint uses: the forgiving HTML parser and the tree API.
#ifndef REPLYLINT_CLIBXML2_SHIM_H
#define REPLYLINT_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif

// Pulls in cmark-gfm, the reference CommonMark parser with GitHub's extensions (tables, autolinks, …).
#ifndef REPLYLINT_CCMARK_SHIM_H
#define REPLYLINT_CCMARK_SHIM_H

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#if CMARK_GFM_VERSION >= ((0 << 24) | (29 << 16) | (0 << 8) | 7)
// From 0.29.0.gfm.7 the parser asserts on node flags a program must register first; the function is
// declared only in the internal node.h, which Homebrew does not install.
void cmark_init_standard_node_flags(void);
#endif

/// cmark-gfm's global set-up: GitHub's extensions go into a list kept without a lock, and newer
/// versions register node flags. Call it once, before any parse on any thread.
static inline void replylint_cmark_initialize(void) {
    cmark_gfm_core_extensions_ensure_registered();
#if CMARK_GFM_VERSION >= ((0 << 24) | (29 << 16) | (0 << 8) | 7)
    cmark_init_standard_node_flags();
#endif
}
#endif

/* SPDX-License-Identifier: MIT
 * What every fuzz harness shares: the libFuzzer entry point, the resources
 * loaded once per process (kept in static pointers, so they stay reachable
 * and LeakSanitizer does not count them), and the checks that turn a silent
 * safety failure (script in generated HTML) into a crash the fuzzer reports. */
#ifndef DSR_FUZZ_H
#define DSR_FUZZ_H

#include <dossier/dossier.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Rules and render resources of the data folder (DOSSIER_DATADIR or the
 * source tree); abort when missing, since every input would then be wasted. */
const DsrExtractor *dsr_fuzz_extractor(void);
const DsrRenderContext *dsr_fuzz_render_context(void);

/* Aborts when the HTML document holds a script or iframe element, an event
 * handler attribute, or a link or resource whose scheme is not http, https,
 * mailto, cid or data:image (the renderers' own charts); @what names the
 * document in the message. */
void dsr_fuzz_check_html(const guint8 *html, gsize len, const char *what);

/* Aborts when the PDF bytes hold a JavaScript or Launch action or an embedded
 * file (the uncompressed parts: qpdf writes annotations and actions as plain
 * objects unless they sit in object streams, which hostile.sh reads back). */
void dsr_fuzz_check_pdf(const guint8 *pdf, gsize len);

#endif

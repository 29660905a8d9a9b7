/* SPDX-License-Identifier: MIT
 * Ingestion of bytes saved as text (name "input.txt"): cleaning, type
 * detection by content, junk removal, metadata. Articles returned must hold
 * valid UTF-8 and only http/https URLs. */
#include "fuzz.h"
#include "fuzz-ingest.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dsr_fuzz_ingest(data, size, "input.txt");
    return 0;
}

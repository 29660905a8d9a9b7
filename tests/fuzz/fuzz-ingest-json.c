/* SPDX-License-Identifier: MIT
 * Ingestion of JSON exports and JSON Lines feeds: the same bytes are read
 * under both names, since a .json file holding lines and a .jsonl file
 * holding one array both occur. */
#include "fuzz.h"
#include "fuzz-ingest.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dsr_fuzz_ingest(data, size, "input.json");
    dsr_fuzz_ingest(data, size, "input.jsonl");
    return 0;
}

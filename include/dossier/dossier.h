/* SPDX-License-Identifier: MIT
 * Umbrella header of libdossier: news articles in, one brief per bilateral
 * relationship out. See docs/DESIGN.md for the pipeline and the contracts. */
#ifndef DOSSIER_H
#define DOSSIER_H

#include <dossier/error.h>
#include <dossier/types.h>
#include <dossier/text.h>
#include <dossier/ingest.h>
#include <dossier/extract.h>
#include <dossier/brief.h>
#include <dossier/summarize.h>
#include <dossier/chart.h>
#include <dossier/render.h>
#include <dossier/run.h>

G_BEGIN_DECLS

/* "MAJOR.MINOR.PATCH" of this library, as in `dossier --version`. */
const char *dsr_version(void);

/* The folder holding templates/, data/, fonts/ and examples/: $DOSSIER_DATADIR
 * when set, else the source tree the program was built from when it still
 * exists, else the installed share/dossier. Never NULL; the string is static. */
const char *dsr_data_dir(void);

G_END_DECLS

#endif

/* SPDX-License-Identifier: MIT
 * Shared by the files of the run module: atomic output files, the output
 * folder's lock, and the manifest (run.json). */
#ifndef DOSSIER_RUN_PRIVATE_H
#define DOSSIER_RUN_PRIVATE_H

#include <dossier/run.h>
#include <dossier/error.h>
#include <cJSON.h>

/* One file written (or found unchanged) in the output folder. */
typedef struct {
    char *file;        /* name inside the output folder */
    gsize bytes;
    char *sha256;      /* hex */
    const char *status; /* "new", "changed" or "unchanged" */
} DsrOutputRecord;

void dsr__output_record_free(DsrOutputRecord *rec);

/* Creates @dir (and parents) and takes the run lock @dir/.lock (flock, not
 * blocking). Returns the lock's descriptor, or -1 with DSR_ERROR_OUTPUT when
 * the folder cannot be made or another run holds the lock. */
int dsr__output_lock(const char *dir, GError **error);
void dsr__output_unlock(int fd);

/* Writes @len bytes to @dir/@name through a temporary file in @dir that is
 * flushed and renamed into place; leaves the file alone (same bytes, same
 * mtime) when it already holds exactly these bytes. Returns the record, or
 * NULL with DSR_ERROR_OUTPUT. */
DsrOutputRecord *dsr__output_write(const char *dir, const char *name, const guint8 *data,
                                   gsize len, GError **error);

#endif

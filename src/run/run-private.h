/* SPDX-License-Identifier: MIT
 * Shared by the files of the run module: atomic output files, the output
 * folder's lock, and the manifest (run.json). */
#ifndef DOSSIER_RUN_PRIVATE_H
#define DOSSIER_RUN_PRIVATE_H

#include <dossier/run.h>
#include <dossier/error.h>
#include <dossier/brief.h>
#include <cJSON.h>

/* One file written (or found unchanged) in the output folder. */
typedef struct {
    char *file; /* name inside the output folder */
    gsize bytes;
    char *sha256;       /* hex */
    const char *status; /* "new", "changed" or "unchanged" */
} DsrOutputRecord;

void dsr__output_record_free(DsrOutputRecord *rec);

/* Creates @dir (and parents) and takes the run lock @dir/.lock (flock, not
 * blocking). Returns the lock's descriptor, or -1 with DSR_ERROR_OUTPUT when
 * the folder cannot be made or another run holds the lock. */
int dsr__output_lock(const char *dir, GError **error);
void dsr__output_unlock(int fd);

/* A set of files staged in one output folder: each is written to a hidden
 * temporary (".NAME.tmp-XXXXXX") and flushed; nothing replaces a file of the
 * folder until dsr__output_stage_commit() renames them all. Freeing a stage
 * that was not committed removes its temporaries. */
typedef struct DsrOutputStage DsrOutputStage;
DsrOutputStage *dsr__output_stage_new(const char *dir);
void dsr__output_stage_free(DsrOutputStage *stage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrOutputStage, dsr__output_stage_free)

/* May be called from several threads at once on one stage (not at the same
 * time as commit, abort or free). Stages @len bytes as @dir/@name, unless the file already holds
 * exactly these bytes (status "unchanged": nothing is written, its mtime stays). Returns the
 * record, or NULL with DSR_ERROR_OUTPUT naming the file and the reason (the
 * disk is full, the folder is read-only). */
DsrOutputRecord *dsr__output_stage_file(DsrOutputStage *stage, const char *name, const guint8 *data,
                                        gsize len, GError **error);
/* Number of files staged and not yet renamed. */
guint dsr__output_stage_count(const DsrOutputStage *stage);
/* Renames every staged file into place and flushes the folder. */
gboolean dsr__output_stage_commit(DsrOutputStage *stage, GError **error);
/* Removes the staged temporaries; the folder is as it was. */
void dsr__output_stage_abort(DsrOutputStage *stage);

/* Addresses an e-mail made by dsr_render_eml() (From, To, Cc, Subject and the
 * Message-Id's domain) from the run's e-mail settings and the relationship's
 * own, and replaces @eml's bytes. @date_text fills {date}. FALSE with
 * DSR_ERROR_RENDER when @eml does not parse as a message. */
gboolean dsr__email_address(GByteArray *eml, const DsrBrief *brief, const DsrEmailSettings *email,
                            const DsrPartnerSettings *rel, const char *date_text, GError **error);

/* A new temporary file in @dir for the run's own use, already unlinked (it
 * goes with its descriptor, even if the run is killed), open for reading
 * and writing. Returns the descriptor, or -1 with DSR_ERROR_OUTPUT. */
int dsr__output_spill_open(const char *dir, GError **error);

/* Writes @len bytes to @dir/@name through a temporary file in @dir that is
 * flushed and renamed into place; leaves the file alone (same bytes, same
 * mtime) when it already holds exactly these bytes. Returns the record, or
 * NULL with DSR_ERROR_OUTPUT. */
DsrOutputRecord *dsr__output_write(const char *dir, const char *name, const guint8 *data, gsize len,
                                   GError **error);

#endif

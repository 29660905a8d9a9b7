/* SPDX-License-Identifier: MIT
 * The output folder: a lock so two runs never interleave, and files written
 * to a temporary name in the same folder, flushed and renamed into place, so
 * a reader never sees half a brief. A file whose bytes did not change is not
 * rewritten, so mail and sync tools see no change. */
#include "run-private.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

void
dsr__output_record_free(DsrOutputRecord *rec)
{
    if (!rec)
        return;
    g_free(rec->file);
    g_free(rec->sha256);
    g_free(rec);
}

int
dsr__output_lock(const char *dir, GError **error)
{
    if (g_mkdir_with_parents(dir, 0755) != 0) {
        int e = errno;
        g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT, "cannot create output folder %s: %s", dir,
                    g_strerror(e));
        return -1;
    }
    g_autofree char *path = g_build_filename(dir, ".lock", NULL);
    int fd = g_open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        int e = errno;
        g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT, "cannot write in output folder %s: %s",
                    dir, g_strerror(e));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(fd);
        if (e == EWOULDBLOCK)
            g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT,
                        "another dossier run is writing to %s (it holds %s)", dir, path);
        else
            g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT, "cannot lock %s: %s", path,
                        g_strerror(e));
        return -1;
    }
    return fd;
}

void
dsr__output_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* releases the flock; the file stays, harmless without the lock */
}

DsrOutputRecord *
dsr__output_write(const char *dir, const char *name, const guint8 *data, gsize len,
                  GError **error)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    DsrOutputRecord *rec = g_new0(DsrOutputRecord, 1);
    rec->file = g_strdup(name);
    rec->bytes = len;
    rec->sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);

    g_autofree char *old = NULL;
    gsize old_len = 0;
    if (g_file_get_contents(path, &old, &old_len, NULL)) {
        if (old_len == len && memcmp(old, data, len) == 0) {
            rec->status = "unchanged";
            return rec;
        }
        rec->status = "changed";
    } else {
        rec->status = "new";
    }
    g_autoptr(GError) local = NULL;
    if (!g_file_set_contents_full(path, (const char *)data, (gssize)len,
                                  G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT, "%s", local->message);
        dsr__output_record_free(rec);
        return NULL;
    }
    return rec;
}

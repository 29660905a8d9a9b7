/* SPDX-License-Identifier: MIT
 * The output folder: a lock so two runs never interleave, and files staged
 * under hidden temporary names in the same folder (written, fsync'ed), then
 * renamed into place together once every one of them was written, so a
 * reader never sees half a brief and a failed or interrupted run leaves the
 * previous briefs exactly as they were. A file whose bytes did not change is
 * not rewritten, so mail and sync tools see no change. */
#include "run-private.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#define TEMP_MARK ".tmp-"

void
dsr__output_record_free(DsrOutputRecord *rec)
{
    if (!rec)
        return;
    g_free(rec->file);
    g_free(rec->sha256);
    g_free(rec);
}

/* Temporaries of a run that was killed (SIGKILL, power loss) cannot be removed
 * by that run; the next one, holding the lock, knows nobody else writes them. */
static void
remove_stale_temporaries(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL) {
        if (name[0] == '.' && strstr(name, TEMP_MARK)) {
            g_autofree char *path = g_build_filename(dir, name, NULL);
            g_unlink(path);
        }
    }
}

int
dsr__output_lock(const char *dir, GError **error)
{
    /* A missing folder is made (with its parents), as `mkdir -p` would: a
     * scheduled run's first night should not need a set-up step. */
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
        g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT, "cannot write in output folder %s: %s", dir,
                    g_strerror(e));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(fd);
        if (e == EWOULDBLOCK)
            g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT,
                        "another dossier run is writing to %s (it holds %s): not started", dir,
                        path);
        else
            g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT, "cannot lock %s: %s", path,
                        g_strerror(e));
        return -1;
    }
    /* The folder may be writable for the lock yet not for files (a full
     * disk, a quota): that is found when staging, before anything is renamed. */
    remove_stale_temporaries(dir);
    return fd;
}

void
dsr__output_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* releases the flock; the file stays, harmless without the lock */
}

typedef struct {
    char *temp;  /* full path of the staged temporary */
    char *final; /* full path it is renamed to */
} Staged;

struct DsrOutputStage {
    char *dir;
    GArray *staged; /* Staged */
    GMutex lock;    /* files are staged from the rendering threads */
};

static void
staged_clear(Staged *s)
{
    g_free(s->temp);
    g_free(s->final);
}

DsrOutputStage *
dsr__output_stage_new(const char *dir)
{
    DsrOutputStage *st = g_new0(DsrOutputStage, 1);
    st->dir = g_strdup(dir);
    st->staged = g_array_new(FALSE, TRUE, sizeof(Staged));
    g_array_set_clear_func(st->staged, (GDestroyNotify)staged_clear);
    g_mutex_init(&st->lock);
    return st;
}

void
dsr__output_stage_free(DsrOutputStage *st)
{
    if (!st)
        return;
    dsr__output_stage_abort(st);
    g_array_unref(st->staged);
    g_mutex_clear(&st->lock);
    g_free(st->dir);
    g_free(st);
}

void
dsr__output_stage_abort(DsrOutputStage *st)
{
    for (guint i = 0; i < st->staged->len; i++)
        g_unlink(g_array_index(st->staged, Staged, i).temp);
    g_array_set_size(st->staged, 0);
}

guint
dsr__output_stage_count(const DsrOutputStage *st)
{
    return st->staged->len;
}

static gboolean
output_error(GError **error, int e, const char *what, const char *path)
{
    g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT, "cannot %s %s: %s", what, path, g_strerror(e));
    return FALSE;
}

/* Writes, flushes and closes; on failure the temporary is removed. */
static gboolean
write_temp(const char *temp, const char *final, int fd, const guint8 *data, gsize len,
           GError **error)
{
    gsize done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int e = n < 0 ? errno : ENOSPC;
            close(fd);
            g_unlink(temp);
            return output_error(error, e, "write", final);
        }
        done += (gsize)n;
    }
    /* fsync before the rename: otherwise a crash soon after can leave the new
     * name pointing at an empty file on ext4 and XFS. */
    if (fsync(fd) != 0 && errno != EINVAL) {
        int e = errno;
        close(fd);
        g_unlink(temp);
        return output_error(error, e, "write", final);
    }
    if (close(fd) != 0) {
        int e = errno;
        g_unlink(temp);
        return output_error(error, e, "write", final);
    }
    return TRUE;
}

DsrOutputRecord *
dsr__output_stage_file(DsrOutputStage *st, const char *name, const guint8 *data, gsize len,
                       GError **error)
{
    g_autofree char *path = g_build_filename(st->dir, name, NULL);
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
    g_autofree char *base = g_path_get_basename(name);
    g_autofree char *tmpl =
        g_strdup_printf("%s%s.%s" TEMP_MARK "XXXXXX", st->dir, G_DIR_SEPARATOR_S, base);
    int fd = g_mkstemp_full(tmpl, O_RDWR | O_CLOEXEC, 0644);
    if (fd < 0) {
        output_error(error, errno, "write in", st->dir);
        dsr__output_record_free(rec);
        return NULL;
    }
    if (!write_temp(tmpl, path, fd, data, len, error)) {
        dsr__output_record_free(rec);
        return NULL;
    }
    Staged s = {g_steal_pointer(&tmpl), g_steal_pointer(&path)};
    g_mutex_lock(&st->lock);
    g_array_append_val(st->staged, s);
    g_mutex_unlock(&st->lock);
    return rec;
}

static int
by_final_name(gconstpointer a, gconstpointer b)
{
    return strcmp(((const Staged *)a)->final, ((const Staged *)b)->final);
}

gboolean
dsr__output_stage_commit(DsrOutputStage *st, GError **error)
{
    /* Threads staged the files in any order: rename them in one order, so a
     * rename that fails leaves the same files renamed every time. */
    g_array_sort(st->staged, by_final_name);
    for (guint i = 0; i < st->staged->len; i++) {
        Staged *s = &g_array_index(st->staged, Staged, i);
        if (g_rename(s->temp, s->final) != 0) {
            int e = errno;
            g_autofree char *final = g_strdup(s->final);
            /* Those renamed stay (each is whole); the rest are removed. */
            g_array_remove_range(st->staged, 0, i);
            dsr__output_stage_abort(st);
            return output_error(error, e, "rename into place", final);
        }
    }
    g_array_set_size(st->staged, 0);
    /* The renames are durable only once the folder itself is flushed. */
    int dfd = g_open(st->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return TRUE;
}

int
dsr__output_spill_open(const char *dir, GError **error)
{
#ifdef O_TMPFILE
    int fd = g_open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0)
        return fd;
#endif
    /* Named like a staged file, so that a run killed before the unlink
     * leaves what the next run's lock removes. */
    g_autofree char *tmpl = g_build_filename(dir, ".facts" TEMP_MARK "XXXXXX", NULL);
    int tfd = g_mkstemp_full(tmpl, O_RDWR | O_CLOEXEC, 0600);
    if (tfd < 0) {
        output_error(error, errno, "write in", dir);
        return -1;
    }
    g_unlink(tmpl);
    return tfd;
}

DsrOutputRecord *
dsr__output_write(const char *dir, const char *name, const guint8 *data, gsize len, GError **error)
{
    DsrOutputStage *st = dsr__output_stage_new(dir);
    DsrOutputRecord *rec = dsr__output_stage_file(st, name, data, len, error);
    if (rec && !dsr__output_stage_commit(st, error))
        g_clear_pointer(&rec, dsr__output_record_free);
    dsr__output_stage_free(st);
    return rec;
}

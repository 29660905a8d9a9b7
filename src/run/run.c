/* SPDX-License-Identifier: MIT
 * The batch driver. Inputs are read and their facts extracted by a pool of
 * worker threads into slots indexed by input, so results never depend on
 * which thread finished first; relationships are summarized and rendered the
 * same way; files are written by the calling thread, in a fixed order,
 * through output.c; run.json accounts for every input and output.
 * Between files the run checks DsrRunOptions.cancel: every output is staged
 * first and renamed into place only once all were written, so a stopped or
 * failed run leaves the previous briefs and their run.json as they were. */
#include "run-private.h"
#include <dossier/dossier.h>
#include "common/cleanup.h"
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

typedef struct {
    char *path;       /* what is opened */
    char *file;       /* what the user reads: the path as given, or the sample's path in the tree */
    GPtrArray *facts; /* DsrFacts *, or NULL when skipped */
    GPtrArray *packed;   /* GBytes *, one per facts, when the run packs them (see pack_facts) */
    GArray *lines;       /* LineSpan, one per facts of a facts file, when the run packs them */
    GPtrArray *warnings; /* char * */
    GError *error;
    gboolean too_large; /* skipped for --max-file-size */
    /* The facts file as it was read: a line read again must come from the same file. */
    gint64 size, mtime_ns;
    guint64 inode;
} InputSlot;

/* Where a facts is kept between reading and summarizing: a line of a facts
 * file (@slot; see read_facts_file()), or deflated in the run's spill file
 * (@slot NULL; see spill_slot()). A @len of 0: kept whole in memory. */
typedef struct {
    const InputSlot *slot;
    goffset offset;
    gsize len;
} LineSpan;

static void
input_slot_clear(InputSlot *s)
{
    g_free(s->path);
    g_free(s->file);
    g_clear_pointer(&s->facts, g_ptr_array_unref);
    g_clear_pointer(&s->packed, g_ptr_array_unref);
    g_clear_pointer(&s->lines, g_array_unref);
    g_clear_pointer(&s->warnings, g_ptr_array_unref);
    g_clear_error(&s->error);
}

typedef void (*TaskFunc)(guint task, gpointer data);

typedef struct {
    const DsrRunOptions *opt;
    DsrExtractor *extractor;
    DsrRenderContext *render;
    char *data_dir;
    char *templates_dir;
    GArray *inputs;      /* InputSlot */
    GPtrArray *problems; /* DsrInputProblem *, paths that could not even be listed */
    cJSON *timings;
    GHashTable *previous_ids; /* article ids in the previous run.json, or NULL (no previous run) */
    GHashTable *new_files;    /* facts file names of used articles new since then (borrowed keys) */
    GHashTable *packed; /* DsrFacts * -> GBytes *, its packed body (borrowed from the slots) */
    GHashTable *lines;  /* DsrFacts * -> LineSpan *, where its whole facts are (borrowed) */
    GPtrArray *empty;   /* the one empty array every packed facts' rows point to */
    int spill_fd;       /* the run's spill file (unlinked), or -1: packed facts stay in memory */
    goffset spill_end;  /* bytes written to it, under spill_lock */
    GMutex spill_lock;
    GError *spill_error;       /* the first write to it that failed: the run fails */
    GHashTable *partner_lists; /* "CN\x1fRU" -> GPtrArray * of those codes, shared */
    GMutex intern_lock;        /* guards partner_lists: compacting runs on the workers */
    gboolean prepare;          /* build: facts keep only what briefs use (dsr_summarize_prepare) */
    GThreadPool *pool;         /* see tasks_begin() */
    TaskFunc task_fn;
    gpointer task_data;
    GMutex tasks_lock;
    GCond tasks_done;
    guint tasks_left;
    GMutex progress_lock;
    DsrStage stage;
    guint done, total;
    gint64 stage_start;
} Run;

const char *
dsr_stage_name(DsrStage stage)
{
    switch (stage) {
    case DSR_STAGE_READ:
        return "read";
    case DSR_STAGE_BRIEF:
        return "brief";
    case DSR_STAGE_WRITE:
        return "write";
    }
    return "?";
}

static gboolean
cancelled(const Run *run)
{
    return run->opt->cancel && g_atomic_int_get(run->opt->cancel) != 0;
}

static gboolean
cancel_error(GError **error, const char *out_dir)
{
    g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT,
                "stopped by a signal before anything was renamed into %s: the previous "
                "briefs are unchanged",
                out_dir);
    return FALSE;
}

static void
stage_begin(Run *run, DsrStage stage, guint total)
{
    run->stage = stage;
    run->done = 0;
    run->total = total;
    run->stage_start = g_get_monotonic_time();
    if (run->opt->progress && total > 0)
        run->opt->progress(stage, 0, total, 0, run->opt->progress_data);
}

/* One more item done; called from workers, hence the lock (the callback is
 * promised never to run twice at a time). */
static void
stage_step(Run *run)
{
    g_mutex_lock(&run->progress_lock);
    run->done++;
    if (run->opt->progress && run->done < run->total)
        run->opt->progress(run->stage, run->done, run->total,
                           g_get_monotonic_time() - run->stage_start, run->opt->progress_data);
    g_mutex_unlock(&run->progress_lock);
}

static void
stage_end(Run *run)
{
    if (run->opt->progress)
        run->opt->progress(run->stage, run->total, run->total,
                           g_get_monotonic_time() - run->stage_start, run->opt->progress_data);
}

static void
run_clear(Run *run)
{
    if (run->pool)
        g_thread_pool_free(run->pool, FALSE, TRUE);
    dsr_summarize_thread_cleanup();
    dsr_extractor_free(run->extractor);
    dsr_render_context_free(run->render);
    g_free(run->data_dir);
    g_free(run->templates_dir);
    g_clear_pointer(&run->inputs, g_array_unref);
    g_clear_pointer(&run->problems, g_ptr_array_unref);
    cJSON_Delete(run->timings);
    g_clear_pointer(&run->previous_ids, g_hash_table_unref);
    g_clear_pointer(&run->new_files, g_hash_table_unref);
    g_clear_pointer(&run->packed, g_hash_table_unref);
    g_clear_pointer(&run->lines, g_hash_table_unref);
    g_clear_pointer(&run->partner_lists, g_hash_table_unref);
    g_clear_pointer(&run->empty, g_ptr_array_unref);
    g_mutex_clear(&run->progress_lock);
    g_mutex_clear(&run->intern_lock);
    g_mutex_clear(&run->tasks_lock);
    g_cond_clear(&run->tasks_done);
    if (run->spill_fd >= 0)
        close(run->spill_fd);
    g_mutex_clear(&run->spill_lock);
    g_clear_error(&run->spill_error);
}

static int
jobs_of(const DsrRunOptions *opt)
{
    return opt->jobs > 0 ? opt->jobs : (int)MAX(1u, g_get_num_processors());
}

/* The run's worker threads, one pool for every stage: made when a stage
 * first has work for two threads and kept until the run ends, so threads
 * are not started again for each stage and a thread keeps its font map
 * (made on its first render) from one brief to the next. A stage sets the
 * function of its tasks and their number, queues them and waits until that
 * many have run; a task may queue more tasks of its stage. */
static void
pool_worker(gpointer item, gpointer user)
{
    Run *run = user;
    run->task_fn(GPOINTER_TO_UINT(item) - 1, run->task_data);
    g_mutex_lock(&run->tasks_lock);
    if (--run->tasks_left == 0)
        g_cond_signal(&run->tasks_done);
    g_mutex_unlock(&run->tasks_lock);
}

static void
tasks_begin(Run *run, TaskFunc fn, gpointer data, guint total, GCompareDataFunc order,
            gpointer order_data)
{
    if (!run->pool)
        run->pool = g_thread_pool_new(pool_worker, run, jobs_of(run->opt), TRUE, NULL);
    run->task_fn = fn;
    run->task_data = data;
    run->tasks_left = total;
    g_thread_pool_set_sort_function(run->pool, order, order_data);
}

static void
tasks_push(Run *run, guint task)
{
    g_thread_pool_push(run->pool, GUINT_TO_POINTER(task + 1), NULL);
}

static void
tasks_wait(Run *run)
{
    g_mutex_lock(&run->tasks_lock);
    while (run->tasks_left)
        g_cond_wait(&run->tasks_done, &run->tasks_lock);
    g_mutex_unlock(&run->tasks_lock);
    g_thread_pool_set_sort_function(run->pool, NULL, NULL);
}

/* Runs @fn(i, data) for i in [0, n) on the run's threads and waits for all. */
static void
parallel_for(Run *run, guint n, TaskFunc fn, gpointer data)
{
    if (jobs_of(run->opt) <= 1 || n <= 1) {
        for (guint i = 0; i < n; i++)
            fn(i, data);
        return;
    }
    tasks_begin(run, fn, data, n, NULL, NULL);
    for (guint i = 0; i < n; i++)
        tasks_push(run, i);
    tasks_wait(run);
}

typedef struct {
    guint index;
    guint64 weight;
} Weighted;

static int
heaviest_first(gconstpointer a, gconstpointer b)
{
    const Weighted *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* The indices of @weights (@n of them) by decreasing weight; free with g_free(). */
static guint *
order_by_weight(const guint64 *weights, guint n)
{
    g_autofree Weighted *w = g_new(Weighted, MAX(n, 1u));
    for (guint i = 0; i < n; i++)
        w[i] = (Weighted){i, weights[i]};
    qsort(w, n, sizeof *w, heaviest_first);
    guint *order = g_new(guint, MAX(n, 1u));
    for (guint i = 0; i < n; i++)
        order[i] = w[i].index;
    return order;
}

static void
add_timing(Run *run, const char *stage, gint64 start)
{
    /* Timings change from run to run: with SOURCE_DATE_EPOCH set the manifest
     * must stay byte-identical, so they are left out (see docs/DESIGN.md). */
    if (g_getenv("SOURCE_DATE_EPOCH"))
        return;
    cJSON_AddNumberToObject(run->timings, stage, (double)(g_get_monotonic_time() - start) / 1000.0);
}

/* What a command needs of run_setup(): the extractor (reading articles and
 * naming partners and themes) and the render context (fonts, templates). */
typedef enum {
    NEED_EXTRACT = 1 << 0,
    NEED_RENDER = 1 << 1,
} RunNeeds;

static gboolean
run_setup(Run *run, const DsrRunOptions *opt, RunNeeds needs, GError **error)
{
    memset(run, 0, sizeof *run);
    g_mutex_init(&run->progress_lock);
    g_mutex_init(&run->intern_lock);
    g_mutex_init(&run->tasks_lock);
    g_cond_init(&run->tasks_done);
    g_mutex_init(&run->spill_lock);
    run->spill_fd = -1;
    run->opt = opt;
    run->timings = cJSON_CreateObject();
    run->empty = g_ptr_array_new();
    run->partner_lists =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    run->data_dir = g_strdup(dsr_data_dir());
    run->templates_dir = opt->templates_dir ? g_strdup(opt->templates_dir)
                                            : g_build_filename(run->data_dir, "templates", NULL);
    /* The extractor loads every pattern and name list of data/: `dossier
     * render`, which reads briefs only, never builds one. */
    if ((needs & NEED_EXTRACT) &&
        !(run->extractor = dsr_extractor_new(run->data_dir, opt->home ? opt->home : "VN", error)))
        return FALSE;
    if (needs & NEED_RENDER) {
        g_autofree char *fonts = g_build_filename(run->data_dir, "fonts", NULL);
        DsrRenderOptions ro = {
            run->templates_dir,          fonts, opt->paper, NULL, opt->now, opt->max_pages,
            opt->lang ? opt->lang : "fr"};
        if (!(run->render = dsr_render_context_new(&ro, error)))
            return FALSE;
    }
    return TRUE;
}

/* Ingest names the path it opened; the user knows the input by slot->file. */
static void
relabel_error(InputSlot *slot)
{
    const char *m = slot->error->message;
    gsize n = strlen(slot->path);
    if (strcmp(slot->path, slot->file) == 0 || strncmp(m, slot->path, n) != 0)
        return;
    char *relabelled = g_strconcat(slot->file, m + n, NULL);
    g_free(slot->error->message);
    slot->error->message = relabelled;
}

/* The partners of a packed facts: one shared array per list of codes (a run
 * has a few hundred distinct lists for a hundred thousand articles). */
static GPtrArray *
shared_partners(Run *run, const GPtrArray *partners)
{
    g_autoptr(GString) key = g_string_new(NULL);
    for (guint i = 0; i < partners->len; i++) {
        if (i)
            g_string_append_c(key, '\x1f');
        g_string_append(key, g_ptr_array_index(partners, i));
    }
    g_mutex_lock(&run->intern_lock);
    GPtrArray *list = g_hash_table_lookup(run->partner_lists, key->str);
    if (!list) {
        list = g_ptr_array_new_full(partners->len, g_free);
        for (guint i = 0; i < partners->len; i++)
            g_ptr_array_add(list, g_strdup(g_ptr_array_index(partners, i)));
        g_hash_table_insert(run->partner_lists, g_strdup(key->str), list);
    }
    g_ptr_array_ref(list);
    g_mutex_unlock(&run->intern_lock);
    return list;
}

static void
share_array(GPtrArray **field, GPtrArray *shared)
{
    g_ptr_array_unref(*field);
    *field = g_ptr_array_ref(shared);
}

/* Between reading and summarizing, a build holds every article's facts, and
 * most of them are figures, events, actors and sentences that only the
 * briefs of its relationships read, one relationship at a time. So each
 * facts keeps as fields only what grouping, selection, duplicate detection
 * and the manifest read (id, file, url, title, date, partners: see
 * dsr_summarize_select()); its rows are one shared empty array and its
 * partners a shared list, so it costs its strings and little else. The
 * whole facts is kept elsewhere: deflated in memory (pack_facts()) or, for
 * a facts file, as the place of its line in the file (read_facts_file()).
 * Nothing may add to a compacted facts' arrays. Frees *@facts and puts the
 * small one in its place. */
static void
compact_facts(Run *run, DsrFacts **facts)
{
    DsrFacts *f = *facts;
    /* Made after freeing the whole one, so that it fills the holes the freed
     * rows leave rather than new pages. */
    g_autofree char *id = g_steal_pointer(&f->id), *file = g_steal_pointer(&f->file);
    g_autofree char *url = g_steal_pointer(&f->url), *title = g_steal_pointer(&f->title);
    g_autofree char *date = g_steal_pointer(&f->date);
    g_autoptr(GPtrArray) partners = shared_partners(run, f->partners);
    dsr_facts_free(f);
    DsrFacts *stub = dsr_facts_new();
    stub->id = g_strdup(id);
    stub->file = g_strdup(file);
    stub->url = g_strdup(url);
    stub->title = g_strdup(title);
    stub->date = g_strdup(date);
    share_array(&stub->partners, partners);
    share_array(&stub->figures, run->empty);
    share_array(&stub->events, run->empty);
    share_array(&stub->actors, run->empty);
    share_array(&stub->themes, run->empty);
    share_array(&stub->sentences, run->empty);
    *facts = stub;
}

/* The whole facts packed (dsr_facts_pack()) and deflated: about a tenth of
 * the structures; *@facts is compacted. unpack_facts() gives the whole
 * facts back. NULL when deflate fails: the facts is then kept whole. */
static GBytes *
pack_facts(Run *run, DsrFacts **facts)
{
    g_autoptr(GBytes) raw = dsr_facts_pack(*facts);
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(raw, &len);
    g_autoptr(GZlibCompressor) z = g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_RAW, 1);
    /* Deflate never grows data by more than a few bytes per 16 KiB block. */
    gsize cap = len + len / 1000 + 64, written = 0, read = 0;
    guint8 *out = g_malloc(cap);
    GConverterResult r = g_converter_convert(G_CONVERTER(z), data, len, out, cap,
                                             G_CONVERTER_INPUT_AT_END, &read, &written, NULL);
    if (r != G_CONVERTER_FINISHED) {
        g_free(out);
        return NULL;
    }
    g_clear_pointer(&raw, g_bytes_unref);
    compact_facts(run, facts);
    GBytes *packed = g_bytes_new(out, written);
    g_free(out);
    return packed;
}

/* The whole facts of a packed one; NULL with DSR_ERROR_INPUT if the bytes do
 * not read back (a bug: they were made by this process). */
static DsrFacts *
unpack_facts(GBytes *packed, GError **error)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(packed, &len);
    g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_RAW);
    g_autoptr(GByteArray) raw = g_byte_array_new();
    gsize done = 0;
    while (TRUE) {
        guint8 buf[65536];
        gsize read = 0, written = 0;
        GConverterResult r =
            g_converter_convert(G_CONVERTER(z), data + done, len - done, buf, sizeof buf,
                                G_CONVERTER_INPUT_AT_END, &read, &written, error);
        if (r == G_CONVERTER_ERROR)
            return NULL;
        done += read;
        g_byte_array_append(raw, buf, (guint)written);
        if (r == G_CONVERTER_FINISHED)
            break;
    }
    return dsr_facts_unpack(raw->data, raw->len, error);
}

/* Appends @packed to the run's spill file; FALSE (the first failure kept in
 * run->spill_error) when the disk refuses it. Threads write at once: each
 * reserves its range under the lock and writes it outside. */
static gboolean
spill_write(Run *run, GBytes *packed, LineSpan *span)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(packed, &len);
    g_mutex_lock(&run->spill_lock);
    span->offset = run->spill_end;
    run->spill_end += (goffset)len;
    g_mutex_unlock(&run->spill_lock);
    span->slot = NULL;
    span->len = len;
    for (gsize done = 0; done < len;) {
        gssize n = pwrite(run->spill_fd, data + done, len - done, span->offset + (goffset)done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int e = n < 0 ? errno : ENOSPC;
            g_mutex_lock(&run->spill_lock);
            if (!run->spill_error)
                g_set_error(&run->spill_error, DSR_ERROR, DSR_ERROR_OUTPUT,
                            "cannot write the run's temporary facts in %s: %s",
                            run->opt->output_dir ? run->opt->output_dir : "output", g_strerror(e));
            g_mutex_unlock(&run->spill_lock);
            return FALSE;
        }
        done += (gsize)n;
    }
    return TRUE;
}

/* The articles of an input, extracted: each packed, and the packed bytes
 * written to the run's spill file when it has one, so that a hundred
 * thousand articles' facts wait for their briefs on disk, as a shard's do
 * in its file, rather than in memory. */
static void
pack_slot(Run *run, InputSlot *slot)
{
    if (run->spill_fd < 0) {
        slot->packed = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
        for (guint i = 0; i < slot->facts->len; i++)
            g_ptr_array_add(slot->packed, pack_facts(run, (DsrFacts **)&slot->facts->pdata[i]));
        return;
    }
    slot->lines = g_array_sized_new(FALSE, TRUE, sizeof(LineSpan), slot->facts->len);
    for (guint i = 0; i < slot->facts->len; i++) {
        g_autoptr(GBytes) packed = pack_facts(run, (DsrFacts **)&slot->facts->pdata[i]);
        LineSpan span = {NULL, 0, 0};
        if (packed)
            spill_write(run, packed, &span);
        g_array_append_val(slot->lines, span);
    }
}

/* The whole facts of a spilled one. */
static DsrFacts *
unspill(const Run *run, const LineSpan *span, GError **error)
{
    guint8 *buf = g_malloc(span->len);
    for (gsize done = 0; done < span->len;) {
        gssize n = pread(run->spill_fd, buf + done, span->len - done, span->offset + (goffset)done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int e = n < 0 ? errno : EIO;
            g_free(buf);
            g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT,
                        "cannot read the run's temporary facts again: %s", g_strerror(e));
            return NULL;
        }
        done += (gsize)n;
    }
    g_autoptr(GBytes) packed = g_bytes_new_take(buf, span->len);
    return unpack_facts(packed, error);
}

/* A facts file written by `dossier extract` (one DsrFacts object with its
 * sentences per line): the articles of a shard, extracted elsewhere. A line
 * that does not read back is skipped with a warning naming it; a file with no
 * readable line is skipped as a whole. */
static gboolean
is_facts_file(const char *path)
{
    return g_str_has_suffix(path, ".facts.jsonl");
}

static gint64
mtime_ns(const struct stat *st)
{
    return (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT(1000000000) + st->st_mtim.tv_nsec;
}

/* The facts file's size, time and inode as they are now; FALSE when it cannot be read. */
static gboolean
stat_facts_file(const char *path, int fd, gint64 *size, gint64 *mtime, guint64 *inode)
{
    struct stat st;
    if ((fd >= 0 ? fstat(fd, &st) : stat(path, &st)) != 0)
        return FALSE;
    *size = st.st_size;
    *mtime = mtime_ns(&st);
    *inode = st.st_ino;
    return TRUE;
}

/* A build does not keep a facts file's facts, deflated or whole, between
 * reading and summarizing: the file is dossier's own output and holds each
 * one losslessly on a line, so it keeps where the line is and reads it
 * again when a brief needs it (reread_line()). A hundred thousand
 * articles' facts are then the few fields compact_facts() keeps, not 150 MB
 * of deflated JSON. The file's size, time and inode are noted; a line read
 * again from a file that changed since makes the run fail, never a brief
 * from other facts. */
static void
read_facts_file(Run *run, InputSlot *slot)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GError) read_error = NULL;
    gint64 size = 0, mtime = 0, size2 = 0, mtime2 = 0;
    guint64 inode = 0, inode2 = 0;
    gboolean stated = stat_facts_file(slot->path, -1, &size, &mtime, &inode);
    if (!g_file_get_contents(slot->path, &text, &len, &read_error)) {
        g_set_error(&slot->error, DSR_ERROR, DSR_ERROR_INPUT, "%s: %s", slot->file,
                    read_error->message);
        return;
    }
    if (run->prepare &&
        (!stated || !stat_facts_file(slot->path, -1, &size2, &mtime2, &inode2) || size != size2 ||
         mtime != mtime2 || inode != inode2 || (gint64)len != size)) {
        g_set_error(&slot->error, DSR_ERROR, DSR_ERROR_INPUT,
                    "%s: the file changed while it was read", slot->file);
        return;
    }
    slot->size = size;
    slot->mtime_ns = mtime;
    slot->inode = inode;
    slot->facts = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_facts_free);
    slot->warnings = g_ptr_array_new_with_free_func(g_free);
    if (run->prepare)
        slot->lines = g_array_new(FALSE, FALSE, sizeof(LineSpan));
    guint line_no = 0, bad = 0;
    for (char *line = text, *end; line < text + len; line = end + 1) {
        end = memchr(line, '\n', (gsize)(text + len - line));
        if (!end)
            end = text + len;
        line_no++;
        gsize n = (gsize)(end - line);
        while (n && g_ascii_isspace(line[n - 1]))
            n--;
        if (!n)
            continue;
        g_autoptr(GError) local = NULL;
        DsrFacts *f = dsr_facts_from_json(line, n, &local);
        if (!f) {
            bad++;
            g_ptr_array_add(slot->warnings,
                            g_strdup_printf("line %u: %s (line skipped)", line_no, local->message));
            continue;
        }
        /* Compacted line by line: a shard of ten thousand articles never
         * stands whole in memory. */
        if (run->prepare) {
            LineSpan span = {slot, line - text, n};
            g_array_append_val(slot->lines, span);
            compact_facts(run, &f);
        }
        g_ptr_array_add(slot->facts, f);
    }
    if (!slot->facts->len) {
        g_set_error(&slot->error, DSR_ERROR, DSR_ERROR_INPUT, "%s: %s", slot->file,
                    bad ? "no line reads as facts written by 'dossier extract'"
                        : "no facts in the file");
        g_clear_pointer(&slot->facts, g_ptr_array_unref);
        g_clear_pointer(&slot->lines, g_array_unref);
    }
}

/* The whole facts of a facts file's line, as read_one() would have made
 * them (parsed, then prepared); NULL with DSR_ERROR_INPUT when the file is
 * gone, cannot be read or changed since it was read. */
static DsrFacts *
reread_line(const LineSpan *span, GError **error)
{
    const InputSlot *slot = span->slot;
    int fd = g_open(slot->path, O_RDONLY | O_CLOEXEC, 0);
    gint64 size = 0, mtime = 0;
    guint64 inode = 0;
    if (fd < 0 || !stat_facts_file(slot->path, fd, &size, &mtime, &inode) || size != slot->size ||
        mtime != slot->mtime_ns || inode != slot->inode) {
        if (fd >= 0)
            close(fd);
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT,
                    "%s: the file changed or was removed during the run: run it again", slot->file);
        return NULL;
    }
    g_autofree char *buf = g_malloc(span->len);
    for (gsize done = 0; done < span->len;) {
        gssize n = pread(fd, buf + done, span->len - done, span->offset + (goffset)done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int saved = errno;
            close(fd);
            g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: cannot be read again: %s",
                        slot->file, n < 0 ? g_strerror(saved) : "it is shorter");
            return NULL;
        }
        done += (gsize)n;
    }
    close(fd);
    DsrFacts *f = dsr_facts_from_json(buf, span->len, error);
    if (f)
        dsr_summarize_prepare(f);
    return f;
}

static guint64
max_file_size(const DsrRunOptions *opt)
{
    return opt->max_file_size ? opt->max_file_size : DSR_DEFAULT_MAX_FILE_SIZE;
}

static void
read_one(guint index, gpointer data)
{
    Run *run = data;
    InputSlot *slot = &g_array_index(run->inputs, InputSlot, index);
    if (cancelled(run))
        return;
    if (is_facts_file(slot->path)) {
        read_facts_file(run, slot);
        return;
    }
    guint64 limit = max_file_size(run->opt);
    DsrIngestOptions io = {.max_file_size = (gsize)MIN(limit, (guint64)G_MAXSIZE)};
    g_autoptr(GPtrArray) articles = dsr_ingest_file(slot->path, &io, &slot->error);
    if (!articles) {
        GStatBuf st;
        slot->too_large = g_stat(slot->path, &st) == 0 && (guint64)st.st_size > limit;
        relabel_error(slot);
        return;
    }
    slot->facts = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_facts_free);
    slot->warnings = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < articles->len; i++) {
        const DsrArticle *a = g_ptr_array_index(articles, i);
        for (guint w = 0; w < a->warnings->len; w++)
            g_ptr_array_add(slot->warnings, g_strdup(g_ptr_array_index(a->warnings, w)));
        DsrFacts *f = dsr_extract(run->extractor, a);
        if (f->file && strcmp(slot->path, slot->file) != 0 &&
            g_str_has_prefix(f->file, slot->path)) {
            char *shown = g_strconcat(slot->file, f->file + strlen(slot->path), NULL);
            g_free(f->file);
            f->file = shown;
        }
        /* The sentences no brief can quote are most of the text: gone before
         * the next article is read, so memory holds what the briefs use. */
        if (run->prepare)
            dsr_summarize_prepare(f);
        g_ptr_array_add(slot->facts, f);
    }
    if (run->prepare)
        pack_slot(run, slot);
}

static void
read_one_step(guint index, gpointer data)
{
    read_one(index, data);
    stage_step(data);
}

/* Lists and reads every input; reports skips and warnings in input order. */
static void
read_inputs(Run *run)
{
    const DsrRunOptions *opt = run->opt;
    g_autofree char *sample = g_build_filename(run->data_dir, "examples", "articles", NULL);
    const char *sample_list[] = {sample, NULL};
    const char *const *paths = opt->inputs && opt->inputs[0] ? opt->inputs : sample_list;

    gint64 start = g_get_monotonic_time();
    run->problems = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_input_problem_free);
    g_autoptr(GPtrArray) files = dsr_ingest_list_inputs(paths, run->problems);
    run->inputs = g_array_sized_new(FALSE, TRUE, sizeof(InputSlot), files->len);
    g_array_set_clear_func(run->inputs, (GDestroyNotify)input_slot_clear);
    /* The bundled sample is named by its place in the tree ("examples/articles/…"),
     * so briefs and manifests do not depend on where dossier is installed. */
    g_autofree char *prefix = g_strconcat(run->data_dir, G_DIR_SEPARATOR_S, NULL);
    gboolean is_sample = paths == sample_list;
    for (guint i = 0; i < files->len; i++) {
        const char *path = g_ptr_array_index(files, i);
        InputSlot slot = {.path = g_strdup(path)};
        slot.file = is_sample && g_str_has_prefix(path, prefix) ? g_strdup(path + strlen(prefix))
                                                                : g_strdup(path);
        g_array_append_val(run->inputs, slot);
    }
    stage_begin(run, DSR_STAGE_READ, run->inputs->len);
    parallel_for(run, run->inputs->len, read_one_step, run);
    stage_end(run);
    add_timing(run, "read_extract_ms", start);

    if (!opt->report)
        return;
    for (guint i = 0; i < run->problems->len; i++) {
        const DsrInputProblem *p = g_ptr_array_index(run->problems, i);
        opt->report(p->file, p->reason, TRUE, opt->report_data);
    }
    for (guint i = 0; i < run->inputs->len; i++) {
        const InputSlot *s = &g_array_index(run->inputs, InputSlot, i);
        if (s->error)
            opt->report(s->file, s->error->message, TRUE, opt->report_data);
        for (guint w = 0; s->warnings && w < s->warnings->len; w++)
            opt->report(s->file, g_ptr_array_index(s->warnings, w), FALSE, opt->report_data);
    }
}

/* The error messages of ingest start with the path; the manifest has the path
 * in its own field, so it keeps only the reason. */
static const char *
reason_of(const InputSlot *s)
{
    const char *m = s->error->message;
    gsize n = strlen(s->file);
    return strncmp(m, s->file, n) == 0 && m[n] == ':' && m[n + 1] == ' ' ? m + n + 2 : m;
}

typedef struct {
    DsrFacts *facts;
    const InputSlot *slot;
    guint position; /* in input order */
    guint in_file;  /* index of the article in its file */
} ArticleRef;

/* The order that decides which of two duplicates is used and in which order
 * articles reach summarize: by file name (then id), never by the order of the
 * arguments or of the shards, so `build a b` and `build b a` give the same briefs. */
static int
canonical_order(gconstpointer pa, gconstpointer pb)
{
    const ArticleRef *a = pa, *b = pb;
    const char *fa = a->facts->file ? a->facts->file : a->slot->file;
    const char *fb = b->facts->file ? b->facts->file : b->slot->file;
    int c = strcmp(fa, fb);
    if (c)
        return c;
    if (a->in_file != b->in_file)
        return a->in_file < b->in_file ? -1 : 1;
    c = g_strcmp0(a->facts->id, b->facts->id);
    if (c)
        return c;
    return a->position < b->position ? -1 : a->position > b->position;
}

typedef enum { INPUT_USED, INPUT_DUPLICATE, INPUT_SKIPPED } InputStatus;

/* One line of the manifest's "inputs", its strings borrowed from the run's
 * slots and facts: kept this small, not as a cJSON tree, because a build of
 * a hundred thousand articles has a hundred thousand of them until the end. */
typedef struct {
    const char *file;
    const char *id;            /* or NULL */
    const char *reason;        /* skipped */
    const char *duplicate_of;  /* duplicate */
    const GPtrArray *warnings; /* the slot's, or NULL */
    guint8 status;             /* InputStatus */
    gint8 is_new;              /* -1: no "new" key (no previous run, or not used) */
} InputEntry;

/* Every article read, less duplicates (same content id or same URL): the
 * facts to summarize (borrowed), in canonical order, and the manifest's
 * "inputs" as InputEntry in @entries, in input order. */
static GPtrArray *
collect_facts(Run *run, GArray *entries, DsrRunResult *result)
{
    GPtrArray *all = g_ptr_array_new();
    g_autoptr(GHashTable) by_id = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GHashTable) by_url = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GArray) refs = g_array_new(FALSE, FALSE, sizeof(ArticleRef));
    for (guint i = 0; i < run->problems->len; i++) {
        const DsrInputProblem *p = g_ptr_array_index(run->problems, i);
        InputEntry e = {
            .file = p->file, .reason = p->reason, .status = INPUT_SKIPPED, .is_new = -1};
        g_array_append_val(entries, e);
        result->skipped++;
        result->inputs++;
    }
    for (guint i = 0; i < run->inputs->len; i++) {
        const InputSlot *s = &g_array_index(run->inputs, InputSlot, i);
        if (s->error) {
            InputEntry e = {
                .file = s->file, .reason = reason_of(s), .status = INPUT_SKIPPED, .is_new = -1};
            g_array_append_val(entries, e);
            result->skipped++;
            result->inputs++;
            continue;
        }
        for (guint k = 0; s->facts && k < s->facts->len; k++) {
            DsrFacts *f = g_ptr_array_index(s->facts, k);
            InputEntry e = {.file = f->file ? f->file : s->file, .id = f->id, .is_new = -1};
            ArticleRef ref = {f, s, entries->len, k};
            g_array_append_val(entries, e);
            g_array_append_val(refs, ref);
            result->inputs++;
        }
    }
    g_array_sort(refs, canonical_order);
    for (guint i = 0; i < refs->len; i++) {
        const ArticleRef *ref = &g_array_index(refs, ArticleRef, i);
        DsrFacts *f = ref->facts;
        InputEntry *e = &g_array_index(entries, InputEntry, ref->position);
        const DsrFacts *dup = f->id ? g_hash_table_lookup(by_id, f->id) : NULL;
        if (!dup && f->url)
            dup = g_hash_table_lookup(by_url, f->url);
        if (dup) {
            e->status = INPUT_DUPLICATE;
            e->duplicate_of = dup->file ? dup->file : "";
            result->duplicates++;
        } else {
            e->status = INPUT_USED;
            if (f->id)
                g_hash_table_insert(by_id, f->id, f);
            if (f->url)
                g_hash_table_insert(by_url, f->url, f);
            g_ptr_array_add(all, f);
            result->used++;
            /* New: an article (by content id) that the previous run did not
             * read at all; without a previous run nothing is "new". */
            if (run->previous_ids) {
                gboolean is_new = !f->id || !g_hash_table_contains(run->previous_ids, f->id);
                e->is_new = (gint8)is_new;
                if (is_new && f->file) {
                    g_hash_table_add(run->new_files, f->file);
                    result->new_articles++;
                }
            }
        }
        const InputSlot *s = ref->slot;
        if (s->warnings && s->warnings->len)
            e->warnings = s->warnings;
    }
    return all;
}

static cJSON *
input_entry_json(const InputEntry *e)
{
    static const char *const status[] = {"used", "duplicate", "skipped"};
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "file", e->file);
    if (e->id)
        cJSON_AddStringToObject(o, "id", e->id);
    cJSON_AddStringToObject(o, "status", status[e->status]);
    if (e->reason)
        cJSON_AddStringToObject(o, "reason", e->reason);
    if (e->duplicate_of)
        cJSON_AddStringToObject(o, "duplicate_of", e->duplicate_of);
    if (e->is_new >= 0)
        cJSON_AddBoolToObject(o, "new", e->is_new);
    if (e->warnings) {
        cJSON *w = cJSON_AddArrayToObject(o, "warnings");
        for (guint j = 0; j < e->warnings->len; j++)
            cJSON_AddItemToArray(w, cJSON_CreateString(g_ptr_array_index(e->warnings, j)));
    }
    return o;
}

/* The manifest's "inputs" array appended to @out as cJSON_Print() would
 * print it at @depth (tabs before the array's lines), one entry at a time:
 * the whole list as a tree is a few hundred bytes an input. cJSON prints
 * an object the same wherever it stands except for the tabs that open its
 * lines, and strings never hold a raw newline, so each entry is printed
 * alone and its lines indented. */
static void
append_inputs_json(GString *out, const GArray *entries, guint depth)
{
    g_string_append_c(out, '[');
    for (guint i = 0; i < entries->len; i++) {
        g_autoptr(cJSON) o = input_entry_json(&g_array_index(entries, InputEntry, i));
        g_autofree char *text = cJSON_Print(o);
        if (i)
            g_string_append(out, ", ");
        for (const char *p = text, *nl; *p; p = nl + 1) {
            if (!(nl = strchr(p, '\n'))) {
                g_string_append(out, p);
                break;
            }
            g_string_append_len(out, p, nl + 1 - p);
            for (guint t = 0; t < depth; t++)
                g_string_append_c(out, '\t');
        }
    }
    g_string_append_c(out, ']');
}

typedef struct {
    char *partner;  /* "" for the national context */
    guint articles; /* selected articles: the weight of its summary */
    DsrBrief *brief;
    DsrOutputRecord *records[8]; /* one per renderer of the run, in format order, once staged */
    GError *errors[8];           /* a renderer's or the disk's failure, by format */
    GError *error;               /* summarize's failure */
    gint64 summarize_us, render_us[8];
    gint renders_left;   /* atomic: the brief is "made" (progress) when it reaches 0 */
    DsrRenderReport pdf; /* what the PDF renderer said: pages, cut at max_pages */
    /* A format's bytes kept for the formats that hold them (the PDF for the
     * e-mail), by format index, until the last of them is made. */
    GByteArray *kept[8];
    gint kept_users[8]; /* atomic */
} BriefSlot;

static void
brief_slot_clear(BriefSlot *b)
{
    g_free(b->partner);
    dsr_brief_free(b->brief);
    for (guint i = 0; i < G_N_ELEMENTS(b->records); i++) {
        dsr__output_record_free(b->records[i]);
        g_clear_error(&b->errors[i]);
        g_clear_pointer(&b->kept[i], g_byte_array_unref);
    }
    g_clear_error(&b->error);
}

typedef struct {
    Run *run;
    GPtrArray *facts;
    GArray *briefs; /* BriefSlot */
    const DsrRenderer **renderers;
    guint n_renderers;
    int uses[8];    /* by format: the index of the format it holds (DsrRenderer.uses), or -1 */
    guint users[8]; /* by format: how many formats of the run hold it */
    DsrSummarizeOptions sopt;
    char *date_text;       /* the run's day for people, for e-mail subjects */
    DsrOutputStage *stage; /* where each output goes as soon as it is made */
} BuildJob;

static const char *
label_lookup(const char *key, gpointer data)
{
    BuildJob *job = data;
    return dsr_render_label(job->run->render, job->sopt.lang, key);
}

static const char *
theme_name_lookup(const char *name, const char *lang, gpointer data)
{
    return dsr_extractor_theme_name(data, name, lang);
}

static void
summarize_one(guint index, gpointer data)
{
    BuildJob *job = data;
    BriefSlot *slot = &g_array_index(job->briefs, BriefSlot, index);
    if (cancelled(job->run))
        return;
    gint64 start = g_get_monotonic_time();
    const char *partner = *slot->partner ? slot->partner : NULL;
    const char *name =
        partner ? dsr_extractor_partner_name(job->run->extractor, partner, job->sopt.lang) : NULL;
    /* Only this relationship's articles are unpacked, and only for as long as
     * its summary takes: the brief copies what it shows. */
    guint omitted = 0;
    g_autoptr(GPtrArray) chosen = dsr_summarize_select(job->facts, partner, &job->sopt, &omitted);
    g_autoptr(GPtrArray) whole = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_facts_free);
    g_autoptr(GPtrArray) facts = g_ptr_array_new();
    for (guint i = 0; i < chosen->len; i++) {
        DsrFacts *f = g_ptr_array_index(chosen, i);
        GBytes *packed = job->run->packed ? g_hash_table_lookup(job->run->packed, f) : NULL;
        const LineSpan *line = job->run->lines ? g_hash_table_lookup(job->run->lines, f) : NULL;
        if (packed || line) {
            if (packed)
                f = unpack_facts(packed, &slot->error);
            else if (line->slot)
                f = reread_line(line, &slot->error);
            else
                f = unspill(job->run, line, &slot->error);
            if (!f)
                return;
            g_ptr_array_add(whole, f);
        }
        g_ptr_array_add(facts, f);
    }
    slot->brief = dsr_summarize_relation(facts, dsr_extractor_home(job->run->extractor), partner,
                                         name, &job->sopt, &slot->error);
    slot->summarize_us = g_get_monotonic_time() - start;
    if (!slot->brief)
        return;
    slot->brief->omitted.articles += omitted;
    const DsrPartnerSettings *rel = dsr_run_options_relationship(
        job->run->opt, partner ? partner : dsr_extractor_home(job->run->extractor));
    if (rel && rel->title)
        slot->brief->title = dsr_brief_intern(slot->brief, rel->title);
    /* Articles this output folder's previous run did not read: the renderers
     * mark what comes only from them "Nouveau". */
    for (guint k = 0; job->run->new_files && k < slot->brief->sources->len; k++) {
        DsrSource *src = &g_array_index(slot->brief->sources, DsrSource, k);
        src->is_new = src->file && g_hash_table_contains(job->run->new_files, src->file);
    }
}

/* Task @index renders brief index / n_renderers in format index % n_renderers
 * and stages the file at once: only the outputs being made are in memory,
 * not every brief's PDF (hundreds of MB for ten thousand articles).
 * Renderers only read the brief, so two formats of one brief can be made at
 * the same time: a relationship much larger than the others does not leave
 * the second thread idle while its PDF is laid out. */
static void
render_one(guint index, gpointer data)
{
    BuildJob *job = data;
    guint r = index % job->n_renderers;
    BriefSlot *slot = &g_array_index(job->briefs, BriefSlot, index / job->n_renderers);
    int u = job->uses[r];
    if (slot->brief && !cancelled(job->run)) {
        gint64 start = g_get_monotonic_time();
        const DsrRenderer *renderer = job->renderers[r];
        const DsrBrief *brief = slot->brief;
        const char *partner = brief->partner ? brief->partner : brief->home;
        const DsrPartnerSettings *rel = dsr_run_options_relationship(job->run->opt, partner);
        g_autoptr(GByteArray) bytes = g_byte_array_new();
        g_autofree char *name = g_strconcat(brief->slug, renderer->suffix, NULL);
        gboolean is_pdf = strcmp(renderer->name, "pdf") == 0;
        /* The document this one holds, made by its own task first (see
         * run_briefs()); made again here only if that task failed. */
        const GByteArray *input = u >= 0 ? slot->kept[u] : NULL;
        gboolean made;
        if (is_pdf)
            made =
                dsr_render_pdf_report(brief, job->run->render, bytes, &slot->pdf, &slot->errors[r]);
        else if (input)
            made = renderer->render_using(brief, job->run->render, input->data, input->len, bytes,
                                          &slot->errors[r]);
        else
            made = renderer->render(brief, job->run->render, bytes, &slot->errors[r]);
        if (!made || (strcmp(renderer->name, "eml") == 0 &&
                      !dsr__email_address(bytes, brief, job->run->opt->email, rel, job->date_text,
                                          &slot->errors[r])))
            g_prefix_error(&slot->errors[r], "%s: ", name);
        else
            slot->records[r] =
                dsr__output_stage_file(job->stage, name, bytes->data, bytes->len, &slot->errors[r]);
        if (made && job->users[r])
            slot->kept[r] = g_byte_array_ref(bytes);
        slot->render_us[r] = g_get_monotonic_time() - start;
    }
    if (u >= 0 && g_atomic_int_dec_and_test(&slot->kept_users[u]))
        g_clear_pointer(&slot->kept[u], g_byte_array_unref);
    if (g_atomic_int_dec_and_test(&slot->renders_left))
        stage_step(job->run);
}

/* The work of the briefs as tasks of one pool: task brief * (1 + n_renderers)
 * summarizes a brief, the next n_renderers render it, one format each, and
 * are queued by the summary as soon as the brief is made. The queue hands
 * out the largest relationship's tasks first, its renders before the
 * summaries of smaller relationships: the largest relationship (summary then
 * PDF) is the longest chain, so it starts first and never waits, while the
 * other thread works through the rest; neither thread waits for all summaries
 * to end before a render starts. Results go to the slots by index, so the
 * bytes do not depend on the thread or the order. */
typedef struct {
    BuildJob *job;
    guint steps; /* 1 + n_renderers */
} BriefTasks;

static guint
render_rank(const BuildJob *job, guint r)
{
    /* PDF layout costs most: within a brief, started first. */
    return strcmp(job->renderers[r]->name, "pdf") == 0 ? 0 : r + 1;
}

static int
brief_task_order(gconstpointer a, gconstpointer b, gpointer data)
{
    const BriefTasks *t = data;
    guint x = GPOINTER_TO_UINT(a) - 1, y = GPOINTER_TO_UINT(b) - 1;
    guint bx = x / t->steps, by = y / t->steps, sx = x % t->steps, sy = y % t->steps;
    const BriefSlot *p = &g_array_index(t->job->briefs, BriefSlot, bx);
    const BriefSlot *q = &g_array_index(t->job->briefs, BriefSlot, by);
    if (p->articles != q->articles)
        return p->articles > q->articles ? -1 : 1;
    if (bx != by)
        return bx < by ? -1 : 1;
    guint rx = sx ? 1 + render_rank(t->job, sx - 1) : 0;
    guint ry = sy ? 1 + render_rank(t->job, sy - 1) : 0;
    return (rx > ry) - (rx < ry);
}

static void
brief_task(guint task, gpointer data)
{
    BriefTasks *t = data;
    guint brief = task / t->steps, step = task % t->steps;
    /* Tasks are queued before this one counts as done: the count never
     * reaches 0 while renders are still to come. A format that holds another
     * (the e-mail, the PDF) is queued by that one's task, once its bytes are
     * kept. */
    int made = step == 0 ? -1 : (int)step - 1;
    if (step == 0)
        summarize_one(brief, t->job);
    else
        render_one(brief * t->job->n_renderers + step - 1, t->job);
    for (guint r = 0; r < t->job->n_renderers; r++)
        if (t->job->uses[r] == made)
            tasks_push(t->job->run, brief * t->steps + 1 + r);
}

static void
run_briefs(BuildJob *job, int jobs)
{
    guint n = job->briefs->len;
    for (guint i = 0; i < n; i++) {
        BriefSlot *b = &g_array_index(job->briefs, BriefSlot, i);
        b->renders_left = (gint)job->n_renderers;
        for (guint r = 0; r < job->n_renderers; r++)
            b->kept_users[r] = (gint)job->users[r];
    }
    BriefTasks t = {job, 1 + job->n_renderers};
    g_autofree guint64 *weights = g_new0(guint64, MAX(n, 1u));
    for (guint i = 0; i < n; i++)
        weights[i] = g_array_index(job->briefs, BriefSlot, i).articles;
    g_autofree guint *order = order_by_weight(weights, n);
    if (jobs <= 1 || n == 0) {
        /* The order one thread of the pool would follow: a summary, then
         * its PDF and the documents other formats hold, then its other formats. */
        for (guint i = 0; i < n; i++) {
            summarize_one(order[i], job);
            for (guint pass = 0; pass < 2; pass++)
                for (guint r = 0; r < job->n_renderers; r++)
                    if ((render_rank(job, r) == 0 || job->users[r] > 0) == (pass == 0))
                        render_one(order[i] * job->n_renderers + r, job);
        }
        return;
    }
    tasks_begin(job->run, brief_task, &t, n * t.steps, brief_task_order, &t);
    for (guint i = 0; i < n; i++)
        tasks_push(job->run, order[i] * t.steps);
    tasks_wait(job->run);
}

static gboolean
resolve_formats(const DsrRunOptions *opt, const char *const *fallback, const DsrRenderer **out,
                guint *n, GError **error)
{
    const char *const *names = opt->formats && opt->formats[0] ? opt->formats : fallback;
    *n = 0;
    for (guint i = 0; names[i]; i++) {
        const DsrRenderer *r = dsr_renderer_find(names[i]);
        if (!r) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_USAGE, "unknown format '%s'", names[i]);
            return FALSE;
        }
        gboolean dup = FALSE;
        for (guint k = 0; k < *n; k++)
            dup |= out[k] == r;
        if (!dup && *n < 8)
            out[(*n)++] = r;
    }
    return TRUE;
}

static char *
iso_day(gint64 now)
{
    g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc(now);
    return t ? g_date_time_format(t, "%Y-%m-%d") : g_strdup("1970-01-01");
}

static void
add_string_or_null(cJSON *o, const char *key, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, key, value);
    else
        cJSON_AddNullToObject(o, key);
}

static void
add_list(cJSON *o, const char *key, char *const *values)
{
    cJSON *a = cJSON_AddArrayToObject(o, key);
    for (guint i = 0; values && values[i]; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(values[i]));
}

static cJSON *
options_json(const DsrRunOptions *opt, const DsrRenderer **renderers, guint n)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *inputs = cJSON_AddArrayToObject(o, "inputs");
    for (guint i = 0; opt->inputs && opt->inputs[i]; i++)
        cJSON_AddItemToArray(inputs, cJSON_CreateString(opt->inputs[i]));
    cJSON_AddStringToObject(o, "output", opt->output_dir ? opt->output_dir : "output");
    cJSON *formats = cJSON_AddArrayToObject(o, "format");
    for (guint i = 0; i < n; i++)
        cJSON_AddItemToArray(formats, cJSON_CreateString(renderers[i]->name));
    cJSON *partners = cJSON_AddArrayToObject(o, "partner");
    for (guint i = 0; opt->partners && opt->partners[i]; i++)
        cJSON_AddItemToArray(partners, cJSON_CreateString(opt->partners[i]));
    if (opt->since)
        cJSON_AddStringToObject(o, "since", opt->since);
    else
        cJSON_AddNullToObject(o, "since");
    if (opt->until)
        cJSON_AddStringToObject(o, "until", opt->until);
    else
        cJSON_AddNullToObject(o, "until");
    cJSON_AddStringToObject(o, "lang", opt->lang ? opt->lang : "fr");
    cJSON_AddStringToObject(o, "home", opt->home ? opt->home : "VN");
    if (opt->templates_dir)
        cJSON_AddStringToObject(o, "templates", opt->templates_dir);
    else
        cJSON_AddNullToObject(o, "templates");
    cJSON_AddStringToObject(o, "paper", opt->paper ? opt->paper : "a4");
    cJSON_AddBoolToObject(o, "strict", opt->strict);
    cJSON_AddNumberToObject(o, "jobs", opt->jobs);
    /* The limits in force, defaults included: what a reader of the manifest needs
     * to know whether a brief could have been cut. */
    cJSON_AddNumberToObject(o, "max-file-size", (double)max_file_size(opt));
    cJSON_AddNumberToObject(o, "max-articles",
                            opt->max_articles ? opt->max_articles : DSR_DEFAULT_MAX_ARTICLES);
    cJSON_AddNumberToObject(o, "max-figures",
                            opt->max_figures ? opt->max_figures : DSR_DEFAULT_MAX_FIGURES);
    cJSON_AddNumberToObject(o, "max-events",
                            opt->max_events ? opt->max_events : DSR_DEFAULT_MAX_EVENTS);
    cJSON_AddNumberToObject(o, "max-actors",
                            opt->max_actors ? opt->max_actors : DSR_DEFAULT_MAX_ACTORS);
    cJSON_AddNumberToObject(o, "max-pages",
                            opt->max_pages ? opt->max_pages : DSR_DEFAULT_MAX_PAGES);
    if (opt->config_file)
        cJSON_AddStringToObject(o, "config", opt->config_file);
    else
        cJSON_AddNullToObject(o, "config");
    if (opt->email) {
        cJSON *m = cJSON_AddObjectToObject(o, "email");
        add_string_or_null(m, "from", opt->email->from);
        add_list(m, "to", opt->email->to);
        add_list(m, "cc", opt->email->cc);
        add_string_or_null(m, "subject", opt->email->subject);
    }
    if (opt->relationships && opt->relationships[0]) {
        cJSON *rels = cJSON_AddObjectToObject(o, "relationships");
        for (guint i = 0; opt->relationships[i]; i++) {
            const DsrPartnerSettings *r = opt->relationships[i];
            cJSON *e = cJSON_AddObjectToObject(rels, r->partner);
            if (r->title)
                cJSON_AddStringToObject(e, "title", r->title);
            if (r->subject)
                cJSON_AddStringToObject(e, "subject", r->subject);
            if (r->to)
                add_list(e, "to", r->to);
            if (r->cc)
                add_list(e, "cc", r->cc);
        }
    }
    return o;
}

static gboolean
partner_wanted(const DsrRunOptions *opt, const char *code)
{
    if (!opt->partners || !opt->partners[0])
        return TRUE;
    for (guint i = 0; opt->partners[i]; i++)
        if (g_ascii_strcasecmp(opt->partners[i], code) == 0 ||
            (!*code && g_ascii_strcasecmp(opt->partners[i], opt->home ? opt->home : "VN") == 0))
            return TRUE;
    return FALSE;
}

/* Lists a staged file in run.json's @outputs (when not NULL); returns its status. */
static const char *
record_output(const DsrOutputRecord *rec, cJSON *outputs)
{
    if (outputs) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "file", rec->file);
        cJSON_AddNumberToObject(e, "bytes", (double)rec->bytes);
        cJSON_AddStringToObject(e, "sha256", rec->sha256);
        cJSON_AddStringToObject(e, "status", rec->status);
        cJSON_AddItemToArray(outputs, e);
    }
    return rec->status;
}

/* Stages one file and records it for run.json; @status receives its status. */
static gboolean
stage_output(DsrOutputStage *stage, const char *name, GByteArray *bytes, cJSON *outputs,
             const char **status, GError **error)
{
    DsrOutputRecord *rec = dsr__output_stage_file(stage, name, bytes->data, bytes->len, error);
    if (!rec)
        return FALSE;
    const char *st = record_output(rec, outputs);
    if (status)
        *status = st;
    dsr__output_record_free(rec);
    return TRUE;
}

/* The article ids the previous run read (used or duplicate), or NULL when
 * there is no readable previous run.json: then nothing counts as new. */
static GHashTable *
previous_ids(const char *out_dir)
{
    g_autofree char *path = g_build_filename(out_dir, "run.json", NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &text, &len, NULL))
        return NULL;
    g_autoptr(cJSON) m = cJSON_ParseWithLength(text, len);
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(m, "inputs");
    if (!cJSON_IsArray(inputs))
        return NULL;
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    const cJSON *e;
    cJSON_ArrayForEach (e, inputs) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
        if (cJSON_IsString(id))
            g_hash_table_add(ids, g_strdup(id->valuestring));
    }
    return ids;
}

static char *
day_for_people(gint64 now, const char *lang)
{
    g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc(now);
    DsrDate d = {0, 0, 0};
    if (t) {
        d.year = g_date_time_get_year(t);
        d.month = g_date_time_get_month(t);
        d.day = g_date_time_get_day_of_month(t);
    }
    return dsr_text_format_date(&d, lang);
}

/* Which of a brief's files changed: "new" when all are new, "unchanged" when
 * none changed, else "changed". */
static const char *
brief_status(guint n_new, guint n_unchanged, guint n)
{
    return n_new == n ? "new" : n_unchanged == n ? "unchanged" : "changed";
}

/* One limit hit: a line of run.json's "warnings" (@subject_key is "brief"
 * or "file") and, for briefs, the report callback's line. */
static void
add_limit_warning(Run *run, cJSON *warnings, const char *subject_key, const char *subject,
                  const char *limit, guint64 value, guint omitted, const char *message,
                  DsrRunResult *result)
{
    cJSON *w = cJSON_CreateObject();
    cJSON_AddStringToObject(w, subject_key, subject);
    cJSON_AddStringToObject(w, "limit", limit);
    cJSON_AddNumberToObject(w, "value", (double)value);
    if (omitted)
        cJSON_AddNumberToObject(w, "omitted", omitted);
    cJSON_AddStringToObject(w, "message", message);
    cJSON_AddItemToArray(warnings, w);
    result->limits_hit++;
    if (strcmp(subject_key, "brief") == 0 && run->opt->limit_warning)
        run->opt->limit_warning(subject, limit, message, run->opt->limit_warning_data);
}

/* Inputs skipped for --max-file-size: already reported as skipped inputs,
 * listed here too so that every limit hit of the run is in one place. */
static void
warn_too_large_inputs(Run *run, cJSON *warnings, DsrRunResult *result)
{
    guint64 limit = max_file_size(run->opt);
    for (guint i = 0; i < run->inputs->len; i++) {
        const InputSlot *s = &g_array_index(run->inputs, InputSlot, i);
        if (!s->too_large)
            continue;
        g_autofree char *m =
            g_strdup_printf("skipped: larger than %" G_GUINT64_FORMAT " bytes", limit);
        add_limit_warning(run, warnings, "file", s->file, "max-file-size", limit, 0, m, result);
    }
}

static void
warn_brief_limits(Run *run, const BriefSlot *b, cJSON *warnings, DsrRunResult *result)
{
    const DsrRunOptions *opt = run->opt;
    const DsrBrief *brief = b->brief;
    const char *slug = brief->slug;
    guint n;
    if ((n = brief->omitted.articles)) {
        guint max = opt->max_articles ? opt->max_articles : DSR_DEFAULT_MAX_ARTICLES;
        g_autofree char *m =
            g_strdup_printf("%u articles: built from the %u most recent, %u older left out",
                            brief->sources->len + n, brief->sources->len, n);
        add_limit_warning(run, warnings, "brief", slug, "max-articles", max, n, m, result);
    }
    if ((n = brief->omitted.figures)) {
        guint max = opt->max_figures ? opt->max_figures : DSR_DEFAULT_MAX_FIGURES;
        g_autofree char *m = g_strdup_printf("%u figure rows: the %u most cited shown, %u left out",
                                             brief->figures->len + n, brief->figures->len, n);
        add_limit_warning(run, warnings, "brief", slug, "max-figures", max, n, m, result);
    }
    if ((n = brief->omitted.events)) {
        guint max = opt->max_events ? opt->max_events : DSR_DEFAULT_MAX_EVENTS;
        g_autofree char *m = g_strdup_printf("%u events: the %u most reported shown, %u left out",
                                             brief->events->len + n, brief->events->len, n);
        add_limit_warning(run, warnings, "brief", slug, "max-events", max, n, m, result);
    }
    if ((n = brief->omitted.actors)) {
        guint max = opt->max_actors ? opt->max_actors : DSR_DEFAULT_MAX_ACTORS;
        g_autofree char *m = g_strdup_printf("%u actors: the %u most cited shown, %u left out",
                                             brief->actors->len + n, brief->actors->len, n);
        add_limit_warning(run, warnings, "brief", slug, "max-actors", max, n, m, result);
    }
    if (b->pdf.truncated) {
        guint max = opt->max_pages ? opt->max_pages : DSR_DEFAULT_MAX_PAGES;
        g_autofree char *m =
            g_strdup_printf("PDF cut at %u page%s (the HTML and JSON hold the whole brief)",
                            b->pdf.pages, b->pdf.pages == 1 ? "" : "s");
        add_limit_warning(run, warnings, "brief", slug, "max-pages", max, 0, m, result);
    }
}

/* Which of the run's @n formats holds which: @uses[r] is the index of the
 * format renderer r holds (DsrRenderer.uses) when the run makes it too, else
 * -1; @users[r] how many formats hold format r. */
static void
link_uses(const DsrRenderer **renderers, guint n, int *uses, guint *users)
{
    for (guint r = 0; r < n; r++) {
        uses[r] = -1;
        users[r] = 0;
    }
    for (guint r = 0; r < n; r++)
        for (guint k = 0; renderers[r]->uses && k < n; k++)
            if (k != r && strcmp(renderers[k]->name, renderers[r]->uses) == 0) {
                uses[r] = (int)k;
                users[k]++;
            }
}

/* The build proper, once the output folder is locked and the run set up.
 * Declaration order matters: briefs are freed before the facts they cite. */
static gboolean
build(Run *run, const char *out_dir, const DsrRenderer **renderers, guint n_renderers,
      DsrRunResult *result, GError **error)
{
    const DsrRunOptions *opt = run->opt;
    g_autoptr(cJSON) manifest = cJSON_CreateObject();
    run->previous_ids = previous_ids(out_dir);
    if (run->previous_ids)
        run->new_files = g_hash_table_new(g_str_hash, g_str_equal);
    /* Without a spill file (a file system that refuses one), packed facts
     * stay in memory: the run is the same, only larger. */
    run->spill_fd = dsr__output_spill_open(out_dir, NULL);
    read_inputs(run);
    if (cancelled(run))
        return cancel_error(error, out_dir);
    if (run->spill_error) {
        g_propagate_error(error, g_steal_pointer(&run->spill_error));
        return FALSE;
    }
#ifdef __GLIBC__
    /* Extraction freed far more than the packed facts keep: give those pages
     * back before the briefs are made (glibc keeps them otherwise). */
    malloc_trim(0);
#endif
    run->packed = g_hash_table_new(NULL, NULL);
    run->lines = g_hash_table_new(NULL, NULL);
    for (guint i = 0; i < run->inputs->len; i++) {
        const InputSlot *s = &g_array_index(run->inputs, InputSlot, i);
        for (guint k = 0; s->packed && k < s->packed->len; k++)
            if (g_ptr_array_index(s->packed, k))
                g_hash_table_insert(run->packed, g_ptr_array_index(s->facts, k),
                                    g_ptr_array_index(s->packed, k));
        for (guint k = 0; s->lines && k < s->lines->len; k++)
            if (g_array_index(s->lines, LineSpan, k).len)
                g_hash_table_insert(run->lines, g_ptr_array_index(s->facts, k),
                                    &g_array_index(s->lines, LineSpan, k));
    }
    cJSON_AddStringToObject(manifest, "dossier", dsr_version());
    g_autofree char *generated = iso_day(opt->now);
    cJSON_AddStringToObject(manifest, "generated", generated);
    cJSON_AddBoolToObject(manifest, "previous_run", run->previous_ids != NULL);
    cJSON_AddItemToObject(manifest, "options", options_json(opt, renderers, n_renderers));
    /* A mark where the inputs go (cJSON escapes control characters in
     * strings, so the byte is found nowhere else): see append_inputs_json(). */
    cJSON_AddRawToObject(manifest, "inputs", "\001");
    g_autoptr(GArray) entries = g_array_new(FALSE, FALSE, sizeof(InputEntry));
    g_autoptr(GPtrArray) facts = collect_facts(run, entries, result);

    /* One brief per relationship found (and wanted), national context included. */
    gint64 start = g_get_monotonic_time();
    g_autoptr(GPtrArray) partners = dsr_summarize_partners(facts);
    g_autoptr(GArray) briefs = g_array_new(FALSE, TRUE, sizeof(BriefSlot));
    g_array_set_clear_func(briefs, (GDestroyNotify)brief_slot_clear);
    /* Everything is staged before anything is renamed: a full disk, a signal
     * or a failing renderer leaves the folder exactly as the last run left it. */
    g_autoptr(DsrOutputStage) stage = dsr__output_stage_new(out_dir);
    BuildJob job = {run, facts, briefs, renderers, n_renderers, {0}, {0}, {0}, NULL, stage};
    link_uses(renderers, n_renderers, job.uses, job.users);
    job.sopt.lang = opt->lang ? opt->lang : "fr";
    g_autofree char *date_text = day_for_people(opt->now, job.sopt.lang);
    job.date_text = date_text;
    job.sopt.since = opt->since;
    job.sopt.until = opt->until;
    job.sopt.generated = generated;
    job.sopt.home_name = dsr_extractor_partner_name(
        run->extractor, dsr_extractor_home(run->extractor), job.sopt.lang);
    job.sopt.title_format = dsr_render_label(run->render, job.sopt.lang, "brief-title");
    job.sopt.title_format_national =
        dsr_render_label(run->render, job.sopt.lang, "brief-title-national");
    job.sopt.label = label_lookup;
    job.sopt.label_data = &job;
    job.sopt.theme_name = theme_name_lookup;
    job.sopt.theme_name_data = run->extractor;
    job.sopt.max_articles = opt->max_articles;
    job.sopt.max_figures = opt->max_figures;
    job.sopt.max_events = opt->max_events;
    job.sopt.max_actors = opt->max_actors;
    job.sopt.prepared = run->prepare;
    for (guint i = 0; i < partners->len; i++) {
        const char *code = g_ptr_array_index(partners, i);
        if (!partner_wanted(opt, code))
            continue;
        guint selected = 0;
        for (guint k = 0; k < facts->len; k++)
            selected += dsr_summarize_selects(g_ptr_array_index(facts, k), code, &job.sopt);
        if (!selected)
            continue;
        BriefSlot slot = {.partner = g_strdup(code), .articles = selected};
        g_array_append_val(briefs, slot);
    }
    add_timing(run, "select_ms", start);

    /* One pool for the summaries and the renders: see run_briefs(). */
    stage_begin(run, DSR_STAGE_BRIEF, briefs->len);
    start = g_get_monotonic_time();
    run_briefs(&job, jobs_of(opt));
    stage_end(run);
    add_timing(run, "briefs_ms", start);
    /* Every brief is made: the packed facts are not read again, and run.json
     * is yet to be printed. */
    g_hash_table_remove_all(run->packed);
    g_hash_table_remove_all(run->lines);
    for (guint i = 0; i < run->inputs->len; i++) {
        InputSlot *s = &g_array_index(run->inputs, InputSlot, i);
        g_clear_pointer(&s->packed, g_ptr_array_unref);
        g_clear_pointer(&s->lines, g_array_unref);
    }
    /* CPU time by step, summed over threads: where a run's time goes. */
    if (!g_getenv("SOURCE_DATE_EPOCH")) {
        gint64 sum = 0, per[8] = {0};
        for (guint i = 0; i < briefs->len; i++) {
            const BriefSlot *b = &g_array_index(briefs, BriefSlot, i);
            sum += b->summarize_us;
            for (guint r = 0; r < n_renderers; r++)
                per[r] += b->render_us[r];
        }
        cJSON_AddNumberToObject(run->timings, "summarize_cpu_ms", (double)sum / 1000.0);
        for (guint r = 0; r < n_renderers; r++) {
            g_autofree char *key = g_strdup_printf("render_%s_cpu_ms", renderers[r]->name);
            cJSON_AddNumberToObject(run->timings, key, (double)per[r] / 1000.0);
        }
    }
    if (cancelled(run))
        return cancel_error(error, out_dir);

    start = g_get_monotonic_time();
    cJSON *outputs = cJSON_AddArrayToObject(manifest, "outputs");
    cJSON *relations = cJSON_AddArrayToObject(manifest, "relationships");
    cJSON *warnings = cJSON_AddArrayToObject(manifest, "warnings");
    warn_too_large_inputs(run, warnings, result);
    g_autoptr(GArray) index = g_array_new(FALSE, TRUE, sizeof(DsrIndexEntry));
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    stage_begin(run, DSR_STAGE_WRITE, briefs->len * n_renderers + 2);
    for (guint i = 0; i < briefs->len; i++) {
        BriefSlot *b = &g_array_index(briefs, BriefSlot, i);
        if (b->error) {
            g_propagate_error(error, g_steal_pointer(&b->error));
            return FALSE;
        }
        for (guint r = 0; r < n_renderers; r++) {
            if (b->errors[r]) {
                g_propagate_error(error, g_steal_pointer(&b->errors[r]));
                return FALSE;
            }
        }
        DsrIndexEntry entry = {b->brief, NULL, NULL, NULL, 0};
        guint n_new = 0, n_unchanged = 0;
        for (guint r = 0; r < n_renderers; r++) {
            if (cancelled(run))
                return cancel_error(error, out_dir);
            char *name = g_strconcat(b->brief->slug, renderers[r]->suffix, NULL);
            g_ptr_array_add(names, name);
            const char *status = record_output(b->records[r], outputs);
            n_new += strcmp(status, "new") == 0;
            n_unchanged += strcmp(status, "unchanged") == 0;
            stage_step(run);
            if (strcmp(renderers[r]->name, "html") == 0)
                entry.html = name;
            else if (strcmp(renderers[r]->name, "pdf") == 0)
                entry.pdf = name;
        }
        entry.status = brief_status(n_new, n_unchanged, n_renderers);
        for (guint k = 0; k < b->brief->sources->len; k++)
            entry.new_articles += g_array_index(b->brief->sources, DsrSource, k).is_new;
        g_array_append_val(index, entry);
        cJSON *rel = cJSON_CreateObject();
        cJSON_AddStringToObject(rel, "slug", b->brief->slug);
        if (b->brief->partner)
            cJSON_AddStringToObject(rel, "partner", b->brief->partner);
        else
            cJSON_AddNullToObject(rel, "partner");
        cJSON_AddNumberToObject(rel, "articles", b->brief->sources->len);
        cJSON_AddNumberToObject(rel, "figures", b->brief->figures->len);
        cJSON_AddNumberToObject(rel, "key_points", b->brief->key_points->len);
        cJSON_AddNumberToObject(rel, "events", b->brief->events->len);
        cJSON *omitted = cJSON_AddObjectToObject(rel, "omitted");
        cJSON_AddNumberToObject(omitted, "articles", b->brief->omitted.articles);
        cJSON_AddNumberToObject(omitted, "figures", b->brief->omitted.figures);
        cJSON_AddNumberToObject(omitted, "events", b->brief->omitted.events);
        cJSON_AddNumberToObject(omitted, "actors", b->brief->omitted.actors);
        warn_brief_limits(run, b, warnings, result);
        /* The sources (by number in the brief) from articles the previous run
         * did not read: what the renderers mark "Nouveau". */
        if (run->new_files) {
            cJSON *fresh = cJSON_AddArrayToObject(rel, "new_sources");
            for (guint k = 0; k < b->brief->sources->len; k++) {
                const DsrSource *src = &g_array_index(b->brief->sources, DsrSource, k);
                if (src->is_new)
                    cJSON_AddItemToArray(fresh, cJSON_CreateNumber(src->n));
            }
        }
        cJSON_AddStringToObject(rel, "status", entry.status);
        cJSON_AddItemToArray(relations, rel);
        result->briefs++;
    }
    g_autoptr(GByteArray) index_html = g_byte_array_new();
    if (cancelled(run))
        return cancel_error(error, out_dir);
    if (!dsr_render_index((const DsrIndexEntry *)(void *)index->data, index->len, job.sopt.lang,
                          run->render, index_html, error) ||
        !stage_output(stage, "index.html", index_html, outputs, NULL, error))
        return FALSE;
    stage_step(run);
    add_timing(run, "write_ms", start);

    cJSON_AddItemToObject(manifest, "timings", g_steal_pointer(&run->timings));
    g_autofree char *text = cJSON_Print(manifest);
    const char *mark = strchr(text, '\001');
    g_autoptr(GString) manifest_text = g_string_sized_new(strlen(text) + 112 * entries->len);
    g_string_append_len(manifest_text, text, mark - text);
    append_inputs_json(manifest_text, entries, 2);
    g_string_append(manifest_text, mark + 1);
    g_string_append_c(manifest_text, '\n');
    DsrOutputRecord *manifest_rec = dsr__output_stage_file(
        stage, "run.json", (const guint8 *)manifest_text->str, manifest_text->len, error);
    if (!manifest_rec)
        return FALSE;
    dsr__output_record_free(manifest_rec);
    if (cancelled(run))
        return cancel_error(error, out_dir);
    guint staged = dsr__output_stage_count(stage);
    if (!dsr__output_stage_commit(stage, error))
        return FALSE;
    stage_end(run);
    result->written = staged;
    result->unchanged = briefs->len * n_renderers + 2 - staged; /* + index.html, run.json */
    return TRUE;
}

gboolean
dsr_run_build(const DsrRunOptions *opt, DsrRunResult *result, GError **error)
{
    static const char *const default_formats[] = {"pdf", "html", "json", NULL};
    memset(result, 0, sizeof *result);
    const DsrRenderer *renderers[8];
    guint n_renderers = 0;
    if (!resolve_formats(opt, default_formats, renderers, &n_renderers, error))
        return FALSE;
    const char *out_dir = opt->output_dir ? opt->output_dir : "output";
    int lock = dsr__output_lock(out_dir, error);
    if (lock < 0)
        return FALSE;
    Run run;
    gboolean ok = run_setup(&run, opt, NEED_EXTRACT | NEED_RENDER, error);
    run.prepare = TRUE;
    ok = ok && build(&run, out_dir, renderers, n_renderers, result, error);
    run_clear(&run);
    dsr__output_unlock(lock);
    return ok;
}

static gboolean
write_facts(const DsrRunOptions *opt, DsrFactsJsonFlags flags, GString *out, DsrRunResult *result,
            GError **error)
{
    memset(result, 0, sizeof *result);
    Run run;
    if (!run_setup(&run, opt, NEED_EXTRACT, error)) {
        run_clear(&run);
        return FALSE;
    }
    read_inputs(&run);
    if (cancelled(&run)) {
        run_clear(&run);
        g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT, "stopped by a signal");
        return FALSE;
    }
    g_autoptr(GArray) entries = g_array_new(FALSE, FALSE, sizeof(InputEntry));
    g_autoptr(GPtrArray) facts = collect_facts(&run, entries, result);
    for (guint i = 0; i < run.inputs->len; i++) {
        const InputSlot *s = &g_array_index(run.inputs, InputSlot, i);
        for (guint k = 0; s->facts && k < s->facts->len; k++) {
            g_autofree char *line = dsr_facts_to_json(g_ptr_array_index(s->facts, k), flags);
            g_string_append(out, line);
            g_string_append_c(out, '\n');
        }
    }
    g_clear_pointer(&facts, g_ptr_array_unref);
    run_clear(&run);
    return TRUE;
}

gboolean
dsr_run_inspect(const DsrRunOptions *opt, gboolean pretty, GString *out, DsrRunResult *result,
                GError **error)
{
    return write_facts(opt, pretty ? DSR_FACTS_JSON_PRETTY : 0, out, result, error);
}

gboolean
dsr_run_extract(const DsrRunOptions *opt, GString *out, DsrRunResult *result, GError **error)
{
    return write_facts(opt, DSR_FACTS_JSON_SENTENCES, out, result, error);
}

gboolean
dsr_run_list(const DsrRunOptions *opt, GString *out, DsrRunResult *result, GError **error)
{
    memset(result, 0, sizeof *result);
    Run run;
    if (!run_setup(&run, opt, NEED_EXTRACT, error)) {
        run_clear(&run);
        return FALSE;
    }
    read_inputs(&run);
    g_autoptr(GArray) entries = g_array_new(FALSE, FALSE, sizeof(InputEntry));
    g_autoptr(GPtrArray) facts = collect_facts(&run, entries, result);
    g_autoptr(GPtrArray) partners = dsr_summarize_partners(facts);
    const char *lang = opt->lang ? opt->lang : "fr";
    DsrSummarizeOptions sopt = {.lang = lang, .since = opt->since, .until = opt->until};
    const char *home = dsr_extractor_home(run.extractor);
    for (guint i = 0; i < partners->len; i++) {
        const char *code = g_ptr_array_index(partners, i);
        if (!partner_wanted(opt, code))
            continue;
        guint articles = 0, figures = 0;
        for (guint k = 0; k < facts->len; k++) {
            const DsrFacts *f = g_ptr_array_index(facts, k);
            if (dsr_summarize_selects(f, code, &sopt)) {
                articles++;
                figures += f->figures->len;
            }
        }
        if (!articles)
            continue;
        g_autofree char *slug = *code ? g_strdup_printf("%s-%s", home, code) : g_strdup(home);
        g_autofree char *lower = g_ascii_strdown(slug, -1);
        const char *name = dsr_extractor_partner_name(run.extractor, *code ? code : home, lang);
        g_string_append_printf(out, "%s\t%s\t%u\t%u\n", lower, name, articles, figures);
        result->briefs++;
    }
    g_clear_pointer(&facts, g_ptr_array_unref);
    run_clear(&run);
    return TRUE;
}

gboolean
dsr_run_render(const DsrRunOptions *opt, DsrRunResult *result, GError **error)
{
    static const char *const default_formats[] = {"pdf", "html", NULL};
    memset(result, 0, sizeof *result);
    const DsrRenderer *renderers[8];
    guint n_renderers = 0;
    if (!resolve_formats(opt, default_formats, renderers, &n_renderers, error))
        return FALSE;
    if (!opt->inputs || !opt->inputs[0]) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_USAGE, "no brief to render");
        return FALSE;
    }
    const char *out_dir = opt->output_dir ? opt->output_dir : "output";
    int lock = dsr__output_lock(out_dir, error);
    if (lock < 0)
        return FALSE;
    int uses[8];
    guint users[8];
    link_uses(renderers, n_renderers, uses, users);
    Run run;
    gboolean ok = run_setup(&run, opt, NEED_RENDER, error);
    g_autoptr(cJSON) outputs = cJSON_CreateArray();
    g_autoptr(DsrOutputStage) stage = dsr__output_stage_new(out_dir);
    g_autofree char *date_text = day_for_people(opt->now, opt->lang ? opt->lang : "fr");
    for (guint i = 0; ok && opt->inputs[i]; i++) {
        const char *path = opt->inputs[i];
        g_autofree char *text = NULL;
        gsize len = 0;
        g_autoptr(GError) local = NULL;
        g_autoptr(DsrBrief) brief = NULL;
        result->inputs++;
        if (!g_file_get_contents(path, &text, &len, &local) ||
            !(brief = dsr_brief_from_json(text, len, &local))) {
            g_set_error(error, local->domain, local->code, "%s: %s", path, local->message);
            ok = FALSE;
            break;
        }
        /* The documents other formats hold first (the PDF the e-mail
         * attaches), kept for them: each brief is laid out once. */
        GByteArray *kept[8] = {NULL};
        for (guint k = 0; ok && k < 2 * n_renderers; k++) {
            guint r = k % n_renderers;
            if ((users[r] > 0) != (k < n_renderers))
                continue;
            g_autoptr(GByteArray) bytes = g_byte_array_new();
            g_autofree char *name = g_strconcat(brief->slug, renderers[r]->suffix, NULL);
            if (run.opt->cancel && g_atomic_int_get(run.opt->cancel)) {
                ok = cancel_error(error, out_dir);
                break;
            }
            const DsrPartnerSettings *rel =
                dsr_run_options_relationship(opt, brief->partner ? brief->partner : brief->home);
            const GByteArray *input = uses[r] >= 0 ? kept[uses[r]] : NULL;
            ok = (input ? renderers[r]->render_using(brief, run.render, input->data, input->len,
                                                     bytes, error)
                        : renderers[r]->render(brief, run.render, bytes, error)) &&
                 (strcmp(renderers[r]->name, "eml") != 0 ||
                  dsr__email_address(bytes, brief, opt->email, rel, date_text, error)) &&
                 stage_output(stage, name, bytes, outputs, NULL, error);
            if (ok && users[r])
                kept[r] = g_byte_array_ref(bytes);
        }
        for (guint r = 0; r < n_renderers; r++)
            g_clear_pointer(&kept[r], g_byte_array_unref);
        result->used++;
        result->briefs += ok;
    }
    if (ok) {
        result->written = dsr__output_stage_count(stage);
        ok = dsr__output_stage_commit(stage, error);
    }
    run_clear(&run);
    dsr__output_unlock(lock);
    return ok;
}

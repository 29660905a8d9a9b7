/* SPDX-License-Identifier: MIT
 * Entry points of ingestion: read a file within limits, tell binary, HTML,
 * JSON and plain text apart by content first and extension second, hand the
 * bytes to the matching reader, and finish each article (language, id).
 * Also expands the command line's files and folders into the input list. */
#include <dossier/ingest.h>
#include <dossier/error.h>
#include "ingest-private.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_MAX_FILE_SIZE (20 * 1024 * 1024)
#define DEFAULT_MAX_ARTICLE_TEXT (1024 * 1024)
#define DEFAULT_MAX_PARAGRAPHS 10000

DsrArticle *
dsr_article_new(void)
{
    DsrArticle *a = g_new0(DsrArticle, 1);
    a->paragraphs = g_ptr_array_new_with_free_func(g_free);
    a->warnings = g_ptr_array_new_with_free_func(g_free);
    return a;
}

void
dsr_article_free(DsrArticle *a)
{
    if (!a)
        return;
    g_free(a->id);
    g_free(a->file);
    g_free(a->url);
    g_free(a->outlet);
    g_free(a->title);
    g_free(a->date);
    g_free(a->lang);
    g_free(a->place);
    g_free(a->format);
    g_ptr_array_unref(a->paragraphs);
    g_ptr_array_unref(a->warnings);
    g_free(a);
}

void
dsr_input_problem_free(DsrInputProblem *p)
{
    if (!p)
        return;
    g_free(p->file);
    g_free(p->reason);
    g_free(p);
}

void
dsr__article_set_url(DsrArticle *article, const char *url)
{
    const char *scheme = g_uri_peek_scheme(url);
    if (g_strcmp0(scheme, "http") != 0 && g_strcmp0(scheme, "https") != 0) {
        /* javascript:, file: or a bare host: never put into a brief as a link. */
        g_ptr_array_add(
            article->warnings,
            g_strdup_printf("source address \"%.80s\" is not http or https: dropped", url));
        return;
    }
    g_autoptr(GUri) uri = g_uri_parse(url, G_URI_FLAGS_NONE, NULL);
    const char *host = uri ? g_uri_get_host(uri) : NULL;
    /* GLib's lenient parse takes spaces and line breaks ("saved from url="
     * running into the page): an address holds none of them, nor quotes or
     * angle brackets. */
    gboolean clean = TRUE;
    for (const char *p = url; *p && clean; p++)
        clean = (guchar)*p > 0x20 && (guchar)*p != 0x7f && !strchr("\"<>\\^`{|}", *p);
    if (!host || !*host || !clean) {
        g_ptr_array_add(
            article->warnings,
            g_strdup_printf("source address \"%.80s\" is not a valid URL: dropped", url));
        return;
    }
    g_free(article->url);
    /* "#comments" or "#top" names a place in the page, not another article.
     * The scheme is written in lower case ("HTTPS:" is https:), so every later
     * stage may compare it as a plain prefix. */
    const char *rest = url + strlen(scheme);
    g_autofree char *tail = g_strndup(rest, strcspn(rest, "#"));
    article->url = g_strconcat(scheme, tail, NULL);
    g_autofree char *low = g_ascii_strdown(host, -1);
    gsize n = strlen(low);
    if (n && low[n - 1] == '.') /* "vovworld.vn." is the same host */
        low[n - 1] = '\0';
    if (!article->outlet)
        article->outlet = g_strdup(g_str_has_prefix(low, "www.") ? low + 4 : low);
}

void
dsr__article_finish(DsrArticle *article, const char *format)
{
    g_autoptr(GString) all = g_string_new(NULL);
    for (guint i = 0; i < article->paragraphs->len; i++) {
        g_string_append(all, g_ptr_array_index(article->paragraphs, i));
        g_string_append_c(all, '\n');
    }
    /* A declared language is kept when the text does not contradict it; a
     * page template says "fr" on every edition of some sites. Short texts
     * cannot contradict anything. */
    /* Folded once for the language and the id. */
    g_autofree char *folded = dsr_text_fold(all->str);
    const char *guess = NULL;
    if (dsr__count_words_upto(all->str, 40) >= 40)
        guess = all->len <= DSR_LANG_SAMPLE_BYTES ? dsr_text_guess_lang_folded(folded)
                                                  : dsr_text_guess_lang(all->str);
    if (article->lang && guess && strcmp(article->lang, guess) != 0) {
        g_ptr_array_add(article->warnings,
                        g_strdup_printf("declared language \"%s\" does not match the text: "
                                        "read as \"%s\"",
                                        article->lang, guess));
        g_clear_pointer(&article->lang, g_free);
    }
    if (!article->lang) {
        /* A short text: its title is evidence too. */
        g_autofree char *with_title =
            g_strconcat(article->title ? article->title : "", "\n", all->str, NULL);
        const char *lang = guess ? guess : dsr_text_guess_lang(with_title);
        article->lang = g_strdup(lang ? lang : "fr");
    }
    /* The id depends on the cleaned body only, folded and without any white
     * space, so that the same article saved twice or in another form (text,
     * page, export: other junk, curly or straight quotes, words glued by a
     * site, other paragraph breaks) is recognised. */
    gsize n = 0;
    for (const char *p = folded; *p; p++)
        if (!g_ascii_isspace(*p))
            folded[n++] = *p;
    folded[n] = '\0';
    g_autofree char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, folded, (gssize)n);
    g_free(article->id);
    article->id = g_strndup(sum, 16);
    g_free(article->format);
    article->format = g_strdup(format);
}

static const struct {
    const char *magic;
    gsize len;
    const char *what;
} magics[] = {
    {"\x89PNG", 4, "PNG image"},
    {"%PDF", 4, "PDF document"},
    {"\x7f"
     "ELF",
     4, "executable"},
    {"GIF8", 4, "GIF image"},
    {"\xff\xd8\xff", 3, "JPEG image"},
    {"PK\x03\x04", 4, "ZIP archive or office document"},
    {"\x1f\x8b", 2, "gzip archive"},
    {"RIFF", 4, "RIFF media"},
    {"\xd0\xcf\x11\xe0", 4, "legacy office document"},
};

/* A reason when @data is not text, else NULL. */
static const char *
binary_kind(const char *data, gsize len)
{
    for (guint i = 0; i < G_N_ELEMENTS(magics); i++)
        if (len >= magics[i].len && memcmp(data, magics[i].magic, magics[i].len) == 0)
            return magics[i].what;
    gsize probe = MIN(len, 8192), nul = 0, ctrl = 0;
    for (gsize i = 0; i < probe; i++) {
        guchar c = (guchar)data[i];
        nul += c == 0;
        ctrl += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0;
    }
    /* Text with a few stray NULs (a bad copy, a truncated download) is still
     * text: the NULs are dropped. Binary formats are NUL-dense. */
    if (probe && (nul * 10 > probe || ctrl * 20 > probe))
        return "data";
    return NULL;
}

/* UTF-16 (Windows Notepad's "Unicode") has a BOM and NUL every other byte. */
static char *
decode_utf16(const char *data, gsize len)
{
    const char *from = NULL;
    if (len >= 2 && (guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)
        from = "UTF-16LE";
    else if (len >= 2 && (guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)
        from = "UTF-16BE";
    if (!from) {
        /* Without a BOM: UTF-16 of Latin text has NUL as every other byte. */
        gsize probe = MIN(len, 8192) & ~(gsize)1, odd = 0, even = 0;
        for (gsize i = 0; i < probe; i += 2) {
            even += data[i] == 0;
            odd += data[i + 1] == 0;
        }
        if (probe < 16 || (len & 1))
            return NULL;
        if (odd * 10 >= probe / 2 * 9 && even * 10 < probe / 2)
            from = "UTF-16LE";
        else if (even * 10 >= probe / 2 * 9 && odd * 10 < probe / 2)
            from = "UTF-16BE";
        else
            return NULL;
        return g_convert(data, (gssize)len, "UTF-8", from, NULL, NULL, NULL);
    }
    return g_convert(data + 2, (gssize)(len - 2), "UTF-8", from, NULL, NULL, NULL);
}

static gboolean
has_suffix_ci(const char *name, const char *suffix)
{
    gsize n = strlen(name), m = strlen(suffix);
    return n >= m && g_ascii_strcasecmp(name + n - m, suffix) == 0;
}

/* Markup, not text: a doctype or <html> first, or a text full of tags. */
static gboolean
looks_like_html(const char *text)
{
    const char *p = text;
    while (*p && g_ascii_isspace(*p))
        p++;
    if (g_ascii_strncasecmp(p, "<!doctype html", 14) == 0 ||
        g_ascii_strncasecmp(p, "<html", 5) == 0)
        return TRUE;
    if (g_ascii_strncasecmp(p, "<?xml", 5) == 0 && strstr(p, "<html"))
        return TRUE;
    static const char *const tags[] = {"<p>",     "<p ",   "</p>",  "<div",  "</div>", "<br",
                                       "<a href", "<span", "<body", "<head", "<meta ", "<script"};
    guint hits = 0;
    g_autofree char *low = g_ascii_strdown(text, MIN(strlen(text), (gsize)65536));
    for (guint i = 0; i < G_N_ELEMENTS(tags); i++)
        for (const char *q = strstr(low, tags[i]); q && hits < 100; q = strstr(q + 1, tags[i]))
            hits++;
    return hits >= 8;
}

static gboolean
has_tag(const char *text)
{
    for (const char *p = strchr(text, '<'); p; p = strchr(p + 1, '<'))
        if (g_ascii_isalpha(p[1]) || (p[1] == '/' && g_ascii_isalpha(p[2])) || p[1] == '!')
            return TRUE;
    return FALSE;
}

static void
warn_all(GPtrArray *articles, const char *warning)
{
    for (guint i = 0; articles && i < articles->len; i++)
        g_ptr_array_add(((DsrArticle *)g_ptr_array_index(articles, i))->warnings,
                        g_strdup(warning));
}

static GPtrArray *
ingest_plain(const char *text, const char *name, GError **error)
{
    g_autoptr(DsrArticle) article = dsr_article_new();
    article->file = g_strdup(name);
    if (!dsr__ingest_text(text, article, 0, error))
        return NULL;
    dsr__article_finish(article, "text");
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_article_free);
    g_ptr_array_add(out, g_steal_pointer(&article));
    return out;
}

/* Where to cut a paragraph longer than @room bytes: after the last sentence
 * end that fits, else the last space, else a character boundary. */
static gsize
cut_point(const char *p, gsize room)
{
    gsize space = 0;
    for (gsize i = room; i > room / 2; i--) {
        if ((p[i - 1] == '.' || p[i - 1] == '!' || p[i - 1] == '?') && p[i] == ' ')
            return i;
        if (!space && p[i] == ' ')
            space = i;
    }
    if (space)
        return space;
    const char *end = g_utf8_find_prev_char(p, p + room + 1);
    return end ? (gsize)(end - p) : room;
}

/* Applies the article limits of @opt to every article of @out. */
static void
limit_articles(GPtrArray *out, const DsrIngestOptions *opt)
{
    gsize max_text =
        opt && opt->max_article_text ? opt->max_article_text : DEFAULT_MAX_ARTICLE_TEXT;
    guint max_paras = opt && opt->max_paragraphs ? opt->max_paragraphs : DEFAULT_MAX_PARAGRAPHS;
    for (guint i = 0; i < out->len; i++) {
        DsrArticle *a = g_ptr_array_index(out, i);
        gsize total = 0, had_bytes = 0;
        for (guint k = 0; k < a->paragraphs->len; k++)
            had_bytes += strlen(g_ptr_array_index(a->paragraphs, k));
        guint keep = 0;
        gboolean cut = FALSE;
        for (; keep < a->paragraphs->len && keep < max_paras; keep++) {
            char *p = g_ptr_array_index(a->paragraphs, keep);
            gsize n = strlen(p);
            if (total + n > max_text) {
                if (keep == 0) {
                    /* One paragraph longer than the limit: keep its head. */
                    p[cut_point(p, max_text)] = '\0';
                    g_strchomp(p);
                    keep = 1;
                }
                cut = TRUE;
                break;
            }
            total += n;
        }
        if (!cut && keep == a->paragraphs->len)
            continue;
        gsize kept_bytes = 0;
        guint had = a->paragraphs->len;
        g_ptr_array_set_size(a->paragraphs, keep);
        for (guint k = 0; k < keep; k++)
            kept_bytes += strlen(g_ptr_array_index(a->paragraphs, k));
        g_ptr_array_add(a->warnings,
                        g_strdup_printf("article text too long (%u paragraphs, %.1f MiB): only "
                                        "the first %u (%.1f MiB) kept; the limits are %.1f MiB "
                                        "and %u paragraphs",
                                        had, had_bytes / 1048576.0, keep, kept_bytes / 1048576.0,
                                        max_text / 1048576.0, max_paras));
        /* The id and the language follow the text that is kept. */
        g_autofree char *format = g_strdup(a->format);
        dsr__article_finish(a, format);
    }
}

static GPtrArray *
ingest_bytes(const char *data, gsize len, const char *name, const DsrIngestOptions *opt,
             GError **error)
{
    gsize limit = opt && opt->max_file_size ? opt->max_file_size : DEFAULT_MAX_FILE_SIZE;
    if (len > limit) {
        g_autofree char *size = g_format_size_full(len, G_FORMAT_SIZE_IEC_UNITS);
        g_autofree char *max = g_format_size_full(limit, G_FORMAT_SIZE_IEC_UNITS);
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "file too large (%s; the limit is %s)", size,
                    max);
        return NULL;
    }
    g_autofree char *utf16 = decode_utf16(data, len);
    g_autofree char *read_as = NULL;
    g_autofree char *text = NULL;
    gboolean nul_warning = FALSE;
    if (utf16) {
        text = dsr_text_clean(utf16, strlen(utf16), NULL, error);
        read_as = g_strdup("UTF-16");
    } else {
        const char *kind = binary_kind(data, len);
        if (kind) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "binary file (%s)", kind);
            return NULL;
        }
        /* A page says which charset its bytes are in; text files cannot. */
        g_autofree char *declared = dsr__html_declared_charset(data, len);
        text = dsr_text_clean_declared(data, len, declared, &read_as, error);
        if (text && memchr(data, '\0', len))
            nul_warning = TRUE;
    }
    if (!text)
        return NULL;
    g_autofree char *warning = !read_as ? NULL
                               : utf16  ? g_strdup("read as UTF-16")
                                        : g_strdup_printf("not UTF-8: read as %s", read_as);

    const char *p = text;
    while (*p && g_ascii_isspace(*p))
        p++;
    if (!*p) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "no article text left after cleaning");
        return NULL;
    }
    gboolean json_ext = has_suffix_ci(name, ".json") || has_suffix_ci(name, ".jsonl") ||
                        has_suffix_ci(name, ".ndjson");
    if (*p == '{' || *p == '[' || json_ext) {
        gboolean lines = has_suffix_ci(name, ".jsonl") || has_suffix_ci(name, ".ndjson");
        g_autoptr(GError) json_error = NULL;
        GPtrArray *out = dsr__ingest_json(text, strlen(text), name, lines, &json_error);
        if (out || json_ext || !g_error_matches(json_error, DSR_ERROR, DSR_ERROR_INPUT) ||
            !g_str_has_prefix(json_error->message, "invalid JSON")) {
            if (!out)
                g_propagate_error(error, g_steal_pointer(&json_error));
            else if (warning)
                warn_all(out, warning);
            if (out && nul_warning)
                warn_all(out, "NUL bytes in the text: dropped");
            return out;
        }
        /* Text that merely starts with a bracket: read it as text. */
    }
    /* A saved page named .html needs only one tag to be markup. */
    gboolean html_ext = has_suffix_ci(name, ".html") || has_suffix_ci(name, ".htm") ||
                        has_suffix_ci(name, ".xhtml");
    GPtrArray *out = looks_like_html(text) || (html_ext && has_tag(text))
                         ? dsr__ingest_html(text, name, error)
                         : ingest_plain(text, name, error);
    if (out && warning)
        warn_all(out, warning);
    if (out && nul_warning)
        warn_all(out, "NUL bytes in the text: dropped");
    return out;
}

GPtrArray *
dsr_ingest_bytes(const char *data, gsize len, const char *name, const DsrIngestOptions *opt,
                 GError **error)
{
    g_return_val_if_fail(data != NULL || len == 0, NULL);
    g_return_val_if_fail(name != NULL, NULL);
    GPtrArray *out = ingest_bytes(data ? data : "", len, name, opt, error);
    if (!out)
        g_prefix_error(error, "%s: ", name);
    else
        limit_articles(out, opt);
    return out;
}

/* GLib's file errors read "Failed to open file “x”: Permission denied"; the
 * path is said once by the caller, so keep the operating system's reason. */
static const char *
os_reason(const GError *error)
{
    const char *colon = strrchr(error->message, ':');
    return colon && colon[1] == ' ' ? colon + 2 : error->message;
}

/* Why @path cannot be looked at, in the lowercase style of our messages: a
 * link whose target is gone is named as such, since "no such file" about a
 * file the user can see listed would puzzle. */
static char *
stat_reason(const char *path, int err)
{
    GStatBuf lst;
    if (err == ENOENT && g_lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
        return g_strdup("symbolic link to a file that does not exist");
    char *why = g_strdup(g_strerror(err));
    if (g_ascii_isupper(why[0]) && !g_ascii_isupper(why[1]))
        why[0] = g_ascii_tolower(why[0]);
    return why;
}

GPtrArray *
dsr_ingest_file(const char *path, const DsrIngestOptions *opt, GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    gsize limit = opt && opt->max_file_size ? opt->max_file_size : DEFAULT_MAX_FILE_SIZE;
    GStatBuf st;
    if (g_stat(path, &st) != 0) {
        int err = errno;
        g_autofree char *why = stat_reason(path, err);
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: %s", path, why);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: is a folder", path);
        return NULL;
    }
    /* A pipe or a device would block or never end. */
    if (!S_ISREG(st.st_mode)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: not a regular file", path);
        return NULL;
    }
    /* Checked before reading: a huge file is refused without loading it. */
    if ((guint64)st.st_size > limit) {
        /* In the unit the limit was set in: "5.0 KiB" for --max-file-size 5K. */
        g_autofree char *size = g_format_size_full((guint64)st.st_size, G_FORMAT_SIZE_IEC_UNITS);
        g_autofree char *max = g_format_size_full(limit, G_FORMAT_SIZE_IEC_UNITS);
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: file too large (%s; the limit is %s)",
                    path, size, max);
        return NULL;
    }
    /* Read through one descriptor checked again after opening: the file may
     * have been replaced by a pipe (which O_NONBLOCK keeps from blocking) or
     * grown since it was listed; never more than the limit is read. */
    int fd = g_open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
    if (fd < 0) {
        int err = errno;
        g_autofree char *why = stat_reason(path, err);
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: %s", path, why);
        return NULL;
    }
    /* GByteArray holds at most 4 GiB; no article comes near that. */
    limit = MIN(limit, (gsize)G_MAXUINT / 2);
    struct stat fst;
    if (fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode)) {
        close(fd);
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: not a regular file", path);
        return NULL;
    }
    GByteArray *buf = g_byte_array_sized_new((guint)MIN((guint64)fst.st_size, (guint64)limit) + 1);
    guint8 chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            close(fd);
            g_byte_array_unref(buf);
            g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: %s", path, g_strerror(err));
            return NULL;
        }
        if (n == 0)
            break;
        g_byte_array_append(buf, chunk, (guint)n);
        if (buf->len > limit) {
            close(fd);
            g_byte_array_unref(buf);
            g_autofree char *max = g_format_size_full(limit, G_FORMAT_SIZE_IEC_UNITS);
            g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT,
                        "%s: file too large (more than the limit of %s)", path, max);
            return NULL;
        }
    }
    close(fd);
    gsize len = buf->len;
    g_autofree char *data = (char *)g_byte_array_free(buf, FALSE);
    return dsr_ingest_bytes(data, len, path, opt, error);
}

/* Listing inputs. */

static gboolean
wanted_in_folder(const char *name)
{
    static const char *const exts[] = {".txt", ".html", ".htm", ".json", ".jsonl"};
    for (guint i = 0; i < G_N_ELEMENTS(exts); i++)
        if (has_suffix_ci(name, exts[i]))
            return TRUE;
    return FALSE;
}

static void
add_problem(GPtrArray *problems, const char *file, const char *reason)
{
    if (!problems)
        return;
    DsrInputProblem *p = g_new0(DsrInputProblem, 1);
    p->file = g_strdup(file);
    p->reason = g_strdup(reason);
    g_ptr_array_add(problems, p);
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* @active holds the folders on the way down ("dev:inode"): meeting one again
 * is a symbolic link loop. */
static void
list_path(const char *path, gboolean named, GHashTable *active, GPtrArray *out, GPtrArray *problems)
{
    GStatBuf st;
    if (g_stat(path, &st) != 0) {
        int err = errno;
        g_autofree char *why = stat_reason(path, err);
        add_problem(problems, path, why);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (!S_ISREG(st.st_mode)) {
            /* A pipe or device named like an article is reported, not read
             * (it would block) nor silently left out of the manifest. */
            if (named || wanted_in_folder(path))
                add_problem(problems, path,
                            S_ISFIFO(st.st_mode) ? "not a regular file (a pipe)"
                                                 : "not a regular file");
            return;
        }
        if (named || wanted_in_folder(path))
            g_ptr_array_add(out, g_strdup(path));
        return;
    }
    g_autofree char *key = g_strdup_printf("%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
    if (g_hash_table_contains(active, key)) {
        add_problem(problems, path, "symbolic link loop: folder already being read");
        return;
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) dir = g_dir_open(path, 0, &error);
    if (!dir) {
        add_problem(problems, path, os_reason(error));
        return;
    }
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    for (const char *name; (name = g_dir_read_name(dir));)
        if (name[0] != '.')
            g_ptr_array_add(names, g_strdup(name));
    g_ptr_array_sort(names, compare_names);
    g_hash_table_add(active, g_strdup(key));
    for (guint i = 0; i < names->len; i++) {
        g_autofree char *child = g_build_filename(path, g_ptr_array_index(names, i), NULL);
        list_path(child, FALSE, active, out, problems);
    }
    g_hash_table_remove(active, key);
}

GPtrArray *
dsr_ingest_list_inputs(const char *const *paths, GPtrArray *problems)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GHashTable) active = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (; paths && *paths; paths++)
        list_path(*paths, TRUE, active, out, problems);
    return out;
}

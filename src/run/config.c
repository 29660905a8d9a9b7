/* SPDX-License-Identifier: MIT
 * --config FILE: a JSON object with the long option names as keys, plus
 * "inputs", "email" and "relationships". Every key is checked against a table
 * and every value against its type, so a typo in a file read by cron at 6 a.m.
 * is a clear error naming the key's JSON path, never a silently ignored key. */
#include <dossier/run.h>
#include <dossier/error.h>
#include <dossier/render.h>
#include <dossier/text.h>
#include "common/cleanup.h"
#include <gmime/gmime.h>
#include <errno.h>
#include <string.h>

typedef struct {
    const char *file;
    char *base_dir; /* relative paths in the file are taken from here */
} Parser;

static const char *
type_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "a list";
    return "an object";
}

static gboolean G_GNUC_PRINTF(4, 5)
    fail(const Parser *p, const char *path, GError **error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(error, DSR_ERROR, DSR_ERROR_USAGE, "%s: %s: %s", p->file, path, what);
    return FALSE;
}

static gboolean
want_type(const Parser *p, const char *path, const cJSON *v, const char *expected, gboolean ok,
          GError **error)
{
    return ok ? TRUE : fail(p, path, error, "expected %s, not %s", expected, type_name(v));
}

static gboolean
get_string(const Parser *p, const char *path, const cJSON *v, char **out, GError **error)
{
    if (!want_type(p, path, v, "a string", cJSON_IsString(v), error))
        return FALSE;
    if (!g_utf8_validate(v->valuestring, -1, NULL))
        return fail(p, path, error, "not UTF-8");
    g_free(*out);
    *out = g_strdup(v->valuestring);
    return TRUE;
}

static char *
resolve(const Parser *p, const char *value)
{
    if (g_path_is_absolute(value) || !p->base_dir)
        return g_strdup(value);
    return g_build_filename(p->base_dir, value, NULL);
}

static gboolean
get_path(const Parser *p, const char *path, const cJSON *v, char **out, GError **error)
{
    g_autofree char *raw = NULL;
    if (!get_string(p, path, v, &raw, error))
        return FALSE;
    if (!*raw)
        return fail(p, path, error, "empty path");
    g_free(*out);
    *out = resolve(p, raw);
    return TRUE;
}

/* A list of strings; with @comma_string, "pdf,html" is accepted as well. */
static gboolean
get_list(const Parser *p, const char *path, const cJSON *v, gboolean comma_string, char ***out,
         GError **error)
{
    g_autoptr(GStrvBuilder) b = g_strv_builder_new();
    if (comma_string && cJSON_IsString(v)) {
        g_auto(GStrv) parts = g_strsplit(v->valuestring, ",", -1);
        for (guint i = 0; parts[i]; i++) {
            g_strstrip(parts[i]);
            if (*parts[i])
                g_strv_builder_add(b, parts[i]);
        }
    } else {
        if (!want_type(p, path, v, comma_string ? "a list or a comma-separated string" : "a list",
                       cJSON_IsArray(v), error))
            return FALSE;
        int i = 0;
        const cJSON *item;
        cJSON_ArrayForEach (item, v) {
            g_autofree char *ipath = g_strdup_printf("%s[%d]", path, i++);
            g_autofree char *s = NULL;
            if (!get_string(p, ipath, item, &s, error))
                return FALSE;
            if (!*s)
                return fail(p, ipath, error, "empty string");
            g_strv_builder_add(b, s);
        }
    }
    g_strfreev(*out);
    *out = g_strv_builder_end(b);
    return TRUE;
}

static gboolean
get_bool(const Parser *p, const char *path, const cJSON *v, int *out, GError **error)
{
    if (!want_type(p, path, v, "true or false", cJSON_IsBool(v), error))
        return FALSE;
    *out = cJSON_IsTrue(v);
    return TRUE;
}

static gboolean
get_one_of(const Parser *p, const char *path, const cJSON *v, const char *const *allowed,
           char **out, GError **error)
{
    if (!get_string(p, path, v, out, error))
        return FALSE;
    for (guint i = 0; allowed[i]; i++)
        if (strcmp(*out, allowed[i]) == 0)
            return TRUE;
    g_autofree char *list = g_strjoinv(" or ", (char **)allowed);
    return fail(p, path, error, "expected %s, not '%s'", list, *out);
}

static gboolean
get_date(const Parser *p, const char *path, const cJSON *v, char **out, GError **error)
{
    if (!get_string(p, path, v, out, error))
        return FALSE;
    DsrDate d;
    if (strlen(*out) != 10 || !dsr_date_parse_iso(*out, &d) || !d.day)
        return fail(p, path, error, "expected a date YYYY-MM-DD, not '%s'", *out);
    return TRUE;
}

static gboolean
check_code(const Parser *p, const char *path, char *code, GError **error)
{
    gsize n = strlen(code);
    gboolean ok = n >= 2 && n <= 5;
    for (char *c = code; *c; c++) {
        ok &= g_ascii_isalpha(*c);
        *c = g_ascii_toupper(*c);
    }
    return ok ? TRUE : fail(p, path, error, "expected a code like RU, EU or ASEAN, not '%s'", code);
}

static void
mime_init_once(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        g_mime_init();
        g_once_init_leave(&done, 1);
    }
}

/* One mailbox with an address that has a local part and a domain. GMime's
 * parser is lenient (it accepts a bare word), so the '@' is checked here. */
static gboolean
check_mailbox(const Parser *p, const char *path, const char *text, GError **error)
{
    mime_init_once();
    InternetAddressList *list = internet_address_list_parse(NULL, text);
    gboolean ok = list && internet_address_list_length(list) == 1;
    if (ok) {
        InternetAddress *a = internet_address_list_get_address(list, 0);
        const char *addr = INTERNET_ADDRESS_IS_MAILBOX(a)
                               ? internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))
                               : NULL;
        const char *at = addr ? strchr(addr, '@') : NULL;
        ok = at && at != addr && at[1] && !strchr(at + 1, '@');
    }
    if (list)
        g_object_unref(list);
    return ok ? TRUE : fail(p, path, error, "not one e-mail address: '%s'", text);
}

static gboolean
get_addresses(const Parser *p, const char *path, const cJSON *v, char ***out, GError **error)
{
    if (cJSON_IsString(v)) {
        /* One address given as a string is common enough to accept. */
        if (!check_mailbox(p, path, v->valuestring, error))
            return FALSE;
        g_strfreev(*out);
        *out = g_new0(char *, 2);
        (*out)[0] = g_strdup(v->valuestring);
        return TRUE;
    }
    if (!want_type(p, path, v, "a list of e-mail addresses", cJSON_IsArray(v), error))
        return FALSE;
    if (!get_list(p, path, v, FALSE, out, error))
        return FALSE;
    for (guint i = 0; (*out)[i]; i++) {
        g_autofree char *ipath = g_strdup_printf("%s[%u]", path, i);
        if (!check_mailbox(p, ipath, (*out)[i], error))
            return FALSE;
    }
    return TRUE;
}

/* "{title}, {date}": only these placeholders, so a typo shows at once. */
static gboolean
get_subject(const Parser *p, const char *path, const cJSON *v, char **out, GError **error)
{
    static const char *const known[] = {"{title}", "{date}", "{partner}", "{slug}", NULL};
    if (!get_string(p, path, v, out, error))
        return FALSE;
    for (const char *s = strchr(*out, '{'); s; s = strchr(s + 1, '{')) {
        gboolean ok = FALSE;
        for (guint i = 0; known[i] && !ok; i++)
            ok = g_str_has_prefix(s, known[i]);
        if (!ok)
            return fail(p, path, error,
                        "unknown placeholder at '%.12s' (known: {title} {date} {partner} {slug})",
                        s);
    }
    if (strpbrk(*out, "\r\n"))
        return fail(p, path, error, "a subject is one line");
    return TRUE;
}

static gboolean
unknown_key(const Parser *p, const char *path, const char *key, const char *known, GError **error)
{
    return fail(p, path, error, "unknown key '%s' (known: %s)", key, known);
}

static gboolean
parse_email(const Parser *p, const cJSON *obj, DsrEmailSettings *email, GError **error)
{
    if (!want_type(p, "$.email", obj, "an object", cJSON_IsObject(obj), error))
        return FALSE;
    const cJSON *v;
    cJSON_ArrayForEach (v, obj) {
        g_autofree char *path = g_strdup_printf("$.email.%s", v->string);
        gboolean ok;
        if (strcmp(v->string, "from") == 0)
            ok = get_string(p, path, v, &email->from, error) &&
                 check_mailbox(p, path, email->from, error);
        else if (strcmp(v->string, "to") == 0)
            ok = get_addresses(p, path, v, &email->to, error);
        else if (strcmp(v->string, "cc") == 0)
            ok = get_addresses(p, path, v, &email->cc, error);
        else if (strcmp(v->string, "subject") == 0)
            ok = get_subject(p, path, v, &email->subject, error);
        else
            ok = unknown_key(p, path, v->string, "from, to, cc, subject", error);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

static void
partner_settings_free(DsrPartnerSettings *s)
{
    g_free(s->partner);
    g_free(s->title);
    g_free(s->subject);
    g_strfreev(s->to);
    g_strfreev(s->cc);
    g_free(s);
}

static gboolean
parse_relationships(const Parser *p, const cJSON *obj, GPtrArray *out, GError **error)
{
    if (!want_type(p, "$.relationships", obj, "an object keyed by partner code",
                   cJSON_IsObject(obj), error))
        return FALSE;
    const cJSON *rel;
    cJSON_ArrayForEach (rel, obj) {
        g_autofree char *rpath = g_strdup_printf("$.relationships.%s", rel->string);
        g_autofree char *code = g_strdup(rel->string);
        if (!check_code(p, rpath, code, error))
            return FALSE;
        for (guint i = 0; i < out->len; i++)
            if (strcmp(((DsrPartnerSettings *)g_ptr_array_index(out, i))->partner, code) == 0)
                return fail(p, rpath, error, "%s is set twice", code);
        if (!want_type(p, rpath, rel, "an object", cJSON_IsObject(rel), error))
            return FALSE;
        DsrPartnerSettings *s = g_new0(DsrPartnerSettings, 1);
        s->partner = g_steal_pointer(&code);
        g_ptr_array_add(out, s);
        const cJSON *v;
        cJSON_ArrayForEach (v, rel) {
            g_autofree char *path = g_strdup_printf("%s.%s", rpath, v->string);
            gboolean ok;
            if (strcmp(v->string, "title") == 0)
                ok = get_string(p, path, v, &s->title, error);
            else if (strcmp(v->string, "subject") == 0)
                ok = get_subject(p, path, v, &s->subject, error);
            else if (strcmp(v->string, "to") == 0)
                ok = get_addresses(p, path, v, &s->to, error);
            else if (strcmp(v->string, "cc") == 0)
                ok = get_addresses(p, path, v, &s->cc, error);
            else
                ok = unknown_key(p, path, v->string, "title, subject, to, cc", error);
            if (!ok)
                return FALSE;
        }
        if (s->title && (!*s->title || strpbrk(s->title, "\r\n")))
            return fail(p, rpath, error, "a title is one non-empty line");
    }
    return TRUE;
}

static const char known_keys[] =
    "inputs, output, format, partner, since, until, lang, home, templates, paper, strict, "
    "jobs, quiet, verbose, log-format, max-file-size, max-articles, max-figures, max-events, "
    "max-actors, max-pages, email, relationships";

gboolean
dsr_run_parse_size(const char *text, guint64 *bytes)
{
    if (!text || !g_ascii_isdigit(*text))
        return FALSE;
    char *end = NULL;
    errno = 0;
    guint64 n = g_ascii_strtoull(text, &end, 10);
    guint shift = 0;
    switch (g_ascii_toupper(*end)) {
    case 'K':
        shift = 10;
        break;
    case 'M':
        shift = 20;
        break;
    case 'G':
        shift = 30;
        break;
    case 'T':
        shift = 40;
        break;
    default:
        break;
    }
    if (shift)
        end++;
    /* "20M", "20MB", "20MiB" and "500000B" all read as binary multiples. */
    if (shift && (*end == 'i' || *end == 'I'))
        end++;
    if (*end == 'B' || *end == 'b')
        end++;
    if (*end || n == 0 || errno == ERANGE || n > (G_MAXUINT64 >> shift))
        return FALSE;
    *bytes = n << shift;
    return TRUE;
}

/* A limit: a whole number from 1 to @max. */
static gboolean
get_count(const Parser *p, const char *path, const cJSON *v, guint max, guint *out, GError **error)
{
    if (!want_type(p, path, v, "a whole number", cJSON_IsNumber(v), error))
        return FALSE;
    if (v->valuedouble != (double)(gint64)v->valuedouble || v->valuedouble < 1 ||
        v->valuedouble > max)
        return fail(p, path, error, "expected a whole number from 1 to %u", max);
    *out = (guint)v->valuedouble;
    return TRUE;
}

/* A size in bytes: a number, or a string with a K, M or G suffix ("20M"). */
static gboolean
get_size(const Parser *p, const char *path, const cJSON *v, guint64 *out, GError **error)
{
    if (cJSON_IsNumber(v)) {
        if (v->valuedouble != (double)(gint64)v->valuedouble || v->valuedouble < 1 ||
            v->valuedouble > 9.0e15)
            return fail(p, path, error, "expected a positive whole number of bytes");
        *out = (guint64)v->valuedouble;
        return TRUE;
    }
    if (!want_type(p, path, v, "a size (a number of bytes, or a string like \"20M\")",
                   cJSON_IsString(v), error))
        return FALSE;
    if (!dsr_run_parse_size(v->valuestring, out))
        return fail(p, path, error, "'%s' is not a size like 500000, 512K, 20M or 1G",
                    v->valuestring);
    return TRUE;
}

static gboolean
parse_root(const Parser *p, const cJSON *root, DsrRunConfig *c, GError **error)
{
    static const char *const langs[] = {"fr", "en", NULL};
    static const char *const papers[] = {"a4", "letter", NULL};
    static const char *const log_formats[] = {"text", "json", NULL};
    if (!want_type(p, "$", root, "an object", cJSON_IsObject(root), error))
        return FALSE;
    const cJSON *v;
    cJSON_ArrayForEach (v, root) {
        const char *k = v->string;
        g_autofree char *path = g_strdup_printf("$.%s", k);
        gboolean ok;
        if (strcmp(k, "inputs") == 0) {
            ok = get_list(p, path, v, FALSE, &c->inputs, error);
            for (guint i = 0; ok && c->inputs[i]; i++) {
                char *abs = resolve(p, c->inputs[i]);
                g_free(c->inputs[i]);
                c->inputs[i] = abs;
            }
        } else if (strcmp(k, "output") == 0)
            ok = get_path(p, path, v, &c->output, error);
        else if (strcmp(k, "templates") == 0)
            ok = get_path(p, path, v, &c->templates, error);
        else if (strcmp(k, "format") == 0) {
            ok = get_list(p, path, v, TRUE, &c->formats, error);
            for (guint i = 0; ok && c->formats[i]; i++)
                if (!dsr_renderer_find(c->formats[i]))
                    ok = fail(p, path, error, "unknown format '%s' (pdf, html, json, eml)",
                              c->formats[i]);
        } else if (strcmp(k, "partner") == 0) {
            ok = get_list(p, path, v, TRUE, &c->partners, error);
            for (guint i = 0; ok && c->partners[i]; i++) {
                g_autofree char *ipath = g_strdup_printf("%s[%u]", path, i);
                ok = check_code(p, ipath, c->partners[i], error);
            }
        } else if (strcmp(k, "since") == 0)
            ok = get_date(p, path, v, &c->since, error);
        else if (strcmp(k, "until") == 0)
            ok = get_date(p, path, v, &c->until, error);
        else if (strcmp(k, "lang") == 0)
            ok = get_one_of(p, path, v, langs, &c->lang, error);
        else if (strcmp(k, "paper") == 0)
            ok = get_one_of(p, path, v, papers, &c->paper, error);
        else if (strcmp(k, "log-format") == 0)
            ok = get_one_of(p, path, v, log_formats, &c->log_format, error);
        else if (strcmp(k, "home") == 0) {
            ok = get_string(p, path, v, &c->home, error) && check_code(p, path, c->home, error);
        } else if (strcmp(k, "strict") == 0)
            ok = get_bool(p, path, v, &c->strict, error);
        else if (strcmp(k, "quiet") == 0)
            ok = get_bool(p, path, v, &c->quiet, error);
        else if (strcmp(k, "verbose") == 0)
            ok = get_bool(p, path, v, &c->verbose, error);
        else if (strcmp(k, "jobs") == 0) {
            ok = want_type(p, path, v, "a whole number", cJSON_IsNumber(v), error);
            if (ok && (v->valuedouble != (double)(int)v->valuedouble || v->valuedouble < 1 ||
                       v->valuedouble > 256))
                ok = fail(p, path, error, "expected a whole number from 1 to 256");
            if (ok)
                c->jobs = (int)v->valuedouble;
        } else if (strcmp(k, "max-file-size") == 0)
            ok = get_size(p, path, v, &c->max_file_size, error);
        else if (strcmp(k, "max-articles") == 0)
            ok = get_count(p, path, v, DSR_LIMIT_MAX, &c->max_articles, error);
        else if (strcmp(k, "max-figures") == 0)
            ok = get_count(p, path, v, DSR_LIMIT_MAX, &c->max_figures, error);
        else if (strcmp(k, "max-events") == 0)
            ok = get_count(p, path, v, DSR_LIMIT_MAX, &c->max_events, error);
        else if (strcmp(k, "max-actors") == 0)
            ok = get_count(p, path, v, DSR_LIMIT_MAX, &c->max_actors, error);
        else if (strcmp(k, "max-pages") == 0)
            ok = get_count(p, path, v, DSR_LIMIT_MAX, &c->max_pages, error);
        else if (strcmp(k, "email") == 0)
            ok = parse_email(p, v, &c->email, error);
        else if (strcmp(k, "relationships") == 0)
            ok = parse_relationships(p, v, c->relationships, error);
        else
            ok = unknown_key(p, path, k, known_keys, error);
        if (!ok)
            return FALSE;
    }
    if (c->since && c->until && strcmp(c->since, c->until) > 0)
        return fail(p, "$.since", error, "%s is after $.until %s", c->since, c->until);
    return TRUE;
}

/* cJSON gives the byte where parsing stopped; people look for a line and a column. */
static void
position_of(const char *json, gsize offset, guint *line, guint *column)
{
    *line = 1;
    *column = 1;
    for (gsize i = 0; i < offset && json[i]; i++) {
        if (json[i] == '\n') {
            (*line)++;
            *column = 1;
        } else if (((guchar)json[i] & 0xC0) != 0x80) {
            (*column)++;
        }
    }
}

DsrRunConfig *
dsr_run_config_parse(const char *json, gsize len, const char *path, GError **error)
{
    g_return_val_if_fail(json != NULL && path != NULL, NULL);
    Parser p = {path, g_path_get_dirname(path)};
    if (strcmp(p.base_dir, ".") == 0)
        g_clear_pointer(&p.base_dir, g_free); /* keep "articles/x.txt" as the user wrote it */
    g_autoptr(DsrRunConfig) c = g_new0(DsrRunConfig, 1);
    c->file = g_strdup(path);
    c->strict = c->quiet = c->verbose = -1;
    c->relationships = g_ptr_array_new_with_free_func((GDestroyNotify)partner_settings_free);

    const char *end = NULL;
    g_autoptr(cJSON) root = cJSON_ParseWithLengthOpts(json, len, &end, FALSE);
    gboolean ok;
    if (!root) {
        guint line, column;
        gsize at = end && end >= json ? (gsize)(end - json) : 0;
        position_of(json, MIN(at, len), &line, &column);
        g_set_error(error, DSR_ERROR, DSR_ERROR_USAGE, "%s:%u:%u: not valid JSON", path, line,
                    column);
        ok = FALSE;
    } else {
        ok = parse_root(&p, root, c, error);
    }
    g_free(p.base_dir);
    return ok ? g_steal_pointer(&c) : NULL;
}

DsrRunConfig *
dsr_run_config_load(const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GError) local = NULL;
    if (!g_file_get_contents(path, &text, &len, &local)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_USAGE, "cannot read config: %s", local->message);
        return NULL;
    }
    return dsr_run_config_parse(text, len, path, error);
}

void
dsr_run_config_free(DsrRunConfig *c)
{
    if (!c)
        return;
    g_free(c->file);
    g_strfreev(c->inputs);
    g_free(c->output);
    g_strfreev(c->formats);
    g_strfreev(c->partners);
    g_free(c->since);
    g_free(c->until);
    g_free(c->lang);
    g_free(c->home);
    g_free(c->templates);
    g_free(c->paper);
    g_free(c->log_format);
    g_free(c->email.from);
    g_strfreev(c->email.to);
    g_strfreev(c->email.cc);
    g_free(c->email.subject);
    if (c->relationships)
        g_ptr_array_unref(c->relationships);
    g_free(c);
}

const DsrPartnerSettings *
dsr_run_options_relationship(const DsrRunOptions *opt, const char *partner)
{
    for (guint i = 0; partner && opt->relationships && opt->relationships[i]; i++)
        if (g_ascii_strcasecmp(opt->relationships[i]->partner, partner) == 0)
            return opt->relationships[i];
    return NULL;
}

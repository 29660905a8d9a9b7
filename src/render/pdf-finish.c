/* SPDX-License-Identifier: MIT
 * The last step of a PDF: cairo 1.16 writes every object of the structure
 * tree and every link annotation as plain text (three quarters of a long
 * brief's bytes), no /ID and no document language. This rewrites cairo's file
 * once, in one pass over its cross-reference table: streams (already deflated
 * by cairo) are copied as they are, every other object goes, with its
 * whitespace squeezed, into deflated object streams found through a
 * cross-reference stream; the catalog gains /Lang (screen readers pick their
 * voice from it) and the trailer a deterministic /ID, the MD5 of the bytes
 * before it, so the same brief keeps the same bytes. Object numbers are kept,
 * so no reference has to be rewritten. */
#include "render-private.h"
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

/* Objects per object stream: enough for deflate to find the repeats of the
 * structure tree (a 40-page brief: 2 % smaller than with qpdf's 100), few
 * enough that a reader looking for one object inflates some 40 KB at most. */
#define OBJECTS_PER_STREAM 500
/* zlib's level 5: within 0.2 % of the default 6 on these objects, 12 % fewer
 * instructions. */
#define DEFLATE_LEVEL 5

typedef struct {
    guint num;
    gsize off, end;         /* the object's bytes in cairo's file: "N 0 obj" to "endobj" */
    gsize body, body_end;   /* what lies between "obj" and "endobj" */
    gboolean stream;        /* copied as it is */
    guint in_stream, index; /* where it went: object stream number and index in it */
    gsize new_off;          /* for streams: offset in the output */
} Obj;

static gboolean
bad_input(GError **error, const char *what)
{
    g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "pdf: cannot read cairo's output: %s", what);
    return FALSE;
}

/* PDF's character classes (ISO 32000 7.2.2), looked up per byte. */
enum { WHITE = 1, DELIM = 2 };
static const guint8 char_class[256] = {
    ['\0'] = WHITE, ['\t'] = WHITE, ['\n'] = WHITE, ['\f'] = WHITE, ['\r'] = WHITE, [' '] = WHITE,
    ['('] = DELIM,  [')'] = DELIM,  ['<'] = DELIM,  ['>'] = DELIM,  ['['] = DELIM,  [']'] = DELIM,
    ['{'] = DELIM,  ['}'] = DELIM,  ['/'] = DELIM,  ['%'] = DELIM,
};

static inline gboolean
is_space(guint8 c)
{
    return char_class[c] == WHITE;
}

static inline gboolean
is_delim(guint8 c)
{
    return char_class[c] == DELIM;
}

/* The last occurrence of @needle in [@from, @to), or -1. */
static gssize
find_last(const guint8 *pdf, gsize from, gsize to, const char *needle)
{
    const gsize n = strlen(needle);
    if (to < from + n)
        return -1;
    for (gsize i = to - n + 1; i-- > from;)
        if (memcmp(pdf + i, needle, n) == 0)
            return (gssize)i;
    return -1;
}

/* A non-negative decimal at *@pos (after blanks), moving *@pos past it. */
static gboolean
read_uint(const guint8 *pdf, gsize len, gsize *pos, guint64 *value)
{
    gsize i = *pos;
    while (i < len && is_space(pdf[i]))
        i++;
    if (i >= len || !g_ascii_isdigit(pdf[i]))
        return FALSE;
    guint64 v = 0;
    for (; i < len && g_ascii_isdigit(pdf[i]); i++) {
        if (v > G_MAXUINT32)
            return FALSE;
        v = v * 10 + (guint64)(pdf[i] - '0');
    }
    *pos = i;
    *value = v;
    return TRUE;
}

/* The object number after key @key ("/Root 12 0 R") in the trailer [@from, @to). */
static gboolean
trailer_ref(const guint8 *pdf, gsize from, gsize to, const char *key, guint *num)
{
    gssize k = find_last(pdf, from, to, key);
    if (k < 0)
        return FALSE;
    gsize pos = (gsize)k + strlen(key);
    guint64 v;
    if (!read_uint(pdf, to, &pos, &v) || v == 0)
        return FALSE;
    *num = (guint)v;
    return TRUE;
}

/* Reads cairo's classic cross-reference table: the objects in use, and the
 * size, root and info of the trailer. */
static gboolean
read_xref(const guint8 *pdf, gsize len, GArray *objs, guint *size, guint *root, guint *info,
          GError **error)
{
    gssize sx = find_last(pdf, len > 64 ? len - 64 : 0, len, "startxref");
    if (sx < 0)
        return bad_input(error, "no startxref");
    gsize pos = (gsize)sx + 9;
    guint64 xref;
    if (!read_uint(pdf, len, &pos, &xref) || xref + 4 > len || memcmp(pdf + xref, "xref", 4) != 0)
        return bad_input(error, "no cross-reference table where startxref points");
    pos = (gsize)xref + 4;
    for (;;) {
        guint64 first, count;
        gsize save = pos;
        if (!read_uint(pdf, len, &pos, &first) || !read_uint(pdf, len, &pos, &count)) {
            pos = save;
            break;
        }
        while (pos < len && is_space(pdf[pos]))
            pos++;
        if (count > (len - pos) / 20)
            return bad_input(error, "cross-reference table cut short");
        for (guint64 i = 0; i < count; i++, pos += 20) {
            const guint8 *e = pdf + pos;
            if (e[10] != ' ' || e[16] != ' ' || (e[17] != 'n' && e[17] != 'f'))
                return bad_input(error, "malformed cross-reference entry");
            if (e[17] == 'f' || first + i == 0)
                continue;
            gsize p = 0, q = 11;
            guint64 off, gen;
            if (!read_uint(e, 10, &p, &off) || p != 10 || !read_uint(e, 16, &q, &gen) || q != 16)
                return bad_input(error, "malformed cross-reference entry");
            /* cairo never reuses a number: a generation other than zero
             * would mean a file this rewrite does not know. */
            if (gen != 0 || off >= xref)
                return bad_input(error, "unexpected cross-reference entry");
            Obj o = {0};
            o.num = (guint)(first + i);
            o.off = (gsize)off;
            g_array_append_val(objs, o);
        }
    }
    while (pos < len && is_space(pdf[pos]))
        pos++;
    if (pos + 7 > len || memcmp(pdf + pos, "trailer", 7) != 0)
        return bad_input(error, "no trailer");
    if (!trailer_ref(pdf, pos, sx, "/Size", size) || !trailer_ref(pdf, pos, sx, "/Root", root))
        return bad_input(error, "trailer without /Size or /Root");
    if (!trailer_ref(pdf, pos, sx, "/Info", info))
        *info = 0;
    for (guint i = 0; i < objs->len; i++)
        g_array_index(objs, Obj, i).end = (gsize)xref;
    return TRUE;
}

static int
by_offset(gconstpointer a, gconstpointer b)
{
    const Obj *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

static int
by_number(gconstpointer a, gconstpointer b)
{
    const Obj *x = a, *y = b;
    return x->num < y->num ? -1 : x->num > y->num;
}

/* Finds each object's extent: it runs from its offset to the next object's
 * (cairo writes them one after the other), and ends at the last "endobj"
 * there, so an "endobj" inside a string or a stream cannot cut it short. */
static gboolean
locate_objects(const guint8 *pdf, GArray *objs, GError **error)
{
    g_array_sort(objs, by_offset);
    for (guint i = 0; i < objs->len; i++) {
        Obj *o = &g_array_index(objs, Obj, i);
        if (i + 1 < objs->len)
            o->end = g_array_index(objs, Obj, i + 1).off;
        gsize pos = o->off;
        guint64 num, gen;
        if (!read_uint(pdf, o->end, &pos, &num) || num != o->num ||
            !read_uint(pdf, o->end, &pos, &gen) || gen != 0)
            return bad_input(error, "an object is not where the table says");
        while (pos < o->end && is_space(pdf[pos]))
            pos++;
        if (pos + 3 > o->end || memcmp(pdf + pos, "obj", 3) != 0)
            return bad_input(error, "an object without obj");
        gssize eo = find_last(pdf, pos + 3, o->end, "endobj");
        if (eo < 0)
            return bad_input(error, "an object without endobj");
        o->body = pos + 3;
        o->body_end = (gsize)eo;
        while (o->body < o->body_end && is_space(pdf[o->body]))
            o->body++;
        while (o->body_end > o->body && is_space(pdf[o->body_end - 1]))
            o->body_end--;
        if (o->body == o->body_end)
            return bad_input(error, "an empty object");
        o->end = (gsize)eo + 6;
        o->stream =
            o->body_end - o->body >= 9 && memcmp(pdf + o->body_end - 9, "endstream", 9) == 0;
    }
    g_array_sort(objs, by_number);
    return TRUE;
}

/* Appends the object text [@s, @e) with every run of whitespace outside
 * strings squeezed to one space, or to nothing beside a delimiter. */
static void
append_squeezed(GByteArray *out, const guint8 *s, const guint8 *e)
{
    const guint start = out->len;
    /* Squeezing never lengthens: write in place, then cut to what was written. */
    g_byte_array_set_size(out, start + (guint)(e - s));
    guint8 *const first = out->data + start;
    guint8 *w = first;
    gboolean pending = FALSE;
    while (s < e) {
        const guint8 c = *s;
        if (is_space(c)) {
            pending = TRUE;
            s++;
            continue;
        }
        if (pending && w > first && !is_delim(w[-1]) && !is_delim(c))
            *w++ = ' ';
        pending = FALSE;
        const guint8 *t = s + 1;
        if (c == '(') {
            /* A literal string: balanced parentheses, backslash escapes. */
            int depth = 1;
            while (t < e && depth > 0) {
                if (*t == '\\' && t + 1 < e)
                    t++;
                else if (*t == '(')
                    depth++;
                else if (*t == ')')
                    depth--;
                t++;
            }
        } else if (c == '<' && !(s + 1 < e && s[1] == '<')) {
            while (t < e && *t != '>')
                t++;
            if (t < e)
                t++;
        } else if (c == '%') {
            /* A comment runs to the end of its line, which stays. */
            while (t < e && *t != '\n' && *t != '\r')
                t++;
            if (t < e)
                t++;
        } else if (c == '<' || c == '>') {
            if (t < e && *t == c)
                t++;
        } else if (!is_delim(c)) {
            while (t < e && !is_space(*t) && !is_delim(*t))
                t++;
        }
        memcpy(w, s, (gsize)(t - s));
        w += t - s;
        s = t;
    }
    g_byte_array_set_size(out, start + (guint)(w - first));
}

/* @lang as a PDF text string: literal when printable ASCII, else UTF-16BE in hex. */
static void
append_text_string(GByteArray *out, const char *text)
{
    gboolean ascii = TRUE;
    for (const char *c = text; *c; c++)
        if ((guchar)*c < 0x20 || (guchar)*c > 0x7e)
            ascii = FALSE;
    GString *s = g_string_new(NULL);
    if (ascii) {
        g_string_append_c(s, '(');
        for (const char *c = text; *c; c++) {
            if (*c == '(' || *c == ')' || *c == '\\')
                g_string_append_c(s, '\\');
            g_string_append_c(s, *c);
        }
        g_string_append_c(s, ')');
    } else {
        glong n = 0;
        g_autofree gunichar2 *u = g_utf8_to_utf16(text, -1, NULL, &n, NULL);
        g_string_append(s, "<FEFF");
        for (glong i = 0; u && i < n; i++)
            g_string_append_printf(s, "%04X", u[i]);
        g_string_append_c(s, '>');
    }
    g_byte_array_append(out, (const guint8 *)s->str, (guint)s->len);
    g_string_free(s, TRUE);
}

/* Deflates @len bytes of @data (zlib format, what /FlateDecode reads) onto @out. */
static gboolean
deflate_append(GConverter *z, const guint8 *data, gsize len, GByteArray *out, GError **error)
{
    g_converter_reset(z);
    gsize done = 0;
    for (;;) {
        const guint start = out->len;
        const gsize room = MAX(len / 2, 4096);
        g_byte_array_set_size(out, start + (guint)room);
        gsize read = 0, written = 0;
        g_autoptr(GError) zerr = NULL;
        GConverterResult r =
            g_converter_convert(z, data + done, len - done, out->data + start, room,
                                G_CONVERTER_INPUT_AT_END, &read, &written, &zerr);
        g_byte_array_set_size(out, start + (guint)written);
        if (r == G_CONVERTER_ERROR) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "pdf: cannot compress: %s",
                        zerr->message);
            return FALSE;
        }
        done += read;
        if (r == G_CONVERTER_FINISHED)
            return TRUE;
    }
}

static void
append_str(GByteArray *out, const char *s)
{
    g_byte_array_append(out, (const guint8 *)s, (guint)strlen(s));
}

static void append_printf(GByteArray *out, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void
append_printf(GByteArray *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    append_str(out, s);
}

/* One object stream of the objects [@from, @to) of @packed into @out. */
static gboolean
write_object_stream(const guint8 *pdf, const char *lang, guint root, Obj **packed, guint from,
                    guint to, guint num, GConverter *z, GByteArray *out, GError **error)
{
    g_autoptr(GByteArray) objects = g_byte_array_new();
    g_autoptr(GString) head = g_string_new(NULL);
    for (guint i = from; i < to; i++) {
        Obj *o = packed[i];
        g_string_append_printf(head, "%s%u %u", i > from ? " " : "", o->num, objects->len);
        o->in_stream = num;
        o->index = i - from;
        const guint8 *b = pdf + o->body, *e = pdf + o->body_end;
        if (o->num == root && lang && *lang) {
            if (e - b < 4 || memcmp(b, "<<", 2) != 0)
                return bad_input(error, "the catalog is not a dictionary");
            /* cairo 1.16 never writes /Lang; a later cairo that does keeps its own. */
            if (!g_strstr_len((const char *)b, e - b, "/Lang")) {
                append_str(objects, "<</Lang");
                append_text_string(objects, lang);
                b += 2;
            }
        }
        append_squeezed(objects, b, e);
        g_byte_array_append(objects, (const guint8 *)"\n", 1);
    }
    g_string_append_c(head, '\n');
    g_autoptr(GByteArray) plain = g_byte_array_sized_new((guint)(head->len + objects->len));
    g_byte_array_append(plain, (const guint8 *)head->str, (guint)head->len);
    g_byte_array_append(plain, objects->data, objects->len);
    g_autoptr(GByteArray) packed_bytes = g_byte_array_new();
    if (!deflate_append(z, plain->data, plain->len, packed_bytes, error))
        return FALSE;
    append_printf(out,
                  "%u 0 obj\n<</Type/ObjStm/N %u/First %" G_GSIZE_FORMAT
                  "/Filter/FlateDecode/Length %u>>\nstream\n",
                  num, to - from, head->len, packed_bytes->len);
    g_byte_array_append(out, packed_bytes->data, packed_bytes->len);
    append_str(out, "\nendstream\nendobj\n");
    return TRUE;
}

static void
put_be(guint8 *p, guint64 v, int width)
{
    for (int i = width - 1; i >= 0; i--, v >>= 8)
        p[i] = (guint8)(v & 0xff);
}

gboolean
dsr__pdf_finish(const guint8 *pdf, gsize len, const char *lang, GByteArray *out, GError **error)
{
    g_return_val_if_fail(pdf != NULL && out != NULL, FALSE);
    if (len < 8 || memcmp(pdf, "%PDF-", 5) != 0)
        return bad_input(error, "no PDF header");
    g_autoptr(GArray) objs = g_array_new(FALSE, TRUE, sizeof(Obj));
    guint size = 0, root = 0, info = 0;
    if (!read_xref(pdf, len, objs, &size, &root, &info, error) || !locate_objects(pdf, objs, error))
        return FALSE;
    gboolean have_root = FALSE;
    g_autoptr(GPtrArray) packed = g_ptr_array_new();
    for (guint i = 0; i < objs->len; i++) {
        Obj *o = &g_array_index(objs, Obj, i);
        if (o->num >= size || (i > 0 && g_array_index(objs, Obj, i - 1).num == o->num))
            return bad_input(error, "an object number out of the table");
        if (o->num == root && o->stream)
            return bad_input(error, "the catalog is a stream");
        have_root = have_root || o->num == root;
        if (!o->stream)
            g_ptr_array_add(packed, o);
    }
    if (!have_root)
        return bad_input(error, "no catalog");

    const guint base = out->len;
    /* The second line's high bytes tell transfer tools the file is binary. */
    append_str(out, "%PDF-1.5\n%\xb5\xed\xae\xfb\n");
    for (guint i = 0; i < objs->len; i++) {
        Obj *o = &g_array_index(objs, Obj, i);
        if (!o->stream)
            continue;
        o->new_off = out->len - base;
        g_byte_array_append(out, pdf + o->off, (guint)(o->end - o->off));
        g_byte_array_append(out, (const guint8 *)"\n", 1);
    }
    g_autoptr(GZlibCompressor) z =
        g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB, DEFLATE_LEVEL);
    const guint n_streams = (packed->len + OBJECTS_PER_STREAM - 1) / OBJECTS_PER_STREAM;
    g_autofree gsize *stream_off = g_new0(gsize, n_streams + 1);
    for (guint s = 0; s < n_streams; s++) {
        stream_off[s] = out->len - base;
        const guint from = s * OBJECTS_PER_STREAM;
        if (!write_object_stream(pdf, lang, root, (Obj **)packed->pdata, from,
                                 MIN(from + OBJECTS_PER_STREAM, packed->len), size + s,
                                 G_CONVERTER(z), out, error)) {
            g_byte_array_set_size(out, base);
            return FALSE;
        }
    }

    /* The cross-reference stream: one entry per number, type 1 (offset) for
     * streams and itself, 2 (object stream, index) for packed objects, 0 for
     * the unused. */
    const guint xref_num = size + n_streams;
    const guint n_entries = xref_num + 1;
    const gsize xref_off = out->len - base;
    const int w_off = xref_off > G_MAXUINT32 ? 8 : xref_off > 0xffffff ? 4 : 3;
    const int w_entry = 1 + w_off + 2;
    g_autofree guint8 *table = g_new0(guint8, (gsize)n_entries * (gsize)w_entry);
    put_be(table + 1 + w_off, 0xffff, 2);
    for (guint i = 0; i < objs->len; i++) {
        const Obj *o = &g_array_index(objs, Obj, i);
        guint8 *e = table + (gsize)o->num * (gsize)w_entry;
        if (o->stream) {
            e[0] = 1;
            put_be(e + 1, o->new_off, w_off);
        } else {
            e[0] = 2;
            put_be(e + 1, o->in_stream, w_off);
            put_be(e + 1 + w_off, o->index, 2);
        }
    }
    for (guint s = 0; s <= n_streams; s++) {
        guint8 *e = table + (gsize)(size + s) * (gsize)w_entry;
        e[0] = 1;
        put_be(e + 1, s < n_streams ? stream_off[s] : xref_off, w_off);
    }
    g_autoptr(GByteArray) xref = g_byte_array_new();
    if (!deflate_append(G_CONVERTER(z), table, (gsize)n_entries * (gsize)w_entry, xref, error)) {
        g_byte_array_set_size(out, base);
        return FALSE;
    }
    /* qpdf's deterministic /ID is also a digest of the content: the same
     * document gets the same identifier, a changed one a new identifier. */
    g_autoptr(GChecksum) md5 = g_checksum_new(G_CHECKSUM_MD5);
    g_checksum_update(md5, out->data + base, out->len - base);
    const char *id = g_checksum_get_string(md5);
    g_autofree char *info_ref = info ? g_strdup_printf("/Info %u 0 R", info) : g_strdup("");
    append_printf(out,
                  "%u 0 obj\n<</Type/XRef/Size %u/Root %u 0 R%s/ID[<%s><%s>]/W[1 %d 2]"
                  "/Filter/FlateDecode/Length %u>>\nstream\n",
                  xref_num, n_entries, root, info_ref, id, id, w_off, xref->len);
    g_byte_array_append(out, xref->data, xref->len);
    append_printf(out, "\nendstream\nendobj\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref_off);
    return TRUE;
}

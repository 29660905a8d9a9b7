/* SPDX-License-Identifier: MIT
 * The e-mail renderer, read back with GMime's parser: the part tree
 * (mixed > alternative > plain + related > html + PNG charts; PDF attached),
 * cid: references that resolve, 7-bit transfer encodings, Date from "now",
 * no style or SVG in the body, and the same bytes from the same brief. */
#include <dossier/dossier.h>
#include <gmime/gmime.h>
#include <string.h>
#include "test-support.h"

typedef struct {
    DsrRenderContext *ctx;
    DsrBrief *brief;
} Fixture;

static void
fixture_set_up(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *templates = g_build_filename(dsr_data_dir(), "templates", NULL);
    g_autofree char *fonts = g_build_filename(dsr_data_dir(), "fonts", NULL);
    DsrRenderOptions opt = {templates, fonts, "a4", NULL, 1700000000, 0, NULL};
    g_autoptr(GError) error = NULL;
    f->ctx = dsr_render_context_new(&opt, &error);
    g_assert_no_error(error);
    gsize len = 0;
    g_autofree char *json = dsr_test_read_data("brief", "rich.expected.json", &len);
    f->brief = dsr_brief_from_json(json, len, &error);
    g_assert_no_error(error);
}

static void
fixture_tear_down(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    dsr_brief_free(f->brief);
    dsr_render_context_free(f->ctx);
}

static GMimeMessage *
parse(GByteArray *bytes)
{
    GMimeStream *s = g_mime_stream_mem_new_with_buffer((const char *)bytes->data, bytes->len);
    GMimeParser *p = g_mime_parser_new_with_stream(s);
    GMimeMessage *m = g_mime_parser_construct_message(p, NULL);
    g_object_unref(p);
    g_object_unref(s);
    g_assert_nonnull(m);
    return m;
}

static GByteArray *
part_bytes(GMimePart *part)
{
    GMimeStream *mem = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(g_mime_part_get_content(part), mem);
    GByteArray *copy = g_byte_array_new();
    GByteArray *b = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    g_byte_array_append(copy, b->data, b->len);
    g_object_unref(mem);
    return copy;
}

static gboolean
is_type(GMimeObject *o, const char *type, const char *subtype)
{
    return g_mime_content_type_is_type(g_mime_object_get_content_type(o), type, subtype);
}

static void
test_structure(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_assert_true(dsr_render_eml(f->brief, f->ctx, out, &error));
    g_assert_no_error(error);
    for (guint i = 0; i < out->len; i++)
        g_assert_cmpuint(out->data[i], <, 128); /* SMTP-safe without 8BITMIME */

    GMimeMessage *m = parse(out);
    GDateTime *date = g_mime_message_get_date(m);
    g_assert_nonnull(date);
    g_assert_cmpint(g_date_time_to_unix(date), ==, 1700000000);
    g_assert_nonnull(g_mime_message_get_message_id(m));
    g_assert_nonnull(strstr(g_mime_message_get_subject(m), f->brief->title));

    GMimeObject *mixed = g_mime_message_get_mime_part(m);
    g_assert_true(is_type(mixed, "multipart", "mixed"));
    GMimeMultipart *mp = GMIME_MULTIPART(mixed);
    g_assert_cmpint(g_mime_multipart_get_count(mp), ==, 2);
    GMimeObject *alt = g_mime_multipart_get_part(mp, 0);
    g_assert_true(is_type(alt, "multipart", "alternative"));
    GMimeObject *pdf = g_mime_multipart_get_part(mp, 1);
    g_assert_true(is_type(pdf, "application", "pdf"));
    g_assert_cmpstr(g_mime_part_get_filename(GMIME_PART(pdf)), ==, "vn-ru.pdf");
    g_assert_cmpint(g_mime_part_get_content_encoding(GMIME_PART(pdf)), ==,
                    GMIME_CONTENT_ENCODING_BASE64);
    g_autoptr(GByteArray) pdf_bytes = part_bytes(GMIME_PART(pdf));
    g_autoptr(GByteArray) direct = g_byte_array_new();
    g_assert_true(dsr_render_pdf(f->brief, f->ctx, direct, &error));
    g_assert_cmpmem(pdf_bytes->data, pdf_bytes->len, direct->data, direct->len);

    GMimeMultipart *ap = GMIME_MULTIPART(alt);
    GMimeObject *plain = g_mime_multipart_get_part(ap, 0);
    GMimeObject *related = g_mime_multipart_get_part(ap, 1);
    g_assert_true(is_type(plain, "text", "plain"));
    g_assert_true(is_type(related, "multipart", "related"));
    g_autofree char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(plain));
    const DsrKeyPoint *k = &g_array_index(f->brief->key_points, DsrKeyPoint, 0);
    g_assert_nonnull(strstr(text, k->text));

    GMimeMultipart *rp = GMIME_MULTIPART(related);
    GMimeObject *html = g_mime_multipart_get_part(rp, 0);
    g_assert_true(is_type(html, "text", "html"));
    g_assert_cmpint(g_mime_part_get_content_encoding(GMIME_PART(html)), ==,
                    GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    g_autofree char *body = g_mime_text_part_get_text(GMIME_TEXT_PART(html));
    g_assert_null(strstr(body, "<style"));
    g_assert_null(strstr(body, "<svg"));
    g_assert_null(strstr(body, "<script"));
    g_assert_nonnull(strstr(body, k->text));
    /* One PNG per chart, each referenced by the HTML. */
    g_assert_cmpint(g_mime_multipart_get_count(rp), ==, 1 + (int)f->brief->charts->len);
    g_assert_cmpuint(f->brief->charts->len, >, 0);
    for (int i = 1; i < g_mime_multipart_get_count(rp); i++) {
        GMimeObject *png = g_mime_multipart_get_part(rp, i);
        g_assert_true(is_type(png, "image", "png"));
        g_autofree char *ref = g_strdup_printf("cid:%s", g_mime_object_get_content_id(png));
        g_assert_nonnull(strstr(body, ref));
        g_autoptr(GByteArray) b = part_bytes(GMIME_PART(png));
        g_assert_cmpmem(b->data, 8, "\x89PNG\r\n\x1a\n", 8);
    }
    g_object_unref(m);
}

static void
test_same_bytes(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GByteArray) a = g_byte_array_new();
    g_autoptr(GByteArray) b = g_byte_array_new();
    g_assert_true(dsr_render_eml(f->brief, f->ctx, a, NULL));
    g_assert_true(dsr_render_eml(f->brief, f->ctx, b, NULL));
    g_assert_cmpmem(a->data, a->len, b->data, b->len);
}

/* A run that writes the PDF too hands its bytes to the e-mail: the message
 * must be the one the e-mail renderer makes alone, byte for byte, and the
 * table must say so for the run to find it. */
static void
test_with_pdf(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GByteArray) alone = g_byte_array_new();
    g_autoptr(GByteArray) pdf = g_byte_array_new();
    g_autoptr(GByteArray) with = g_byte_array_new();
    g_assert_true(dsr_render_eml(f->brief, f->ctx, alone, NULL));
    g_assert_true(dsr_render_pdf(f->brief, f->ctx, pdf, NULL));
    g_assert_true(dsr_render_eml_with_pdf(f->brief, f->ctx, pdf->data, pdf->len, with, NULL));
    g_assert_cmpmem(alone->data, alone->len, with->data, with->len);
    const DsrRenderer *eml = dsr_renderer_find("eml");
    g_assert_cmpstr(eml->uses, ==, "pdf");
    g_assert_true(eml->render_using == dsr_render_eml_with_pdf);
    g_assert_null(dsr_renderer_find("pdf")->uses);
}

static guint
occurrences(const char *hay, const char *needle)
{
    guint n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The HTML and plain-text parts of @m, new strings. */
static void
bodies(GMimeMessage *m, char **text, char **html)
{
    GMimeMultipart *alt = GMIME_MULTIPART(
        g_mime_multipart_get_part(GMIME_MULTIPART(g_mime_message_get_mime_part(m)), 0));
    *text = g_mime_text_part_get_text(GMIME_TEXT_PART(g_mime_multipart_get_part(alt, 0)));
    GMimeMultipart *rel = GMIME_MULTIPART(g_mime_multipart_get_part(alt, 1));
    *html = g_mime_text_part_get_text(GMIME_TEXT_PART(g_mime_multipart_get_part(rel, 0)));
}

/* What only an article new since the previous run reports is tagged, in both
 * parts, as a word; the header counts the new sources; a figure's own
 * conversion stands beside its value. */
static void
test_new_and_equivalent(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GByteArray) before = g_byte_array_new();
    g_assert_true(dsr_render_eml(f->brief, f->ctx, before, NULL));
    GMimeMessage *m0 = parse(before);
    g_autofree char *text0 = NULL, *html0 = NULL;
    bodies(m0, &text0, &html0);
    g_assert_null(strstr(text0, "Nouveau"));
    g_assert_null(strstr(html0, "Nouveau"));
    g_object_unref(m0);

    /* Source 3 is the only source of figure row 3 and event 1, and one of two of key point 1. */
    g_array_index(f->brief->sources, DsrSource, 2).is_new = TRUE;
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_assert_true(dsr_render_eml(f->brief, f->ctx, out, NULL));
    GMimeMessage *m = parse(out);
    g_autofree char *text = NULL, *html = NULL;
    bodies(m, &text, &html);
    g_assert_cmpuint(occurrences(text, "[Nouveau]"), ==, 3);
    g_assert_cmpuint(occurrences(html, ">Nouveau<"), ==, 3);
    g_assert_nonnull(strstr(text, "3 sources, dont 1 nouvelle"));
    const DsrKeyPoint *k = &g_array_index(f->brief->key_points, DsrKeyPoint, 0);
    g_autofree char *untagged = g_strdup_printf("- %s", k->text);
    g_assert_nonnull(strstr(text, untagged));
    g_assert_nonnull(strstr(text, "(soit environ 28"));
    g_assert_nonnull(strstr(html, "soit environ 28"));
    g_object_unref(m);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_mime_init();
    g_test_add("/render/eml/structure", Fixture, NULL, fixture_set_up, test_structure,
               fixture_tear_down);
    g_test_add("/render/eml/same-bytes", Fixture, NULL, fixture_set_up, test_same_bytes,
               fixture_tear_down);
    g_test_add("/render/eml/with-pdf", Fixture, NULL, fixture_set_up, test_with_pdf,
               fixture_tear_down);
    g_test_add("/render/eml/new-and-equivalent", Fixture, NULL, fixture_set_up,
               test_new_and_equivalent, fixture_tear_down);
    int status = g_test_run();
    g_mime_shutdown();
    return status;
}

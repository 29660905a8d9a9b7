/* SPDX-License-Identifier: MIT
 * Addressing the e-mails. A renderer sees only the Brief, so dsr_render_eml()
 * makes the message (body, charts, PDF, Date, a Message-Id and a default
 * Subject) and the run, which knows the --config "email" and "relationships"
 * settings, fills in From, To, Cc and the Subject here, through GMime, like a
 * mail merge. Everything is derived from the inputs: same settings, same bytes. */
#include "run-private.h"
#include <gmime/gmime.h>
#include <string.h>

static void
mime_init_once(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        g_mime_init();
        g_once_init_leave(&done, 1);
    }
}

static void
fill(GString *out, const char *tmpl, const DsrBrief *b, const char *date_text)
{
    const char *partner = b->partner_name ? b->partner_name : b->partner;
    for (const char *s = tmpl; *s;) {
        if (g_str_has_prefix(s, "{title}")) {
            g_string_append(out, b->title ? b->title : "");
            s += 7;
        } else if (g_str_has_prefix(s, "{date}")) {
            g_string_append(out, date_text ? date_text : "");
            s += 6;
        } else if (g_str_has_prefix(s, "{partner}")) {
            g_string_append(out, partner ? partner : "");
            s += 9;
        } else if (g_str_has_prefix(s, "{slug}")) {
            g_string_append(out, b->slug);
            s += 6;
        } else {
            g_string_append_c(out, *s++);
        }
    }
}

static void
set_addresses(GMimeMessage *m, GMimeAddressType type, char *const *list)
{
    InternetAddressList *dest = g_mime_message_get_addresses(m, type);
    internet_address_list_clear(dest);
    for (guint i = 0; list && list[i]; i++) {
        InternetAddressList *parsed = internet_address_list_parse(NULL, list[i]);
        if (parsed) {
            internet_address_list_append(dest, parsed);
            g_object_unref(parsed);
        }
    }
}

/* The Message-Id's right-hand side names the sender's domain (RFC 5322 §3.6.4
 * wants it unique to the host; a domain the sender controls is what mail
 * software expects). */
static void
set_message_id_domain(GMimeMessage *m, const char *from)
{
    const char *id = g_mime_message_get_message_id(m);
    InternetAddressList *parsed = from ? internet_address_list_parse(NULL, from) : NULL;
    const char *addr = NULL;
    if (parsed && internet_address_list_length(parsed) == 1) {
        InternetAddress *a = internet_address_list_get_address(parsed, 0);
        if (INTERNET_ADDRESS_IS_MAILBOX(a))
            addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
    }
    const char *at = addr ? strrchr(addr, '@') : NULL;
    if (id && at && at[1]) {
        const char *id_at = strrchr(id, '@');
        g_autofree char *local = id_at ? g_strndup(id, (gsize)(id_at - id)) : g_strdup(id);
        g_autofree char *new_id = g_strdup_printf("%s@%s", local, at + 1);
        g_mime_message_set_message_id(m, new_id);
    }
    if (parsed)
        g_object_unref(parsed);
}

gboolean
dsr__email_address(GByteArray *eml, const DsrBrief *brief, const DsrEmailSettings *email,
                   const DsrPartnerSettings *rel, const char *date_text, GError **error)
{
    static const DsrEmailSettings none = {0};
    if (!email)
        email = &none;
    mime_init_once();
    GMimeStream *in = g_mime_stream_mem_new_with_buffer((const char *)eml->data, eml->len);
    GMimeParser *parser = g_mime_parser_new_with_stream(in);
    GMimeMessage *m = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    g_object_unref(in);
    if (!m) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "%s.eml: the message does not parse",
                    brief->slug);
        return FALSE;
    }

    if (email->from) {
        set_addresses(m, GMIME_ADDRESS_TYPE_FROM, (char *[]){email->from, NULL});
        set_message_id_domain(m, email->from);
    }
    char **to = rel && rel->to ? rel->to : email->to;
    char **cc = rel && rel->cc ? rel->cc : email->cc;
    if (to)
        set_addresses(m, GMIME_ADDRESS_TYPE_TO, to);
    if (cc)
        set_addresses(m, GMIME_ADDRESS_TYPE_CC, cc);
    const char *subject = rel && rel->subject ? rel->subject : email->subject;
    if (subject) {
        g_autoptr(GString) s = g_string_new(NULL);
        fill(s, subject, brief, date_text);
        g_mime_message_set_subject(m, s->str, "utf-8");
    }

    GMimeStream *out = g_mime_stream_mem_new();
    GMimeFormatOptions *fo = g_mime_format_options_clone(NULL);
    gssize n = g_mime_object_write_to_stream(GMIME_OBJECT(m), fo, out);
    g_mime_format_options_free(fo);
    g_object_unref(m);
    if (n < 0) {
        g_object_unref(out);
        g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "%s.eml: cannot write the message",
                    brief->slug);
        return FALSE;
    }
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
    g_byte_array_set_size(eml, 0);
    g_byte_array_append(eml, bytes->data, bytes->len);
    g_object_unref(out);
    return TRUE;
}

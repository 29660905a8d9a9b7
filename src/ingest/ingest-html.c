/* SPDX-License-Identifier: MIT
 * Saved HTML pages. libxml2's HTML parser (no network, nothing fetched) builds
 * the tree; metadata comes from JSON-LD, <meta>, <link rel=canonical>, <time>,
 * <html lang> and <title>; the body is the part of the page that scores best on
 * its text (length, paragraphs, commas, few links), as Readability does, with
 * an <article> or itemprop=articleBody preferred when it holds that text. Its
 * paragraphs then go through the text pipeline (junk lines, dateline, sign-off). */
#include "ingest-private.h"
#include "common/cleanup.h"
#include <dossier/error.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#define MAX_DEPTH 400
/* Private-use marks around link text while a block is gathered: they let one
 * pass tell how much of each line is links. Removed from page text first. */
#define LINK_OPEN 0xE000
#define LINK_CLOSE 0xE001

static gboolean
is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static gboolean
name_in(const xmlNode *n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return FALSE;
    for (; *names; names++)
        if (strcmp((const char *)n->name, *names) == 0)
            return TRUE;
    return FALSE;
}

static char *
get_attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v)
        return NULL;
    char *out = g_strdup((const char *)v);
    xmlFree(v);
    return out;
}

static gboolean
attr_is(const xmlNode *n, const char *name, const char *value)
{
    g_autofree char *v = get_attr(n, name);
    return v && g_ascii_strcasecmp(g_strstrip(v), value) == 0;
}

/* TRUE when the space-separated list in attribute @name holds @token. */
static gboolean
attr_has_token(const xmlNode *n, const char *name, const char *token)
{
    g_autofree char *v = get_attr(n, name);
    if (!v)
        return FALSE;
    g_auto(GStrv) parts = g_strsplit_set(v, " \t\n\r\f", -1);
    for (guint i = 0; parts[i]; i++)
        if (g_ascii_strcasecmp(parts[i], token) == 0)
            return TRUE;
    return FALSE;
}

static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "body",    "center",   "dd",         "details",
    "dialog",  "dir",     "div",   "dl",         "dt",      "fieldset", "figcaption", "figure",
    "footer",  "form",    "h1",    "h2",         "h3",      "h4",       "h5",         "h6",
    "header",  "hgroup",  "hr",    "html",       "li",      "main",     "menu",       "nav",
    "ol",      "p",       "pre",   "section",    "summary", "table",    "tbody",      "thead",
    "tfoot",   "tr",      "td",    "th",         "caption", "ul",       "noscript",   NULL};

/* Never article text, whatever they hold. */
static const char *const chrome_tags[] = {
    "script",   "style",  "noscript", "iframe",   "form",  "nav",   "footer", "aside",
    "menu",     "button", "select",   "textarea", "input", "label", "svg",    "canvas",
    "template", "object", "embed",    "video",    "audio", "map",   "figure", "figcaption",
    "picture",  "dialog", "head",     "title",    "link",  "meta",  NULL};

static const char *const heading_tags[] = {"h2", "h3", "h4", "h5", "h6", NULL};

/* Words of class and id attributes that name page furniture on most sites
 * (Readability's list, in the languages of our sources). */
static const char *const negative_words[] = {
    "comment", "comments",      "commentaires", "share",       "sharing",    "social",   "socials",
    "related", "relatedposts",  "breadcrumb",   "breadcrumbs", "newsletter", "cookie",   "cookies",
    "advert",  "advertisement", "ads",          "ad",          "sidebar",    "widget",   "popup",
    "modal",   "subscribe",     "promo",        "sponsor",     "outbrain",   "taboola",  "masthead",
    "menu",    "navbar",        "footer",       "tags",        "tag",        "keywords", "caption",
    "credit",  "legend",        "author-box",   "pagination",  "print",      NULL};
static const char *const positive_words[] = {"article", "articlebody", "body", "content", "entry",
                                             "main",    "post",        "text", "story",   "detail",
                                             "chapo",   "sapo",        "lead", NULL};

static gboolean
word_listed(const char *word, const char *const *list)
{
    for (; *list; list++)
        if (g_ascii_strcasecmp(word, *list) == 0)
            return TRUE;
    return FALSE;
}

/* -1, 0 or +1 from the words of the class and id: "box-related" is -1,
 * "article-content" +1. Words are split at every non-letter. */
static int
class_weight(const xmlNode *n)
{
    int neg = 0, pos = 0;
    static const char *const attrs[] = {"class", "id"};
    for (guint a = 0; a < G_N_ELEMENTS(attrs); a++) {
        g_autofree char *v = get_attr(n, attrs[a]);
        if (!v)
            continue;
        g_auto(GStrv) words = g_strsplit_set(v, " \t\n-_:.", -1);
        for (guint i = 0; words[i]; i++) {
            if (!*words[i])
                continue;
            neg |= word_listed(words[i], negative_words);
            pos |= word_listed(words[i], positive_words);
        }
    }
    return neg ? -1 : pos ? 1 : 0;
}

static gboolean
is_hidden(const xmlNode *n)
{
    if (xmlHasProp(n, BAD_CAST "hidden") || attr_is(n, "aria-hidden", "true"))
        return TRUE;
    g_autofree char *style = get_attr(n, "style");
    if (style) {
        g_autofree char *low = g_ascii_strdown(style, -1);
        if (strstr(low, "display:none") || strstr(low, "display: none") ||
            strstr(low, "visibility:hidden") || strstr(low, "visibility: hidden"))
            return TRUE;
    }
    static const char *const roles[] = {"navigation", "banner",  "contentinfo", "complementary",
                                        "search",     "menu",    "menubar",     "dialog",
                                        "alert",      "toolbar", NULL};
    g_autofree char *role = get_attr(n, "role");
    return role && word_listed(g_strstrip(role), roles);
}

/* Text measures of a subtree, in characters that are not white space. */
typedef struct {
    gsize chars;
    gsize link_chars;
    guint commas;
} Measure;

static void
measure_text(const char *s, gboolean in_link, Measure *m)
{
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (dsr_text_is_space(c))
            continue;
        m->chars++;
        m->link_chars += in_link;
        m->commas += c == ',' || c == 0xFF0C;
    }
}

static void
measure_node(const xmlNode *n, gboolean in_link, Measure *m, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            measure_text((const char *)c->content, in_link, m);
        else if (c->type == XML_ELEMENT_NODE)
            measure_node(c, in_link || is_el(c, "a"), m, depth + 1);
    }
}

static Measure
measure(const xmlNode *n)
{
    Measure m = {0, 0, 0};
    measure_node(n, is_el(n, "a"), &m, 0);
    return m;
}

static double
link_density(const Measure *m)
{
    return m->chars ? (double)m->link_chars / (double)m->chars : 0.0;
}

/* Whitespace-collapsed text of a subtree (for titles and short labels). */
static void
plain_text_into(const xmlNode *n, GString *out, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            g_string_append(out, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE && !name_in(c, chrome_tags)) {
            if (is_el(c, "br") || name_in(c, block_tags))
                g_string_append_c(out, ' ');
            plain_text_into(c, out, depth + 1);
        }
    }
}

static char *
plain_text(const xmlNode *n)
{
    g_autoptr(GString) s = g_string_new(NULL);
    plain_text_into(n, s, 0);
    return dsr_text_squeeze(s->str);
}

/* --- Metadata --------------------------------------------------------- */

typedef struct {
    GHashTable *meta; /* lowercased property, name or itemprop -> first content */
    char *ld_headline, *ld_date, *ld_url, *ld_publisher, *ld_lang, *ld_body;
    char *canonical, *base, *saved_from;
    char *html_lang;
    char *doc_title;
    char *h1;              /* the article's visible title */
    char *time_date;       /* first <time datetime> of the main text */
    char *byline_date;     /* a written date near the title */
    GPtrArray *site_names; /* what the page calls itself: its home link, logo, site name */
} Meta;

static void
meta_clear(Meta *m)
{
    g_clear_pointer(&m->meta, g_hash_table_unref);
    g_free(m->ld_headline);
    g_free(m->ld_date);
    g_free(m->ld_url);
    g_free(m->ld_publisher);
    g_free(m->ld_lang);
    g_free(m->ld_body);
    g_free(m->canonical);
    g_free(m->base);
    g_free(m->saved_from);
    g_free(m->html_lang);
    g_free(m->doc_title);
    g_free(m->h1);
    g_free(m->time_date);
    g_free(m->byline_date);
    g_clear_pointer(&m->site_names, g_ptr_array_unref);
}

static const char *
meta_get(const Meta *m, const char *key)
{
    const char *v = g_hash_table_lookup(m->meta, key);
    return v && *v ? v : NULL;
}

/* JSON-LD strings are often HTML-escaped by the publishing tool
 * ("L&#039;UE", "For&ecirc;ts"): entities are decoded as the parser would. */
static char *
decode_entities(const char *s)
{
    if (!strchr(s, '&'))
        return dsr_text_squeeze(s);
    GString *out = g_string_sized_new(strlen(s));
    for (const char *p = s; *p;) {
        if (*p == '&') {
            const char *semi = strchr(p, ';');
            if (semi && semi - p <= 10) {
                gunichar c = 0;
                if (p[1] == '#') {
                    gboolean hex = p[2] == 'x' || p[2] == 'X';
                    c = (gunichar)g_ascii_strtoull(p + (hex ? 3 : 2), NULL, hex ? 16 : 10);
                } else {
                    g_autofree char *ent = g_strndup(p + 1, (gsize)(semi - p - 1));
                    const htmlEntityDesc *desc = htmlEntityLookup(BAD_CAST ent);
                    c = desc ? desc->value : 0;
                }
                if (c && g_unichar_validate(c) && c != 0) {
                    g_string_append_unichar(out, c);
                    p = semi + 1;
                    continue;
                }
            }
        }
        g_string_append_c(out, *p++);
    }
    g_autofree char *decoded = g_string_free(out, FALSE);
    return dsr_text_squeeze(decoded);
}

static const char *
ld_string(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (cJSON_IsString(v) && v->valuestring && *v->valuestring)
        return v->valuestring;
    /* "mainEntityOfPage": {"@id": …}, "publisher": {"name": …}, "inLanguage": {"name": …} */
    if (cJSON_IsObject(v)) {
        static const char *const inner[] = {"@id", "url", "name", "alternateName"};
        for (guint i = 0; i < G_N_ELEMENTS(inner); i++) {
            const cJSON *w = cJSON_GetObjectItemCaseSensitive(v, inner[i]);
            if (cJSON_IsString(w) && w->valuestring && *w->valuestring)
                return w->valuestring;
        }
    }
    if (cJSON_IsArray(v) && cJSON_GetArraySize(v) > 0)
        return cJSON_IsString(cJSON_GetArrayItem(v, 0)) ? cJSON_GetArrayItem(v, 0)->valuestring
                                                        : NULL;
    return NULL;
}

static gboolean
is_article_type(const cJSON *obj)
{
    static const char *const types[] = {
        "NewsArticle",           "Article",         "ReportageNewsArticle",
        "AnalysisNewsArticle",   "BlogPosting",     "OpinionNewsArticle",
        "BackgroundNewsArticle", "Report",          "TechArticle",
        "ScholarlyArticle",      "LiveBlogPosting", NULL};
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(obj, "@type");
    if (cJSON_IsString(t))
        return word_listed(t->valuestring, types);
    const cJSON *item;
    if (cJSON_IsArray(t))
        cJSON_ArrayForEach (item, t)
            if (cJSON_IsString(item) && word_listed(item->valuestring, types))
                return TRUE;
    return FALSE;
}

static void
take_ld(char **slot, const char *value)
{
    if (!*slot && value && *value)
        *slot = decode_entities(value);
}

/* The first article object of a JSON-LD value: an object, an array, or an
 * object with an "@graph" array. */
static void
read_ld(const cJSON *v, Meta *m, int depth)
{
    if (depth > 4 || m->ld_headline || m->ld_body)
        return;
    const cJSON *item;
    if (cJSON_IsArray(v)) {
        cJSON_ArrayForEach (item, v)
            read_ld(item, m, depth + 1);
        return;
    }
    if (!cJSON_IsObject(v))
        return;
    const cJSON *graph = cJSON_GetObjectItemCaseSensitive(v, "@graph");
    if (cJSON_IsArray(graph))
        read_ld(graph, m, depth + 1);
    if (!is_article_type(v))
        return;
    take_ld(&m->ld_headline, ld_string(v, "headline"));
    take_ld(&m->ld_headline, ld_string(v, "name"));
    take_ld(&m->ld_date, ld_string(v, "datePublished"));
    take_ld(&m->ld_date, ld_string(v, "dateCreated"));
    take_ld(&m->ld_url, ld_string(v, "url"));
    take_ld(&m->ld_url, ld_string(v, "mainEntityOfPage"));
    take_ld(&m->ld_publisher, ld_string(v, "publisher"));
    take_ld(&m->ld_lang, ld_string(v, "inLanguage"));
    const char *body = ld_string(v, "articleBody");
    if (!m->ld_body && body)
        m->ld_body = g_strdup(body);
}

static void
add_meta(Meta *m, const char *key, const char *content)
{
    if (!key || !content)
        return;
    g_autofree char *trimmed = g_strstrip(g_strdup(key));
    g_autofree char *k = g_ascii_strdown(trimmed, -1);
    if (!g_hash_table_contains(m->meta, k))
        g_hash_table_insert(m->meta, g_steal_pointer(&k), dsr_text_squeeze(content));
}

/* A link to the site's front page ("/", "./", "https://host/"): its text or
 * its logo's alt is the site's name, whatever the page's metadata says. */
static gboolean
is_home_link(const xmlNode *a)
{
    g_autofree char *href = get_attr(a, "href");
    if (!href)
        return FALSE;
    g_strstrip(href);
    if (strcmp(href, "/") == 0 || strcmp(href, "./") == 0 || strcmp(href, "index.html") == 0)
        return TRUE;
    const char *rest = strstr(href, "://");
    if (!rest || !g_uri_peek_scheme(href))
        return FALSE;
    const char *slash = strchr(rest + 3, '/');
    return !slash || strcmp(slash, "/") == 0;
}

static void
add_home_name(Meta *m, const xmlNode *a)
{
    g_autofree char *text = plain_text(a);
    if (!*text) {
        for (const xmlNode *c = a->children; c && !*text; c = c->next)
            if (is_el(c, "img")) {
                g_free(text);
                g_autofree char *alt = get_attr(c, "alt");
                text = alt ? dsr_text_squeeze(alt) : g_strdup("");
            }
    }
    if (*text && dsr__count_words_upto(text, 9) <= 8)
        g_ptr_array_add(m->site_names, g_steal_pointer(&text));
}

static void
collect_meta(xmlNode *n, Meta *m, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type == XML_COMMENT_NODE && !m->saved_from && c->content) {
            /* Browsers mark a saved page with "<!-- saved from url=(0042)https://… -->". */
            const char *s = strstr((const char *)c->content, "saved from url=");
            if (s) {
                s = strchr(s, ')');
                if (s) {
                    g_autofree char *u = g_strdup(s + 1);
                    m->saved_from = g_strdup(g_strstrip(u));
                }
            }
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, "meta")) {
            g_autofree char *content = get_attr(c, "content");
            g_autofree char *property = get_attr(c, "property");
            g_autofree char *name = get_attr(c, "name");
            g_autofree char *itemprop = get_attr(c, "itemprop");
            g_autofree char *equiv = get_attr(c, "http-equiv");
            add_meta(m, property, content);
            add_meta(m, name, content);
            add_meta(m, itemprop, content);
            add_meta(m, equiv, content);
        } else if (is_el(c, "link") && attr_has_token(c, "rel", "canonical") && !m->canonical) {
            m->canonical = get_attr(c, "href");
        } else if (is_el(c, "base") && !m->base) {
            m->base = get_attr(c, "href");
        } else if (is_el(c, "html") && !m->html_lang) {
            m->html_lang = get_attr(c, "lang");
            if (!m->html_lang)
                m->html_lang = get_attr(c, "xml:lang");
        } else if (is_el(c, "title") && !m->doc_title) {
            m->doc_title = plain_text(c);
        } else if (is_el(c, "a") && is_home_link(c)) {
            add_home_name(m, c);
        } else if (is_el(c, "script") && attr_is(c, "type", "application/ld+json")) {
            xmlChar *raw = xmlNodeGetContent(c);
            if (raw) {
                g_autoptr(cJSON) ld = cJSON_ParseWithLength((const char *)raw, strlen((char *)raw));
                if (ld)
                    read_ld(ld, m, 0);
                xmlFree(raw);
            }
            continue;
        } else if ((is_el(c, "time") || xmlHasProp(c, BAD_CAST "itemprop")) &&
                   attr_is(c, "itemprop", "datePublished")) {
            g_autofree char *dt = get_attr(c, "datetime");
            if (!dt)
                dt = get_attr(c, "content");
            add_meta(m, "itemprop:datepublished", dt);
        }
        if (c->children)
            collect_meta(c->children, m, depth + 1);
    }
}

/* --- Cleaning the tree ------------------------------------------------- */

/* "Articles liés", "Lire aussi", "Tags", "Partager"… heading a block of chrome. */
static gboolean
is_section_label(const char *text)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("^(?:articles? liés|articles? similaires|à lire aussi|a lire aussi|"
                         "lire aussi|voir aussi|sur le même (?:sujet|thème)|dans la même "
                         "rubrique|les plus lus|plus lus|dernières (?:nouvelles|infos)|"
                         "related (?:articles|news|stories|posts)|read (?:more|also)|"
                         "more (?:news|stories)|most read|latest news|see also|mots-clés|"
                         "mots clés|tags?|keywords|thèmes?|commentaires?|comments?|"
                         "réagir|laisser un commentaire|leave a (?:comment|reply)|partager|"
                         "partagez|share(?: this)?|suivez-nous|follow us|tin liên quan|"
                         "bình luận)\\b[^.]{0,40}$",
                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    return g_regex_match(re, text, 0, NULL);
}

/* An image with a few words beside it in a table or a small box is a
 * caption ("Photo : VNA"), not article text. */
static gboolean
is_image_box(const xmlNode *n)
{
    if (!name_in(n, (const char *const[]){"table", "div", "p", "span", NULL}))
        return FALSE;
    gboolean img = FALSE;
    for (const xmlNode *c = n->children; c && !img; c = c->next)
        img =
            is_el(c, "img") ||
            (c->type == XML_ELEMENT_NODE && c->children &&
             (is_el(c->children, "img") || is_el(c, "tbody") || is_el(c, "tr") || is_el(c, "td")));
    if (!img)
        return FALSE;
    /* Search deeper only for tables (the classic "image" table of news CMSs). */
    if (is_el(n, "table")) {
        gboolean has_img = FALSE;
        for (const xmlNode *c = n; c && !has_img;) {
            if (is_el(c, "img"))
                has_img = TRUE;
            if (c->children && c->type == XML_ELEMENT_NODE)
                c = c->children;
            else {
                while (c && c != n && !c->next)
                    c = c->parent;
                c = c && c != n ? c->next : NULL;
            }
        }
        if (!has_img)
            return FALSE;
    } else {
        gboolean direct = FALSE;
        for (const xmlNode *c = n->children; c; c = c->next)
            direct |= is_el(c, "img") || (c->type == XML_ELEMENT_NODE && is_el(c->children, "img"));
        if (!direct)
            return FALSE;
    }
    Measure m = measure(n);
    return m.chars < 220;
}

typedef struct {
    gsize body_chars; /* text of the whole body, to keep hinted boxes that hold most of it */
} Prune;

/* Removes what is never article text. A box whose class says "related" or
 * "comments" goes too, unless it holds most of the page's text (a wrapper
 * named "content-with-sidebar" must not take the article with it). */
static void
prune(xmlNode *n, const Prune *pr, int depth)
{
    xmlNode *next;
    for (xmlNode *c = n->children; c; c = next) {
        next = c->next;
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        gboolean drop = depth > MAX_DEPTH || name_in(c, chrome_tags) || is_hidden(c) ||
                        is_el(c, "h1") || is_image_box(c);
        if (!drop && is_el(c, "header")) {
            /* A page's header is chrome; an article's header holds its title and byline. */
            gboolean in_article = FALSE;
            for (const xmlNode *a = c->parent; a && !in_article; a = a->parent)
                in_article = is_el(a, "article") || is_el(a, "main");
            drop = !in_article;
        }
        if (!drop && class_weight(c) < 0) {
            Measure m = measure(c);
            drop = m.chars * 2 < pr->body_chars;
        }
        if (!drop && name_in(c, heading_tags)) {
            g_autofree char *t = plain_text(c);
            drop = is_section_label(t);
        }
        if (drop) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
            continue;
        }
        prune(c, pr, depth + 1);
    }
}

/* --- Finding the body -------------------------------------------------- */

static gboolean
has_block_child(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (name_in(c, block_tags))
            return TRUE;
    return FALSE;
}

static gboolean
is_paragraph_like(const xmlNode *n)
{
    static const char *const tags[] = {"p", "pre", "blockquote", "td", "li", "dd", NULL};
    if (name_in(n, tags))
        return TRUE;
    /* A <div> of text and <br>s is a paragraph (or several) too. */
    static const char *const boxes[] = {"div",  "section", "article", "main",
                                        "span", "font",    "center",  NULL};
    return name_in(n, boxes) && !has_block_child(n);
}

typedef struct {
    GHashTable *scores; /* xmlNode * -> double * */
} Scorer;

static double
initial_score(const xmlNode *n)
{
    double s = 0;
    if (is_el(n, "div") || is_el(n, "article") || is_el(n, "main") || is_el(n, "section"))
        s = 5;
    else if (name_in(n, (const char *const[]){"pre", "td", "blockquote", NULL}))
        s = 3;
    else if (name_in(n, (const char *const[]){"ul", "ol", "dl", "address", "form", NULL}))
        s = -3;
    else if (name_in(n, (const char *const[]){"h2", "h3", "h4", "h5", "h6", "th", NULL}))
        s = -5;
    s += 25 * class_weight(n);
    if (attr_has_token(n, "itemprop", "articleBody"))
        s += 25;
    return s;
}

static double *
score_of(Scorer *sc, xmlNode *n)
{
    double *s = g_hash_table_lookup(sc->scores, n);
    if (!s) {
        s = g_new(double, 1);
        *s = initial_score(n);
        g_hash_table_insert(sc->scores, n, s);
    }
    return s;
}

static void
score_tree(Scorer *sc, xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_paragraph_like(c)) {
            Measure m = measure(c);
            if (m.chars >= 25) {
                double points = 1 + m.commas + MIN((double)m.chars / 100.0, 3.0);
                points *= 1.0 - link_density(&m);
                /* A box of text and <br>s is its own candidate: its text is the
                 * body, and the page's wrapper around it must not tie with it. */
                gboolean box = !has_block_child(c) && !is_el(c, "p") && !is_el(c, "li") &&
                               !is_el(c, "td") && !is_el(c, "dd");
                if (box)
                    *score_of(sc, c) += points;
                xmlNode *a = c->parent;
                for (int level = box ? 1 : 0; a && a->type == XML_ELEMENT_NODE && level < 3;
                     level++, a = a->parent)
                    *score_of(sc, a) += points / (level == 0 ? 1.0 : level == 1 ? 2.0 : 6.0);
            }
        }
        score_tree(sc, c, depth + 1);
    }
}

/* The best scored element, walking in document order so that ties go to the
 * first (hash table order is not stable). */
static void
top_candidate_in(Scorer *sc, xmlNode *n, xmlNode **best, double *best_score, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        double *raw = g_hash_table_lookup(sc->scores, c);
        if (raw) {
            Measure m = measure(c);
            double s = *raw * (1.0 - link_density(&m));
            if (s > *best_score) {
                *best = c;
                *best_score = s;
            }
        }
        top_candidate_in(sc, c, best, best_score, depth + 1);
    }
}

static xmlNode *
top_candidate(Scorer *sc, xmlNode *body)
{
    xmlNode *best = NULL;
    double best_score = 0;
    /* The <body> itself is a candidate when the paragraphs sit right in it. */
    double *raw = g_hash_table_lookup(sc->scores, body);
    if (raw) {
        Measure m = measure(body);
        best_score = *raw * (1.0 - link_density(&m));
        best = best_score > 0 ? body : NULL;
    }
    top_candidate_in(sc, body, &best, &best_score, 0);
    return best;
}

/* Characters of text in paragraphs of @n that are not mostly links. */
static void
good_text_into(const xmlNode *n, gsize *chars, guint *paras, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_paragraph_like(c)) {
            Measure m = measure(c);
            if (m.chars >= 25 && link_density(&m) < 0.5) {
                *chars += m.chars - m.link_chars;
                *paras += 1;
            }
            if (!has_block_child(c))
                continue;
        }
        good_text_into(c, chars, paras, depth + 1);
    }
}

static gsize
good_text(const xmlNode *n, guint *paras)
{
    gsize chars = 0;
    guint p = 0;
    good_text_into(n, &chars, &p, 0);
    if (paras)
        *paras = p;
    return chars;
}

static gboolean
is_ancestor(const xmlNode *a, const xmlNode *n)
{
    for (; n; n = n->parent)
        if (n == a)
            return TRUE;
    return FALSE;
}

static void
find_marked(xmlNode *n, GPtrArray *articles, GPtrArray *bodies, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (attr_has_token(c, "itemprop", "articleBody"))
            g_ptr_array_add(bodies, c);
        else if (is_el(c, "article"))
            g_ptr_array_add(articles, c);
        find_marked(c, articles, bodies, depth + 1);
    }
}

static xmlNode *
largest(GPtrArray *nodes, gsize *chars)
{
    xmlNode *best = NULL;
    *chars = 0;
    for (guint i = 0; i < nodes->len; i++) {
        guint paras;
        gsize g = good_text(g_ptr_array_index(nodes, i), &paras);
        if (g > *chars) {
            *chars = g;
            best = g_ptr_array_index(nodes, i);
        }
    }
    return best;
}

/* The element whose text is the article, or NULL. The explicit markup
 * (itemprop=articleBody, then <article>) wins when it is plausible: it holds
 * enough text and agrees with where the scores put the text. */
static xmlNode *
choose_container(xmlNode *body, gboolean *with_siblings)
{
    g_autoptr(GHashTable) scores =
        g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    Scorer sc = {scores};
    score_tree(&sc, body, 0);
    xmlNode *top = top_candidate(&sc, body);
    gsize top_chars = top ? good_text(top, NULL) : 0;
    if (top && top_chars == 0) {
        Measure m = measure(top);
        top_chars = m.chars - m.link_chars;
    }

    g_autoptr(GPtrArray) articles = g_ptr_array_new();
    g_autoptr(GPtrArray) bodies = g_ptr_array_new();
    find_marked(body, articles, bodies, 0);
    *with_siblings = FALSE;
    gsize chars;
    xmlNode *marked = largest(bodies, &chars);
    if (!marked || chars < 200)
        marked = largest(articles, &chars);
    if (marked && chars >= 200 &&
        (!top || is_ancestor(marked, top) ||
         (is_ancestor(top, marked) && chars * 10 >= top_chars * 6) || chars * 10 >= top_chars * 8))
        return marked;
    *with_siblings = TRUE;
    return top;
}

/* --- Gathering paragraphs ------------------------------------------------ */

typedef struct {
    GString *out; /* paragraphs separated by blank lines */
    GString *run; /* inline text of the block being gathered */
    int in_link;
    guint linked_headings; /* headings that are links: a list of articles */
    char *dated;           /* the date of a byline met before any text, ISO */
} Gather;

static void
append_collapsed(GString *run, const char *s)
{
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == LINK_OPEN || c == LINK_CLOSE)
            continue;
        /* In HTML a line end or a tab is a space; NBSP stays. */
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            if (run->len && run->str[run->len - 1] != ' ' && run->str[run->len - 1] != '\n')
                g_string_append_c(run, ' ');
            continue;
        }
        g_string_append_unichar(run, c);
    }
}

/* "NDEL Mercredi 26 février 2025 - 10:05", "Jeudi, 12/09/2024 15:40": a short
 * line that dates the page (a weekday, a time or a numeric date with the
 * date), not a sentence or a subheading that names a month. */
static gboolean
is_dated_byline(const char *text)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re =
            g_regex_new("\\b\\d{1,2}[:h]\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{4}\\b|\\b(?:lundi|mardi|"
                        "mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
                        "thursday|friday|saturday|sunday)\\b",
                        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    DsrDate d;
    gsize n = strlen(text);
    return dsr__count_words_upto(text, 16) <= 15 && n && text[n - 1] != '.' &&
           dsr__find_written_date(text, &d) && g_regex_match(re, text, 0, NULL);
}

/* One line of a gathered block: kept unless it is mostly links (menus,
 * related lists, tag lists, share bars). "Source : <a>URL</a>" is kept for the
 * text pipeline, which takes the address. */
static void
flush_line(Gather *g, const char *line, gsize len)
{
    GString *clean = g_string_sized_new(len);
    gsize chars = 0, link_chars = 0;
    gboolean in = FALSE;
    for (const char *p = line; p < line + len; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == LINK_OPEN || c == LINK_CLOSE) {
            in = c == LINK_OPEN;
            continue;
        }
        g_string_append_unichar(clean, c);
        if (!dsr_text_is_space(c)) {
            chars++;
            link_chars += in;
        }
    }
    g_autofree char *text = dsr_text_squeeze(clean->str);
    g_string_free(clean, TRUE);
    if (!*text)
        return;
    if (chars && link_chars * 2 > chars && dsr__classify_line(text) != DSR__LINE_SOURCE)
        return;
    if (is_section_label(text) && dsr__count_words_upto(text, 7) <= 6)
        return;
    if (is_dated_byline(text)) {
        /* Before the text it dates the article (the page may have no <h1>
         * to find the byline by); inside the text it is a caption's. */
        DsrDate d;
        if (!g->out->len && !g->dated && dsr__find_written_date(text, &d))
            g->dated = dsr_date_to_iso(&d);
        return;
    }
    if (g->out->len)
        g_string_append(g->out, "\n");
    g_string_append(g->out, text);
}

static void
flush_run(Gather *g)
{
    const char *s = g->run->str;
    gboolean any = FALSE;
    while (*s) {
        const char *nl = strchr(s, '\n');
        gsize len = nl ? (gsize)(nl - s) : strlen(s);
        gsize before = g->out->len;
        flush_line(g, s, len);
        any |= g->out->len != before;
        s += len + (nl ? 1 : 0);
    }
    if (any)
        g_string_append(g->out, "\n");
    g_string_truncate(g->run, 0);
}

static void
gather(Gather *g, const xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            append_collapsed(g->run, (const char *)c->content);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, "br")) {
            g_string_append_c(g->run, '\n');
            continue;
        }
        if (is_el(c, "img") || is_el(c, "hr")) {
            if (is_el(c, "hr"))
                flush_run(g);
            continue;
        }
        gboolean block = name_in(c, block_tags);
        if (block)
            flush_run(g);
        if (name_in(c, heading_tags)) {
            Measure m = measure(c);
            g->linked_headings += m.chars && link_density(&m) > 0.7;
        }
        /* A <time> counts as a link: a line that is mostly one is a byline. */
        gboolean link = is_el(c, "a") || is_el(c, "time");
        if (link)
            g_string_append_unichar(g->run, LINK_OPEN);
        gather(g, c, depth + 1);
        if (link)
            g_string_append_unichar(g->run, LINK_CLOSE);
        if (block)
            flush_run(g);
    }
}

/* Siblings of the top candidate that belong with it (Readability): a box
 * that scores near it, or a paragraph of prose with few links. */
static gboolean
sibling_belongs(const xmlNode *s, const xmlNode *top)
{
    if (s == top)
        return TRUE;
    if (s->type != XML_ELEMENT_NODE)
        return FALSE;
    Measure ts = measure(top);
    Measure m = measure(s);
    double ld = link_density(&m);
    if (m.chars == 0 || class_weight(s) < 0)
        return FALSE;
    guint paras;
    gsize g = good_text(s, &paras);
    if (paras >= 2 && g * 5 >= ts.chars && ld < 0.25)
        return TRUE;
    if (is_paragraph_like(s) && !has_block_child(s)) {
        g_autofree char *t = plain_text(s);
        if (m.chars > 80 && ld < 0.25)
            return TRUE;
        if (m.chars <= 80 && ld == 0 && strstr(t, ". "))
            return TRUE;
    }
    return FALSE;
}

/* --- Title, dates --------------------------------------------------------- */

/* The article's visible title: the <h1> with the most words, outside the
 * page's navigation (a site's logo is often an <h1> too). */
static void
find_h1(xmlNode *n, Meta *m, guint *best, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE ||
            name_in(c, (const char *const[]){"nav", "footer", "aside", "script", "style", NULL}))
            continue;
        if (is_el(c, "h1")) {
            g_autofree char *t = plain_text(c);
            guint w = dsr__count_words(t);
            if (w >= 3 && w <= 40 && w > *best) {
                *best = w;
                g_free(m->h1);
                m->h1 = g_steal_pointer(&t);
            }
            continue;
        }
        find_h1(c, m, best, depth + 1);
    }
}

static gboolean
in_list_or_link(const xmlNode *n)
{
    for (const xmlNode *a = n->parent; a; a = a->parent)
        if (name_in(a, (const char *const[]){"a", "li", "nav", "aside", "footer", NULL}))
            return TRUE;
    return FALSE;
}

/* The first <time datetime> that dates the page's own text, not an item of a
 * list of other articles. */
static void
find_time(xmlNode *n, Meta *m, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (xmlNode *c = n->children; c && !m->time_date; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, "time") && !in_list_or_link(c)) {
            g_autofree char *dt = get_attr(c, "datetime");
            DsrDate d;
            if (dt && dsr_date_parse_iso(g_strstrip(dt), &d))
                m->time_date = dsr_date_to_iso(&d);
        }
        find_time(c, m, depth + 1);
    }
}

/* A written date in the few short lines after the title ("Publié le
 * 21/10/2025 à 08:30", "Mardi 21 octobre 2025"): the byline's. */
static void
find_byline_date(xmlNode *root, Meta *m)
{
    xmlNode *h1 = NULL;
    for (xmlNode *c = root; c;) {
        if (is_el(c, "h1")) {
            g_autofree char *t = plain_text(c);
            if (m->h1 && strcmp(t, m->h1) == 0) {
                h1 = c;
                break;
            }
        }
        if (c->children && c->type == XML_ELEMENT_NODE)
            c = c->children;
        else {
            while (c && !c->next)
                c = c->parent;
            c = c ? c->next : NULL;
        }
    }
    if (!h1)
        return;
    int looked = 0;
    for (xmlNode *c = h1; c && looked < 40;) {
        if (c->next)
            c = c->next;
        else {
            while (c && !c->next)
                c = c->parent;
            c = c ? c->next : NULL;
            if (!c)
                break;
        }
        looked++;
        if (c->type != XML_ELEMENT_NODE || name_in(c, chrome_tags))
            continue;
        g_autofree char *t = plain_text(c);
        guint w = dsr__count_words(t);
        if (w == 0)
            continue;
        if (w > 25)
            break; /* the text has started */
        DsrDate d;
        if (dsr__find_written_date(t, &d)) {
            m->byline_date = dsr_date_to_iso(&d);
            return;
        }
        /* Descend into the box: the date may be one of its lines. */
        if (c->children) {
            c = c->children;
            if (c->type == XML_ELEMENT_NODE || c->next)
                continue;
        }
    }
}

/* Letters and digits of @s, folded without accents: "Le Courrier du
 * Vietnam" and "lecourrierduvietnam" compare equal. */
static char *
tight_key(const char *s)
{
    g_autofree char *t = dsr_text_fold_ascii(s);
    GString *tight = g_string_new(NULL);
    for (const char *p = t; *p; p++)
        if (g_ascii_isalnum(*p))
            g_string_append_c(tight, *p);
    return g_string_free(tight, FALSE);
}

/* TRUE when @text names the site: one of @names (its declared name, its
 * publisher, its home link) or its host ("vietnamplus" of fr.vietnamplus.vn).
 * With @whole the text must be the name; otherwise it may hold it or be part
 * of it ("Le titre | Le Courrier du Vietnam - Actualités"). */
static gboolean
names_site(const char *text, GPtrArray *names, const char *host, gboolean whole)
{
    g_autofree char *key = tight_key(text);
    if (!*key)
        return FALSE;
    for (guint i = 0; i < names->len; i++) {
        g_autofree char *skey = tight_key(g_ptr_array_index(names, i));
        if (!*skey)
            continue;
        if (whole ? strcmp(key, skey) == 0 : strstr(key, skey) || strstr(skey, key))
            return TRUE;
    }
    if (host) {
        g_auto(GStrv) labels = g_strsplit(host, ".", -1);
        for (guint i = 0; labels[i]; i++)
            if (strlen(labels[i]) >= 4 && labels[i + 1] &&
                (whole ? strcmp(key, labels[i]) == 0 : strstr(key, labels[i]) != NULL))
                return TRUE;
    }
    return FALSE;
}

static char *
strip_site_suffix(const char *title, GPtrArray *names, const char *host)
{
    g_autofree char *t = g_strdup(title);
    static const char *const seps[] = {" | ",  " - ",      " \u2013 ", " \u2014 ",
                                       " :: ", " \u00b7 ", " \u2022 "};
    for (gboolean again = TRUE; again;) {
        again = FALSE;
        for (guint i = 0; i < G_N_ELEMENTS(seps); i++) {
            char *last = g_strrstr(t, seps[i]);
            if (!last || last == t)
                continue;
            const char *tail = last + strlen(seps[i]);
            if (dsr__count_words_upto(tail, 7) <= 6 && names_site(tail, names, host, FALSE)) {
                *last = '\0';
                again = TRUE;
                break;
            }
        }
    }
    return dsr_text_squeeze(t);
}

/* --- Putting it together ------------------------------------------------ */

static char *
resolve_url(const char *href, const Meta *m)
{
    if (!href || !*href)
        return NULL;
    g_autofree char *h = g_strstrip(g_strdup(href));
    const char *scheme = g_uri_peek_scheme(h);
    if (scheme)
        return g_steal_pointer(&h);
    const char *bases[] = {m->base, meta_get(m, "og:url"), m->ld_url, m->saved_from};
    for (guint i = 0; i < G_N_ELEMENTS(bases); i++) {
        if (!bases[i] || !g_uri_peek_scheme(bases[i]))
            continue;
        char *abs = g_uri_resolve_relative(bases[i], h, G_URI_FLAGS_NONE, NULL);
        if (abs)
            return abs;
    }
    return NULL;
}

static char *
lang_code(const char *v)
{
    if (!v)
        return NULL;
    if (g_ascii_strncasecmp(v, "fr", 2) == 0 && !g_ascii_isalpha(v[2]))
        return g_strdup("fr");
    if (g_ascii_strncasecmp(v, "en", 2) == 0 && !g_ascii_isalpha(v[2]))
        return g_strdup("en");
    static const char *const names[][2] = {
        {"french", "fr"}, {"français", "fr"}, {"english", "en"}, {"anglais", "en"}};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++)
        if (g_ascii_strcasecmp(v, names[i][0]) == 0)
            return g_strdup(names[i][1]);
    return NULL;
}

static gboolean
set_date(DsrArticle *a, const char *value)
{
    DsrDate d;
    if (!value)
        return FALSE;
    g_autofree char *v = g_strstrip(g_strdup(value));
    if (!dsr_date_parse_iso(v, &d))
        return FALSE;
    a->date = dsr_date_to_iso(&d);
    return TRUE;
}

static xmlNode *
find_body(xmlNode *root)
{
    for (xmlNode *c = root ? root->children : NULL; c; c = c->next)
        if (is_el(c, "body"))
            return c;
    return root;
}

static char *
strip_private_marks(const char *text)
{
    GString *out = g_string_sized_new(strlen(text));
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c != LINK_OPEN && c != LINK_CLOSE)
            g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

static void
init_parser(void)
{
    static gsize once;
    /* libxml2 must be initialised once before threads parse at the same time. */
    if (g_once_init_enter(&once)) {
        xmlInitParser();
        g_once_init_leave(&once, 1);
    }
}

/* libxml2's tree builder refuses an element deeper than xmlParserMaxDepth
 * (256 without XML_PARSE_HUGE) and stops parsing there: everything after it
 * is lost. A tree deeper than that limit is how the stop shows. */
static gboolean
reached_parser_depth(const xmlNode *root)
{
    guint limit = xmlParserMaxDepth;
    guint depth = 1;
    const xmlNode *n = root;
    while (n) {
        if (depth > limit)
            return TRUE;
        if (n->children) {
            n = n->children;
            depth++;
            continue;
        }
        while (n && n != root && !n->next) {
            n = n->parent;
            depth--;
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
    return FALSE;
}

static void
set_depth_error(GError **error)
{
    g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT,
                "no article text found in the page: its elements are nested more than %u levels "
                "deep, the most the HTML parser reads, so the text below that depth was not read",
                (guint)xmlParserMaxDepth);
}

GPtrArray *
dsr__ingest_html(const char *text, const char *name, GError **error)
{
    init_parser();
    g_autofree char *clean = strip_private_marks(text);
    gsize len = strlen(clean);
    if (len > G_MAXINT) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "page too large to parse");
        return NULL;
    }
    /* The text is already UTF-8: telling the parser so keeps it from
     * switching to a <meta charset> that described the bytes before. */
    g_autoptr(xmlDoc) doc = htmlReadMemory(clean, (int)len, NULL, "UTF-8",
                                           HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                               HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "no article text found in the page");
        return NULL;
    }

    Meta m = {0};
    m.meta = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    m.site_names = g_ptr_array_new_with_free_func(g_free);
    collect_meta(doc->children, &m, 0);
    guint best = 0;
    find_h1(root, &m, &best, 0);
    find_time(find_body(root), &m, 0);
    find_byline_date(root, &m);

    xmlNode *body = find_body(root);
    Measure whole = measure(body);
    Prune pr = {whole.chars};
    prune(body, &pr, 0);

    gboolean with_siblings = FALSE;
    xmlNode *container = choose_container(body, &with_siblings);
    g_autoptr(GString) paragraphs = g_string_new(NULL);
    Gather g = {paragraphs, g_string_new(NULL), 0, 0, NULL};
    if (container && with_siblings && container->parent && container != body) {
        for (xmlNode *s = container->parent->children; s; s = s->next)
            if (sibling_belongs(s, container)) {
                flush_run(&g);
                gather(&g, s, 0);
                flush_run(&g);
            }
    } else if (container) {
        gather(&g, container, 0);
    }
    flush_run(&g);
    g_string_free(g.run, TRUE);
    g_autofree char *dated = g.dated;

    guint words = dsr__count_words(paragraphs->str);
    if ((words < 30 || g.linked_headings >= 4) && m.ld_body) {
        g_string_assign(paragraphs, m.ld_body);
        g.linked_headings = 0;
        words = dsr__count_words(paragraphs->str);
    }
    gboolean cut = reached_parser_depth(root);
    if (words < 20 || g.linked_headings >= 4) {
        meta_clear(&m);
        if (cut && g.linked_headings < 4) {
            set_depth_error(error);
            return NULL;
        }
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "no article text found in the page%s",
                    g.linked_headings >= 4 ? " (it lists several articles)" : "");
        return NULL;
    }

    g_autoptr(DsrArticle) a = dsr_article_new();
    a->file = g_strdup(name);
    DsrKnownFields known = 0;
    if (cut)
        g_ptr_array_add(a->warnings,
                        g_strdup_printf("the page nests its elements more than %u levels deep, the "
                                        "most the HTML parser reads: the text below was not read",
                                        (guint)xmlParserMaxDepth));

    /* URL: the canonical link, og:url, the JSON-LD url, the browser's
     * "saved from" mark; else a "Source :" line of the text. */
    const char *url_sources[] = {m.canonical, meta_get(&m, "og:url"), m.ld_url, m.saved_from};
    for (guint i = 0; i < G_N_ELEMENTS(url_sources) && !a->url; i++) {
        g_autofree char *u = resolve_url(url_sources[i], &m);
        if (u) {
            guint warned = a->warnings->len;
            dsr__article_set_url(a, u);
            /* A relative or odd address in one field should not hide a good one in the next. */
            if (!a->url)
                g_ptr_array_set_size(a->warnings, warned);
        }
    }
    if (a->url)
        known |= DSR__KNOWN_URL;
    if (!a->outlet) {
        const char *site = meta_get(&m, "og:site_name");
        if (!site)
            site = m.ld_publisher;
        if (site)
            a->outlet = dsr_text_squeeze(site);
    }

    /* Title: the visible <h1> (what a reader copies with the text), then the
     * JSON-LD headline, og:title, twitter:title, and <title> without the
     * site's name. */
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    const char *declared[] = {meta_get(&m, "og:site_name"), m.ld_publisher,
                              meta_get(&m, "application-name"), meta_get(&m, "twitter:site")};
    for (guint i = 0; i < G_N_ELEMENTS(declared); i++)
        if (declared[i])
            g_ptr_array_add(names, (gpointer)declared[i]);
    for (guint i = 0; i < m.site_names->len; i++)
        g_ptr_array_add(names, g_ptr_array_index(m.site_names, i));
    g_autofree char *host = NULL;
    if (a->url) {
        g_autoptr(GUri) uri = g_uri_parse(a->url, G_URI_FLAGS_NONE, NULL);
        if (uri && g_uri_get_host(uri))
            host = g_ascii_strdown(g_uri_get_host(uri), -1);
    }
    const char *title_sources[] = {m.h1, m.ld_headline, meta_get(&m, "og:title"),
                                   meta_get(&m, "twitter:title"), m.doc_title};
    for (guint i = 0; i < G_N_ELEMENTS(title_sources) && !a->title; i++) {
        if (!title_sources[i] || !*title_sources[i])
            continue;
        g_autofree char *t = strip_site_suffix(title_sources[i], names, host);
        /* A page without a headline still has a <title>: the site's name. */
        if (dsr__count_words_upto(t, 2) >= 2 && dsr__classify_line(t) == DSR__LINE_TEXT &&
            !names_site(t, names, host, TRUE))
            a->title = g_steal_pointer(&t);
    }
    if (a->title)
        known |= DSR__KNOWN_TITLE;

    /* Date: JSON-LD datePublished, article:published_time, itemprop
     * datePublished, the other date metas, the first <time datetime> of the
     * text, a written date in the byline; else what the text pipeline finds
     * (URL, dateline, the lead's event), or none. */
    const char *date_sources[] = {m.ld_date,
                                  meta_get(&m, "article:published_time"),
                                  meta_get(&m, "itemprop:datepublished"),
                                  meta_get(&m, "datepublished"),
                                  meta_get(&m, "og:published_time"),
                                  meta_get(&m, "date"),
                                  meta_get(&m, "pubdate"),
                                  meta_get(&m, "publishdate"),
                                  meta_get(&m, "publish-date"),
                                  meta_get(&m, "dc.date"),
                                  meta_get(&m, "dc.date.issued"),
                                  meta_get(&m, "dcterms.date"),
                                  meta_get(&m, "dcterms.created"),
                                  meta_get(&m, "sailthru.date"),
                                  meta_get(&m, "parsely-pub-date"),
                                  m.time_date,
                                  m.byline_date,
                                  dated};
    for (guint i = 0; i < G_N_ELEMENTS(date_sources) && !a->date; i++)
        set_date(a, date_sources[i]);
    if (a->date)
        known |= DSR__KNOWN_DATE;

    /* Language: declared in the page; checked against the text in finish. */
    const char *lang_sources[] = {m.html_lang,
                                  m.ld_lang,
                                  meta_get(&m, "content-language"),
                                  meta_get(&m, "og:locale"),
                                  meta_get(&m, "language"),
                                  meta_get(&m, "dc.language")};
    for (guint i = 0; i < G_N_ELEMENTS(lang_sources) && !a->lang; i++)
        a->lang = lang_code(lang_sources[i]);
    meta_clear(&m);

    g_autoptr(GError) inner = NULL;
    g_autofree char *body_text = dsr_text_clean(paragraphs->str, paragraphs->len, NULL, &inner);
    if (!body_text || !dsr__ingest_text(body_text, a, known, &inner)) {
        if (cut)
            set_depth_error(error);
        else
            g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "no article text found in the page");
        return NULL;
    }
    dsr__article_finish(a, "html");
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_article_free);
    g_ptr_array_add(out, g_steal_pointer(&a));
    return out;
}

char *
dsr__html_declared_charset(const char *data, gsize len)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]{1,40})"
                         "|^\\s*<\\?xml[^>]{0,100}?encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]{1,40})",
                         G_REGEX_CASELESS | G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    /* Browsers look at the first 1024 bytes; saved pages move the meta
     * further down behind comments and scripts, so look a little further. */
    gsize n = MIN(len, (gsize)16384);
    g_autofree char *head = g_strndup(data, n);
    g_autoptr(GMatchInfo) mi = NULL;
    if (!g_regex_match(re, head, 0, &mi))
        return NULL;
    char *v = g_match_info_fetch(mi, 1);
    if (!v || !*v) {
        g_free(v);
        v = g_match_info_fetch(mi, 2);
    }
    if (!v || !*v) {
        g_free(v);
        return NULL;
    }
    return v;
}

/* SPDX-License-Identifier: MIT
 * The PDF brief: every section of the Brief becomes blocks (Pango layouts of
 * the bundled fonts at 72 dpi, hyphenated and justified), pdf-layout.c flows
 * them onto pages in two passes (so "page N / M" and the contents know their
 * numbers), and Cairo draws them with structure tags, links, an outline and
 * fixed metadata dates, so the same brief gives the same bytes. */
#include "render-private.h"
#include "common/cleanup.h"
#include <dossier/dossier.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#define NO_COLOUR G_MAXUINT32

typedef struct {
    const DsrBrief *brief;
    const DsrRenderContext *ctx;
    const char *lang;
    PangoContext *pango;
    DsrPdfStats *stats;
    GPtrArray *blocks; /* DsrPdfBlock */
    double page_w, page_h, ml, mr, mt, mb, text_w;
    const char *body_family, *heading_family, *table_family;
    double body_size, line_spacing, para_space, table_size, heading_size, title_size;
    guint32 c_text, c_muted, c_accent, c_rule, c_mark, c_mark_fill, c_link, c_head_fill, c_new;
    int tables;
    guint toc_at;          /* where a table of contents goes in blocks */
    GArray *headings;      /* guint: block index of each section heading */
    const char *container; /* structure element opened by a block and not yet closed */
    guint cut_block;       /* the page-limit notice in blocks, or G_MAXUINT */
    GHashTable *small;     /* running header and footer layouts by width, alignment and text */
} Pdf;

static guint32
style_colour(const DsrRenderContext *ctx, const char *path, guint32 fallback)
{
    const char *s = dsr__style_string(ctx, path, NULL);
    if (!s || s[0] != '#' || strlen(s) != 7)
        return fallback;
    char *end = NULL;
    guint64 v = g_ascii_strtoull(s + 1, &end, 16);
    return end && *end == '\0' ? (guint32)v : fallback;
}

/* Text with attributes built piece by piece, and the links it holds. */
typedef struct {
    GString *s;
    PangoAttrList *attrs;
    GArray *links; /* DsrPdfLink: start, end, dest/uri owned */
} Rich;

typedef struct {
    guint32 rgb;
    PangoWeight weight;
    PangoStyle style;
    double size;        /* 0: the layout's */
    gboolean hyphenate; /* dictionary hyphenation */
    gboolean typography;
    const char *family; /* NULL: the layout's */
} Run;

/* Few faces on purpose: each face used costs a font subset (two when it
 * also sets characters outside WinAnsi), the bulk of a brief's bytes. */
static const Run PLAIN = {NO_COLOUR, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, TRUE, TRUE, NULL};

static void
rich_init(Rich *r)
{
    r->s = g_string_new(NULL);
    r->attrs = pango_attr_list_new();
    r->links = g_array_new(FALSE, TRUE, sizeof(DsrPdfLink));
}

static void
rich_clear(Rich *r)
{
    g_string_free(r->s, TRUE);
    pango_attr_list_unref(r->attrs);
    for (guint i = 0; i < r->links->len; i++) {
        g_free(g_array_index(r->links, DsrPdfLink, i).dest);
        g_free(g_array_index(r->links, DsrPdfLink, i).uri);
    }
    g_array_unref(r->links);
}

static void
attr_range(Rich *r, PangoAttribute *a, gsize start)
{
    a->start_index = (guint)start;
    a->end_index = (guint)r->s->len;
    pango_attr_list_insert(r->attrs, a);
}

static void
rich_add(Pdf *p, Rich *r, const char *text, const Run *run)
{
    if (!text || !*text)
        return;
    g_autofree char *typo = run->typography ? dsr_text_typography(text, p->lang) : g_strdup(text);
    g_autofree char *hy = run->hyphenate ? dsr__hyphenate(typo, p->lang) : g_strdup(typo);
    const gsize start = r->s->len;
    g_string_append(r->s, hy);
    if (run->rgb != NO_COLOUR)
        attr_range(r,
                   pango_attr_foreground_new((guint16)(((run->rgb >> 16) & 0xff) * 257),
                                             (guint16)(((run->rgb >> 8) & 0xff) * 257),
                                             (guint16)((run->rgb & 0xff) * 257)),
                   start);
    if (run->weight != PANGO_WEIGHT_NORMAL)
        attr_range(r, pango_attr_weight_new(run->weight), start);
    if (run->style != PANGO_STYLE_NORMAL)
        attr_range(r, pango_attr_style_new(run->style), start);
    if (run->size > 0)
        attr_range(r, pango_attr_size_new((int)(run->size * PANGO_SCALE)), start);
    if (run->family)
        attr_range(r, pango_attr_family_new(run->family), start);
}

static void
rich_link(Rich *r, gsize start, const char *dest, const char *uri)
{
    DsrPdfLink l = {(int)start, (int)r->s->len, g_strdup(dest), g_strdup(uri)};
    g_array_append_val(r->links, l);
}

/* " [1, 3]" in the accent colour, each number a link to its source. The marks
 * come from dsr__format_cites; only the digits are located in them here. */
static void
rich_cites(Pdf *p, Rich *r, const DsrCites *cites, gboolean lead_space)
{
    g_autofree char *marks = dsr__format_cites(cites);
    if (!*marks)
        return;
    if (lead_space)
        g_string_append(r->s, "\u00a0"); /* the marks stay with the last word */
    const gsize base = r->s->len;
    Run run = {p->c_link, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, FALSE, FALSE, NULL};
    rich_add(p, r, marks, &run);
    for (const char *c = marks; *c;) {
        if (!g_ascii_isdigit(*c)) {
            c++;
            continue;
        }
        const char *d = c;
        while (g_ascii_isdigit(*d))
            d++;
        g_autofree char *num = g_strndup(c, (gsize)(d - c));
        g_autofree char *dest = g_strconcat("src-", num, NULL);
        DsrPdfLink l = {(int)(base + (gsize)(c - marks)), (int)(base + (gsize)(d - marks)),
                        g_steal_pointer(&dest), NULL};
        g_array_append_val(r->links, l);
        c = d;
    }
}

/* "Nouveau" after a row whose every source is new since the previous run:
 * a word in small bold capitals of its own colour, so it reads without the
 * colour and stays quieter than the text. */
static void
rich_new_tag(Pdf *p, Rich *r, const DsrCites *cites)
{
    if (!dsr__cites_new(p->brief, cites))
        return;
    g_string_append(r->s, "\u00a0\u00a0");
    const gsize start = r->s->len;
    g_autofree char *upper = g_utf8_strup(dsr_render_label(p->ctx, p->lang, "new-tag"), -1);
    Run tag = {p->c_new, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, p->table_size * 0.8, FALSE,
               FALSE,    p->table_family};
    rich_add(p, r, upper, &tag);
    attr_range(r, pango_attr_letter_spacing_new((int)(0.6 * PANGO_SCALE)), start);
}

typedef struct {
    const char *family;
    double size;
    PangoWeight weight;
    double width;
    PangoAlignment align;
    gboolean justify;
    double spacing; /* line height factor, 0 for the font's */
} Box;

static PangoLayout *
new_layout(Pdf *p, const Box *box)
{
    PangoLayout *l = pango_layout_new(p->pango);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, box->family);
    pango_font_description_set_size(fd, (int)(box->size * PANGO_SCALE));
    pango_font_description_set_weight(fd, box->weight);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(box->width * PANGO_SCALE));
    /* URLs and codes longer than a line may break anywhere rather than overflow. */
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, box->align);
    pango_layout_set_justify(l, box->justify);
    if (box->spacing > 0)
        pango_layout_set_line_spacing(l, (float)box->spacing);
    return l;
}

/* A DsrPdfText holding @r, set in @box; @r is left empty for reuse. */
static DsrPdfText *
rich_text(Pdf *p, Rich *r, const Box *box, double x, guint32 rgb, const char *tag)
{
    PangoLayout *l = new_layout(p, box);
    pango_layout_set_text(l, r->s->str, (int)r->s->len);
    pango_layout_set_attributes(l, r->attrs);
    dsr__pdf_check_layout(l, p->stats);
    DsrPdfText *t = dsr__pdf_text_new(l, x, rgb, tag);
    for (guint i = 0; i < r->links->len; i++) {
        DsrPdfLink *ln = &g_array_index(r->links, DsrPdfLink, i);
        dsr__pdf_text_add_link(t, ln->start, ln->end, ln->dest, ln->uri);
    }
    rich_clear(r);
    rich_init(r);
    return t;
}

static DsrPdfText *
plain_text(Pdf *p, const char *text, const Run *run, const Box *box, double x, guint32 rgb,
           const char *tag)
{
    Rich r;
    rich_init(&r);
    rich_add(p, &r, text, run);
    DsrPdfText *t = rich_text(p, &r, box, x, rgb, tag);
    rich_clear(&r);
    return t;
}

static DsrPdfBlock *
add_block(Pdf *p, DsrPdfBlock *b)
{
    dsr__pdf_block_measure(b);
    g_ptr_array_add(p->blocks, b);
    return b;
}

static Box
body_box(Pdf *p, double width)
{
    Box b = {p->body_family,   p->body_size, PANGO_WEIGHT_NORMAL, width,
             PANGO_ALIGN_LEFT, TRUE,         p->line_spacing};
    return b;
}

static Box
table_box(Pdf *p, double width, PangoWeight weight, PangoAlignment align)
{
    Box b = {p->table_family, p->table_size, weight, width, align, FALSE, 1.15};
    return b;
}

static void
add_paragraph(Pdf *p, DsrPdfText *body, const char *tag, double before, double after)
{
    DsrPdfBlock *b = dsr__pdf_block_new(DSR_PDF_BLOCK_TEXT);
    b->body = body;
    b->tag = tag;
    b->space_before = before;
    b->space_after = after;
    add_block(p, b);
}

static void
add_heading(Pdf *p, DsrSection section)
{
    const char *title = dsr_render_label(p->ctx, p->lang, dsr__section_label_key(section));
    Box box = {p->heading_family,
               p->heading_size,
               PANGO_WEIGHT_BOLD,
               p->text_w,
               PANGO_ALIGN_LEFT,
               FALSE,
               0};
    Run run = PLAIN;
    run.hyphenate = FALSE;
    DsrPdfBlock *b = dsr__pdf_block_new(DSR_PDF_BLOCK_TEXT);
    b->body = plain_text(p, title, &run, &box, 0, p->c_accent, NULL);
    b->tag = "H2";
    b->space_before = p->body_size * 1.6;
    b->space_after = p->body_size * 0.6;
    b->keep_with_next = TRUE;
    b->dest = g_strdup(dsr__section_id(section));
    b->outline = g_strdup(title);
    add_block(p, b);
    guint idx = p->blocks->len - 1;
    g_array_append_val(p->headings, idx);
}

/* One list item: a marker in the hanging indent, the body beside it. */
static DsrPdfBlock *
add_item(Pdf *p, const char *marker, Rich *body, double indent, gboolean first, gboolean last,
         const char *dest, const Box *font)
{
    Run run = PLAIN;
    run.hyphenate = FALSE;
    Box bbox = font ? *font : body_box(p, 0);
    bbox.width = p->text_w - indent;
    Box mbox = bbox;
    mbox.width = indent;
    mbox.justify = FALSE;
    DsrPdfBlock *b = dsr__pdf_block_new(DSR_PDF_BLOCK_TEXT);
    b->marker = plain_text(p, marker, &run, &mbox, 0, p->c_muted, "Lbl");
    b->body = rich_text(p, body, &bbox, indent, p->c_text, "LBody");
    b->tag = "LI";
    b->open = first ? "L" : NULL;
    b->close = last;
    b->space_after = p->para_space * 0.6;
    b->dest = g_strdup(dest);
    return add_block(p, b);
}

typedef struct {
    double width;
    PangoAlignment align;
} Column;

/* A table row of @n cells; @cells are Rich texts (emptied). */
static DsrPdfBlock *
add_row(Pdf *p, const Column *cols, Rich *cells, guint n, gboolean header, int table, gboolean last)
{
    const double gap = 6;
    DsrPdfBlock *b = dsr__pdf_block_new(DSR_PDF_BLOCK_ROW);
    double x = 0;
    for (guint i = 0; i < n; i++) {
        Box box = table_box(p, cols[i].width - gap,
                            header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, cols[i].align);
        g_ptr_array_add(b->cells, rich_text(p, &cells[i], &box, x + (i ? gap / 2 : 0),
                                            header ? p->c_muted : p->c_text, header ? "TH" : "TD"));
        x += cols[i].width;
    }
    b->tag = "TR";
    b->pad = 3;
    b->header_row = header;
    b->keep_with_next = header;
    b->table = table;
    b->rule = header ? 0.8 : 0.3;
    b->open = header ? "Table" : NULL;
    b->close = last;
    if (header)
        b->fill = p->c_head_fill;
    return add_block(p, b);
}

static void
header_row(Pdf *p, const Column *cols, const char *const *keys, guint n, int table)
{
    Rich cells[8];
    g_assert(n <= G_N_ELEMENTS(cells));
    Run run = PLAIN;
    run.hyphenate = FALSE;
    for (guint i = 0; i < n; i++) {
        rich_init(&cells[i]);
        rich_add(p, &cells[i], dsr_render_label(p->ctx, p->lang, keys[i]), &run);
    }
    add_row(p, cols, cells, n, TRUE, table, FALSE);
    for (guint i = 0; i < n; i++)
        rich_clear(&cells[i]);
}

static char *
count_text(Pdf *p, guint n, const char *one_key, const char *many_key)
{
    g_autofree char *num = dsr_text_format_number((double)n, 0, p->lang);
    return dsr__label_fill(p->ctx, p->lang, n == 1 ? one_key : many_key, "n", num, NULL);
}

static void
section_header(Pdf *p)
{
    const DsrBrief *br = p->brief;
    Run run = PLAIN;
    run.hyphenate = FALSE;
    Box kbox = {p->heading_family,
                p->body_size * 0.85,
                PANGO_WEIGHT_BOLD,
                p->text_w,
                PANGO_ALIGN_LEFT,
                FALSE,
                0};
    Rich r;
    rich_init(&r);
    rich_add(p, &r, dsr_render_label(p->ctx, p->lang, "brief-kicker"), &run);
    attr_range(&r, pango_attr_letter_spacing_new((int)(0.8 * PANGO_SCALE)), 0);
    DsrPdfBlock *kick = dsr__pdf_block_new(DSR_PDF_BLOCK_TEXT);
    kick->body = rich_text(p, &r, &kbox, 0, p->c_accent, NULL);
    kick->tag = "P";
    kick->dest = g_strdup(dsr__section_id(DSR_SECTION_HEADER));
    kick->space_after = 4;
    add_block(p, kick);
    rich_clear(&r);

    Box tbox = {p->heading_family,
                p->title_size,
                PANGO_WEIGHT_BOLD,
                p->text_w,
                PANGO_ALIGN_LEFT,
                FALSE,
                1.1};
    const char *title = br->title ? br->title : dsr_render_label(p->ctx, p->lang, "no-title");
    DsrPdfBlock *t = dsr__pdf_block_new(DSR_PDF_BLOCK_TEXT);
    t->body = plain_text(p, title, &run, &tbox, 0, p->c_text, NULL);
    t->tag = "H1";
    t->outline = g_strdup(title);
    t->space_after = 6;
    t->keep_with_next = TRUE;
    add_block(p, t);

    if (br->partner_name) {
        Box pbox = {p->heading_family,
                    p->body_size * 1.15,
                    PANGO_WEIGHT_NORMAL,
                    p->text_w,
                    PANGO_ALIGN_LEFT,
                    FALSE,
                    0};
        add_paragraph(p, plain_text(p, br->partner_name, &run, &pbox, 0, p->c_muted, NULL), "P", 0,
                      8);
    }

    g_autofree char *period = dsr__format_period(p->ctx, br);
    g_autofree char *generated = dsr__format_iso_date(p->ctx, p->lang, br->generated);
    g_autofree char *count = dsr__format_sources_count(p->ctx, br);
    const char *keys[] = {"period", "generated", "sources"};
    const char *values[] = {period, generated, count};
    const Column cols[] = {{120, PANGO_ALIGN_LEFT}, {p->text_w - 120, PANGO_ALIGN_LEFT}};
    const int table = ++p->tables;
    for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
        Rich cells[2];
        rich_init(&cells[0]);
        rich_init(&cells[1]);
        Run label = run;
        label.rgb = p->c_muted;
        rich_add(p, &cells[0], dsr_render_label(p->ctx, p->lang, keys[i]), &label);
        rich_add(p, &cells[1], values[i], &run);
        DsrPdfBlock *row = add_row(p, cols, cells, 2, FALSE, table, i + 1 == G_N_ELEMENTS(keys));
        row->open = i == 0 ? "Table" : NULL;
        row->rule = i + 1 == G_N_ELEMENTS(keys) ? 1.2 : 0;
        row->pad = 1.5;
        dsr__pdf_block_measure(row);
        rich_clear(&cells[0]);
        rich_clear(&cells[1]);
    }
    p->toc_at = p->blocks->len;
}

static void
section_key_points(Pdf *p)
{
    const GArray *kp = p->brief->key_points;
    for (guint i = 0; i < kp->len; i++) {
        const DsrKeyPoint *k = &g_array_index(kp, DsrKeyPoint, i);
        Rich r;
        rich_init(&r);
        rich_add(p, &r, k->text, &PLAIN);
        rich_cites(p, &r, k->cites, TRUE);
        rich_new_tag(p, &r, k->cites);
        add_item(p, "•", &r, 14, i == 0, i + 1 == kp->len, NULL, NULL);
        rich_clear(&r);
    }
}

static void
section_figures(Pdf *p)
{
    const GArray *fg = p->brief->figures;
    const double fixed = 58 + 36 + 106 + 52;
    const Column cols[] = {{p->text_w - fixed, PANGO_ALIGN_LEFT},
                           {58, PANGO_ALIGN_LEFT},
                           {36, PANGO_ALIGN_LEFT},
                           {92, PANGO_ALIGN_RIGHT},
                           {52, PANGO_ALIGN_LEFT}};
    const int table = ++p->tables;
    header_row(p, cols, dsr__figure_columns, G_N_ELEMENTS(cols), table);
    Run nohy = PLAIN;
    nohy.hyphenate = FALSE;
    for (guint i = 0; i < fg->len; i++) {
        const DsrBriefFigure *f = &g_array_index(fg, DsrBriefFigure, i);
        const gboolean disputed = dsr__figure_disputed(p->brief, i);
        Rich c[5];
        for (guint j = 0; j < G_N_ELEMENTS(c); j++)
            rich_init(&c[j]);
        rich_add(p, &c[0], dsr__figure_subject(f), &PLAIN);
        rich_new_tag(p, &c[0], f->cites);
        if (f->variants && f->variants->len > 0) {
            /* Other wordings of the same figure, quoted with who wrote them. */
            Run muted = PLAIN;
            muted.rgb = p->c_muted;
            muted.hyphenate = FALSE;
            g_autofree char *colon = dsr_text_typography(" : ", p->lang);
            g_string_append_c(c[0].s, '\n');
            rich_add(p, &c[0], dsr_render_label(p->ctx, p->lang, "figure-variants"), &muted);
            rich_add(p, &c[0], g_strcmp0(p->lang, "en") == 0 ? ": " : colon, &muted);
            for (guint v = 0; v < f->variants->len; v++) {
                const DsrFigureVariant *w = &g_array_index(f->variants, DsrFigureVariant, v);
                g_autofree char *quoted = g_strcmp0(p->lang, "en") == 0
                                              ? g_strdup_printf("“%s”", w->quote)
                                              : g_strdup_printf("« %s »", w->quote);
                if (v)
                    rich_add(p, &c[0], ", ", &muted);
                rich_add(p, &c[0], quoted, &muted);
                rich_cites(p, &c[0], w->cites, TRUE);
            }
        }
        if (disputed) {
            Run mark = {p->c_mark, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, FALSE, TRUE, NULL};
            g_string_append_c(c[0].s, '\n');
            rich_add(p, &c[0], dsr_render_label(p->ctx, p->lang, "discrepancy"), &mark);
            if (f->discrepancy) {
                Run why = {p->c_mark, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, TRUE, TRUE, NULL};
                g_autofree char *sep = dsr_text_typography(" : ", p->lang);
                rich_add(p, &c[0], g_strcmp0(p->lang, "en") == 0 ? ": " : sep, &mark);
                rich_add(p, &c[0], f->discrepancy, &why);
            }
        }
        rich_add(p, &c[1], f->entity ? f->entity : "–", &nohy);
        if (f->year > 0) {
            g_autofree char *year = g_strdup_printf("%d", f->year); /* a year, not a quantity */
            rich_add(p, &c[2], year, &nohy);
        } else {
            rich_add(p, &c[2], "–", &nohy);
        }
        g_autofree char *value = dsr__format_brief_figure(p->ctx, p->lang, f);
        Run strong = nohy;
        strong.weight = PANGO_WEIGHT_BOLD;
        rich_add(p, &c[3], value, &strong);
        if (f->equivalent.quote) {
            /* The source's own restatement ("soit environ 200 Md USD"), formatted as values are. */
            const DsrFigureEquivalent *eq = &f->equivalent;
            g_autofree char *shown =
                dsr__format_figure(p->ctx, p->lang, eq->kind, eq->value, eq->scale, eq->currency,
                                   eq->unit, eq->qualifier);
            g_autofree char *line = g_strdup_printf(
                "\n%s %s", dsr_render_label(p->ctx, p->lang, "figure-equivalent"), shown);
            Run muted = nohy;
            muted.rgb = p->c_muted;
            rich_add(p, &c[3], line, &muted);
        }
        rich_cites(p, &c[4], f->cites, FALSE);
        DsrPdfBlock *row = add_row(p, cols, c, G_N_ELEMENTS(c), FALSE, table, i + 1 == fg->len);
        if (disputed) {
            row->fill = p->c_mark_fill;
            row->bar = p->c_mark;
        }
        for (guint j = 0; j < G_N_ELEMENTS(c); j++)
            rich_clear(&c[j]);
    }
}

/* The chart layout holds its own title (with the unit) and source line, so
 * the figure is one block, kept on one page. */
static void
section_charts(Pdf *p)
{
    const GArray *charts = p->brief->charts;
    for (guint i = 0; i < charts->len; i++) {
        const DsrChartSpec *spec = &g_array_index(charts, DsrChartSpec, i);
        DsrPdfBlock *fig = dsr__pdf_block_new(DSR_PDF_BLOCK_CHART);
        fig->chart = dsr_chart_layout(spec, p->text_w, p->pango, p->table_family, p->lang);
        fig->tag = "Figure";
        fig->space_before = i ? p->body_size * 1.2 : 0;
        fig->space_after = 4;
        add_block(p, fig);
    }
}

static void
section_themes(Pdf *p)
{
    const GArray *th = p->brief->themes;
    for (guint i = 0; i < th->len; i++) {
        const DsrBriefTheme *t = &g_array_index(th, DsrBriefTheme, i);
        Rich r;
        rich_init(&r);
        Run name = PLAIN;
        name.weight = PANGO_WEIGHT_BOLD;
        name.family = p->heading_family;
        rich_add(p, &r, t->name, &name);
        if (t->count > 0) {
            g_autofree char *n =
                count_text(p, (guint)t->count, "articles-count-one", "articles-count");
            g_autofree char *txt = g_strdup_printf(" (%s)", n);
            Run muted = PLAIN;
            muted.rgb = p->c_muted;
            muted.hyphenate = FALSE;
            rich_add(p, &r, txt, &muted);
        }
        if (t->example) {
            g_string_append_c(r.s, '\n');
            Run ex = PLAIN;
            ex.rgb = p->c_muted;
            rich_add(p, &r, t->example, &ex);
            rich_cites(p, &r, t->cites, TRUE);
        } else {
            rich_cites(p, &r, t->cites, TRUE);
        }
        add_item(p, "•", &r, 14, i == 0, i + 1 == th->len, NULL, NULL);
        rich_clear(&r);
    }
}

static void
section_events(Pdf *p)
{
    const GArray *ev = p->brief->events;
    const double fixed = 80 + 56 + 84;
    const Column cols[] = {{80, PANGO_ALIGN_LEFT},
                           {56, PANGO_ALIGN_LEFT},
                           {84, PANGO_ALIGN_LEFT},
                           {p->text_w - fixed, PANGO_ALIGN_LEFT}};
    const char *keys[] = {"col-date", "col-type", "col-place", "col-event"};
    const int table = ++p->tables;
    header_row(p, cols, keys, G_N_ELEMENTS(keys), table);
    Run nohy = PLAIN;
    nohy.hyphenate = FALSE;
    for (guint i = 0; i < ev->len; i++) {
        const DsrBriefEvent *e = &g_array_index(ev, DsrBriefEvent, i);
        Rich c[4];
        for (guint j = 0; j < G_N_ELEMENTS(c); j++)
            rich_init(&c[j]);
        g_autofree char *date = dsr__format_iso_date(p->ctx, p->lang, e->date);
        rich_add(p, &c[0], date, &nohy);
        g_autofree char *key = g_strconcat("event-", dsr_event_type_name(e->type), NULL);
        rich_add(p, &c[1], dsr_render_label(p->ctx, p->lang, key), &nohy);
        rich_add(p, &c[2], e->place ? e->place : "–", &nohy);
        rich_add(p, &c[3], e->summary, &PLAIN);
        rich_cites(p, &c[3], e->cites, TRUE);
        rich_new_tag(p, &c[3], e->cites);
        add_row(p, cols, c, G_N_ELEMENTS(c), FALSE, table, i + 1 == ev->len);
        for (guint j = 0; j < G_N_ELEMENTS(c); j++)
            rich_clear(&c[j]);
    }
}

/* A side's heading: one cell across the table, kept with the side's first
 * row so it never ends a page alone. */
static void
side_row(Pdf *p, DsrActorSide side, int table)
{
    g_autofree char *heading = dsr__side_heading(p->ctx, p->brief, side);
    Run run = PLAIN;
    run.hyphenate = FALSE;
    run.weight = PANGO_WEIGHT_BOLD;
    run.rgb = p->c_accent;
    Rich cell;
    rich_init(&cell);
    rich_add(p, &cell, heading, &run);
    const Column all = {p->text_w, PANGO_ALIGN_LEFT};
    DsrPdfBlock *row = add_row(p, &all, &cell, 1, FALSE, table, FALSE);
    rich_clear(&cell);
    DsrPdfText *text = g_ptr_array_index(row->cells, 0);
    text->tag = "TH";
    row->keep_with_next = TRUE;
    row->space_before = side == DSR_SIDE_HOME ? 0 : p->table_size * 0.6;
    row->rule = 0.8;
}

static void
section_actors(Pdf *p)
{
    const GArray *ac = p->brief->actors;
    /* The sources column holds five four-digit numbers and "et 515 autres"
     * in a few lines; a side is a code of two to five letters. */
    const double fixed = 150 + 50 + 92;
    const Column cols[] = {{150, PANGO_ALIGN_LEFT},
                           {p->text_w - fixed, PANGO_ALIGN_LEFT},
                           {50, PANGO_ALIGN_LEFT},
                           {92, PANGO_ALIGN_LEFT}};
    const char *keys[] = {"col-name", "col-role", "col-entity", "col-sources"};
    const int table = ++p->tables;
    header_row(p, cols, keys, G_N_ELEMENTS(keys), table);
    Run nohy = PLAIN;
    nohy.hyphenate = FALSE;
    /* Walked side by side rather than trusting the brief's order: a brief
     * edited by hand keeps its groups. */
    guint left = ac->len;
    for (int side = DSR_SIDE_HOME; side < DSR_N_SIDES; side++) {
        gboolean first = TRUE;
        for (guint i = 0; i < ac->len; i++) {
            const DsrBriefActor *a = &g_array_index(ac, DsrBriefActor, i);
            if (dsr__actor_side(p->brief, a) != (DsrActorSide)side)
                continue;
            if (first)
                side_row(p, (DsrActorSide)side, table);
            first = FALSE;
            Rich c[4];
            for (guint j = 0; j < G_N_ELEMENTS(c); j++)
                rich_init(&c[j]);
            Run name = nohy;
            name.weight = PANGO_WEIGHT_BOLD;
            rich_add(p, &c[0], a->name, &name);
            rich_add(p, &c[1], a->role ? a->role : "–", &PLAIN);
            rich_add(p, &c[2], a->entity ? a->entity : "–", &nohy);
            rich_cites(p, &c[3], a->cites, FALSE);
            g_autofree char *more = dsr__format_more_mentions(p->ctx, p->brief, a);
            if (more) {
                Run muted = nohy;
                muted.rgb = p->c_muted;
                g_string_append_c(c[3].s, '\n');
                rich_add(p, &c[3], more, &muted);
            }
            add_row(p, cols, c, G_N_ELEMENTS(c), FALSE, table, --left == 0);
            for (guint j = 0; j < G_N_ELEMENTS(c); j++)
                rich_clear(&c[j]);
        }
    }
}

/* The hanging indent a list needs for its widest marker ("[1749]" is wider
 * than the 26 pt that take "[99]"): the marker's own width and a gap. */
static double
marker_indent(Pdf *p, const char *widest, const Box *font, double at_least)
{
    Run run = PLAIN;
    run.hyphenate = FALSE;
    Box box = *font;
    box.width = p->text_w;
    box.justify = FALSE;
    DsrPdfText *t = plain_text(p, widest, &run, &box, 0, p->c_muted, NULL);
    PangoRectangle ink, logical;
    pango_layout_get_extents(t->layout, &ink, &logical);
    dsr__pdf_text_free(t);
    return MAX(at_least, (double)logical.width / PANGO_SCALE + 5);
}

static void
section_sources(Pdf *p)
{
    const GArray *src = p->brief->sources;
    /* The articles the brief cites; the others are counted under the list
     * (dsr__format_omitted) and all stay in the JSON. */
    g_autofree guint8 *cited = dsr_brief_cited_sources(p->brief, NULL);
    guint first = 0, last = 0;
    for (guint i = 0; i < src->len; i++)
        if (cited[i + 1]) {
            if (!first)
                first = i + 1;
            last = i + 1;
        }
    /* Not justified: a line holding a long URL would gape. */
    Box font = table_box(p, 0, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT);
    font.size = p->table_size + 0.5;
    double indent = 26;
    if (last) {
        /* Written as the citations write it (dsr__format_cites): "[12345]". */
        const DsrSource *s = &g_array_index(src, DsrSource, last - 1);
        g_autofree char *marker = g_strdup_printf("[%d]", s->n);
        indent = marker_indent(p, marker, &font, indent);
    }
    for (guint i = 0; i < src->len; i++) {
        if (!cited[i + 1])
            continue;
        const DsrSource *s = &g_array_index(src, DsrSource, i);
        Rich r;
        rich_init(&r);
        Run title = PLAIN;
        title.weight = PANGO_WEIGHT_BOLD;
        rich_add(p, &r, s->title ? s->title : dsr_render_label(p->ctx, p->lang, "no-title"),
                 &title);
        Run meta = PLAIN;
        meta.rgb = p->c_muted;
        meta.hyphenate = FALSE;
        if (s->outlet) {
            g_string_append(r.s, ". ");
            rich_add(p, &r, s->outlet, &meta);
        }
        if (s->date) {
            g_autofree char *date = dsr__format_iso_date(p->ctx, p->lang, s->date);
            g_string_append(r.s, s->outlet ? ", " : ". ");
            rich_add(p, &r, date, &meta);
        }
        Run raw = {p->c_muted, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, FALSE, FALSE, NULL};
        if (s->url) {
            g_string_append_c(r.s, '\n');
            const gsize start = r.s->len;
            Run url = raw;
            const gboolean safe = dsr__url_is_safe(s->url, FALSE);
            if (safe)
                url.rgb = p->c_link;
            rich_add(p, &r, s->url, &url);
            if (safe)
                rich_link(&r, start, NULL, s->url);
        }
        if (s->file) {
            g_string_append_c(r.s, '\n');
            rich_add(p, &r, s->file, &raw);
        }
        g_autofree char *marker = g_strdup_printf("[%d]", s->n);
        g_autofree char *dest = g_strdup_printf("src-%d", s->n);
        add_item(p, marker, &r, indent, i + 1 == first, i + 1 == last, dest, &font);
        rich_clear(&r);
    }
}

/* "12 autres chiffres… ne sont pas repris.": a quiet line under the section
 * whose rows the brief's limits cut. */
static void
omitted_line(Pdf *p, DsrSection section)
{
    g_autofree char *text = dsr__format_omitted(p->ctx, p->brief, section);
    if (!text)
        return;
    Run run = PLAIN;
    run.hyphenate = FALSE;
    run.style = PANGO_STYLE_ITALIC;
    Box box = table_box(p, p->text_w, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT);
    add_paragraph(p, plain_text(p, text, &run, &box, 0, p->c_muted, NULL), "P", 4, 0);
}

static gboolean
build_section(DsrSection section, gpointer data, GError **error G_GNUC_UNUSED)
{
    Pdf *p = data;
    if (section != DSR_SECTION_HEADER)
        add_heading(p, section);
    switch (section) {
    case DSR_SECTION_HEADER:
        section_header(p);
        break;
    case DSR_SECTION_KEY_POINTS:
        section_key_points(p);
        break;
    case DSR_SECTION_FIGURES:
        section_figures(p);
        break;
    case DSR_SECTION_CHARTS:
        section_charts(p);
        break;
    case DSR_SECTION_THEMES:
        section_themes(p);
        break;
    case DSR_SECTION_EVENTS:
        section_events(p);
        break;
    case DSR_SECTION_ACTORS:
        section_actors(p);
        break;
    case DSR_SECTION_SOURCES:
        section_sources(p);
        break;
    }
    omitted_line(p, section);
    return TRUE;
}

/* The contents: one row per section heading, its page on the right. The
 * numbers are filled once the final pagination is known; their width does not
 * change any height. */
static void
build_contents(Pdf *p, const guint *pages)
{
    GPtrArray *doc = p->blocks;
    p->blocks = g_ptr_array_new();

    Run run = PLAIN;
    run.hyphenate = FALSE;
    Box hbox = {p->heading_family,
                p->heading_size,
                PANGO_WEIGHT_BOLD,
                p->text_w,
                PANGO_ALIGN_LEFT,
                FALSE,
                0};
    DsrPdfBlock *h = dsr__pdf_block_new(DSR_PDF_BLOCK_TEXT);
    h->body = plain_text(p, dsr_render_label(p->ctx, p->lang, "contents"), &run, &hbox, 0,
                         p->c_accent, NULL);
    h->tag = "H2";
    h->space_before = p->body_size * 1.6;
    h->space_after = p->body_size * 0.4;
    h->keep_with_next = TRUE;
    add_block(p, h);
    const Column cols[] = {{p->text_w - 40, PANGO_ALIGN_LEFT}, {40, PANGO_ALIGN_RIGHT}};
    for (guint i = 0; i < p->headings->len; i++) {
        const DsrPdfBlock *sec = g_ptr_array_index(doc, g_array_index(p->headings, guint, i));
        Rich c[2];
        rich_init(&c[0]);
        rich_init(&c[1]);
        /* A section the page limit cuts off is listed without a page: the
         * reader learns it exists (in the HTML and JSON), and no link points
         * at a destination the PDF does not hold. */
        const gboolean in_pdf = !pages || pages[i] < p->ctx->max_pages;
        rich_add(p, &c[0], sec->outline, &run);
        if (in_pdf)
            rich_link(&c[0], 0, sec->dest, NULL);
        g_autofree char *num =
            in_pdf ? dsr_text_format_number(pages ? pages[i] + 1 : 0, 0, p->lang)
                   : g_strdup(dsr_render_label(p->ctx, p->lang, "contents-not-in-pdf"));
        rich_add(p, &c[1], num, &run);
        if (in_pdf)
            rich_link(&c[1], 0, sec->dest, NULL);
        Box b0 = {p->body_family,
                  p->body_size,
                  PANGO_WEIGHT_NORMAL,
                  cols[0].width,
                  PANGO_ALIGN_LEFT,
                  FALSE,
                  0};
        Box b1 = b0;
        b1.width = cols[1].width;
        b1.align = PANGO_ALIGN_RIGHT;
        DsrPdfBlock *row = dsr__pdf_block_new(DSR_PDF_BLOCK_ROW);
        g_ptr_array_add(row->cells, rich_text(p, &c[0], &b0, 0, p->c_text, NULL));
        g_ptr_array_add(row->cells, rich_text(p, &c[1], &b1, cols[0].width, p->c_text, NULL));
        row->tag = "TOCI";
        row->open = i == 0 ? "TOC" : NULL;
        row->close = i + 1 == p->headings->len;
        row->pad = 2;
        row->rule = 0.3;
        add_block(p, row);
        rich_clear(&c[0]);
        rich_clear(&c[1]);
    }
    const guint added = p->blocks->len;
    for (guint i = 0; i < added; i++)
        g_ptr_array_insert(doc, (gint)(p->toc_at + i), g_ptr_array_index(p->blocks, i));
    g_ptr_array_unref(p->blocks);
    p->blocks = doc;
    for (guint i = 0; i < p->headings->len; i++)
        g_array_index(p->headings, guint, i) += added;
}

static void
remove_contents(Pdf *p)
{
    const guint added = 1 + p->headings->len;
    g_ptr_array_remove_range(p->blocks, p->toc_at, added);
    for (guint i = 0; i < p->headings->len; i++)
        g_array_index(p->headings, guint, i) -= added;
}

static void
set_rgb(cairo_t *cr, guint32 rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0);
}

static void
draw_small(Pdf *p, cairo_t *cr, const char *text, double x, double baseline, double width,
           PangoAlignment align)
{
    /* The running header and most of the footer say the same on every page:
     * each is set once and drawn again from its layout. */
    char w[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *key =
        g_strdup_printf("%d %s %s", (int)align, g_ascii_formatd(w, sizeof w, "%.2f", width), text);
    PangoLayout *l = g_hash_table_lookup(p->small, key);
    if (!l) {
        Box box = {
            p->table_family, p->table_size * 0.9, PANGO_WEIGHT_NORMAL, width, align, FALSE, 0};
        l = new_layout(p, &box);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_text(l, text, -1);
        dsr__pdf_check_layout(l, p->stats);
        g_hash_table_insert(p->small, g_steal_pointer(&key), l);
    }
    PangoLayoutIter *it = pango_layout_get_iter(l);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    set_rgb(cr, p->c_muted);
    cairo_move_to(cr, x + (double)logical.x / PANGO_SCALE, baseline);
    pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
    pango_layout_iter_free(it);
}

/* Running header (from page 2: page 1 holds the cover block) and footer. */
static void
draw_furniture(Pdf *p, cairo_t *cr, guint page, guint n_pages)
{
    const DsrBrief *br = p->brief;
    cairo_set_line_width(cr, 0.4);
    set_rgb(cr, p->c_rule);
    if (page > 0) {
        const char *title = br->title ? br->title : "";
        g_autofree char *t = dsr_text_typography(title, p->lang);
        draw_small(p, cr, t, p->ml, p->mt - 20, p->text_w * 0.7, PANGO_ALIGN_LEFT);
        if (br->partner_name)
            draw_small(p, cr, br->partner_name, p->ml + p->text_w * 0.7, p->mt - 20,
                       p->text_w * 0.3, PANGO_ALIGN_RIGHT);
        set_rgb(cr, p->c_rule);
        cairo_move_to(cr, p->ml, p->mt - 14);
        cairo_line_to(cr, p->ml + p->text_w, p->mt - 14);
        cairo_stroke(cr);
    }
    const double fy = p->page_h - p->mb + 14;
    set_rgb(cr, p->c_rule);
    cairo_move_to(cr, p->ml, fy);
    cairo_line_to(cr, p->ml + p->text_w, fy);
    cairo_stroke(cr);
    g_autofree char *date = dsr__format_iso_date(p->ctx, p->lang, br->generated);
    g_autofree char *gen =
        g_strdup_printf("%s %s", dsr_render_label(p->ctx, p->lang, "generated"), date);
    g_autofree char *src =
        count_text(p, dsr_brief_source_count(br), "footer-sources-one", "footer-sources");
    g_autofree char *n = dsr_text_format_number(page + 1, 0, p->lang);
    g_autofree char *m = dsr_text_format_number(n_pages, 0, p->lang);
    g_autofree char *pg = dsr__label_fill(p->ctx, p->lang, "page", "n", n, "m", m, NULL);
    const double third = p->text_w / 3;
    draw_small(p, cr, gen, p->ml, fy + 12, third, PANGO_ALIGN_LEFT);
    draw_small(p, cr, src, p->ml + third, fy + 12, third, PANGO_ALIGN_CENTER);
    draw_small(p, cr, pg, p->ml + 2 * third, fy + 12, third, PANGO_ALIGN_RIGHT);
}

static void
draw_row(Pdf *p, cairo_t *cr, const DsrPdfBlock *b, double y)
{
    if (b->fill != NO_COLOUR) {
        set_rgb(cr, b->fill);
        cairo_rectangle(cr, p->ml, y, p->text_w, b->height);
        cairo_fill(cr);
    }
    if (b->bar != NO_COLOUR) {
        set_rgb(cr, b->bar);
        cairo_rectangle(cr, p->ml, y, 2.5, b->height);
        cairo_fill(cr);
    }
    if (b->rule > 0) {
        set_rgb(cr, b->header_row ? p->c_muted : p->c_rule);
        cairo_set_line_width(cr, b->rule);
        cairo_move_to(cr, p->ml, y + b->height);
        cairo_line_to(cr, p->ml + p->text_w, y + b->height);
        cairo_stroke(cr);
    }
    cairo_tag_begin(cr, b->tag, NULL);
    for (guint i = 0; i < b->cells->len; i++) {
        const DsrPdfText *c = g_ptr_array_index(b->cells, i);
        const double x = p->ml + (b->bar != NO_COLOUR && i == 0 ? 4 : 0);
        dsr__pdf_draw_text(cr, c, x, y + b->pad, 0, (guint)pango_layout_get_line_count(c->layout),
                           FALSE, p->stats);
    }
    cairo_tag_end(cr, b->tag);
}

static void
draw_place(Pdf *p, cairo_t *cr, cairo_surface_t *surface, const DsrPdfPlace *pl)
{
    const DsrPdfBlock *b = g_ptr_array_index(p->blocks, pl->block);
    const gboolean opening = pl->first_piece && !pl->repeat;
    if (opening && b->open) {
        cairo_tag_begin(cr, b->open, NULL);
        p->container = b->open;
    }
    if (opening && b->dest && !pl->last_piece)
        p->stats->split_targets++;
    if (opening && b->dest) {
        char y[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *attr = g_strdup_printf(
            "name='%s' x=0 y=%s", b->dest, g_ascii_formatd(y, sizeof y, "%.1f", MAX(pl->y - 6, 0)));
        /* Empty: the position is explicit, and a destination wrapped around
         * a block that splits over pages would close while the block's own
         * elements are still open, which cairo rejects as bad nesting. */
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
        cairo_tag_end(cr, CAIRO_TAG_DEST);
    }
    if (opening && b->outline) {
        g_autofree char *link = b->dest ? g_strdup_printf("dest='%s'", b->dest) : NULL;
        char y[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *pos =
            g_strdup_printf("page=%u pos=[0 %s]", pl->page + 1,
                            g_ascii_formatd(y, sizeof y, "%.1f", MAX(pl->y - 6, 0)));
        cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, b->outline,
                                      link ? link : pos, 0);
    }
    switch (b->kind) {
    case DSR_PDF_BLOCK_TEXT: {
        if (pl->first_piece && b->tag)
            cairo_tag_begin(cr, b->tag, NULL);
        if (pl->first_piece && b->marker) {
            /* The marker sits on the first line's baseline. */
            const double base = g_array_index(b->line_base, double, 0);
            PangoLayoutIter *it = pango_layout_get_iter(b->marker->layout);
            const double mbase = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            pango_layout_iter_free(it);
            dsr__pdf_draw_text(cr, b->marker, p->ml, pl->y + base - mbase, 0, 1, FALSE, p->stats);
        }
        if (pl->first_piece && b->body->tag)
            cairo_tag_begin(cr, b->body->tag, NULL);
        DsrPdfText body = *b->body;
        body.tag = NULL;
        /* A paragraph split over pages is one element holding one Span per
         * page: marked content must not cross a page. */
        const gboolean split = !(pl->first_piece && pl->last_piece);
        dsr__pdf_draw_text(cr, &body, p->ml, pl->y, pl->first, pl->n, split, p->stats);
        if (pl->last_piece && b->body->tag)
            cairo_tag_end(cr, b->body->tag);
        if (pl->last_piece && b->tag)
            cairo_tag_end(cr, b->tag);
        break;
    }
    case DSR_PDF_BLOCK_ROW:
        draw_row(p, cr, b, pl->y);
        break;
    case DSR_PDF_BLOCK_CHART:
        if (b->chart) {
            cairo_tag_begin(cr, b->tag, NULL);
            cairo_save(cr);
            dsr_chart_draw_cairo(b->chart, cr, p->pango, p->table_family, p->ml, pl->y);
            cairo_restore(cr);
            cairo_tag_end(cr, b->tag);
        }
        break;
    }
    if (pl->last_piece && !pl->repeat && b->close && p->container) {
        cairo_tag_end(cr, p->container);
        p->container = NULL;
    }
}

/* Height of the piece @pl sets on its page. */
static double
place_height(const DsrPdfBlock *b, const DsrPdfPlace *pl)
{
    if (b->kind != DSR_PDF_BLOCK_TEXT)
        return b->height;
    return g_array_index(b->line_bottom, double, pl->first + pl->n - 1) -
           g_array_index(b->line_top, double, pl->first);
}

/* Cuts @places after @max pages: what fits on the last page above the notice
 * saying so is kept (whole rows and charts, a paragraph down to its last line
 * that fits), a heading or table header left at the end goes too, and the
 * notice follows the last piece kept. The piece that ends the cut closes its
 * elements as if it were the block's last. */
static void
cut_places(Pdf *p, GArray *places, guint max)
{
    g_autofree char *n = dsr_text_format_number(max, 0, p->lang);
    g_autofree char *text =
        dsr__label_fill(p->ctx, p->lang, max == 1 ? "pdf-cut-one" : "pdf-cut", "n", n, NULL);
    Run run = PLAIN;
    run.hyphenate = FALSE;
    run.weight = PANGO_WEIGHT_BOLD;
    Box box = table_box(p, p->text_w, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT);
    box.size = p->table_size + 0.5;
    DsrPdfBlock *note = dsr__pdf_block_new(DSR_PDF_BLOCK_TEXT);
    note->body = plain_text(p, text, &run, &box, 0, p->c_mark, NULL);
    note->tag = "P";
    add_block(p, note);
    const guint note_block = p->blocks->len - 1;

    const double gap = p->body_size;
    const double limit = p->page_h - p->mb - note->height - gap;
    guint keep = 0;
    for (guint i = 0; i < places->len; i++) {
        DsrPdfPlace *pl = &g_array_index(places, DsrPdfPlace, i);
        if (pl->page + 1 < max) {
            keep = i + 1;
            continue;
        }
        if (pl->page + 1 > max)
            break;
        const DsrPdfBlock *b = g_ptr_array_index(p->blocks, pl->block);
        if (pl->y + place_height(b, pl) <= limit) {
            keep = i + 1;
            continue;
        }
        if (b->kind == DSR_PDF_BLOCK_TEXT) {
            while (pl->n > 0 && pl->y + place_height(b, pl) > limit)
                pl->n--;
            if (pl->n > 0) {
                pl->last_piece = TRUE;
                keep = i + 1;
            }
        }
        break;
    }
    while (keep > 0) {
        const DsrPdfPlace *pl = &g_array_index(places, DsrPdfPlace, keep - 1);
        const DsrPdfBlock *b = g_ptr_array_index(p->blocks, pl->block);
        if (!b->keep_with_next || !pl->first_piece || pl->page + 1 != max)
            break;
        keep--;
    }
    g_array_set_size(places, keep);
    if (keep > 0)
        g_array_index(places, DsrPdfPlace, keep - 1).last_piece = TRUE;
    double y = p->mt;
    if (keep > 0) {
        const DsrPdfPlace *last = &g_array_index(places, DsrPdfPlace, keep - 1);
        if (last->page + 1 == max)
            y = last->y + place_height(g_ptr_array_index(p->blocks, last->block), last) + gap;
    }
    DsrPdfPlace at = {note_block, max - 1, y, 0, note->line_top->len, TRUE, TRUE, FALSE};
    g_array_append_val(places, at);
    p->cut_block = note_block;
}

static cairo_status_t
write_bytes(void *closure, const unsigned char *data, unsigned int length)
{
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo(cairo_status_t status, const char *what, GError **error)
{
    if (status == CAIRO_STATUS_SUCCESS)
        return TRUE;
    g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "pdf: %s: %s", what,
                cairo_status_to_string(status));
    return FALSE;
}

static void
set_metadata(Pdf *p, cairo_surface_t *surface)
{
    const DsrBrief *br = p->brief;
    if (br->title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, br->title);
    if (p->ctx->author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, p->ctx->author);
    g_autofree char *period = dsr__format_period(p->ctx, br);
    g_autofree char *subject =
        br->partner_name
            ? g_strdup_printf("%s – %s – %s", dsr_render_label(p->ctx, p->lang, "brief-kicker"),
                              br->partner_name, period)
            : g_strdup_printf("%s – %s", dsr_render_label(p->ctx, p->lang, "brief-kicker"), period);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject);
    GString *kw = g_string_new(NULL);
    if (br->partner_name)
        g_string_append(kw, br->partner_name);
    if (br->partner)
        g_string_append_printf(kw, "%s%s", kw->len ? ", " : "", br->partner);
    for (guint i = 0; i < br->themes->len; i++)
        g_string_append_printf(kw, "%s%s", kw->len ? ", " : "",
                               g_array_index(br->themes, DsrBriefTheme, i).name);
    if (kw->len)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, kw->str);
    g_string_free(kw, TRUE);
    g_autofree char *creator = g_strdup_printf("dossier %s", dsr_version());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator);
    /* cairo 1.16 ignores SOURCE_DATE_EPOCH: the dates are set from the run's
     * "now", which is what makes two renderings byte-identical. */
    g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc(p->ctx->now);
    if (now) {
        g_autofree char *iso = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
    }
}

static void
load_style(Pdf *p)
{
    const DsrRenderContext *ctx = p->ctx;
    const gboolean letter = g_strcmp0(ctx->paper, "letter") == 0;
    p->page_w = letter ? 612 : 595.28;
    p->page_h = letter ? 792 : 841.89;
    const cJSON *paper = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(ctx->page_style, "paper"), letter ? "letter" : "a4");
    if (cJSON_IsArray(paper) && cJSON_GetArraySize(paper) == 2 &&
        cJSON_IsNumber(cJSON_GetArrayItem(paper, 0)) &&
        cJSON_IsNumber(cJSON_GetArrayItem(paper, 1))) {
        p->page_w = cJSON_GetArrayItem(paper, 0)->valuedouble;
        p->page_h = cJSON_GetArrayItem(paper, 1)->valuedouble;
    }
    p->mt = dsr__style_number(ctx, "margins.top", 62);
    p->mb = dsr__style_number(ctx, "margins.bottom", 62);
    p->ml = dsr__style_number(ctx, "margins.left", 62);
    p->mr = dsr__style_number(ctx, "margins.right", 62);
    p->text_w = p->page_w - p->ml - p->mr;
    p->body_family = dsr__style_string(ctx, "fonts.body", "Noto Serif");
    p->heading_family = dsr__style_string(ctx, "fonts.heading", "Noto Sans");
    p->table_family = dsr__style_string(ctx, "fonts.table", "Noto Sans");
    p->body_size = dsr__style_number(ctx, "body.size", 10.5);
    p->line_spacing = dsr__style_number(ctx, "body.line_spacing", 1.3);
    p->para_space = dsr__style_number(ctx, "body.paragraph_space", 6);
    p->table_size = dsr__style_number(ctx, "table.size", 8.5);
    p->heading_size = dsr__style_number(ctx, "heading.size", 13);
    p->title_size = dsr__style_number(ctx, "title.size", 20);
    p->c_text = style_colour(ctx, "colors.text", 0x1a1a1a);
    p->c_muted = style_colour(ctx, "colors.muted", 0x5a5a5a);
    p->c_accent = style_colour(ctx, "colors.accent", 0x0b4f8a);
    p->c_rule = style_colour(ctx, "colors.rule", 0xc8c8c8);
    p->c_mark = style_colour(ctx, "colors.discrepancy", 0xa04a00);
    p->c_mark_fill = style_colour(ctx, "colors.discrepancy_fill", 0xfbecd6);
    p->c_link = style_colour(ctx, "colors.link", p->c_accent);
    p->c_head_fill = style_colour(ctx, "colors.table_head", 0xeef2f6);
    p->c_new = style_colour(ctx, "colors.new", 0x00695c);
}

static void
pdf_clear(Pdf *p)
{
    g_clear_pointer(&p->blocks, g_ptr_array_unref);
    g_clear_pointer(&p->headings, g_array_unref);
    g_clear_pointer(&p->small, g_hash_table_unref);
    g_clear_object(&p->pango);
}

static GArray *
paginate(Pdf *p, guint *n_pages)
{
    DsrPdfFrame frame = {p->mt, p->page_h - p->mb, 2, 2};
    return dsr__pdf_paginate(p->blocks, &frame, n_pages);
}

static guint *
heading_pages(Pdf *p, GArray *places)
{
    guint *pages = g_new0(guint, p->headings->len + 1);
    for (guint i = 0; i < places->len; i++) {
        const DsrPdfPlace *pl = &g_array_index(places, DsrPdfPlace, i);
        for (guint h = 0; h < p->headings->len; h++)
            if (g_array_index(p->headings, guint, h) == pl->block && pl->first_piece)
                pages[h] = pl->page;
    }
    return pages;
}

gboolean
dsr__render_pdf_stats(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out,
                      DsrPdfStats *stats, GError **error)
{
    g_return_val_if_fail(brief != NULL && ctx != NULL && out != NULL, FALSE);
    DsrPdfStats local = {0};
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    if (!ctx->fonts) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "pdf: no font set in the render context");
        return FALSE;
    }
    Pdf p = {0};
    p.brief = brief;
    p.ctx = ctx;
    p.lang = brief->lang ? brief->lang : "fr";
    p.stats = stats;
    load_style(&p);

    /* cairo's bytes, rewritten by dsr__pdf_finish() into @out. */
    g_autoptr(GByteArray) raw = g_byte_array_new();
    g_autoptr(cairo_surface_t) surface =
        cairo_pdf_surface_create_for_stream(write_bytes, raw, p.page_w, p.page_h);
    if (!check_cairo(cairo_surface_status(surface), "cannot create the document", error))
        return FALSE;
    set_metadata(&p, surface);
    g_autoptr(cairo_t) cr = cairo_create(surface);
    p.pango = dsr_fonts_new_context(ctx->fonts);
    /* Takes the PDF surface's font options (hint metrics off) into Pango. */
    pango_cairo_update_context(cr, p.pango);
    p.blocks = g_ptr_array_new_with_free_func((GDestroyNotify)dsr__pdf_block_free);
    p.headings = g_array_new(FALSE, FALSE, sizeof(guint));
    p.small = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);

    if (!dsr__render_sections(brief, build_section, &p, error)) {
        pdf_clear(&p);
        return FALSE;
    }
    guint n_pages = 0;
    g_autoptr(GArray) places = paginate(&p, &n_pages);
    if (n_pages > 3 && p.headings->len > 0) {
        /* The contents take room of their own: lay out again with them in
         * place, then once more with the page numbers that pass found. */
        build_contents(&p, NULL);
        g_array_unref(places);
        places = paginate(&p, &n_pages);
        g_autofree guint *pages = heading_pages(&p, places);
        remove_contents(&p);
        build_contents(&p, pages);
        g_array_unref(places);
        places = paginate(&p, &n_pages);
        stats->contents = TRUE;
    }
    p.cut_block = G_MAXUINT;
    if (n_pages > ctx->max_pages) {
        cut_places(&p, places, ctx->max_pages);
        n_pages = ctx->max_pages;
        stats->truncated = TRUE;
    }
    stats->pages = n_pages;

    cairo_tag_begin(cr, "Document", NULL);
    guint page = 0;
    for (guint i = 0; i < places->len; i++) {
        const DsrPdfPlace *pl = &g_array_index(places, DsrPdfPlace, i);
        for (; page < pl->page; page++) {
            draw_furniture(&p, cr, page, n_pages);
            cairo_show_page(cr);
            if (!check_cairo(cairo_status(cr), "cannot draw a page", error)) {
                pdf_clear(&p);
                return FALSE;
            }
        }
        if (pl->block == p.cut_block && p.container) {
            /* The cut left a list or table open. */
            cairo_tag_end(cr, p.container);
            p.container = NULL;
        }
        draw_place(&p, cr, surface, pl);
    }
    draw_furniture(&p, cr, page, n_pages);
    cairo_tag_end(cr, "Document");
    cairo_show_page(cr);
    if (!check_cairo(cairo_status(cr), "cannot draw the last page", error)) {
        pdf_clear(&p);
        return FALSE;
    }
    g_clear_pointer(&cr, cairo_destroy);
    cairo_surface_finish(surface);
    const guint start = out->len;
    const gboolean ok =
        check_cairo(cairo_surface_status(surface), "cannot finish the document", error) &&
        dsr__pdf_finish(raw->data, raw->len, p.lang, out, error);
    g_debug("pdf: %u pages, %u layouts, %u unknown glyphs, %u bytes from cairo, %u finished",
            stats->pages, stats->layouts, stats->unknown_glyphs, raw->len, out->len - start);
    pdf_clear(&p);
    return ok;
}

gboolean
dsr_render_pdf_report(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out,
                      DsrRenderReport *report, GError **error)
{
    DsrPdfStats stats = {0};
    const gboolean ok = dsr__render_pdf_stats(brief, ctx, out, &stats, error);
    if (report) {
        report->pages = ok ? stats.pages : 0;
        report->truncated = ok && stats.truncated;
    }
    return ok;
}

gboolean
dsr_render_pdf(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out, GError **error)
{
    return dsr_render_pdf_report(brief, ctx, out, NULL, error);
}

/* SPDX-License-Identifier: MIT
 * The benchmark floor: the least a Cairo + Pango program must do to put a
 * brief's text on PDF pages with dossier's fonts and page style (A4, 62 pt
 * margins, Noto Serif 10.5/1.3 justified, headings in Noto Sans 13): private
 * fontconfig from fonts/, one layout per paragraph, lines broken across pages.
 * No chart, table, link, outline, tag or hyphenation: dossier's render time
 * divided by this one is what those cost. Not part of libdossier; bench/run
 * builds it with cc and pkg-config.
 *
 *   floor TEXT FONTS_DIR OUT.pdf   (TEXT: paragraphs separated by blank lines;
 *                                   a paragraph starting "# " is a heading) */
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

enum { PAGE_W = 595, PAGE_H = 842, MARGIN = 62 };

static PangoFontMap *
private_font_map(const char *dir)
{
    FcConfig *config = FcConfigCreate();
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL) {
        if (g_str_has_suffix(name, ".ttf")) {
            char *path = g_build_filename(dir, name, NULL);
            FcConfigAppFontAddFile(config, (const FcChar8 *)path);
            g_free(path);
        }
    }
    if (d)
        g_dir_close(d);
    /* As dossier does (src/render/fonts.c): current before the first font
     * map, so Pango's FcInit() thread does not load the system's
     * configuration. A floor takes every shortcut dossier takes. */
    FcConfigSetCurrent(config);
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    /* At the contexts' 72 dpi, as dossier's maps (a second font per size otherwise). */
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72);
    FcConfigDestroy(config);
    return map;
}

int
main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: floor TEXT FONTS_DIR OUT.pdf\n");
        return 2;
    }
    char *text = NULL;
    if (!g_file_get_contents(argv[1], &text, NULL, NULL)) {
        fprintf(stderr, "floor: cannot read %s\n", argv[1]);
        return 1;
    }
    PangoFontMap *map = private_font_map(argv[2]);
    cairo_surface_t *surface = cairo_pdf_surface_create(argv[3], PAGE_W, PAGE_H);
    cairo_t *cr = cairo_create(surface);
    PangoContext *ctx = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(ctx, 72);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_cairo_update_context(cr, ctx);
    PangoFontDescription *body = pango_font_description_from_string("Noto Serif 10.5");
    PangoFontDescription *heading = pango_font_description_from_string("Noto Sans Bold 13");

    const double width = PAGE_W - 2 * MARGIN, bottom = PAGE_H - MARGIN;
    double y = MARGIN;
    char **paras = g_strsplit(text, "\n\n", -1);
    for (guint p = 0; paras[p]; p++) {
        char *para = g_strstrip(paras[p]);
        if (!*para)
            continue;
        gboolean is_heading = g_str_has_prefix(para, "# ");
        PangoLayout *layout = pango_layout_new(ctx);
        pango_layout_set_font_description(layout, is_heading ? heading : body);
        pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_justify(layout, !is_heading);
        pango_layout_set_line_spacing(layout, 1.3f);
        pango_layout_set_text(layout, is_heading ? para + 2 : para, -1);
        if (is_heading)
            y += 8;
        PangoLayoutIter *it = pango_layout_get_iter(layout);
        double top = -1;
        do {
            int y0, y1;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            double line_top = (double)y0 / PANGO_SCALE, line_h = (double)(y1 - y0) / PANGO_SCALE;
            if (top < 0)
                top = line_top;
            if (y + line_h > bottom) {
                cairo_show_page(cr);
                y = MARGIN;
            }
            int baseline = pango_layout_iter_get_baseline(it);
            cairo_move_to(cr, MARGIN, y + (double)baseline / PANGO_SCALE - line_top);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
            y += line_h;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
        g_object_unref(layout);
        y += 6;
    }
    cairo_show_page(cr);
    g_strfreev(paras);
    pango_font_description_free(body);
    pango_font_description_free(heading);
    g_object_unref(ctx);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    int status = cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS;
    if (status)
        fprintf(stderr, "floor: %s\n", cairo_status_to_string(cairo_surface_status(surface)));
    cairo_surface_destroy(surface);
    g_object_unref(map);
    g_free(text);
    return status;
}

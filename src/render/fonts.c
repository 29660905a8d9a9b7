/* SPDX-License-Identifier: MIT
 * The private font set: an empty fontconfig configuration holding only the
 * files of fonts/, so output looks the same on every machine and no system
 * font is scanned. One PangoFontMap per thread on top of it (Pango font maps
 * are not thread-safe), made on first use and kept for the thread's life. */
#include "render-private.h"
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

struct DsrFonts {
    FcConfig *config;
    guint serial; /* tells a thread's cached font map which DsrFonts it was made for */
};

/* Generic families resolve to the bundled faces, so "serif" in a page style works. */
static const char aliases[] =
    "<?xml version='1.0'?><fontconfig>"
    "<alias binding='same'><family>sans-serif</family><prefer><family>Noto "
    "Sans</family></prefer></alias>"
    "<alias binding='same'><family>serif</family><prefer><family>Noto "
    "Serif</family></prefer></alias>"
    "<alias binding='same'><family>monospace</family><prefer><family>Noto "
    "Sans</family></prefer></alias>"
    "</fontconfig>";

DsrFonts *
dsr_fonts_new(const char *fonts_dir, GError **error)
{
    static gint serials = 0;
    g_autoptr(GError) local = NULL;
    g_autoptr(GDir) dir = g_dir_open(fonts_dir, 0, &local);
    if (!dir) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "fonts: %s", local->message);
        return NULL;
    }
    /* Sorted, so the font set (and so the PDF) does not depend on readdir order. */
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(dir)) != NULL)
        if (g_str_has_suffix(name, ".ttf") || g_str_has_suffix(name, ".otf"))
            g_ptr_array_add(files, g_build_filename(fonts_dir, name, NULL));
    g_ptr_array_sort(files, (GCompareFunc)g_strcmp0);
    if (files->len == 0) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "fonts: no .ttf or .otf file in %s",
                    fonts_dir);
        return NULL;
    }

    FcConfig *config = FcConfigCreate();
    FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)aliases, FcTrue);
    for (guint i = 0; i < files->len; i++) {
        /* AddFile, not AddDir: AddDir on an empty config tries to write a cache. */
        if (!FcConfigAppFontAddFile(config, (const FcChar8 *)g_ptr_array_index(files, i))) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "fonts: cannot load %s",
                        (const char *)g_ptr_array_index(files, i));
            FcConfigDestroy(config);
            return NULL;
        }
    }
    DsrFonts *fonts = g_new0(DsrFonts, 1);
    fonts->config = config;
    fonts->serial = (guint)g_atomic_int_add(&serials, 1) + 1;
    return fonts;
}

typedef struct {
    guint serial;
    PangoFontMap *map;
} ThreadMap;

static void
thread_map_free(gpointer p)
{
    ThreadMap *tm = p;
    g_clear_object(&tm->map);
    g_free(tm);
}

static GPrivate thread_map = G_PRIVATE_INIT(thread_map_free);

void
dsr_fonts_free(DsrFonts *fonts)
{
    if (!fonts)
        return;
    /* The calling thread's font map holds a reference to the configuration:
     * drop it with the set (other threads drop theirs when they end). */
    ThreadMap *tm = g_private_get(&thread_map);
    if (tm && tm->serial == fonts->serial)
        g_private_replace(&thread_map, NULL);
    FcConfigDestroy(fonts->config);
    g_free(fonts);
}

PangoContext *
dsr_fonts_new_context(const DsrFonts *fonts)
{
    g_return_val_if_fail(fonts != NULL, NULL);
    ThreadMap *tm = g_private_get(&thread_map);
    if (!tm || tm->serial != fonts->serial) {
        tm = g_new0(ThreadMap, 1);
        tm->serial = fonts->serial;
        tm->map = pango_cairo_font_map_new();
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(tm->map), fonts->config);
        g_private_replace(&thread_map, tm);
    }
    PangoContext *ctx = pango_font_map_create_context(tm->map);
    /* Pango's default is 96 dpi: a 10.5 pt font would come out at 14 pt. */
    pango_cairo_context_set_resolution(ctx, 72);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    return ctx;
}

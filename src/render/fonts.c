/* SPDX-License-Identifier: MIT
 * The private font set: an empty fontconfig configuration holding only the
 * files of fonts/, so output looks the same on every machine and no system
 * font is scanned. One PangoFontMap per thread on top of it (Pango font maps
 * are not thread-safe), made on first use and kept for the thread's life; the
 * one piece of Pango state the threads still share, the metrics guard, is
 * put behind a lock. */
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

/* Pango 1.50 (pangocairo-font.c) computes a font's approximate character and
 * digit widths by laying out a sample text, under a process-wide
 * `static int in_get_metrics` meant to stop recursion. It is not thread-safe:
 * when two threads' fonts compute their metrics at the same moment, one of
 * them sees the flag set, skips the sample layout and keeps zero widths in
 * that font for the font's life. Pango's line breaking reads those widths,
 * so every justified line that breaks at a soft hyphen on that thread came
 * out wider by the hyphen, and the PDF depended on which fonts the thread had
 * loaded while another thread was loading the same size. The font class's
 * get_metrics is wrapped once, before threads start, to run under one
 * process-wide lock (recursive: the sample layout asks for metrics again). */
static GRecMutex metrics_lock;
static PangoFontMetrics *(*pango_get_metrics)(PangoFont *font, PangoLanguage *language);

static PangoFontMetrics *
locked_get_metrics(PangoFont *font, PangoLanguage *language)
{
    g_rec_mutex_lock(&metrics_lock);
    PangoFontMetrics *metrics = pango_get_metrics(font, language);
    g_rec_mutex_unlock(&metrics_lock);
    return metrics;
}

static void
guard_metrics(FcConfig *config)
{
    static gsize once = 0;
    if (!g_once_init_enter(&once))
        return;
    PangoFontMap *map = pango_cairo_font_map_new();
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    PangoContext *ctx = pango_font_map_create_context(map);
    PangoFontDescription *desc = pango_font_description_from_string("serif 10");
    PangoFont *font = pango_font_map_load_font(map, ctx, desc);
    if (font) {
        /* Every font of the private set is of this one class (PangoCairoFcFont). */
        PangoFontClass *klass = PANGO_FONT_GET_CLASS(font);
        if (klass->get_metrics != locked_get_metrics) {
            pango_get_metrics = klass->get_metrics;
            klass->get_metrics = locked_get_metrics;
        }
        g_object_unref(font);
    }
    pango_font_description_free(desc);
    g_object_unref(ctx);
    g_object_unref(map);
    g_once_init_leave(&once, 1);
}

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
    /* Pango 1.50 starts a thread at its first font map that runs FcInit():
     * without a current configuration that loads the system's (/etc/fonts,
     * parsed with expat: a tenth of a one-brief render) only to be ignored.
     * With this one current it has nothing to load, and nothing in the
     * process can reach a system font. */
    FcConfigSetCurrent(config);
    guard_metrics(config);
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
        /* The contexts are at 72 dpi; so is the map, or Pango 1.50's metrics
         * (which lay out a sample text in a context of the map's own, 96 dpi
         * by default) load a second font, and font set, for every size:
         * twice the fontconfig matching, and two short-lived threads each. */
        pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(tm->map), 72);
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

/* SPDX-License-Identifier: MIT
 * SCAFFOLD: replaced by the chart module's owner. */
#include <dossier/chart.h>
void dsr_chart_layout_free(DsrChartLayout *l) { if (!l) return; g_free(l->title); g_free(l->alt); g_free(l); }
DsrChartLayout *dsr_chart_layout(const DsrChartSpec *spec, double width, PangoContext *pango, const char *family, const char *lang) { (void)spec; (void)pango; (void)family; (void)lang; DsrChartLayout *l = g_new0(DsrChartLayout, 1); l->width = width; return l; }
guint32 dsr_chart_ink_rgb(DsrChartInk ink) { (void)ink; return 0; }
void dsr_chart_draw_cairo(const DsrChartLayout *layout, cairo_t *cr, PangoContext *pango, const char *family, double x, double y) { (void)layout; (void)cr; (void)pango; (void)family; (void)x; (void)y; }
xmlNodePtr dsr_chart_to_svg(const DsrChartLayout *layout, xmlDocPtr doc, const char *id_prefix) { (void)layout; (void)id_prefix; return xmlNewDocNode(doc, NULL, BAD_CAST "svg", NULL); }

/* SPDX-License-Identifier: MIT
 * SCAFFOLD: replaced by the ingest module's owner. */
#include <dossier/ingest.h>
#include <dossier/error.h>
DsrArticle *dsr_article_new(void) { DsrArticle *a = g_new0(DsrArticle, 1); a->paragraphs = g_ptr_array_new_with_free_func(g_free); a->warnings = g_ptr_array_new_with_free_func(g_free); return a; }
void dsr_article_free(DsrArticle *a) { if (!a) return; g_free(a->id); g_free(a->file); g_free(a->url); g_free(a->outlet); g_free(a->title); g_free(a->date); g_free(a->lang); g_free(a->place); g_free(a->format); g_ptr_array_unref(a->paragraphs); g_ptr_array_unref(a->warnings); g_free(a); }
GPtrArray *dsr_ingest_file(const char *path, const DsrIngestOptions *opt, GError **error) { (void)opt; g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: ingest not built yet", path); return NULL; }
GPtrArray *dsr_ingest_bytes(const char *data, gsize len, const char *name, const DsrIngestOptions *opt, GError **error) { (void)data; (void)len; (void)opt; g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s: ingest not built yet", name); return NULL; }
GPtrArray *dsr_ingest_list_inputs(const char *const *paths, GPtrArray *problems) { (void)problems; GPtrArray *a = g_ptr_array_new_with_free_func(g_free); for (; paths && *paths; paths++) g_ptr_array_add(a, g_strdup(*paths)); return a; }
void dsr_input_problem_free(DsrInputProblem *p) { if (!p) return; g_free(p->file); g_free(p->reason); g_free(p); }
gboolean dsr_ingest_is_junk_line(const char *line) { (void)line; return FALSE; }

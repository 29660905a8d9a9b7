/* SPDX-License-Identifier: MIT
 * SCAFFOLD: replaced by the extract module's owner. */
#include <dossier/extract.h>
#include <dossier/error.h>
DsrFacts *dsr_facts_new(void) { DsrFacts *f = g_new0(DsrFacts, 1); f->partners = g_ptr_array_new_with_free_func(g_free); f->figures = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_figure_free); f->events = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_event_free); f->actors = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_actor_free); f->themes = g_ptr_array_new_with_free_func(g_free); f->sentences = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_sentence_free); return f; }
void dsr_facts_free(DsrFacts *f) { if (!f) return; g_free(f->id); g_free(f->file); g_free(f->url); g_free(f->outlet); g_free(f->title); g_free(f->date); g_free(f->lang); g_free(f->place); g_free(f->primary_partner); g_ptr_array_unref(f->partners); g_ptr_array_unref(f->figures); g_ptr_array_unref(f->events); g_ptr_array_unref(f->actors); g_ptr_array_unref(f->themes); g_ptr_array_unref(f->sentences); g_free(f); }
void dsr_figure_free(DsrFigure *f) { if (!f) return; g_free(f->quote); g_free(f->currency); g_free(f->unit); g_free(f->subject); g_free(f->entity); g_free(f->sentence); g_free(f); }
void dsr_event_free(DsrEvent *e) { if (!e) return; g_free(e->date); g_free(e->place); g_free(e->summary); g_free(e->sentence); g_free(e); }
void dsr_actor_free(DsrActor *a) { if (!a) return; g_free(a->name); g_free(a->role); g_free(a->entity); g_free(a); }
void dsr_sentence_free(DsrSentence *s) { if (!s) return; g_free(s->text); g_free(s); }
struct DsrExtractor { char *home; };
DsrExtractor *dsr_extractor_new(const char *data_dir, const char *home, GError **error) { (void)data_dir; (void)error; DsrExtractor *e = g_new0(DsrExtractor, 1); e->home = g_strdup(home); return e; }
void dsr_extractor_free(DsrExtractor *ex) { if (!ex) return; g_free(ex->home); g_free(ex); }
const char *dsr_extractor_home(const DsrExtractor *ex) { return ex->home; }
const char *dsr_extractor_partner_name(const DsrExtractor *ex, const char *code, const char *lang) { (void)ex; (void)lang; return code; }
DsrFacts *dsr_extract(const DsrExtractor *ex, const DsrArticle *article) { (void)ex; DsrFacts *f = dsr_facts_new(); f->file = g_strdup(article->file); return f; }
GPtrArray *dsr_extract_figures(const DsrExtractor *ex, const char *sentence, const char *lang) { (void)ex; (void)sentence; (void)lang; return g_ptr_array_new_with_free_func((GDestroyNotify)dsr_figure_free); }
char *dsr_facts_to_json(const DsrFacts *facts, DsrFactsJsonFlags flags) { (void)facts; (void)flags; return g_strdup("{}"); }
DsrFacts *dsr_facts_from_json(const char *json, gsize len, GError **error) { (void)json; (void)len; g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "facts reader not built yet"); return NULL; }

/* SPDX-License-Identifier: MIT
 * Extraction: an article becomes its DsrFacts — the relationships it is about,
 * the figures it quotes, its events, actors and themes — and the candidate
 * sentences the summary may quote. DsrFacts copies what later stages need, so
 * the article can be freed (and facts can be written as JSON Lines and read
 * back on another machine). The rules' data (gazetteer, themes) is in data/. */
#ifndef DOSSIER_EXTRACT_H
#define DOSSIER_EXTRACT_H

#include <glib.h>
#include <dossier/types.h>
#include <dossier/ingest.h>

G_BEGIN_DECLS

typedef struct {
    char *quote;  /* as written, e.g. "16.400 milliards de roubles" */
    double value; /* 16400 */
    double scale; /* 1e9; value * scale is the quantity */
    DsrFigureKind kind;
    char *currency; /* ISO 4217 code or NULL */
    char *unit;     /* "%", "roubles", "projets"… or NULL */
    DsrQualifier qualifier;
    int year;          /* the year the sentence gives for it, 0 if none */
    char *subject;     /* the noun phrase it measures, or NULL */
    char *entity;      /* partner code it describes ("VN", "RU"…), or NULL */
    char *sentence;    /* the whole sentence, as written */
    int equivalent_of; /* index in the same figures array of the figure this one restates ("(environ
                          200 milliards d'USD)"), or -1 */
} DsrFigure;

typedef struct {
    DsrEventType type;
    char *date;    /* "YYYY[-MM[-DD]]" or NULL */
    char *place;   /* or NULL */
    char *summary; /* one line taken from the text */
    char *sentence;
} DsrEvent;

typedef struct {
    char *name;
    char *role;   /* or NULL */
    char *entity; /* side: a country/bloc code, or NULL */
} DsrActor;

typedef struct {
    char *text;    /* as written (whitespace squeezed) */
    int paragraph; /* 0-based paragraph index in the article */
    int index;     /* 0-based sentence index in the article */
} DsrSentence;

typedef struct {
    /* The article's metadata, copied. */
    char *id, *file, *url, *outlet, *title, *date, *lang, *place;
    GPtrArray *partners;   /* char *, codes, most important first; never the home country */
    char *primary_partner; /* or NULL: an article about the home country alone */
    GPtrArray *figures;    /* DsrFigure * */
    GPtrArray *events;     /* DsrEvent * */
    GPtrArray *actors;     /* DsrActor * */
    GPtrArray *themes; /* char *, French theme names (data/themes.json), greatest weight first, at
                          most four */
    GPtrArray *sentences; /* DsrSentence *, body sentences (no junk), in order */
} DsrFacts;

DsrFacts *dsr_facts_new(void);
void dsr_facts_free(DsrFacts *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrFacts, dsr_facts_free)
void dsr_figure_free(DsrFigure *f);
void dsr_event_free(DsrEvent *e);
void dsr_actor_free(DsrActor *a);
void dsr_sentence_free(DsrSentence *s);

/* The loaded rules: gazetteer, themes. Immutable once built: one extractor
 * may be shared by threads. */
typedef struct DsrExtractor DsrExtractor;

/* Loads data/gazetteer.json and data/themes.json from @data_dir for home
 * country @home ("VN"). NULL with DSR_ERROR_RESOURCE if they are missing or broken. */
DsrExtractor *dsr_extractor_new(const char *data_dir, const char *home, GError **error);
void dsr_extractor_free(DsrExtractor *ex);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrExtractor, dsr_extractor_free)

/* The home country's code, as given to dsr_extractor_new(). */
const char *dsr_extractor_home(const DsrExtractor *ex);

/* Display name of a partner code in @lang ("RU", "fr" -> "Russie"); the code
 * itself when unknown. Borrowed string. */
const char *dsr_extractor_partner_name(const DsrExtractor *ex, const char *code, const char *lang);

/* Name in @lang ("fr", "en") of the theme named @name in either language
 * ("cybersécurité", "en" -> "cybersecurity"); NULL when no theme has that
 * name. Borrowed string. */
const char *dsr_extractor_theme_name(const DsrExtractor *ex, const char *name, const char *lang);

/* Extracts the facts of one article. Never fails on content: an article with
 * nothing to extract gives empty lists. */
DsrFacts *dsr_extract(const DsrExtractor *ex, const DsrArticle *article);

/* The figures of one sentence in @lang ("fr"/"en"), without entity or
 * subject resolution beyond the sentence. GPtrArray of DsrFigure *. For the
 * figure parser's tests and fuzzing. */
GPtrArray *dsr_extract_figures(const DsrExtractor *ex, const char *sentence, const char *lang);

typedef enum {
    DSR_FACTS_JSON_PRETTY = 1 << 0, /* indented, for `inspect --pretty` */
    DSR_FACTS_JSON_SENTENCES =
        1 << 1, /* add "sentences" and "id": what `build` needs from a facts file */
} DsrFactsJsonFlags;

/* The facts as one object of `dossier inspect` (DESIGN contract). Returns a
 * new string without a final newline. */
char *dsr_facts_to_json(const DsrFacts *facts, DsrFactsJsonFlags flags);

/* Reads back a facts object written by dsr_facts_to_json() (with its
 * "sentences"), for sharded runs. NULL with DSR_ERROR_INPUT on mismatch. */
DsrFacts *dsr_facts_from_json(const char *json, gsize len, GError **error);

/* The whole facts packed in bytes, for a run's own use between its stages
 * (src/extract/facts-pack.c): not a file format, read back only by the
 * process that packed them. Shards exchange facts JSON. */
GBytes *dsr_facts_pack(const DsrFacts *facts);

/* The facts of dsr_facts_pack() bytes; NULL with DSR_ERROR_INPUT when the
 * bytes are not whole packed facts. A facts without lang gets "fr", as from
 * JSON. */
DsrFacts *dsr_facts_unpack(const void *data, gsize len, GError **error);

G_END_DECLS

#endif

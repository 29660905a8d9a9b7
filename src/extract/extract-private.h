/* SPDX-License-Identifier: MIT
 * Shared by the files of the extract module. figures.c parses the quantities
 * of one sentence (numbers, scales, currencies, qualifiers, year, subject);
 * the rest of the module (gazetteer, entity resolution, events, actors,
 * themes) builds on it. Every rule reads the article as "units": the title
 * and each body sentence, with the gazetteer mentions found in it. */
#ifndef DOSSIER_EXTRACT_PRIVATE_H
#define DOSSIER_EXTRACT_PRIVATE_H

#include <dossier/extract.h>

/* The figures of one sentence written in @lang ("fr" or "en"), in the order
 * they appear: GPtrArray of DsrFigure * (free func set). Fills quote, value,
 * scale, kind, currency, unit, qualifier, year (from the sentence, 0 if
 * none), subject (or NULL), sentence (a copy of @sentence) and equivalent_of;
 * entity is left NULL for the caller, who knows the gazetteer. Years, dates,
 * ordinals, ranks, decree numbers and numbers inside names are not figures. */
GPtrArray *dsr__figures_parse(const char *sentence, const char *lang);
/* What a sentence says of years, for the sentences after it. */
typedef struct {
    gboolean dated;       /* it names a year (a date, a comparison, a name, "l'an dernier") */
    int frame;            /* the year it opens on ("En 2023, …"), or 0 */
    gboolean same_period; /* "durant la même période": the period said before */
} DsrSentenceYears;

/* The same, with the article's date @ref_date ("YYYY[-MM[-DD]]" or NULL) to
 * date "cette année", "l'an dernier", "last year", "de janvier à septembre";
 * fills @years (may be NULL). */
GPtrArray *dsr__figures_parse_dated(const char *sentence, const char *lang, const char *ref_date,
                                    DsrSentenceYears *years);

/* What kind of term found a mention; partner scoring weighs them. */
typedef enum {
    DSR__TERM_NAME,
    DSR__TERM_DEMONYM,
    DSR__TERM_PREFIX, /* "russo-" of "russo-vietnamien" */
    DSR__TERM_PLACE,
    DSR__TERM_ORG,
    DSR__TERM_PROGRAMME, /* "EVFTA", "Global Gateway": names the entity, is no actor */
    DSR__TERM_WEAK,      /* "Europe": counts, but less */
} DsrTermKind;

/* One mention of a gazetteer entity in a text: byte offsets [start, end). */
typedef struct {
    int entity;
    DsrTermKind kind;
    int start, end;
} DsrMention;

typedef struct DsrGazetteer DsrGazetteer;
typedef struct DsrThemes DsrThemes;
typedef struct DsrEventRules DsrEventRules;
typedef struct DsrActorRules DsrActorRules;

/* Everything here is built by dsr_extractor_new() and only read afterwards,
 * so the worker threads share one extractor. */
struct DsrExtractor {
    char *home;
    int home_entity; /* index in the gazetteer, -1 when the home code is not in it */
    DsrGazetteer *gazetteer;
    DsrThemes *themes;
    DsrEventRules *event_rules; /* the compiled patterns of events.c */
    DsrActorRules *actor_rules; /* the compiled patterns of actors.c */
};

/* The compiled rules of events.c and actors.c. */
DsrEventRules *dsr__event_rules_new(void);
void dsr__event_rules_free(DsrEventRules *r);
DsrActorRules *dsr__actor_rules_new(void);
void dsr__actor_rules_free(DsrActorRules *r);

/* Loads data/gazetteer.json; NULL with DSR_ERROR_RESOURCE naming the problem. */
DsrGazetteer *dsr__gazetteer_load(const char *path, GError **error);
void dsr__gazetteer_free(DsrGazetteer *gz);
/* Index of the entity with @code, or -1. */
int dsr__gazetteer_lookup(const DsrGazetteer *gz, const char *code);
const char *dsr__gazetteer_code(const DsrGazetteer *gz, int entity);
/* Display name in @lang ("fr" default, "en"). */
const char *dsr__gazetteer_name(const DsrGazetteer *gz, int entity, const char *lang);
/* TRUE when @word (any case and accents) is a family name typical of @entity
 * ("Nguyen", "Truong" for VN): tells a Vietnamese official's side. */
gboolean dsr__gazetteer_is_surname(const DsrGazetteer *gz, int entity, const char *word);
/* TRUE when the bloc @bloc lists @entity among its members. */
gboolean dsr__gazetteer_is_member(const DsrGazetteer *gz, int bloc, int entity);
/* Mentions in @text (DsrMention, by start, never overlapping: the longest
 * term wins). */
GArray *dsr__gazetteer_find(const DsrGazetteer *gz, const char *text);

/* The tokens of a text (dsr__next_token()), read once for every rule that
 * walks them: their folded forms in one buffer, their byte ranges. */
typedef struct {
    gsize lower, cased; /* offsets in the arena of the NUL-terminated forms */
    gsize start, end;   /* bytes of the text */
} DsrToken;

typedef struct {
    GString *arena;
    GArray *tokens; /* DsrToken */
} DsrTokens;

void dsr__tokens_init(DsrTokens *t, const char *text);
void dsr__tokens_clear(DsrTokens *t);

static inline const char *
dsr__token_cased(const DsrTokens *t, guint i)
{
    return t->arena->str + g_array_index(t->tokens, DsrToken, i).cased;
}

/* dsr__gazetteer_find() on tokens already read from @text. */
GArray *dsr__gazetteer_find_tokens(const DsrGazetteer *gz, const char *text, const DsrTokens *toks);

/* Drops from @mentions (found in @text) the demonyms that name a language
 * ("l'enseignement du français", "French-language"). */
void dsr__mentions_drop_languages(const char *text, GArray *mentions);

/* The title (paragraph -1) or one body sentence, with its mentions. */
typedef struct {
    const char *text; /* borrowed from the DsrSentence or the article title */
    int paragraph;    /* -1 for the title */
    int index;        /* body sentence index; -1 for the title */
    GArray *mentions; /* DsrMention */
    DsrTokens tokens; /* of text */
    char *folded;     /* dsr_text_fold_ascii() of text, for matching */
} DsrUnit;

/* Sets facts->partners and facts->primary_partner from the units' mentions. */
void dsr__partners_rank(const DsrExtractor *ex, GPtrArray *units, DsrFacts *facts);

/* The entity a figure found in @unit describes (a code, borrowed), or NULL.
 * @primary is the article's primary partner or NULL. */
const char *dsr__figure_entity(const DsrExtractor *ex, const DsrUnit *unit, const DsrFigure *fig,
                               const char *primary);

/* Appends the events of the article to facts->events. */
void dsr__events_find(const DsrExtractor *ex, const DsrArticle *article, GPtrArray *units,
                      DsrFacts *facts);

/* Appends the people and organisations of the article to facts->actors. */
void dsr__actors_find(const DsrExtractor *ex, GPtrArray *units, DsrFacts *facts);

/* Loads data/themes.json, with the terms stemmed; NULL with DSR_ERROR_RESOURCE. */
DsrThemes *dsr__themes_load(const char *path, GError **error);
void dsr__themes_free(DsrThemes *th);
/* Sets facts->themes (French names, greatest weight first, at most four)
 * from the units. */
void dsr__themes_count(const DsrThemes *th, GPtrArray *units, const char *lang, DsrFacts *facts);
/* The name in @lang of the theme called @name in either language, or NULL. */
const char *dsr__themes_name(const DsrThemes *th, const char *name, const char *lang);

/* A folded ASCII token of @s starting at byte *@pos: lowercase letters and
 * digits without accents ("Hà Nội" gives "ha", then "noi"). Skips what is not
 * a letter or digit before it. FALSE at the end. @start/@end get its bytes,
 * @lower and @cased its folded forms (cased keeps the capitals). */
gboolean dsr__next_token(const char *s, gsize *pos, gsize *start, gsize *end, GString *lower,
                         GString *cased);

#endif

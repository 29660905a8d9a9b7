/* SPDX-License-Identifier: MIT
 * The gazetteer (data/gazetteer.json) and the partners of an article. Terms
 * and texts are cut into folded ASCII tokens, so "de la Russie", "l'UE" and
 * "Hà Nội" match "Russie", "UE" and "Ha Noi" whatever the articles, elisions,
 * accents or spacing; a term matches a run of whole tokens. Partners are
 * scored by weighted mentions: the title and the lead weigh more, and a
 * sentence listing many countries counts little for each. */
#include "extract-private.h"

#include <string.h>
#include <cJSON.h>
#include <dossier/error.h>
#include <dossier/text.h>
#include "common/cleanup.h"

typedef struct {
    char **lower; /* tokens, NULL-terminated */
    char **cased;
    int n;
    int entity;
    DsrTermKind kind;
    gboolean case_sensitive; /* an acronym: "UE", "US" */
} Term;

typedef struct {
    char *code, *name_fr, *name_en;
    GHashTable *surnames; /* folded ASCII -> itself */
    GPtrArray *members;   /* a bloc's member codes, or NULL */
} Entity;

struct DsrGazetteer {
    GPtrArray *entities;  /* Entity * */
    GPtrArray *terms;     /* Term * */
    GHashTable *by_first; /* first lower token -> GPtrArray of Term * (borrowed) */
};

static void
term_free(Term *t)
{
    g_strfreev(t->lower);
    g_strfreev(t->cased);
    g_free(t);
}

static void
entity_free(Entity *e)
{
    g_free(e->code);
    g_free(e->name_fr);
    g_free(e->name_en);
    g_clear_pointer(&e->surnames, g_hash_table_unref);
    g_clear_pointer(&e->members, g_ptr_array_unref);
    g_free(e);
}

static void
fold_char(gunichar c, GString *lower, GString *cased)
{
    gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n = g_unichar_fully_decompose(c, FALSE, d, G_N_ELEMENTS(d));
    gunichar b = n ? d[0] : c;
    const char *spelled = NULL;
    switch (b) {
    case 0x0111:
        spelled = "d";
        break; /* đ */
    case 0x0110:
        spelled = "D";
        break; /* Đ */
    case 0x0153:
        spelled = "oe";
        break;
    case 0x0152:
        spelled = "OE";
        break;
    case 0x00E6:
        spelled = "ae";
        break;
    case 0x00C6:
        spelled = "AE";
        break;
    case 0x00F8:
        spelled = "o";
        break;
    case 0x00D8:
        spelled = "O";
        break;
    case 0x00DF:
        spelled = "ss";
        break;
    default:
        break;
    }
    if (spelled) {
        g_string_append(cased, spelled);
        for (const char *p = spelled; *p; p++)
            g_string_append_c(lower, g_ascii_tolower(*p));
    } else if (b < 0x80) {
        g_string_append_c(cased, (char)b);
        g_string_append_c(lower, g_ascii_tolower((char)b));
    } else {
        /* A letter with no ASCII base (Cyrillic, CJK) is kept as is: it can
         * only match the same letter. */
        g_string_append_unichar(cased, b);
        g_string_append_unichar(lower, g_unichar_tolower(b));
    }
}

gboolean
dsr__next_token(const char *s, gsize *pos, gsize *start, gsize *end, GString *lower, GString *cased)
{
    const char *p = s + *pos;
    g_string_truncate(lower, 0);
    g_string_truncate(cased, 0);
    /* ASCII is most of the text: its letters and digits are their own
     * folded forms (what fold_char() gives them), and no ASCII character is
     * a mark. */
    while (*p &&
           ((guchar)*p < 0x80 ? !g_ascii_isalnum(*p) : !g_unichar_isalnum(g_utf8_get_char(p))))
        p = g_utf8_next_char(p);
    if (!*p) {
        *pos = p - s;
        return FALSE;
    }
    *start = p - s;
    while (*p) {
        if ((guchar)*p < 0x80) {
            /* A run of ASCII letters and digits, copied whole. */
            const char *q = p;
            while ((guchar)*q < 0x80 && g_ascii_isalnum(*q))
                q++;
            if (q == p)
                break;
            gsize n = (gsize)(q - p), at = lower->len;
            g_string_append_len(cased, p, (gssize)n);
            g_string_append_len(lower, p, (gssize)n);
            for (char *w = lower->str + at; *w; w++)
                if (*w >= 'A' && *w <= 'Z')
                    *w = (char)(*w + ('a' - 'A'));
            p = q;
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isalnum(c) && g_unichar_type(c) != G_UNICODE_NON_SPACING_MARK)
            break;
        if (g_unichar_type(c) != G_UNICODE_NON_SPACING_MARK)
            fold_char(c, lower, cased);
        p = g_utf8_next_char(p);
    }
    *end = p - s;
    *pos = *end;
    return TRUE;
}

static gboolean
is_acronym(const char *term)
{
    int letters = 0;
    for (const char *p = term; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_islower(c))
            return FALSE;
        letters += g_unichar_isalpha(c) != 0;
    }
    return letters >= 2;
}

static void
add_term(DsrGazetteer *gz, const char *text, int entity, DsrTermKind kind)
{
    g_autoptr(GPtrArray) lower = g_ptr_array_new();
    g_autoptr(GPtrArray) cased = g_ptr_array_new();
    g_autoptr(GString) l = g_string_new(NULL);
    g_autoptr(GString) c = g_string_new(NULL);
    gsize pos = 0, s, e;
    while (dsr__next_token(text, &pos, &s, &e, l, c)) {
        g_ptr_array_add(lower, g_strdup(l->str));
        g_ptr_array_add(cased, g_strdup(c->str));
    }
    if (!lower->len)
        return;
    Term *t = g_new0(Term, 1);
    t->n = lower->len;
    g_ptr_array_add(lower, NULL);
    g_ptr_array_add(cased, NULL);
    t->lower = (char **)g_ptr_array_steal(lower, NULL);
    t->cased = (char **)g_ptr_array_steal(cased, NULL);
    t->entity = entity;
    t->kind = kind;
    t->case_sensitive = is_acronym(text);
    g_ptr_array_add(gz->terms, t);
    GPtrArray *list = g_hash_table_lookup(gz->by_first, t->lower[0]);
    if (!list) {
        list = g_ptr_array_new();
        g_hash_table_insert(gz->by_first, g_strdup(t->lower[0]), list);
    }
    g_ptr_array_add(list, t);
}

static gboolean
add_terms(DsrGazetteer *gz, const cJSON *ent, const char *key, int entity, DsrTermKind kind,
          GError **error)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(ent, key);
    if (!list)
        return TRUE;
    if (!cJSON_IsArray(list)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "gazetteer: \"%s\" of %s is not a list",
                    key, dsr__gazetteer_code(gz, entity));
        return FALSE;
    }
    const cJSON *it;
    cJSON_ArrayForEach (it, list) {
        if (!cJSON_IsString(it)) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE,
                        "gazetteer: a term in \"%s\" of %s is not a string", key,
                        dsr__gazetteer_code(gz, entity));
            return FALSE;
        }
        if (kind == DSR__TERM_PREFIX) {
            g_autofree char *bare = g_strdup(it->valuestring);
            g_strchomp(bare);
            gsize n = strlen(bare);
            if (n && bare[n - 1] == '-')
                bare[n - 1] = '\0';
            add_term(gz, bare, entity, kind);
        } else {
            add_term(gz, it->valuestring, entity, kind);
        }
    }
    return TRUE;
}

static const char *
string_field(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) && *v->valuestring ? v->valuestring : NULL;
}

DsrGazetteer *
dsr__gazetteer_load(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len;
    if (!g_file_get_contents(path, &data, &len, NULL)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: cannot be read", path);
        return NULL;
    }
    const char *end = NULL;
    g_autoptr(cJSON) root = cJSON_ParseWithLengthOpts(data, len, &end, FALSE);
    const cJSON *ents = cJSON_GetObjectItemCaseSensitive(root, "entities");
    if (!root || !cJSON_IsArray(ents)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: not a gazetteer (%s)", path,
                    root ? "no \"entities\" list" : "invalid JSON");
        return NULL;
    }
    DsrGazetteer *gz = g_new0(DsrGazetteer, 1);
    gz->entities = g_ptr_array_new_with_free_func((GDestroyNotify)entity_free);
    gz->terms = g_ptr_array_new_with_free_func((GDestroyNotify)term_free);
    gz->by_first =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    static const struct {
        const char *key;
        DsrTermKind kind;
    } lists[] = {
        {"names", DSR__TERM_NAME},      {"demonyms", DSR__TERM_DEMONYM},
        {"prefixes", DSR__TERM_PREFIX}, {"places", DSR__TERM_PLACE},
        {"orgs", DSR__TERM_ORG},        {"programmes", DSR__TERM_PROGRAMME},
        {"weak", DSR__TERM_WEAK},
    };
    const cJSON *ent;
    cJSON_ArrayForEach (ent, ents) {
        const char *code = string_field(ent, "code");
        if (!code || dsr__gazetteer_lookup(gz, code) >= 0) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE,
                        "%s: entity %d has no code or repeats one", path,
                        (int)gz->entities->len + 1);
            dsr__gazetteer_free(gz);
            return NULL;
        }
        Entity *e = g_new0(Entity, 1);
        e->code = g_strdup(code);
        e->name_fr = g_strdup(string_field(ent, "fr") ? string_field(ent, "fr") : code);
        e->name_en = g_strdup(string_field(ent, "en") ? string_field(ent, "en") : e->name_fr);
        g_ptr_array_add(gz->entities, e);
        int idx = gz->entities->len - 1;
        for (guint k = 0; k < G_N_ELEMENTS(lists); k++)
            if (!add_terms(gz, ent, lists[k].key, idx, lists[k].kind, error)) {
                g_prefix_error(error, "%s: ", path);
                dsr__gazetteer_free(gz);
                return NULL;
            }
        const cJSON *sn = cJSON_GetObjectItemCaseSensitive(ent, "surnames"), *it;
        if (cJSON_IsArray(sn)) {
            e->surnames = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            cJSON_ArrayForEach (it, sn)
                if (cJSON_IsString(it))
                    g_hash_table_add(e->surnames, dsr_text_fold_ascii(it->valuestring));
        }
        const cJSON *mem = cJSON_GetObjectItemCaseSensitive(ent, "members");
        if (cJSON_IsArray(mem)) {
            e->members = g_ptr_array_new_with_free_func(g_free);
            cJSON_ArrayForEach (it, mem)
                if (cJSON_IsString(it))
                    g_ptr_array_add(e->members, g_strdup(it->valuestring));
        }
    }
    return gz;
}

void
dsr__gazetteer_free(DsrGazetteer *gz)
{
    if (!gz)
        return;
    g_hash_table_unref(gz->by_first);
    g_ptr_array_unref(gz->terms);
    g_ptr_array_unref(gz->entities);
    g_free(gz);
}

int
dsr__gazetteer_lookup(const DsrGazetteer *gz, const char *code)
{
    for (guint i = 0; code && i < gz->entities->len; i++)
        if (g_ascii_strcasecmp(((Entity *)g_ptr_array_index(gz->entities, i))->code, code) == 0)
            return i;
    return -1;
}

const char *
dsr__gazetteer_code(const DsrGazetteer *gz, int entity)
{
    return entity >= 0 && (guint)entity < gz->entities->len
               ? ((Entity *)g_ptr_array_index(gz->entities, entity))->code
               : NULL;
}

const char *
dsr__gazetteer_name(const DsrGazetteer *gz, int entity, const char *lang)
{
    if (entity < 0 || (guint)entity >= gz->entities->len)
        return NULL;
    Entity *e = g_ptr_array_index(gz->entities, entity);
    return g_strcmp0(lang, "en") == 0 ? e->name_en : e->name_fr;
}

gboolean
dsr__gazetteer_is_surname(const DsrGazetteer *gz, int entity, const char *word)
{
    if (entity < 0 || (guint)entity >= gz->entities->len)
        return FALSE;
    Entity *e = g_ptr_array_index(gz->entities, entity);
    if (!e->surnames)
        return FALSE;
    g_autofree char *key = dsr_text_fold_ascii(word);
    return g_hash_table_contains(e->surnames, key);
}

gboolean
dsr__gazetteer_is_member(const DsrGazetteer *gz, int bloc, int entity)
{
    if (bloc < 0 || (guint)bloc >= gz->entities->len)
        return FALSE;
    const Entity *b = g_ptr_array_index(gz->entities, bloc);
    const char *code = dsr__gazetteer_code(gz, entity);
    for (guint i = 0; b->members && code && i < b->members->len; i++)
        if (strcmp(g_ptr_array_index(b->members, i), code) == 0)
            return TRUE;
    return FALSE;
}

/* A prefix ("russo") must be glued to the next word by a hyphen. */
static gboolean
hyphen_after(const char *text, gsize end)
{
    const char *p = text + end;
    gunichar c = g_utf8_get_char(p);
    if (c != '-' && c != 0x2010 && c != 0x2011)
        return FALSE;
    return g_unichar_isalpha(g_utf8_get_char(g_utf8_next_char(p)));
}

/* One buffer for the folded forms of all the tokens: a sentence has dozens
 * and almost none starts a name, so two strings each were mostly waste. */
void
dsr__tokens_init(DsrTokens *t, const char *text)
{
    t->tokens = g_array_new(FALSE, FALSE, sizeof(DsrToken));
    t->arena = g_string_sized_new(strlen(text) * 2 + 2);
    g_autoptr(GString) l = g_string_new(NULL);
    g_autoptr(GString) c = g_string_new(NULL);
    gsize pos = 0, s, e;
    while (dsr__next_token(text, &pos, &s, &e, l, c)) {
        DsrToken tk = {t->arena->len, t->arena->len + l->len + 1, s, e};
        GString *a = t->arena;
        gsize need = l->len + 1 + c->len + 1;
        if (a->len + need + 1 > a->allocated_len) {
            g_string_append_len(a, l->str, (gssize)l->len + 1);
            g_string_append_len(a, c->str, (gssize)c->len + 1);
        } else {
            /* Within the room set aside: copied without two calls a token. */
            memcpy(a->str + a->len, l->str, l->len + 1);
            memcpy(a->str + a->len + l->len + 1, c->str, c->len + 1);
            a->len += need;
            a->str[a->len] = '\0';
        }
        g_array_append_val(t->tokens, tk);
    }
}

void
dsr__tokens_clear(DsrTokens *t)
{
    g_clear_pointer(&t->tokens, g_array_unref);
    if (t->arena)
        g_string_free(t->arena, TRUE);
    t->arena = NULL;
}

GArray *
dsr__gazetteer_find(const DsrGazetteer *gz, const char *text)
{
    DsrTokens toks;
    dsr__tokens_init(&toks, text);
    GArray *out = dsr__gazetteer_find_tokens(gz, text, &toks);
    dsr__tokens_clear(&toks);
    return out;
}

GArray *
dsr__gazetteer_find_tokens(const DsrGazetteer *gz, const char *text, const DsrTokens *tokens)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(DsrMention));
    const GArray *toks = tokens->tokens;
    const char *words = tokens->arena->str;
    for (guint i = 0; i < toks->len;) {
        const DsrToken *t0 = &g_array_index(toks, DsrToken, i);
        GPtrArray *cands = g_hash_table_lookup(gz->by_first, words + t0->lower);
        const Term *best = NULL;
        for (guint k = 0; cands && k < cands->len; k++) {
            const Term *t = g_ptr_array_index(cands, k);
            if (i + t->n > toks->len || (best && t->n <= best->n))
                continue;
            gboolean ok = TRUE;
            for (int w = 0; w < t->n && ok; w++) {
                const DsrToken *tk = &g_array_index(toks, DsrToken, i + w);
                const char *have = words + (t->case_sensitive ? tk->cased : tk->lower);
                const char *want = t->case_sensitive ? t->cased[w] : t->lower[w];
                ok = have[0] == want[0] && strcmp(have, want) == 0;
            }
            const DsrToken *last = &g_array_index(toks, DsrToken, i + t->n - 1);
            if (ok && t->kind == DSR__TERM_PREFIX && !hyphen_after(text, last->end))
                ok = FALSE;
            /* "US$ 16 billion" is a currency, not the country. */
            if (ok && t->case_sensitive && text[last->end] == '$')
                ok = FALSE;
            if (ok)
                best = t;
        }
        if (!best) {
            i++;
            continue;
        }
        const DsrToken *last = &g_array_index(toks, DsrToken, i + best->n - 1);
        DsrMention m = {best->entity, best->kind, (int)t0->start, (int)last->end};
        g_array_append_val(out, m);
        i += best->n;
    }
    return out;
}

/* "l'enseignement du français", "cours de russe", "French-language
 * press": a language is no country. French writes a language in lowercase
 * after an article or preposition ("le", "du", "en") or after "langue";
 * the demonym adjective follows a noun instead ("le groupe français").
 * English joins it to "language" or puts it after "speak", "learning". */
static gboolean
is_language_use(const char *text, const DsrMention *m)
{
    if (m->kind != DSR__TERM_DEMONYM)
        return FALSE;
    const char *w = text + m->start;
    const char *after = text + m->end;
    if (g_str_has_prefix(after, "-language") || g_str_has_prefix(after, " language") ||
        g_str_has_prefix(after, "-speaking"))
        return TRUE;
    static const char *const before[] = {"le ",       "du ",       "en ",      "de ",
                                         "langue ",   "langues ",  "speak ",   "speaks ",
                                         "speaking ", "learning ", "teaching "};
    gboolean lower = g_unichar_islower(g_utf8_get_char(w));
    for (guint i = 0; i < G_N_ELEMENTS(before); i++) {
        gsize n = strlen(before[i]);
        if ((gsize)m->start < n || g_ascii_strncasecmp(w - n, before[i], n) != 0)
            continue;
        if ((gsize)m->start > n && g_ascii_isalpha(w[-(int)n - 1]))
            continue;
        /* English capitalises both the people and the language ("investment
         * in French firms"): only after a verb of speech or study. */
        gboolean english = i >= 6;
        if (english ? !lower : lower)
            return TRUE;
    }
    return FALSE;
}

void
dsr__mentions_drop_languages(const char *text, GArray *mentions)
{
    for (guint i = mentions->len; i-- > 0;)
        if (is_language_use(text, &g_array_index(mentions, DsrMention, i)))
            g_array_remove_index(mentions, i);
}

/* ---- partners ---- */

typedef struct {
    int entity;
    double score;
    int mentions;
    int units; /* sentences (or the title) that mention it */
    int last_unit;
    gboolean in_title;
    gboolean in_lead; /* the first body sentence */
    int first;        /* order of first mention */
} Score;

static double
kind_weight(DsrTermKind k)
{
    switch (k) {
    case DSR__TERM_PLACE:
        return 0.8;
    case DSR__TERM_WEAK:
        return 0.4;
    default:
        return 1.0;
    }
}

static int
compare_scores(gconstpointer a, gconstpointer b)
{
    const Score *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->in_title != y->in_title)
        return x->in_title ? -1 : 1;
    return x->first - y->first;
}

/* Distinct entities other than the home country mentioned in one unit. */
static int
distinct_foreign(const DsrUnit *u, int home)
{
    int seen[16], n = 0;
    for (guint i = 0; i < u->mentions->len; i++) {
        int ent = g_array_index(u->mentions, DsrMention, i).entity;
        gboolean dup = ent == home;
        for (int k = 0; k < n && !dup; k++)
            dup = seen[k] == ent;
        if (!dup && n < (int)G_N_ELEMENTS(seen))
            seen[n++] = ent;
    }
    return n;
}

static Score *
score_of(GArray *scores, int entity, int *order)
{
    for (guint k = 0; k < scores->len; k++)
        if (g_array_index(scores, Score, k).entity == entity)
            return &g_array_index(scores, Score, k);
    Score fresh = {entity, 0, 0, 0, -2, FALSE, FALSE, (*order)++};
    g_array_append_val(scores, fresh);
    return &g_array_index(scores, Score, scores->len - 1);
}

void
dsr__partners_rank(const DsrExtractor *ex, GPtrArray *units, DsrFacts *facts)
{
    g_autoptr(GArray) scores = g_array_new(FALSE, TRUE, sizeof(Score));
    int order = 0;
    gboolean lead_seen = FALSE;
    for (guint u = 0; u < units->len; u++) {
        const DsrUnit *unit = g_ptr_array_index(units, u);
        double w = unit->paragraph < 0 ? 3.0 : unit->paragraph == 0 ? 2.0 : 1.0;
        gboolean lead = unit->paragraph >= 0 && !lead_seen;
        lead_seen |= unit->paragraph >= 0;
        /* "avec la Chine, le Japon, la Corée et l'UE": a list names many
         * countries in passing; none of them is what the article is about. */
        int foreign = distinct_foreign(unit, ex->home_entity);
        if (foreign >= 3)
            w /= foreign;
        for (guint i = 0; i < unit->mentions->len; i++) {
            const DsrMention *m = &g_array_index(unit->mentions, DsrMention, i);
            if (m->entity == ex->home_entity)
                continue;
            double mw = kind_weight(m->kind);
            /* "la guerre sino-américaine": a compound joining two foreign
             * countries is about them, not about their ties with home. */
            const DsrMention *prev =
                i > 0 ? &g_array_index(unit->mentions, DsrMention, i - 1) : NULL;
            const DsrMention *next = i + 1 < unit->mentions->len
                                         ? &g_array_index(unit->mentions, DsrMention, i + 1)
                                         : NULL;
            if ((m->kind == DSR__TERM_PREFIX && next && next->entity != ex->home_entity &&
                 next->entity != m->entity && next->start == m->end + 1) ||
                (prev && prev->kind == DSR__TERM_PREFIX && prev->entity != ex->home_entity &&
                 prev->entity != m->entity && m->start == prev->end + 1))
                mw *= 0.25;
            Score *sc = score_of(scores, m->entity, &order);
            /* A name restated in the same sentence ("l'Union européenne
             * (EVFTA)") says less than a mention in another sentence. */
            gboolean again = sc->last_unit == (int)u;
            sc->score += (again ? 0.5 : 1.0) * w * mw;
            sc->mentions++;
            if (!again)
                sc->units++;
            sc->last_unit = u;
            if (unit->paragraph < 0 && foreign < 3)
                sc->in_title = TRUE;
            if (lead && foreign < 3)
                sc->in_lead = TRUE;
        }
    }
    g_array_sort(scores, compare_scores);

    /* A bloc the home country belongs to (ASEAN, the Francophonie) is the
     * setting, not the counterpart, when a strong outsider is there: a
     * Russia-ASEAN conference is about Russia. */
    if (scores->len >= 2) {
        Score *a = &g_array_index(scores, Score, 0);
        for (guint k = 1; k < scores->len; k++) {
            Score *b = &g_array_index(scores, Score, k);
            if (b->score < 0.6 * a->score)
                break;
            if (dsr__gazetteer_is_member(ex->gazetteer, a->entity, ex->home_entity) &&
                !dsr__gazetteer_is_member(ex->gazetteer, a->entity, b->entity) && b->units >= 2) {
                Score tmp = *b;
                memmove(a + 1, a, k * sizeof(Score));
                *a = tmp;
                break;
            }
        }
    }
    double top = 0;
    for (guint k = 0; k < scores->len; k++)
        top = MAX(top, g_array_index(scores, Score, k).score);
    /* An article about a bloc the home country belongs to is often hosted or
     * chaired by one member ("son homologue lao", "the ASEAN Chair"): a
     * member named in the lead is a counterpart even with few mentions. */
    int lead_bloc = scores->len && dsr__gazetteer_is_member(ex->gazetteer,
                                                            g_array_index(scores, Score, 0).entity,
                                                            ex->home_entity)
                        ? g_array_index(scores, Score, 0).entity
                        : -1;
    for (guint k = 0; k < scores->len; k++) {
        const Score *sc = &g_array_index(scores, Score, k);
        g_debug("partners: %s score %.2f, %d mentions in %d units%s%s",
                dsr__gazetteer_code(ex->gazetteer, sc->entity), sc->score, sc->mentions, sc->units,
                sc->in_title ? ", in title" : "", sc->in_lead ? ", in lead" : "");
        /* Substantial: in the headline, in several sentences with weight, or
         * the lead's only real counterpart (a two-sentence brief). */
        gboolean substantial =
            sc->in_title || (sc->units >= 2 && sc->score >= 2.0) || (k == 0 && sc->in_lead);
        gboolean host = lead_bloc >= 0 && k > 0 && sc->in_lead &&
                        dsr__gazetteer_is_member(ex->gazetteer, lead_bloc, sc->entity);
        /* Beside the main counterpart, another country needs a good share of
         * the weight: "deuxième débouché après les États-Unis" is a comparison. */
        double share = host ? 0.15 : k > 0 && !sc->in_title ? 0.35 : 0.3;
        if (!(substantial || host) || sc->score < share * top)
            continue;
        g_ptr_array_add(facts->partners, g_strdup(dsr__gazetteer_code(ex->gazetteer, sc->entity)));
    }
    g_clear_pointer(&facts->primary_partner, g_free);
    if (facts->partners->len)
        facts->primary_partner = g_strdup(g_ptr_array_index(facts->partners, 0));
}

/* ---- figure entities ---- */

static const char *const bilateral_words[] = {
    "bilateral",
    "bilaterale",
    "bilateraux",
    "bilaterales",
    "echanges",
    "two-way",
    "two way",
    "between",
    "entre",
    "exportations vers",
    "importations en provenance",
    "exports to",
    "imports from",
    "investissements de",
    "investments from",
    "investi au",
    "invested in",
};

const char *
dsr__figure_entity(const DsrExtractor *ex, const DsrUnit *unit, const DsrFigure *fig,
                   const char *primary)
{
    const GArray *ms = unit->mentions;
    const char *q = fig->quote ? strstr(unit->text, fig->quote) : NULL;
    int at = q ? (int)(q - unit->text) : 0;
    const char *folded = unit->folded;
    gboolean bilateral = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(bilateral_words) && !bilateral; i++)
        bilateral = strstr(folded, bilateral_words[i]) != NULL;
    int home = ex->home_entity, foreign = -1, near = -1, dist = G_MAXINT;
    gboolean has_home = FALSE;
    for (guint i = 0; i < ms->len; i++) {
        const DsrMention *m = &g_array_index(ms, DsrMention, i);
        if (m->entity == home)
            has_home = TRUE;
        else if (foreign < 0)
            foreign = m->entity;
        /* A mention before the figure is usually its subject ("La Russie a
         * investi 2 milliards"); one after it counts a little further away. */
        int d = m->end <= at ? at - m->end : (m->start - at) * 2 + 1;
        if (d >= 0 && d < dist)
            dist = d, near = m->entity;
    }
    if (fig->subject) {
        g_autoptr(GArray) sm = dsr__gazetteer_find(ex->gazetteer, fig->subject);
        int sub = -1;
        for (guint i = 0; i < sm->len; i++) {
            int e = g_array_index(sm, DsrMention, i).entity;
            if (sub < 0 || (sub == home && e != home))
                sub = e;
        }
        if (sub >= 0)
            return dsr__gazetteer_code(ex->gazetteer, sub);
    }
    if (bilateral && foreign >= 0)
        return dsr__gazetteer_code(ex->gazetteer, foreign);
    if (bilateral && primary && (has_home || !ms->len))
        return primary;
    if (near >= 0)
        return dsr__gazetteer_code(ex->gazetteer, near);
    return NULL;
}

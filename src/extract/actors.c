/* SPDX-License-Identifier: MIT
 * Actors: people named with their office ("le vice-ministre de l'Industrie
 * et du Commerce, Truong Thanh Hoài", "Julien Guerrier, ambassadeur de l'UE",
 * "Deputy Minister Nguyen Van A", "M. X"), and the organisations and
 * companies of the gazetteer the article keeps coming back to. The side is
 * the first country or bloc the office names ("ambassadeur de l'UE au
 * Vietnam" is the EU's), else a Vietnamese family name says home. */
#include "extract-private.h"

#include <string.h>
#include <dossier/text.h>

static const char ROLES[] =
    "vice-premier ministre|premier ministre|vice-premi[eè]re ministre|premi[eè]re ministre|"
    "vice-ministre|ministre|vice-pr[eé]sidente?|pr[eé]sidente?-directeur g[eé]n[eé]ral|"
    "pr[eé]sidente?|secr[eé]taire g[eé]n[eé]ral|secr[eé]taire d'[EÉ]tat|secr[eé]taire|"
    "ambassadeur|ambassadrice|consule? g[eé]n[eé]rale?|consule?|directeur g[eé]n[eé]ral|"
    "directrice g[eé]n[eé]rale|directeur|directrice|PDG|chef|cheffe|gouverneur|maire|"
    "repr[eé]sentante?|charg[eé]e? d'affaires|conseill[eè]re?|d[eé]l[eé]gu[eé]e?|"
    "vice-recteur|rectrice|recteur|professeure?|chercheuse|chercheur|porte-parole|commissaire|"
    "haut repr[eé]sentant|administrat(?:eur|rice)|fondat(?:eur|rice)|dirigeante?|homologue|"
    "deputy prime minister|prime minister|deputy minister|vice minister|minister|"
    "vice president|vice-president|president|chairman|chairwoman|chairperson|chair|"
    "secretary general|general secretary|secretary|ambassador|consul general|director general|"
    "director|CEO|chief executive officer|chief executive|head|governor|mayor|representative|"
    "counsellor|professor|commissioner|spokesperson|spokesman|founder|counterpart";

#define NAME_WORD "\\p{Lu}[\\p{L}\\p{M}'’-]*"
#define NAME NAME_WORD "(?:[ \\x{00A0}]" NAME_WORD "){1,4}"
#define HONORIFIC "(?:M\\.|Mme|MM\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Pr\\.?)"

/* Words that make a capitalised run an institution, not a person. */
static const char *const not_name_words[] = {
    "affaires",      "affairs",        "foreign",
    "etrangeres",    "trade",          "industry",
    "planning",      "interieur",      "defense",
    "defence",       "sante",          "health",
    "education",     "transports",     "justice",
    "culture",       "agriculture",    "environnement",
    "environment",   "energie",        "energy",
    "numerique",     "digital",        "commerce",
    "industrie",     "ministere",      "ministry",
    "comite",        "committee",      "conseil",
    "council",       "forum",          "association",
    "universite",    "university",     "agence",
    "agency",        "banque",         "bank",
    "assemblee",     "assembly",       "republique",
    "republic",      "parti",          "party",
    "etat",          "state",          "gouvernement",
    "government",    "departement",    "department",
    "chambre",       "chamber",        "office",
    "bureau",        "institut",       "institute",
    "centre",        "center",         "groupe",
    "group",         "societe",        "company",
    "corporation",   "fondation",      "foundation",
    "programme",     "program",        "sommet",
    "summit",        "congres",        "congress",
    "commission",    "secretariat",    "ambassade",
    "embassy",       "science",        "sciences",
    "technologie",   "technology",     "information",
    "communication", "communications", "finances",
    "finance",       "plan",           "investissement",
    "investment",    "planification",  "economie",
    "economy",       "national",       "nationale",
    "populaire",     "people",         "selon",
    "according",     "lors",           "dans",
    "pour",          "avec",           "les",
    "des",           "cette",          "this",
};

/* Compiled once with the extractor and only read afterwards (shared by the
 * worker threads: a match keeps its state in its GMatchInfo). */
struct DsrActorRules {
    GRegex *role_first, *name_first, *honorific, *more;
    DsrNeedles
        *role_stems; /* what every office of ROLES holds once folded (role_stems()), or NULL */
    DsrNeedles *odd_letters; /* what caseless PCRE2 reads as "k" or "s" */
    GRegex *office;          /* an office alone, not inside "vice-ministre" */
    GHashTable *not_name;    /* not_name_words as a set */
};
typedef DsrActorRules Rules;

static GRegex *
rx(const char *pattern)
{
    g_autoptr(GError) err = NULL;
    GRegex *r = g_regex_new(pattern, G_REGEX_OPTIMIZE, 0, &err);
    g_assert_no_error(err); /* the patterns are constants of this file */
    return r;
}

/* The folded form of what each office of ROLES starts with, read from the
 * pattern: a class whose letters fold to one ("[eé]") is that letter, a
 * letter made optional ends it, as does a group. An office written in the
 * text holds its stem in the text folded (dsr_text_fold_ascii()), so a unit
 * without any has no office for role_first or name_first to find. NULL when
 * an alternative gives no stem. */
static char **
role_stems(const char *roles)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    const char *p = roles;
    while (*p) {
        GString *stem = g_string_new(NULL);
        gboolean open = TRUE; /* still reading the stem */
        int depth = 0;
        for (; *p && (depth > 0 || *p != '|'); p++) {
            if (*p == '(') {
                depth++;
                open = FALSE;
            } else if (*p == ')') {
                depth--;
            } else if (!open || depth > 0) {
                continue;
            } else if (*p == '[') {
                const char *close = strchr(p, ']');
                g_autofree char *members = g_strndup(p + 1, close ? (gsize)(close - p - 1) : 0);
                g_autofree char *folded = dsr_text_fold_ascii(members);
                gboolean one = folded[0] && (guchar)folded[0] < 0x80;
                for (const char *f = folded; one && *f; f++)
                    one = *f == folded[0];
                if (one && close && close[1] != '?' && close[1] != '*')
                    g_string_append_c(stem, folded[0]);
                else
                    open = FALSE;
                p = close ? close : p + strlen(p) - 1;
            } else if (*p == '?' || *p == '*') {
                /* The letter before may be missing. */
                const char *last =
                    stem->len ? g_utf8_find_prev_char(stem->str, stem->str + stem->len) : NULL;
                g_string_truncate(stem, last ? (gsize)(last - stem->str) : 0);
                open = FALSE;
            } else if (*p == '\\' || *p == '.' || *p == '+' || *p == '{') {
                open = FALSE;
            } else if ((guchar)*p < 0x80) {
                g_string_append_c(stem, g_ascii_tolower(*p)); /* spaces too: folding keeps one */
            } else {
                const char *next = g_utf8_next_char(p);
                g_autofree char *one = g_strndup(p, (gsize)(next - p));
                g_autofree char *folded = dsr_text_fold_ascii(one);
                g_string_append(stem, folded);
                p = next - 1;
            }
        }
        if (*p == '|')
            p++;
        if (!stem->len) {
            g_string_free(stem, TRUE);
            g_ptr_array_unref(out);
            return NULL;
        }
        g_ptr_array_add(out, g_string_free(stem, FALSE));
    }
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

/* Whether @unit may hold an office of ROLES. Caseless, PCRE2 also matches
 * the Kelvin sign to "k" and the long s to "s", which folding keeps: a unit
 * with either is always read. */
static gboolean
may_hold_office(const Rules *r, const DsrUnit *unit)
{
    return !r->role_stems || dsr_needles_find(r->odd_letters, unit->text) ||
           dsr_needles_find(r->role_stems, unit->folded);
}

DsrActorRules *
dsr__actor_rules_new(void)
{
    Rules *r = g_new0(Rules, 1);
    g_autofree char *rf =
        g_strdup_printf("\\b((?i:%s))\\b([^,.;:«»\"]{0,120}?)\\s*,?\\s+(?:" HONORIFIC "\\s+)?(" NAME
                        ")(?=\\s*[,.;:)»]|\\s+[\\p{Ll}(]|\\s*$)",
                        ROLES);
    g_autofree char *nf = g_strdup_printf("(?:" HONORIFIC "\\s+)?(" NAME
                                          "),\\s+(?:(?i:le|la|l'|l’|the)\\s*)?((?i:%s))\\b"
                                          "([^,.;:«»\"]{0,120})",
                                          ROLES);
    r->role_first = rx(rf);
    /* Where the shortest office stopped at a capitalised place ("consul
     * général de Chine à Hô Chi Minh-Ville, Tang Li"), the name may follow. */
    r->more = rx("\\G([^,.;:«»\"]{0,120}?)\\s*,?\\s+(?:" HONORIFIC "\\s+)?(" NAME
                 ")(?=\\s*[,.;:)»]|\\s+[\\p{Ll}(]|\\s*$)");
    r->name_first = rx(nf);
    /* "M. Hung" alone names someone already met by full name; only a
     * full name after an honorific makes a new actor. */
    r->honorific = rx("\\b" HONORIFIC "\\s+(" NAME ")");
    g_autofree char *of = g_strdup_printf("(?<![\\w-])(?i:%s)\\b", ROLES);
    r->office = rx(of);
    g_auto(GStrv) stems = role_stems(ROLES);
    r->role_stems = stems ? dsr_needles_new((const char *const *)stems) : NULL;
    r->odd_letters = dsr_needles_new((const char *const[]){"\u212a", "\u017f", NULL});
    r->not_name = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint k = 0; k < G_N_ELEMENTS(not_name_words); k++)
        g_hash_table_add(r->not_name, (gpointer)not_name_words[k]);
    return r;
}

void
dsr__actor_rules_free(DsrActorRules *r)
{
    if (!r)
        return;
    g_clear_pointer(&r->role_first, g_regex_unref);
    g_clear_pointer(&r->name_first, g_regex_unref);
    g_clear_pointer(&r->honorific, g_regex_unref);
    g_clear_pointer(&r->more, g_regex_unref);
    g_clear_pointer(&r->office, g_regex_unref);
    g_clear_pointer(&r->not_name, g_hash_table_unref);
    dsr_needles_free(r->role_stems);
    dsr_needles_free(r->odd_letters);
    g_free(r);
}

static gboolean
plausible_name(const DsrExtractor *ex, const char *name)
{
    g_autoptr(GArray) ms = dsr__gazetteer_find(ex->gazetteer, name);
    if (ms->len)
        return FALSE;
    g_autofree char *folded = dsr_text_fold_ascii(name);
    g_auto(GStrv) words = g_strsplit(folded, " ", -1);
    g_auto(GStrv) written = g_strsplit(name, " ", -1);
    gboolean home_surname = words[0] && ex->home_entity >= 0 &&
                            dsr__gazetteer_is_surname(ex->gazetteer, ex->home_entity, words[0]);
    for (int i = 0; words[i]; i++) {
        const char *w = words[i];
        if (!*w)
            continue;
        /* "The" is English; "Thê", "Thế" are Vietnamese names that fold to it.
         * "Mai" is a month and a given name: after a Vietnamese family name
         * it is the name. */
        if ((dsr_text_month_number(w) && !home_surname) ||
            (written[i] && g_ascii_strcasecmp(written[i], "the") == 0))
            return FALSE;
        if (g_hash_table_contains(ex->actor_rules->not_name, w))
            return FALSE;
    }
    return TRUE;
}

/* "Foreign Affairs Nguyen Minh Vu", "Selon Le Van Thanh": the capitalised
 * run may start with the office's complement or a capitalised word of the
 * sentence. The name is what follows the last such word; the words before it
 * belong to the role. Returns the byte offset where the name starts. */
static gsize
name_start(const DsrExtractor *ex, const char *name)
{
    g_auto(GStrv) words = g_strsplit(name, " ", -1);
    int n = g_strv_length(words), cut = 0;
    g_autofree gsize *at = g_new0(gsize, n + 1);
    for (int i = 0; i < n; i++)
        at[i + 1] = at[i] + strlen(words[i]) + 1;
    for (int i = 0; i < n - 1; i++) {
        g_autofree char *w = dsr_text_fold_ascii(words[i]);
        if (g_hash_table_contains(ex->actor_rules->not_name, w))
            cut = i + 1;
    }
    /* "Ambassador to Vietnam Ito Naoki", "Minister of Japan Kato Ryo": the
     * place closing an English office runs into the capitalised name. */
    g_autoptr(GArray) ms = dsr__gazetteer_find(ex->gazetteer, name);
    for (guint k = 0; k < ms->len; k++) {
        const DsrMention *m = &g_array_index(ms, DsrMention, k);
        if ((gsize)m->start != at[cut] || m->kind == DSR__TERM_DEMONYM)
            continue;
        while (cut < n && at[cut] < (gsize)m->end)
            cut++;
    }
    /* A name keeps at least two words. */
    if (cut > n - 2)
        return 0;
    return at[cut];
}

static char *
side_of(const DsrExtractor *ex, const char *role, const char *name)
{
    if (role) {
        g_autoptr(GArray) ms = dsr__gazetteer_find(ex->gazetteer, role);
        if (ms->len)
            return g_strdup(
                dsr__gazetteer_code(ex->gazetteer, g_array_index(ms, DsrMention, 0).entity));
    }
    /* Vietnamese names start with the family name. */
    g_autofree char *folded = dsr_text_fold_ascii(name);
    g_autofree char *first = g_strndup(folded, strcspn(folded, " "));
    if (ex->home_entity >= 0 && dsr__gazetteer_is_surname(ex->gazetteer, ex->home_entity, first))
        return g_strdup(ex->home);
    return NULL;
}

/* "President of Google Asia-Pacific": a role ending on a preposition has
 * its complement, not a person, in the name slot. */
static gboolean
ends_with_preposition(const char *role)
{
    static const char *const preps[] = {" of", " de", " du", " des", " d'", " d’", " of the"};
    for (guint i = 0; role && i < G_N_ELEMENTS(preps); i++)
        if (g_str_has_suffix(role, preps[i]))
            return TRUE;
    return FALSE;
}

static gboolean
add_actor(const DsrExtractor *ex, GPtrArray *actors, const char *name, const char *role,
          gboolean role_before)
{
    g_autofree char *whole = dsr_text_squeeze(name);
    gsize off = name_start(ex, whole);
    g_autofree char *n = g_strdup(whole + off);
    g_autofree char *fuller_role = NULL;
    if (!off && ends_with_preposition(role))
        return FALSE;
    /* The words before the name close an office written before it ("Minister
     * of Foreign Affairs X"); before "X, ministre", they are the sentence's. */
    if (off && role && role_before) {
        g_autofree char *head = g_strndup(whole, off);
        fuller_role = g_strconcat(role, " ", g_strstrip(head), NULL);
        role = fuller_role;
    }
    /* "Donald Trump's visit": the possessive is not part of the name. */
    if (g_str_has_suffix(n, "'s") || g_str_has_suffix(n, "’s"))
        n[strlen(n) - (g_str_has_suffix(n, "'s") ? 2 : 4)] = '\0';
    g_autofree char *r = role ? dsr_text_squeeze(role) : NULL;
    if (r && !*r)
        g_clear_pointer(&r, g_free);
    if (!plausible_name(ex, n))
        return FALSE;
    g_autofree char *key = dsr_text_fold_ascii(n);
    for (guint i = 0; i < actors->len; i++) {
        DsrActor *a = g_ptr_array_index(actors, i);
        g_autofree char *k = dsr_text_fold_ascii(a->name);
        if (strcmp(k, key) != 0)
            continue;
        /* The same person written with and without diacritics: keep the
         * fuller spelling and the first role given. */
        if (strlen(n) > strlen(a->name)) {
            g_free(a->name);
            a->name = g_steal_pointer(&n);
        }
        if (!a->role && r) {
            a->role = g_steal_pointer(&r);
            g_free(a->entity);
            a->entity = side_of(ex, a->role, a->name);
        }
        return TRUE;
    }
    DsrActor *a = g_new0(DsrActor, 1);
    a->entity = side_of(ex, r, n);
    a->name = g_steal_pointer(&n);
    a->role = g_steal_pointer(&r);
    g_ptr_array_add(actors, a);
    return TRUE;
}

/* The office of the person named next: "le chef du gouvernement vietnamien
 * et son homologue lao Sonexay Siphandone" is the counterpart's office, so a
 * coordination with a possessive starts the role afresh. */
static char *
join_role(const DsrExtractor *ex, const char *office, const char *rest)
{
    g_autofree char *s = g_strconcat(office, rest ? rest : "", NULL);
    g_strstrip(s);
    /* "le vice-ministre a reçu l'ambassadeur de Corée, X": a verb between
     * two offices ends the first one's clause; X holds the last office. */
    static const char *const verbs[] = {" a ",   " ont ",  " est ", " has ",      " have ",
                                        " was ", " were ", " met ", " received ", " welcomed "};
    const char *after = NULL;
    for (guint i = 0; i < G_N_ELEMENTS(verbs); i++) {
        const char *p = g_strrstr(s, verbs[i]);
        if (p && (!after || p > after))
            after = p + 1;
    }
    g_autoptr(GMatchInfo) mi = NULL;
    if (after && g_regex_match(ex->actor_rules->office, after, 0, &mi)) {
        int start, end;
        g_match_info_fetch_pos(mi, 0, &start, &end);
        char *tail = g_strdup(after + start);
        g_free(s);
        s = tail;
    }
    static const char *const coord[] = {" et son ",  " et sa ",   " et ses ",
                                        " and his ", " and her ", " and their "};
    for (guint i = 0; i < G_N_ELEMENTS(coord); i++) {
        const char *p = g_strrstr(s, coord[i]);
        if (p) {
            char *tail = g_strdup(p + strlen(coord[i]));
            g_free(s);
            s = tail;
        }
    }
    return g_steal_pointer(&s);
}

void
dsr__actors_find(const DsrExtractor *ex, GPtrArray *units, DsrFacts *facts)
{
    const Rules *r = ex->actor_rules;
    g_autoptr(GHashTable) org_count = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint u = 0; u < units->len; u++) {
        const DsrUnit *unit = g_ptr_array_index(units, u);
        g_autoptr(GMatchInfo) mi = NULL;
        gboolean has_office = may_hold_office(r, unit);
#ifdef DOSSIER_CHECK_FILTERS
        if (!has_office && (g_regex_match(r->role_first, unit->text, 0, NULL) ||
                            g_regex_match(r->name_first, unit->text, 0, NULL)))
            g_error("no office stem in \"%s\", which has an office", unit->text);
#endif
        if (has_office)
            g_regex_match(r->role_first, unit->text, 0, &mi);
        for (; mi && g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
            g_autofree char *office = g_match_info_fetch(mi, 1);
            g_autofree char *rest = g_match_info_fetch(mi, 2);
            g_autofree char *name = g_match_info_fetch(mi, 3);
            g_autofree char *role = join_role(ex, office, rest);
            int from, to, ostart, oend;
            g_match_info_fetch_pos(mi, 3, &from, &to);
            g_match_info_fetch_pos(mi, 1, &ostart, &oend);
            /* "Japanese Ambassador to Vietnam X": English puts the side's
             * adjective before the office, and the side is the first place
             * the role names. */
            for (guint k = 0; k < unit->mentions->len; k++) {
                const DsrMention *m = &g_array_index(unit->mentions, DsrMention, k);
                if (m->kind == DSR__TERM_DEMONYM && m->end + 1 == ostart &&
                    unit->text[m->end] == ' ') {
                    g_autofree char *adj = g_strndup(unit->text + m->start, m->end - m->start);
                    char *fuller = g_strconcat(adj, " ", role, NULL);
                    g_free(role);
                    role = fuller;
                }
            }
            if (add_actor(ex, facts->actors, name, role, TRUE))
                continue;
            /* Not a name: a place or an institution closing the office. */
            g_autoptr(GMatchInfo) m2 = NULL;
            if (g_regex_match_full(r->more, unit->text, -1, to, 0, &m2, NULL)) {
                g_autofree char *rest2 = g_match_info_fetch(m2, 1);
                g_autofree char *name2 = g_match_info_fetch(m2, 2);
                g_autofree char *role2 = g_strconcat(role, " ", name, rest2, NULL);
                g_autofree char *clean = join_role(ex, role2, NULL);
                add_actor(ex, facts->actors, name2, clean, TRUE);
            }
        }
        g_clear_pointer(&mi, g_match_info_unref);
        if (has_office)
            g_regex_match(r->name_first, unit->text, 0, &mi);
        for (; mi && g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
            g_autofree char *name = g_match_info_fetch(mi, 1);
            g_autofree char *office = g_match_info_fetch(mi, 2);
            g_autofree char *rest = g_match_info_fetch(mi, 3);
            g_autofree char *role = join_role(ex, office, rest);
            add_actor(ex, facts->actors, name, role, FALSE);
        }
        g_clear_pointer(&mi, g_match_info_unref);
        for (g_regex_match(r->honorific, unit->text, 0, &mi); g_match_info_matches(mi);
             g_match_info_next(mi, NULL)) {
            g_autofree char *name = g_match_info_fetch(mi, 1);
            add_actor(ex, facts->actors, name, NULL, FALSE);
        }
        for (guint i = 0; i < unit->mentions->len; i++) {
            const DsrMention *m = &g_array_index(unit->mentions, DsrMention, i);
            if (m->kind != DSR__TERM_ORG)
                continue;
            char *key = g_strdup_printf("%d", m->entity);
            g_autofree char *written = g_strndup(unit->text + m->start, m->end - m->start);
            g_autofree char *full = g_strconcat(key, "\t", written, NULL);
            g_free(key);
            /* A lead mention counts twice: the lead says who matters. */
            int w = unit->paragraph <= 0 ? 2 : 1;
            int n = GPOINTER_TO_INT(g_hash_table_lookup(org_count, full)) + w;
            g_hash_table_insert(org_count, g_strdup(full), GINT_TO_POINTER(n));
            if (n >= 2 && n - w < 2) {
                g_autofree char *fold = dsr_text_fold_ascii(written);
                gboolean known = FALSE;
                for (guint k = 0; k < facts->actors->len && !known; k++) {
                    g_autofree char *kk = dsr_text_fold_ascii(
                        ((DsrActor *)g_ptr_array_index(facts->actors, k))->name);
                    known = strcmp(kk, fold) == 0;
                }
                if (!known) {
                    DsrActor *a = g_new0(DsrActor, 1);
                    a->name = g_steal_pointer(&written);
                    a->entity = g_strdup(dsr__gazetteer_code(ex->gazetteer, m->entity));
                    g_ptr_array_add(facts->actors, a);
                }
            }
        }
    }
}

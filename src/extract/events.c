/* SPDX-License-Identifier: MIT
 * Events: agreements signed, forums, meetings and visits, one per sentence
 * that reports one, with the date resolved against the article's date and
 * the place named in the sentence or the dateline. A date the text does not
 * pin down stays NULL: "le 20 novembre" in an undated article has no year. */
#include "extract-private.h"

#include <string.h>
#include <dossier/text.h>

#define SUMMARY_MAX 240

static const char MONTHS[] = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
                             "novembre|decembre|january|february|march|april|may|june|july|"
                             "august|september|october|november|december|jan|feb|mar|apr|jun|"
                             "jul|aug|sep|sept|oct|nov|dec";
static const char WEEKDAYS[] = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|"
                               "tuesday|wednesday|thursday|friday|saturday|sunday";

/* Compiled once with the extractor and only read afterwards: GRegex
 * matching keeps its state in the GMatchInfo, so worker threads share them. */
struct DsrEventRules {
    /* The patterns that type a sentence, run only on sentences holding
     * their words: most sentences report no event. */
    DsrWordFilter *filter;
    const DsrFilteredRegex *agreement_noun, *signing, *unsigned_yet, *visit, *tourism, *milestone;
    const DsrFilteredRegex *forum, *meeting, *reception, *joint_body, *other, *held;
    const DsrFilteredRegex *plan, *habitual, *same_day, *cause, *background;
    GRegex *day_month, *month_day, *weekday, *next, *relative_day;
    GRegex *month_year, *month_alone, *year_alone, *named;
    const DsrFilteredRegex *named_year;
    GRegex *anaphoric, *date_words, *event_noun, *summary_noun;
};
typedef DsrEventRules Rules;

/* A folded sentence with the words of it the typing patterns look for. */
typedef struct {
    const char *text;
    guint64 words;
} Folded;

/* @x matched on @s: the sentence, or a part of it. */
static gboolean
has(const DsrFilteredRegex *x, const Folded *f, const char *s)
{
    return dsr_filtered_match(x, f->words, f->text, s, NULL);
}

static GRegex *
rx(const char *pattern)
{
    g_autoptr(GError) err = NULL;
    GRegex *r = g_regex_new(pattern, G_REGEX_OPTIMIZE, 0, &err);
    g_assert_no_error(err); /* the patterns are constants of this file */
    return r;
}

static const DsrFilteredRegex *
fx(Rules *r, const char *pattern)
{
    g_autoptr(GError) err = NULL;
    const DsrFilteredRegex *x = dsr_word_filter_compile(r->filter, pattern, G_REGEX_OPTIMIZE, &err);
    g_assert_no_error(err);
    return x;
}

DsrEventRules *
dsr__event_rules_new(void)
{
    Rules *r = g_new0(Rules, 1);
    r->filter = dsr_word_filter_new();
    r->agreement_noun =
        fx(r, "\\b(memorandum|memorandums|memoranda|accords?|protocoles?|conventions?|mous?|"
              "agreements?|documents? de cooperation|cooperation documents?|lettres? d'intention|"
              "contrats?|contracts?|deals?|chartes?|charters?|plan d'action|plans of action|"
              "declarations? (?:commune|conjointe|de vision)\\w*|joint (?:statement|declaration)s?|"
              "feuilles? de route|roadmaps?|traites?|treaty|treaties|pactes?|pacts?|"
              /* the instrument of loans and aid between governments */
              "notes? diplomatiques?|diplomatic notes?|echanges? de notes|exchanges? of notes)\\b");
    r->signing =
        fx(r, "\\b(sign\\w*|paraphe\\w*|inked|boucle|conclu|conclus|conclue|conclues|echange de "
              "documents|exchanged)\\b");
    /* A visit is also told by its verbs ("s'est rendu à", "arrived in"), by
     * an invitation ("à l'invitation de", which in these dispatches opens a
     * state or official visit), by "attendu à", and by a stay with only its
     * dates between "effectuer" and the place ("effectueront du 18 au 20 mai
     * au Japon", the noun left out). "Visitent" is tourists, not envoys. */
    g_autofree char *visit = g_strdup_printf(
        "\\b(visites?|visits?|visiting|visited|visitee?s?|tournee|"
        "(?:a|at) l'invitation d\\w*|at the invitation of|s'est rendue?s? (?:a|au|aux|en)|"
        "se sont rendu(?:e)?s (?:a|au|aux|en)|se rendra (?:a|au|aux|en)|"
        "(?:arrived|arrives|arriving) in|est arrivee? (?:a|au|en)|"
        "effectu(?:e|era|eront|ent|ait|aient) (?:(?:du|au|le|les|et|ce|cette|\\d{1,2}(?:er)?|"
        "%s|%s) ){1,6}(?:a|au|aux|en) \\w+)\\b",
        WEEKDAYS, MONTHS);
    r->visit = fx(r, visit);
    r->forum =
        fx(r, "\\b(forums?|fora|sommets?|summits?|salons?|expositions?|expos?|foires?|fairs?|"
              "exhibitions?)\\b");
    /* Talks under their names: a joint commission's session, co-chairing,
     * "pourparlers", an audience. */
    r->meeting =
        fx(r, "\\b(tables? rondes?|round ?tables?|seminaires?|seminars?|colloques?|conferences?|"
              "entretiens?|reunions?|symposiums?|symposia|dialogues?|ateliers?|workshops?|talks|"
              "meetings?|rencontres?|a rencontre|ont rencontre|rencontrer|rencontrera|will meet|"
              "webinaires?|webinars?|congres|s'est entretenue?|se sont entretenus|s'entretient|"
              "s'entretiendra|s'entretiennent|met with|meets with|consultations?|pourparlers|"
              "audiences?|copresid\\w*|co-presid\\w*|co-?chair\\w*)\\b");
    /* A joint commission is a body; it is a meeting when it sits ("la 18e
     * Commission mixte s'est tenue"), not when its work is cited. */
    r->joint_body =
        fx(r, "\\b(?:\\d+(?:e|eme|st|nd|rd|th)|premiere|first) (?:session (?:de la |du |of the )?)?"
              "(?:commissions? (?:mixtes?|intergouvernementales?)|comites? mixtes?|"
              "joint (?:commission|committee)|intergovernmental (?:commission|committee))\\b");
    /* Receiving someone is a meeting; receiving a licence, aid or an award
     * is not: the verb counts when a person or delegation follows it. */
    r->reception =
        fx(r, "\\b(?:a recu|ont recu|recevant|recevra|recu par|recue par|recus par|"
              "recues par|received|receiving|receives|a accueilli|ont accueilli|"
              "accueillant|hosted|hosting|hosts)\\b[^.;]{0,60}?\\b(?:m|mme|mr|mrs|ms|"
              "ministres?|vice-ministres?|president\\w*|vice-president\\w*|ambassadeurs?|"
              "ambassadrice|delegations?|homologues?|secretaires?|directeurs?|directrice|"
              "chefs?|gouverneurs?|representant\\w*|pdg|dirigeant\\w*|envoye\\w*|consuls?|"
              "maires?|premier ministre|ministers?|ambassadors?|counterparts?|"
              "secretary|secretaries|directors?|chief|governors?|representatives?|ceos?|"
              "leaders?|envoys?|mayors?|chairm[ae]n|chairwoman|prince|roi|king|queen)\\b");
    /* "X s'est tenu(e)", "was held", "took place" with no event noun left:
     * something met (a named body, an edition). */
    r->held =
        fx(r, "\\b(s'est tenue?|se sont tenue?s|s'est deroulee?|a eu lieu|ont eu lieu|"
              "was held|were held|took place|was convened|sessions? (?:pleniere|de travail)s?|"
              "(?:plenary|working) sessions?)\\b");
    /* Plans: what someone is to do. Undated, a plan is no event; dated, its
     * weekday lies ahead ("Il doit rencontrer mercredi"). */
    r->plan = fx(r, "\\b(?:va|vont|doit|doivent|devra|devront|devrait|devraient|will|shall|is to|"
                    "are to|plans? to|planned to|prevoi\\w* de|envisag\\w* de|s'appret\\w* a|"
                    "(?:is|are) expected to|(?:is|are) set to|intends? to|compte|comptent|pour|"
                    "afin de|en vue de|charge\\w* de|autorise\\w* a|to) "
                    "(?:(?:\\w+|\\d+ \\w+) ){0,2}?(?:signer|sign|rencontrer|meet|visiter|visit|"
                    "effectuer|pay|tenir|hold|organiser|host|participer|attend|se rendre|travel|"
                    "conclure|conclude|recevoir|receive|co-?presider|co-?chair)\\b");
    /* A framework set up, a treaty in force: milestones typed `other`
     * before the nouns they contain ("un dialogue stratégique") make them
     * look like meetings. */
    r->milestone = fx(r, "\\b((?:etabli\\w*|established?|set up|mis en place|mise en place|"
                         "lance\\w*|launched|cree\\w*|created) (?:un |une |le |la |leur |a |an |"
                         "the |their )?(?:\\w+ )?(?:partenariat|partnership|dialogue|mecanisme|"
                         "mechanism|cadre|framework)|came into effect|took effect|"
                         "(?:est|sont) entree?s? en application)\\b");
    /* An opening clause that sets the scene ("Depuis l'établissement des
     * relations en 1992, le commerce…", "Après l'entrée en vigueur de
     * l'accord en octobre 2016, …", "Since …,"): the history behind what the
     * sentence reports, not an event of the article. */
    r->background = fx(r, "^(?:(?:depuis|since|apres|after|des|ever since)\\b|de \\d)");
    /* A milestone given as the cause of what the sentence reports ("…
     * s'explique par l'entrée en vigueur, en 2016, de l'accord") or as what
     * an anniversary recalls is background too. */
    r->cause = fx(r, "\\b(s'expliqu\\w* (?:\\w+ ){0,3}?par|grace a|thanks to|due to|owing to|"
                     "en raison de|because of|attribuable a|attributed to|"
                     "anniversaire|anniversary|cinquantenaire|centenaire|jubile)\\b");
    /* Done again and again over a span ("have paid visits over the past
     * 30 years", "a signé … au cours des dix dernières années"): a record,
     * not an event, when no date picks one out. */
    r->habitual =
        fx(r, "\\b(over the (?:past|last)|in the (?:past|last) (?:\\w+ )?(?:years?|decades?)|"
              "in recent years|au cours des (?:\\w+ )?(?:dernieres|derniers)|ces dernieres annees|"
              "ces dernieres decennies|depuis des annees|depuis des decennies|"
              "(?:dans|pendant) les (?:\\w+ )?(?:dernieres|derniers) (?:annees|decennies|ans))\\b");
    /* "Une fois signé, cet accord …", "once signed": not signed yet. */
    r->unsigned_yet =
        fx(r, "\\b(?:une fois (?:qu'il sera )?signee?s?|once signed|une fois conclue?|"
              "lorsqu'il sera signe|when signed|des sa signature)\\b"
              "(?!\\s+(?:le|on|en|in)\\s+\\d)");
    /* Tourists and visitors counted are statistics, not a visit. */
    r->tourism = fx(r, "\\b(touristes?|tourists?|visiteurs|visitors|tourisme|tourism|arrivals)\\b");
    g_autofree char *dm = g_strdup_printf(
        "\\b(?:(%s)\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?(?:\\s*(?:-|au|et|to|and)\\s*\\d{1,2})?"
        "\\s+(%s)\\b\\.?(?:,?\\s+(\\d{4})\\b)?",
        WEEKDAYS, MONTHS);
    g_autofree char *md = g_strdup_printf(
        "\\b(%s)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*-\\s*\\d{1,2})?(?:,?\\s+(\\d{4})\\b)?",
        MONTHS);
    g_autofree char *wd = g_strdup_printf("\\b(%s)\\b", WEEKDAYS);
    r->day_month = rx(dm);
    r->month_day = rx(md);
    r->weekday = rx(wd);
    /* Days named from the article's: "hier", "yesterday", "demain", "ce
     * matin". Not "aujourd'hui" or "today", which news also writes for
     * "nowadays". */
    r->relative_day = rx("\\b(avant-hier|hier|demain|apres-demain|ce matin|cet apres-midi|ce soir|"
                         "day before yesterday|yesterday|tomorrow|this morning|this afternoon|"
                         "tonight|earlier today|later today)\\b");
    /* What is still to come: "prochain", and the future of the verbs that
     * announce an event ("se tiendra", "will be held"). */
    r->next = rx("\\b(prochain|prochaine|next|upcoming|a venir|se tiendra|se tiendront|aura lieu|"
                 "auront lieu|will be held|will take place|is scheduled|are scheduled|"
                 "is due to)\\b");
    /* A year in an event's name ("le Forum 2024", "(CIFTIS) 2024") dates a
     * month the sentence gives alone. */
    r->named_year = fx(r, "\\b(?:forum|sommet|summit|salon|expo|exposition|foire|fair|festival|"
                          "conference|congres|semaine|week)\\b[^.,;:]{0,60}?[\\s)]((?:19|20)\\d\\d)"
                          "\\b(?!\\s*-)");
    g_autofree char *my = g_strdup_printf("\\b(%s)\\.?\\s+(\\d{4})\\b", MONTHS);
    g_autofree char *ma = g_strdup_printf(
        "\\b(?:en|in|debut|fin|mi-|courant|early|late|mid-)\\s*(%s)\\b(?!\\s+\\d)", MONTHS);
    r->month_year = rx(my);
    r->month_alone = rx(ma);
    r->year_alone = rx("\\b(?:en|in|des|since|depuis)\\s+((?:19|20)\\d\\d)\\b(?!\\s*-)");
    r->same_day = fx(r, "\\b(le meme jour|ce meme jour|ce jour-la|the same day|that day)\\b");
    /* Milestones an analyst dates: ties established, a treaty in force, a
     * site opened. Kept only when the sentence dates them. */
    r->other = fx(r, "\\b(etabli\\w* (?:des |de |leurs )?relations diplomatiques|"
                     "etablissement des relations diplomatiques|established (?:diplomatic )?"
                     "(?:relations|ties)|entre\\w* en vigueur|entry into force|entered into force|"
                     "mise en chantier|inaugur\\w*|upgraded|publie\\w* (?:le|leur|un|une) "
                     "(?:\\w+ )?(?:rapport|strategie|feuille de route))\\b");
    /* A capitalised event noun names an event of its own ("le Forum
     * scientifique Vietnam - Russie"), not "le forum" met again. */
    r->named = rx("\\b(Forum|Sommet|Salon|Symposium|Conférence|Séminaire|Colloque|Summit|"
                  "Conference|Seminar|Exposition|Foire|Expo|Fair)\\b(?!$)");
    /* What makes a sentence lean on the one before it (matched on the
     * folded text): a pronoun or "il s'agit" opening it, a pronoun subject
     * right after an opening clause ("Lors de la rencontre, il a salué"), an
     * event named by a demonstrative ("cette rencontre", "this meeting") or a
     * general noun ("l'evenement", "the function"), a quotation opening it. */
    r->anaphoric =
        rx("^(?:(?:il|elle|ils|elles|on|he|she|they|it|this|these|those|ce|cet|cette|"
           "ces|c|ceci|cela|celui|celle|ceux|lui|leur)\\b|[\"«“']|(?:l'|the )"
           "(?:evenement|event|function|occasion|ceremonie|ceremony)\\b)|^[^,]{0,60}, "
           "(?:il|elle|ils|elles|he|she|they)\\b|\\b(?:ce|cette|cet|ces|this|that|these) "
           "(?:\\w+ )?(?:rencontre|reunion|visite|conference|seminaire|forum|"
           "accord|memorandum|document|evenement|meeting|visit|agreement|event|"
           "sommet|summit|colloque|symposium|atelier|workshop|entretien|talks)\\b");
    /* The date words as written, accents and case kept, for a summary built
     * from the text. */
    r->date_words = g_regex_new(
        "(*UCP)\\b(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|"
        "wednesday|thursday|friday|saturday|sunday)\\s+)?(?:\\d{1,2}(?:er|st|nd|rd|th)?"
        "(?:\\s*(?:-|au|et|to|and)\\s*\\d{1,2})?\\s+(?:janvier|février|mars|avril|mai|juin|"
        "juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|may|june|"
        "july|august|september|october|november|december)(?:\\s+\\d{4})?|(?:january|february|"
        "march|april|may|june|july|august|september|october|november|december)\\s+\\d{1,2}"
        "(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?)\\b|\\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|"
        "dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b",
        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
    g_assert(r->date_words);
    /* An event noun after its article, or capitalised as a name, with what
     * follows it up to the clause's end. */
    r->event_noun = g_regex_new(
        "(*UCP)(?:\\b(?i:un|une|le|la|les|a|an|the|du|au|des)\\s+|\\b[lL]['’])"
        "(?:(?!(?i:le|la|les|un|une|des|du|de|d|au|aux|après|avant|lors|dans|pendant|the|a|an|of|"
        "after|before|during|at|in)\\b)[\\w'’-]+\\s+){0,3}?((?i:forums?|sommets?|summits?|salons?|"
        "expositions?|foires?|fairs?|"
        "tables? rondes?|round ?tables?|séminaires?|seminars?|colloques?|conférences?|"
        "conferences?|symposiums?|ateliers?|workshops?|dialogues?|réunions?|meetings?|"
        "rencontres?|visites?|visits?|mémorandums?|memorandums?|accords?|agreements?|"
        "protocoles?|conventions?|signature|signing))\\b[^,;:.!?()«»\"]*",
        G_REGEX_OPTIMIZE, 0, NULL);
    g_assert(r->event_noun);
    /* The event's noun as written, for a summary of the text's own words. */
    r->summary_noun = g_regex_new(
        "\\b(forum|sommet|summit|salon|exposition|foire|fair|table ronde|round ?table|séminaire|"
        "seminar|colloque|conférence|conference|symposium|atelier|workshop|dialogue|réunion|"
        "meeting|rencontre|entretiens?|talks|visite|visit|mémorandum|memorandum|accord|"
        "agreement|protocole|convention)\\b",
        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
    g_assert(r->summary_noun);
    return r;
}

void
dsr__event_rules_free(DsrEventRules *r)
{
    if (!r)
        return;
    GRegex **all[] = {&r->day_month,    &r->month_day,   &r->weekday,     &r->next,  &r->month_year,
                      &r->relative_day, &r->month_alone, &r->year_alone,  &r->named, &r->anaphoric,
                      &r->date_words,   &r->event_noun,  &r->summary_noun};
    for (guint i = 0; i < G_N_ELEMENTS(all); i++)
        g_clear_pointer(all[i], g_regex_unref);
    dsr_word_filter_free(r->filter);
    g_free(r);
}

static gboolean
matches(const GRegex *r, const char *s)
{
    return g_regex_match(r, s, 0, NULL);
}

static int
weekday_number(const char *w)
{
    static const char *const names[] = {"lundi",    "mardi",    "mercredi", "jeudi",   "vendredi",
                                        "samedi",   "dimanche", "monday",   "tuesday", "wednesday",
                                        "thursday", "friday",   "saturday", "sunday"};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++)
        if (strcmp(w, names[i]) == 0)
            return i % 7 + 1; /* GDateWeekday: Monday = 1 */
    return 0;
}

/* The year of a day and month given without one: the article's year, or the
 * year before when the month lies well after the article's (a January article
 * recalling "le 20 décembre"), unless the text says the event is to come; an
 * event to come in a month already past is next year's. */
static int
infer_year(const DsrDate *art, int month, gboolean future)
{
    if (!art->year)
        return 0;
    if (art->month && month > art->month + 1 && !future)
        return art->year - 1;
    /* "se tiendra en janvier" written in May is next January. */
    if (art->month && month < art->month && future)
        return art->year + 1;
    return art->year;
}

static int
named_year(const Rules *r, const Folded *f, const char *folded)
{
    g_autoptr(GMatchInfo) mi = NULL;
    if (!dsr_filtered_match(r->named_year, f->words, f->text, folded, &mi))
        return 0;
    g_autofree char *y = g_match_info_fetch(mi, 1);
    return atoi(y);
}

/* A month with its year ("en mars 2022"), a month of the article's year
 * ("début avril", "en octobre dernier") or a year alone ("signé en 2018"):
 * as precise as the text is, never more. */
static char *
resolve_partial(const Rules *r, const Folded *f, const char *folded, const DsrDate *art)
{
    g_autoptr(GMatchInfo) mi = NULL;
    if (g_regex_match(r->month_year, folded, 0, &mi)) {
        g_autofree char *m = g_match_info_fetch(mi, 1);
        g_autofree char *y = g_match_info_fetch(mi, 2);
        return g_strdup_printf("%s-%02d", y, dsr_text_month_number(m));
    }
    g_clear_pointer(&mi, g_match_info_unref);
    if (g_regex_match(r->month_alone, folded, 0, &mi)) {
        g_autofree char *m = g_match_info_fetch(mi, 1);
        int month = dsr_text_month_number(m);
        int year = named_year(r, f, folded);
        if (!year)
            year = infer_year(art, month, matches(r->next, folded));
        if (year)
            return g_strdup_printf("%04d-%02d", year, month);
        return NULL;
    }
    g_clear_pointer(&mi, g_match_info_unref);
    if (g_regex_match(r->year_alone, folded, 0, &mi))
        return g_match_info_fetch(mi, 1);
    return NULL;
}

/* The date an event sentence gives, as ISO text, or NULL. */
static char *
resolve_date(const Rules *r, const Folded *f, const char *folded, const DsrDate *art)
{
    g_autoptr(GMatchInfo) mi = NULL;
    gboolean future = matches(r->next, folded);
    int day = 0, month = 0, year = 0;
    if (g_regex_match(r->day_month, folded, 0, &mi)) {
        g_autofree char *d = g_match_info_fetch(mi, 2);
        g_autofree char *m = g_match_info_fetch(mi, 3);
        g_autofree char *y = g_match_info_fetch(mi, 4);
        day = atoi(d);
        month = dsr_text_month_number(m);
        year = y && *y ? atoi(y) : 0;
    } else {
        g_clear_pointer(&mi, g_match_info_unref);
        if (g_regex_match(r->month_day, folded, 0, &mi)) {
            g_autofree char *m = g_match_info_fetch(mi, 1);
            g_autofree char *d = g_match_info_fetch(mi, 2);
            g_autofree char *y = g_match_info_fetch(mi, 3);
            day = atoi(d);
            month = dsr_text_month_number(m);
            year = y && *y ? atoi(y) : 0;
        }
    }
    if (month && day) {
        if (!year)
            year = named_year(r, f, folded);
        if (!year)
            year = infer_year(art, month, future);
        if (!year || !g_date_valid_dmy(day, month, year))
            return NULL;
        DsrDate out = {year, month, day};
        return dsr_date_to_iso(&out);
    }
    g_clear_pointer(&mi, g_match_info_unref);
    if (art->day && g_regex_match(r->relative_day, folded, 0, &mi) &&
        !g_regex_match(r->weekday, folded, 0, NULL)) {
        g_autofree char *w = g_match_info_fetch(mi, 1);
        int shift = g_str_has_prefix(w, "avant-hier") || g_str_has_prefix(w, "day before") ? -2
                    : strcmp(w, "hier") == 0 || strcmp(w, "yesterday") == 0                ? -1
                    : g_str_has_prefix(w, "apres-demain")                                  ? 2
                    : strcmp(w, "demain") == 0 || strcmp(w, "tomorrow") == 0               ? 1
                                                                                           : 0;
        g_autoptr(GDate) gd = g_date_new_dmy(art->day, art->month, art->year);
        if (shift > 0)
            g_date_add_days(gd, shift);
        else if (shift < 0)
            g_date_subtract_days(gd, -shift);
        DsrDate out = {g_date_get_year(gd), g_date_get_month(gd), g_date_get_day(gd)};
        return dsr_date_to_iso(&out);
    }
    g_clear_pointer(&mi, g_match_info_unref);
    if (!art->day || !g_regex_match(r->weekday, folded, 0, &mi))
        return resolve_partial(r, f, folded, art);
    g_autofree char *w = g_match_info_fetch(mi, 1);
    int want = weekday_number(w);
    g_autoptr(GDate) gd = g_date_new_dmy(art->day, art->month, art->year);
    int have = g_date_get_weekday(gd);
    /* News reports what happened: the latest such day up to the article's
     * date, or the next one when the text announces it. A plan ("doit
     * rencontrer mercredi") points ahead only for a weekday: a month and day
     * in a plan may already be past when a dispatch is updated. */
    if (future || g_regex_match(r->plan->regex, folded, 0, NULL))
        g_date_add_days(gd, (want - have + 7) % 7 ? (want - have + 7) % 7 : 7);
    else
        g_date_subtract_days(gd, (have - want + 7) % 7);
    DsrDate out = {g_date_get_year(gd), g_date_get_month(gd), g_date_get_day(gd)};
    return dsr_date_to_iso(&out);
}

static gboolean
place_preposition(const char *text, int start)
{
    static const char *const preps[] = {"à ", "a ", "in ", "at ", "au ", "À ", "to "};
    for (guint i = 0; i < G_N_ELEMENTS(preps); i++) {
        int n = strlen(preps[i]);
        if (start >= n && strncmp(text + start - n, preps[i], n) == 0 &&
            (start == n || !g_ascii_isalnum(text[start - n - 1])))
            return TRUE;
    }
    return FALSE;
}

static char *
find_place(const DsrUnit *u)
{
    for (guint i = 0; i < u->mentions->len; i++) {
        const DsrMention *m = &g_array_index(u->mentions, DsrMention, i);
        /* "à Singapour", "à Cuba": French puts "à" before a city or an
         * island state, "en"/"au" before other countries. */
        gboolean city_state = m->kind == DSR__TERM_NAME && m->start >= 3 &&
                              strncmp(u->text + m->start - 3, "à ", 3) == 0;
        if ((m->kind == DSR__TERM_PLACE || city_state) && place_preposition(u->text, m->start))
            return g_strndup(u->text + m->start, m->end - m->start);
    }
    return NULL;
}

/* The sentence itself; a very long one is cut at its last clause boundary
 * that keeps enough to stand alone. */
static char *
summarize(const char *text)
{
    gsize len = strlen(text);
    if (len <= SUMMARY_MAX)
        return g_strdup(text);
    const char *cut = NULL;
    static const char *const bounds[] = {", ", "; ", " – ", " - ", ": "};
    for (guint b = 0; b < G_N_ELEMENTS(bounds); b++) {
        for (const char *p = strstr(text, bounds[b]); p && p - text <= SUMMARY_MAX;
             p = strstr(p + 1, bounds[b]))
            if (p - text >= 60 && (!cut || p > cut))
                cut = p;
    }
    if (!cut) {
        /* No clause boundary: the last word boundary before the limit. */
        cut = text + SUMMARY_MAX;
        while (cut > text && *cut != ' ')
            cut--;
        if (cut == text)
            return g_strdup(text);
    }
    g_autofree char *head = g_strndup(text, cut - text);
    return g_strconcat(head, "…", NULL);
}

static char *
capitalized(const char *s)
{
    gunichar c = g_utf8_get_char(s);
    const char *rest = g_utf8_next_char(s);
    char buf[8];
    buf[g_unichar_to_utf8(g_unichar_toupper(c), buf)] = '\0';
    return g_strconcat(buf, rest, NULL);
}

/* "Il", "She", "He" opening the sentence stands for the one person the
 * sentence before names: the subject is written out in brackets, as an
 * editor marks a word added to a quotation. NULL when the text does not name
 * exactly one person there. */
static char *
resolve_subject(const char *text, const DsrUnit *before, const DsrFacts *facts)
{
    static const char *const pronouns[] = {"Il ", "Elle ", "He ", "She ", NULL};
    const char *rest = NULL;
    for (int i = 0; pronouns[i] && !rest; i++)
        if (g_str_has_prefix(text, pronouns[i]))
            rest = text + strlen(pronouns[i]);
    if (!rest || !before || before->paragraph < 0 || g_str_has_prefix(rest, "s'agit") ||
        g_str_has_prefix(rest, "s’agit") || g_str_has_prefix(rest, "y "))
        return NULL;
    const DsrActor *who = NULL;
    for (guint i = 0; i < facts->actors->len; i++) {
        const DsrActor *a = g_ptr_array_index(facts->actors, i);
        if (!a->role || !strchr(a->name, ' ') || !strstr(before->text, a->name))
            continue;
        if (who)
            return NULL;
        who = a;
    }
    return who ? g_strdup_printf("[%s] %s", who->name, rest) : NULL;
}

/* "Il doit rencontrer …" with no one to stand for: the predicate alone
 * ("Doit rencontrer …") reads as a label and adds nothing. */
static char *
predicate(const char *text)
{
    static const char *const pronouns[] = {"Il ", "Elle ", "Ils ",  "Elles ",
                                           "He ", "She ",  "They ", NULL};
    for (int i = 0; pronouns[i]; i++)
        if (g_str_has_prefix(text, pronouns[i]) && !strstr(text, "s'agit") &&
            !strstr(text, "s’agit"))
            return capitalized(text + strlen(pronouns[i]));
    return NULL;
}

/* The clause that names the event: its noun with what the text says of it
 * up to the clause's end ("un séminaire d'entreprises vietnamiennes et
 * chinoises"), when it says more than the noun alone and the noun is not
 * itself pointing back ("cette rencontre"). */
static char *
event_clause(const Rules *r, const char *text)
{
    g_autoptr(GMatchInfo) mi = NULL;
    if (!g_regex_match(r->event_noun, text, 0, &mi))
        return NULL;
    int start, end, noun, noun_end;
    g_match_info_fetch_pos(mi, 0, &start, &end);
    g_match_info_fetch_pos(mi, 1, &noun, &noun_end);
    /* A named event ("le cadre du Forum économique …") starts at its name. */
    if (g_unichar_isupper(g_utf8_get_char(text + noun)))
        start = noun;
    g_autofree char *clause = g_strstrip(g_strndup(text + start, end - start));
    g_autofree char *folded = dsr_text_fold_ascii(clause);
    if (g_regex_match(r->anaphoric, folded, 0, NULL) || g_utf8_strlen(clause, -1) < 20 ||
        !strchr(clause, ' '))
        return NULL;
    /* A contracted preposition is no start: "du Forum" reads "Forum". */
    static const char *const drop[] = {"du ", "au ", "des ", NULL};
    const char *from = clause;
    for (int i = 0; drop[i]; i++)
        if (g_ascii_strncasecmp(from, drop[i], strlen(drop[i])) == 0)
            from += strlen(drop[i]);
    return capitalized(from);
}

/* Only words of the text: the event's noun, its place and its date words
 * ("Rencontre – Phnom Penh, le 13 janvier"). */
static char *
factual_summary(const Rules *r, const char *text, const char *place)
{
    g_autoptr(GMatchInfo) mi = NULL;
    if (!g_regex_match(r->summary_noun, text, 0, &mi))
        return NULL;
    g_autofree char *word = g_match_info_fetch(mi, 1);
    GString *out = g_string_new(NULL);
    g_autofree char *head = capitalized(word);
    g_string_append(out, head);
    if (place && strstr(text, place))
        g_string_append_printf(out, " – %s", place);
    g_clear_pointer(&mi, g_match_info_unref);
    if (g_regex_match(r->date_words, text, 0, &mi)) {
        g_autofree char *d = g_match_info_fetch(mi, 0);
        g_string_append_printf(out, ", %s", d);
    }
    return g_string_free(out, FALSE);
}

/* A summary is shown alone, as a timeline label: the sentence when it reads
 * alone; else the sentence with its pronoun subject resolved from the one
 * before; else the clause that names the event; else the event's noun, place
 * and date words. Never words the text does not have. */
static char *
event_summary(const Rules *r, const GPtrArray *units, guint u, const char *place,
              const DsrFacts *facts)
{
    const DsrUnit *unit = g_ptr_array_index(units, u);
    const char *folded = unit->folded;
    if (!g_regex_match(r->anaphoric, folded, 0, NULL))
        return summarize(unit->text);
    const DsrUnit *before = u > 0 ? g_ptr_array_index(units, u - 1) : NULL;
    g_autofree char *resolved = resolve_subject(unit->text, before, facts);
    if (resolved)
        return summarize(resolved);
    g_autofree char *clause = event_clause(r, unit->text);
    if (clause)
        return summarize(clause);
    g_autofree char *pred = predicate(unit->text);
    if (pred)
        return summarize(pred);
    char *fact = factual_summary(r, unit->text, place);
    return fact ? fact : summarize(unit->text);
}

static int
first_match(const DsrFilteredRegex *x, const Folded *f, const char *s)
{
    g_autoptr(GMatchInfo) mi = NULL;
    int start = -1, end;
    if (dsr_filtered_match(x, f->words, f->text, s, &mi))
        g_match_info_fetch_pos(mi, 0, &start, &end);
    return start;
}

static gboolean
event_type(const Rules *r, const Folded *f, const char *s, DsrEventType *type)
{
    if (has(r->agreement_noun, f, s) && has(r->signing, f, s) && !has(r->unsigned_yet, f, s))
        *type = DSR_EVENT_AGREEMENT;
    else if (has(r->visit, f, s) && !has(r->tourism, f, s))
        *type = DSR_EVENT_VISIT;
    else if (has(r->milestone, f, s))
        *type = DSR_EVENT_OTHER;
    else {
        /* "une table ronde dans le cadre du Forum", "the roundtable, part of
         * the Forum": the noun named first is the event reported. */
        int fo = first_match(r->forum, f, s), m = first_match(r->meeting, f, s);
        if (m < 0)
            m = first_match(r->reception, f, s);
        if (m < 0)
            m = first_match(r->joint_body, f, s);
        if (fo < 0 && m < 0) {
            if (has(r->other, f, s))
                *type = DSR_EVENT_OTHER;
            else if (has(r->held, f, s))
                *type = DSR_EVENT_MEETING;
            else
                return FALSE;
        } else {
            *type = fo >= 0 && (m < 0 || fo < m) ? DSR_EVENT_FORUM : DSR_EVENT_MEETING;
        }
    }
    return TRUE;
}

/* Where the sentence's own report starts when it opens on its history
 * ("Depuis l'établissement des relations en 1992, le commerce …", "De 117
 * millions en 1998, date de la signature, les échanges …"): after the comma
 * that closes the clause holding a year before the article's. 0 when the
 * sentence opens on no such clause. */
static int
background_end(const Rules *r, const Folded *f, const DsrDate *art)
{
    const char *folded = f->text;
    if (!has(r->background, f, folded))
        return 0;
    for (const char *p = folded; p[0] && p[1] && p[2] && p[3]; p++) {
        if ((p > folded && g_ascii_isalnum(p[-1])) || !g_ascii_isdigit(p[0]) ||
            !g_ascii_isdigit(p[1]) || !g_ascii_isdigit(p[2]) || !g_ascii_isdigit(p[3]) ||
            g_ascii_isalnum(p[4]))
            continue;
        int year = atoi(p);
        if (year < 1900 || year >= 2100)
            continue;
        const char *comma = strstr(p, ", ");
        if (!comma || (art->year && year >= art->year))
            return 0;
        /* An apposition naming what that year was ("…en 1998, date de la
         * signature de l'accord, …") belongs to the history too. */
        static const char *const apposition[] = {"date ",     "annee ", "l'annee ", "year ",
                                                 "the year ", "when ",  "lorsque ", "quand ",
                                                 "ou ",       NULL};
        for (int i = 0; apposition[i]; i++)
            if (g_str_has_prefix(comma + 2, apposition[i]) && strstr(comma + 2, ", "))
                return strstr(comma + 2, ", ") + 2 - folded;
        return comma + 2 - folded;
    }
    return 0;
}

void
dsr__events_find(const DsrExtractor *ex, const DsrArticle *article, GPtrArray *units,
                 DsrFacts *facts)
{
    const Rules *r = ex->event_rules;
    DsrDate art = {0, 0, 0};
    if (article->date)
        dsr_date_parse_iso(article->date, &art);
    /* An undated article about "le Sommet de l'APEC 2017" dates "le 10
     * novembre" in that year, when all the event names it has agree. */
    DsrDate days = art;
    /* Each unit's words, read once for both passes. */
    g_autofree guint64 *words = g_new(guint64, MAX(units->len, 1u));
    for (guint u = 0; u < units->len; u++)
        words[u] =
            dsr_word_filter_scan(r->filter, ((const DsrUnit *)g_ptr_array_index(units, u))->folded);
    for (guint u = 0; !art.year && u < units->len; u++) {
        const DsrUnit *unit = g_ptr_array_index(units, u);
        const Folded f = {unit->folded, words[u]};
        int y = named_year(r, &f, unit->folded);
        if (y && days.year && y != days.year) {
            days.year = 0;
            break;
        }
        if (y)
            days.year = y;
    }
    for (guint u = 0; u < units->len; u++) {
        const DsrUnit *unit = g_ptr_array_index(units, u);
        const char *folded = unit->folded;
        Folded f = {folded, words[u]};
        DsrEventType type;
        /* After an opening on history, only what the rest reports and
         * dates is this article's event. */
        int from = background_end(r, &f, &art);
        if (!event_type(r, &f, folded + from, &type))
            continue;
        g_autofree char *date = resolve_date(r, &f, folded + from, &days);
        if ((from || has(r->plan, &f, folded) || has(r->habitual, &f, folded)) && !date)
            continue;
        /* "Depuis la signature de l'accord, les liens …": undated, the
         * opening is history when the rest reports nothing. */
        DsrEventType rest_type;
        const char *comma = strstr(folded, ", ");
        if (!from && !date && comma &&
            (g_str_has_prefix(folded, "depuis ") || g_str_has_prefix(folded, "since ")) &&
            !event_type(r, &f, comma + 2, &rest_type))
            continue;
        if (!date && facts->events->len && has(r->same_day, &f, folded))
            date = g_strdup(
                ((DsrEvent *)g_ptr_array_index(facts->events, facts->events->len - 1))->date);
        /* A milestone without a date, or given as a cause or recalled by an
         * anniversary without its day, is background, not an event. */
        if (type == DSR_EVENT_OTHER &&
            (!date || (has(r->cause, &f, folded + from) && strlen(date) < 10)))
            continue;
        gboolean lead = unit->paragraph <= 0;
        gboolean named = !lead && !date && g_regex_match(r->named, unit->text, 0, NULL);
        DsrEvent *same = NULL;
        /* Two meetings on different days, or in different places, are two
         * events; a telling without a date adds to the one already met. */
        for (guint k = 0; k < facts->events->len && !same; k++) {
            DsrEvent *e = g_ptr_array_index(facts->events, k);
            if (e->type == type &&
                (g_strcmp0(e->date, date) == 0 || (!date && !named) || (!e->date && date)))
                same = e;
        }
        if (same) {
            /* The headline announces it, the body dates and places it: keep
             * the telling that says more. */
            g_autofree char *place = find_place(unit);
            gboolean better = (!same->date && date) || (!same->place && place);
            if (better) {
                if (date)
                    g_free(same->date), same->date = g_steal_pointer(&date);
                if (place)
                    g_free(same->place), same->place = g_steal_pointer(&place);
                g_free(same->summary);
                same->summary = event_summary(r, units, u, same->place, facts);
                g_free(same->sentence);
                same->sentence = g_strdup(unit->text);
            }
            continue;
        }
        /* A later sentence naming "la conférence" again is about the same
         * event; only a dated one, the lead, a named event or a signing
         * reports a new one. A visit first told in the body ("lors de sa
         * visite de travail au Vietnam") is the article's occasion even
         * when no sentence dates it. */
        if (!date && !lead && !named && type != DSR_EVENT_AGREEMENT && type != DSR_EVENT_VISIT)
            continue;
        DsrEvent *e = g_new0(DsrEvent, 1);
        e->type = type;
        e->date = g_steal_pointer(&date);
        e->place = find_place(unit);
        if (!e->place && lead && article->place)
            e->place = g_strdup(article->place);
        e->summary = event_summary(r, units, u, e->place, facts);
        e->sentence = g_strdup(unit->text);
        g_ptr_array_add(facts->events, e);
    }
}

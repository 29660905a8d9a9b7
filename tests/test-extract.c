/* SPDX-License-Identifier: MIT
 * Tests of the extract module on sentences and small articles written for
 * these tests: partners (names, elisions, demonyms, compounds, places,
 * institutions, passing lists, the home country), events and their dates,
 * actors, themes, the facts JSON both ways, golden facts files, and a
 * measurement against hand annotations of ../shared/corpus when present. */
#include <string.h>
#include <dossier/error.h>
#include <dossier/extract.h>
#include <dossier/ingest.h>
#include <dossier/text.h>
#include "test-support.h"

static DsrExtractor *extractor;

static DsrArticle *
article_from(const char *text, const char *date)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) arts = dsr_ingest_bytes(text, strlen(text), "case.txt", NULL, &err);
    g_assert_no_error(err);
    g_assert_cmpuint(arts->len, >=, 1);
    DsrArticle *a = g_steal_pointer(&g_ptr_array_index(arts, 0));
    g_ptr_array_set_free_func(arts, (GDestroyNotify)dsr_article_free);
    if (date) {
        g_free(a->date);
        a->date = g_strdup(date);
    }
    return a;
}

static DsrFacts *
facts_of(const char *text, const char *date)
{
    g_autoptr(DsrArticle) a = article_from(text, date);
    return dsr_extract(extractor, a);
}

static char *
partners_str(const DsrFacts *f)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < f->partners->len; i++)
        g_string_append_printf(s, "%s%s", i ? "," : "", (char *)g_ptr_array_index(f->partners, i));
    return g_string_free(s, FALSE);
}

typedef struct {
    const char *text;
    const char *primary; /* NULL: national context */
    const char *partners;
} PartnerCase;

static const PartnerCase partner_cases[] = {
    {"Le Vietnam et la Russie renforcent leurs liens\n\nLa Russie et le Vietnam ont discuté de "
     "l'énergie. Les entreprises russes investissent à Hanoï.\n\nMoscou souhaite aller plus loin.",
     "RU", "RU"},
    {"Coopération numérique avec l'UE\n\nL'Union européenne est le quatrième partenaire du pays. "
     "Les investisseurs européens sont nombreux.\n\nBruxelles a salué les progrès de l'UE-Vietnam.",
     "EU", "EU"},
    {"Un forum sino-vietnamien à Nanning\n\nDes entreprises chinoises et vietnamiennes se sont "
     "réunies au Guangxi.\n\nPékin a promis des investissements.",
     "CN", "CN"},
    {"Japan and Vietnam deepen ties\n\nJapanese firms plan new plants in Vietnam. Tokyo will fund "
     "training, JICA said.\n\nThe Japanese side welcomed the plan.",
     "JP", "JP"},
    {"Séoul et Hanoï signent des documents\n\nLa partie sud-coréenne a présenté ses projets. "
     "Samsung reste le premier investisseur coréen du pays.\n\nLa KOICA financera une école.",
     "KR", "KR"},
    /* The home country alone: the national-context brief. */
    {"Le Vietnam accélère sa transformation numérique\n\nLe gouvernement vietnamien a adopté un "
     "plan à Hanoï.\n\nHô Chi Minh-Ville et Da Nang suivront.",
     NULL, ""},
    /* A list of partners in passing does not make any of them a partner. */
    {"Le Vietnam mise sur les semi-conducteurs\n\nLe pays a attiré des capitaux du Japon, de la "
     "Corée, de Singapour et des États-Unis.\n\nLes provinces vietnamiennes forment des "
     "ingénieurs.",
     NULL, ""},
    {"Vientiane accueille un forum de l'ASEAN\n\nLe forum de l'ASEAN sur l'économie numérique "
     "s'est tenu à Vientiane. Les pays de l'ANASE ont adopté une feuille de route.\n\nLe Laos "
     "préside l'ASEAN cette année.",
     "ASEAN", "ASEAN,LA"},
    {"La Francophonie et le numérique\n\nL'OIF a organisé un atelier pour les pays "
     "francophones.\n\nL'Organisation internationale de la Francophonie soutient le projet.",
     "OIF", "OIF"},
    /* A country holding a conference with a bloc the home belongs to is the counterpart. */
    {"Conférence Russie-ASEAN\n\nLa Russie et l'ASEAN ont tenu une conférence à Moscou. Les "
     "experts russes et ceux de l'ASEAN ont débattu.\n\nLa Russie veut renforcer ses liens avec "
     "l'ASEAN.",
     "RU", "RU,ASEAN"},
    {"Washington et Hanoï scellent un partenariat\n\nLes États-Unis et le Vietnam ont signé un "
     "accord. Les firmes américaines investiront.\n\nLes USA fourniront des puces.",
     "US", "US"},
    /* "US$" is a currency; "US" alone is not lowercase "us". */
    {"Vietnam exports rise\n\nVietnam's exports reached US$ 16 billion, let us note. Vietnamese "
     "firms led the growth.",
     NULL, ""},
    {"Hanoï et Canberra\n\nL'Australie et le Vietnam ont publié une stratégie. Le CSIRO "
     "australien aidera les start-up.",
     "AU", "AU"},
    {"Coopération vietnamo-japonaise dans l'énergie\n\nUne délégation nippone est arrivée à "
     "Osaka.",
     "JP", "JP"},
    /* A rival named in a comparison, or in a compound with another foreign
     * country, is not a counterpart. */
    {"Le commerce avec la Chine bondit\n\nLa Chine est le deuxième débouché du pays, après les "
     "États-Unis, et profite de la guerre sino-américaine. Les importations chinoises "
     "progressent.\n\nPékin et Hanoï visent 200 milliards. La Chine reste le premier "
     "fournisseur. Les ports chinois du Guangxi s'agrandissent.",
     "CN", "CN"},
    /* A bloc meeting hosted by a member: the host is a counterpart too. */
    {"Table ronde de l'ASEAN sur le numérique\n\nLe Premier ministre et son homologue lao ont "
     "coprésidé une table ronde de l'ASEAN à Hanoï.\n\nL'ASEAN veut une économie numérique "
     "intégrée. Les pays de l'ASEAN ont adopté un plan. Le secrétariat de l'ASEAN suivra sa "
     "mise en œuvre.",
     "ASEAN", "ASEAN,LA"},
    {"Trade with the EU\n\nExports to the EU reached US$40 billion, or 40 billion US dollars. "
     "The EU is the third market.\n\nEuropean buyers like coffee.",
     "EU", "EU"},
};

static void
test_partners_cases(void)
{
    for (guint i = 0; i < G_N_ELEMENTS(partner_cases); i++) {
        g_autoptr(DsrFacts) f = facts_of(partner_cases[i].text, "2025-11-20");
        g_autofree char *got = partners_str(f);
        if (g_strcmp0(f->primary_partner, partner_cases[i].primary) != 0 ||
            strcmp(got, partner_cases[i].partners) != 0)
            g_error("case %u: primary %s partners [%s], expected %s [%s]", i,
                    f->primary_partner ? f->primary_partner : "(null)", got,
                    partner_cases[i].primary ? partner_cases[i].primary : "(null)",
                    partner_cases[i].partners);
        for (guint k = 0; k < f->partners->len; k++)
            g_assert_cmpstr(g_ptr_array_index(f->partners, k), !=, "VN");
    }
}

static void
test_partners_names(void)
{
    g_assert_cmpstr(dsr_extractor_partner_name(extractor, "RU", "fr"), ==, "Russie");
    g_assert_cmpstr(dsr_extractor_partner_name(extractor, "RU", "en"), ==, "Russia");
    g_assert_cmpstr(dsr_extractor_partner_name(extractor, "EU", "fr"), ==, "Union européenne");
    g_assert_cmpstr(dsr_extractor_partner_name(extractor, "VN", "fr"), ==, "Vietnam");
    g_assert_cmpstr(dsr_extractor_partner_name(extractor, "XX", "fr"), ==, "XX");
    g_assert_cmpstr(dsr_extractor_home(extractor), ==, "VN");
}

/* One term per line: each alone in a headline must give its entity. */
static void
test_partners_forms(void)
{
    static const struct {
        const char *form, *code;
    } forms[] = {
        {"de la Russie", "RU"},
        {"la partie russe", "RU"},
        {"les Russes", "RU"},
        {"Rosatom", "RU"},
        {"le Kremlin", "RU"},
        {"russo-vietnamienne", "RU"},
        {"l'Union européenne", "EU"},
        {"l'UE", "EU"},
        {"the EU", "EU"},
        {"les Européennes", "EU"},
        {"EuroCham", "EU"},
        {"la Commission européenne", "EU"},
        {"Global Gateway", "EU"},
        {"l'EVFTA", "EU"},
        {"chinoises", "CN"},
        {"Beijing", "CN"},
        {"sino-vietnamiens", "CN"},
        {"sud-coréen", "KR"},
        {"la Corée du Nord", "KP"},
        {"l'AFD", "FR"},
        {"l'Hexagone", "FR"},
        {"les Émirats arabes unis", "AE"},
        {"l'ANASE", "ASEAN"},
        {"la Francophonie", "OIF"},
        {"néo-zélandais", "NZ"},
        {"la Biélorussie", "BY"},
        {"hongroise", "HU"},
        {"Oulan-Bator", "MN"},
        {"La Havane", "CU"},
        {"israéliens", "IL"},
        {"la RDP lao", "LA"},
        {"Phnom Penh", "KH"},
        {"l'Inde", "IN"},
        {"New Delhi", "IN"},
        {"Singapore", "SG"},
        {"le Royaume-Uni", "GB"},
        {"Canadian", "CA"},
        {"le Kazakhstan", "KZ"},
        {"varsovie", "PL"},
        {"KOICA", "KR"},
        {"JICA", "JP"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(forms); i++) {
        g_autofree char *text = g_strdup_printf(
            "Une nouvelle étape avec %s\n\nLes deux parties ont parlé.", forms[i].form);
        g_autoptr(DsrFacts) f = facts_of(text, NULL);
        if (g_strcmp0(f->primary_partner, forms[i].code) != 0)
            g_error("\"%s\": got %s, expected %s", forms[i].form,
                    f->primary_partner ? f->primary_partner : "(null)", forms[i].code);
    }
    /* Lowercase "eu" (avoir) and "us" are not blocs or countries. */
    g_autoptr(DsrFacts) f = facts_of("Il a eu raison de nous le dire\n\nLet us see.", NULL);
    g_assert_null(f->primary_partner);
}

typedef struct {
    const char *text, *date;
    DsrEventType type;
    const char *event_date, *place;
} EventCase;

static const EventCase event_cases[] = {
    {"Accord\n\nUn mémorandum d'entente a été signé le 20 novembre à Hanoï entre les deux "
     "ministères.",
     "2025-11", DSR_EVENT_AGREEMENT, "2025-11-20", "Hanoï"},
    {"Accord\n\nLes deux pays ont signé trois accords le 3 mars 2024 à Moscou.", NULL,
     DSR_EVENT_AGREEMENT, "2024-03-03", "Moscou"},
    {"Forum\n\nLe forum d'affaires s'est tenu le 1er octobre à Séoul.", "2023", DSR_EVENT_FORUM,
     "2023-10-01", "Séoul"},
    /* An undated article: a day and month without a year stay unknown. */
    {"Forum\n\nLe forum s'est tenu le 24 mars à Paris.", NULL, DSR_EVENT_FORUM, NULL, "Paris"},
    /* A weekday against a full article date: the latest such day. */
    {"Visite\n\nLe président a entamé mercredi une visite d'État au Japon.", "2026-01-30",
     DSR_EVENT_VISIT, "2026-01-28", NULL},
    {"Réunion\n\nA round table was held on April 19 in Osaka.", "2023-04", DSR_EVENT_MEETING,
     "2023-04-19", "Osaka"},
    /* A January article recalling December is about the year before. */
    {"Bilan\n\nLe colloque du 21 décembre a réuni 80 experts.", "2025-01-10", DSR_EVENT_MEETING,
     "2024-12-21", NULL},
    {"Symposium\n\nThe symposium opened on 12 August 2025 in Tokyo.", NULL, DSR_EVENT_MEETING,
     "2025-08-12", "Tokyo"},
    {"Séminaire\n\nUn séminaire sur l'IA s'est tenu du 12 au 14 octobre.", "2024-10-20",
     DSR_EVENT_MEETING, "2024-10-12", NULL},
    /* Partial dates: as precise as the text, never more. */
    {"Accord\n\nLes deux pays ont signé en mars 2022 à Hanoi un accord sur la fonction publique.",
     "2023-12", DSR_EVENT_AGREEMENT, "2022-03", "Hanoi"},
    {"Accord\n\nA first agreement was signed in 1999 by the two ministries.", "2023-12",
     DSR_EVENT_AGREEMENT, "1999", NULL},
    {"Visite\n\nLa présidente du Parlement effectuera début avril une visite officielle à Paris.",
     "2019-03", DSR_EVENT_VISIT, "2019-04", "Paris"},
    {"Sommet\n\nLors du sommet UE-ASEAN en décembre 2022, l'UE a engagé 10 milliards d'euros.",
     "2023-05", DSR_EVENT_FORUM, "2022-12", NULL},
    {"Réunion\n\nLe Premier ministre a rencontré son homologue en octobre dernier.", "2025-11-30",
     DSR_EVENT_MEETING, "2025-10", NULL},
    /* A milestone is an event when the sentence dates it. */
    {"Histoire\n\nLe 22 décembre 1992, les deux pays établissaient des relations "
     "diplomatiques.",
     NULL, DSR_EVENT_OTHER, "1992-12-22", NULL},
    {"Accord\n\nThe agreement entered into force on 1 August 2020.", NULL, DSR_EVENT_OTHER,
     "2020-08-01", NULL},
    /* The noun named first is the event: a round table within a forum. */
    {"Table ronde\n\nUne table ronde s'est tenue le 23 avril à Hanoï dans le cadre du Forum sur "
     "l'avenir de l'ASEAN.",
     "2024-04-24", DSR_EVENT_MEETING, "2024-04-23", "Hanoï"},
    {"Forum\n\nThe roundtable, part of the Future Forum, opened on April 23 in Hanoi.",
     "2024-04-24", DSR_EVENT_MEETING, "2024-04-23", "Hanoi"},
    /* A weekday against the dateline's full date. */
    {"Accord\n\nLe président a bouclé dimanche un accord sur les puces avec le Vietnam.",
     "2023-09-10", DSR_EVENT_AGREEMENT, "2023-09-10", NULL},
    {"Visite\n\nLe ministre entame ce mercredi une visite officielle à Hanoï.", "2026-01-28",
     DSR_EVENT_VISIT, "2026-01-28", "Hanoï"},
    {"Agenda\n\nLe Premier ministre doit rencontrer mercredi prochain le président.", "2025-01-14",
     DSR_EVENT_MEETING, "2025-01-15", NULL},
};

static void
test_events_cases(void)
{
    for (guint i = 0; i < G_N_ELEMENTS(event_cases); i++) {
        const EventCase *c = &event_cases[i];
        g_autoptr(DsrFacts) f = facts_of(c->text, c->date);
        if (f->events->len < 1)
            g_error("case %u: no event", i);
        const DsrEvent *e = g_ptr_array_index(f->events, f->events->len - 1);
        if (e->type != c->type || g_strcmp0(e->date, c->event_date) != 0 ||
            g_strcmp0(e->place, c->place) != 0)
            g_error("case %u: %s %s %s (%u events)", i, dsr_event_type_name(e->type), e->date,
                    e->place, f->events->len);
        g_assert_nonnull(strstr(c->text, e->summary));
    }
    /* A sentence about nothing that happened is no event. */
    g_autoptr(DsrFacts) f = facts_of("Économie\n\nLe PIB a progressé de 7% en 2024.", "2025-01");
    g_assert_cmpuint(f->events->len, ==, 0);
}

static const DsrEvent *
event_at(const DsrFacts *f, guint i)
{
    g_assert_cmpuint(f->events->len, >, i);
    return g_ptr_array_index(f->events, i);
}

static void
test_events_apart(void)
{
    /* Two meetings on two days are two events; a later telling without a
     * date is the same one again. */
    g_autoptr(DsrFacts) f = facts_of(
        "Visite de travail à Phnom Penh\n\nLe 13 janvier, le vice-ministre a eu une rencontre "
        "avec la ministre du Commerce. Lors de la rencontre, il a salué les échanges.\n\n"
        "Auparavant, le 12 janvier, le vice-ministre a été reçu par le vice-Premier ministre.",
        "2026-01-13");
    guint meetings = 0;
    for (guint i = 0; i < f->events->len; i++)
        meetings += event_at(f, i)->type == DSR_EVENT_MEETING;
    g_assert_cmpuint(meetings, ==, 2);
    g_assert_cmpstr(event_at(f, 1)->date, ==, "2026-01-13");
    g_assert_cmpstr(event_at(f, 2)->date, ==, "2026-01-12");

    /* "le même jour" takes the date of the event before it. */
    g_autoptr(DsrFacts) g = facts_of(
        "Coopération\n\nUn forum d'affaires s'est tenu le 5 juin à Séoul.\n\nLe même jour, "
        "les deux ministères ont signé un protocole d'accord.",
        "2024-06");
    g_assert_cmpuint(g->events->len, ==, 2);
    g_assert_cmpint(event_at(g, 1)->type, ==, DSR_EVENT_AGREEMENT);
    g_assert_cmpstr(event_at(g, 1)->date, ==, "2024-06-05");

    /* A named event later in the article is its own event; an undated
     * milestone is background. */
    g_autoptr(DsrFacts) h = facts_of(
        "Accord industriel\n\nUn mémorandum a été signé le 20 novembre à Hanoï.\n\nLa "
        "signature a eu lieu lors de l'ouverture du Forum scientifique des deux pays. Les deux "
        "pays ont établi des relations diplomatiques il y a longtemps.",
        "2025-11");
    g_assert_cmpuint(h->events->len, ==, 2);
    g_assert_cmpint(event_at(h, 1)->type, ==, DSR_EVENT_FORUM);
    g_assert_null(event_at(h, 1)->date);

    /* A day and month with no year anywhere stay undated, even when the
     * sentence names another year. */
    g_autoptr(DsrFacts) k = facts_of("Accord\n\nUn accord signé le 30 mai concrétise la visite "
                                     "du Premier ministre en novembre 2018.",
                                     NULL);
    g_assert_cmpuint(k->events->len, >=, 1);
    g_assert_null(event_at(k, 0)->date);
}

static void
test_events_summary(void)
{
    GString *s = g_string_new("Rapport\n\nUn accord a été signé le 2 mai entre les deux parties");
    for (int i = 0; i < 12; i++)
        g_string_append(s, ", portant sur la coopération dans un domaine de plus");
    g_string_append(s, ".");
    g_autoptr(DsrFacts) f = facts_of(s->str, "2025-05");
    g_string_free(s, TRUE);
    g_assert_cmpuint(f->events->len, ==, 1);
    const DsrEvent *e = g_ptr_array_index(f->events, 0);
    g_assert_true(g_str_has_suffix(e->summary, "…"));
    g_assert_cmpuint(strlen(e->summary), <=, 250);
    g_assert_true(g_str_has_prefix(e->summary, "Un accord a été signé le 2 mai"));
    g_assert_cmpstr(e->date, ==, "2025-05-02");
}

static const DsrActor *
find_actor(const DsrFacts *f, const char *name)
{
    for (guint i = 0; i < f->actors->len; i++) {
        const DsrActor *a = g_ptr_array_index(f->actors, i);
        if (strcmp(a->name, name) == 0)
            return a;
    }
    return NULL;
}

static void
test_actors(void)
{
    g_autoptr(DsrFacts) f = facts_of(
        "Rencontre à Hanoï\n\nLe vice-ministre de la Planification, Lê Văn Thành, a reçu "
        "l'ambassadeur de l'UE au Vietnam, Marc Dupont. Marc Dupont, chef de la délégation, a "
        "salué l'accord.\n\nSelon Le Van Thanh, les projets avancent. Deputy Minister Tran Quoc "
        "Binh also spoke. M. Paul Martin, directeur de la Chambre, était présent. Le ministre "
        "russe de l'Énergie Ivan Petrov a confirmé.",
        "2025-11");
    const DsrActor *a = find_actor(f, "Lê Văn Thành");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->role, ==, "vice-ministre de la Planification");
    g_assert_cmpstr(a->entity, ==, "VN");
    /* The same person without diacritics is not a second actor. */
    g_assert_null(find_actor(f, "Le Van Thanh"));
    a = find_actor(f, "Marc Dupont");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->role, ==, "ambassadeur de l'UE au Vietnam");
    g_assert_cmpstr(a->entity, ==, "EU");
    a = find_actor(f, "Tran Quoc Binh");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->entity, ==, "VN");
    a = find_actor(f, "Paul Martin");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->role, ==, "directeur de la Chambre");
    a = find_actor(f, "Ivan Petrov");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->entity, ==, "RU");
    g_assert_null(find_actor(f, "Rencontre"));
}

/* Offices written in capitals, with accents or in several words are found
 * (the office stems that let a sentence through are read from the pattern,
 * folded; sanitizer builds check that they never hold one back). */
static void
test_actors_offices(void)
{
    g_autoptr(DsrFacts) f = facts_of(
        "Coopération\n\nVinFast Chief Executive Officer Tran Mai Anh said the plant would open. "
        "Le PRÉSIDENT du Sénat, Jean Durand, a parlé. La Secrétaire d'État, Anne Morel, était "
        "là.\n\nLes échanges ont progressé de 12 % en 2024.",
        "2025-11");
    const DsrActor *a = find_actor(f, "Tran Mai Anh");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->role, ==, "Chief Executive Officer");
    g_assert_nonnull(find_actor(f, "Jean Durand"));
    g_assert_nonnull(find_actor(f, "Anne Morel"));
}

static void
test_actors_names(void)
{
    g_autoptr(DsrFacts) f = facts_of(
        "Partenaires économiques\n\nAccording to Permanent Deputy Minister of Foreign Affairs "
        "Nguyen Van Khanh, investment grew. Jane Doe, President of Acme Asia-Pacific, spoke. "
        "The chief executive of the fund and his counterpart Paul Smith met.\n\nLe chef du "
        "gouvernement vietnamien et son homologue lao Khamla Vongsa ont coprésidé la séance. Le "
        "consul général de Chine à Hô Chi Minh-Ville, Wang Lei, a parlé. Selon le vice-ministre "
        "vietnamien des Sciences et Technologies, Bùi Thế Quang, le plan avance. L'EVFTA et "
        "l'EVFTA encore, puis Global Gateway et Global Gateway.",
        "2025-11");
    const DsrActor *a = find_actor(f, "Nguyen Van Khanh");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->role, ==, "Deputy Minister of Foreign Affairs");
    g_assert_cmpstr(a->entity, ==, "VN");
    g_assert_null(find_actor(f, "Foreign Affairs Nguyen Van Khanh"));
    /* The office's complement is no person. */
    g_assert_null(find_actor(f, "Acme Asia-Pacific"));
    a = find_actor(f, "Jane Doe");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->role, ==, "President of Acme Asia-Pacific");
    a = find_actor(f, "Khamla Vongsa");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->role, ==, "homologue lao");
    g_assert_cmpstr(a->entity, ==, "LA");
    a = find_actor(f, "Wang Lei");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->entity, ==, "CN");
    g_assert_true(g_str_has_prefix(a->role, "consul général de Chine à Hô Chi Minh-Ville"));
    /* "Thế" folds to "the" and is still a name. */
    a = find_actor(f, "Bùi Thế Quang");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->entity, ==, "VN");
    /* Agreements and programmes are not actors. */
    g_assert_null(find_actor(f, "EVFTA"));
    g_assert_null(find_actor(f, "Global Gateway"));
}

static gboolean
has_theme(const DsrFacts *f, const char *name)
{
    for (guint i = 0; i < f->themes->len; i++)
        if (strcmp(g_ptr_array_index(f->themes, i), name) == 0)
            return TRUE;
    return FALSE;
}

static void
test_themes(void)
{
    g_autoptr(DsrFacts) f = facts_of(
        "Villes intelligentes et cybersécurité\n\nLes deux pays développeront des villes "
        "intelligentes. La sécurité de l'information sera renforcée, comme la cybersécurité des "
        "réseaux.\n\nL'IA aidera la ville intelligente de demain, avec une intelligence "
        "artificielle sûre.",
        NULL);
    g_assert_true(has_theme(f, "villes intelligentes"));
    g_assert_true(has_theme(f, "cybersécurité"));
    g_assert_true(has_theme(f, "intelligence artificielle"));
    g_assert_false(has_theme(f, "tourisme"));

    g_autoptr(DsrArticle) art = article_from(
        "Chips and AI\n\nThe partners will build semiconductor plants. Semiconductors and "
        "artificial intelligence lead.\n\nThey also discussed tourism.",
        NULL);
    g_free(art->lang);
    art->lang = g_strdup("en");
    g_autoptr(DsrFacts) en = dsr_extract(extractor, art);
    g_assert_true(has_theme(en, "semi-conducteurs"));
    g_assert_true(has_theme(en, "intelligence artificielle"));
    g_assert_false(has_theme(en, "tourisme"));
    /* "j'ai" is not AI. */
    g_autoptr(DsrFacts) ai = facts_of("Témoignage\n\nJ'ai vu, j'ai compris, il ai.", NULL);
    g_assert_false(has_theme(ai, "intelligence artificielle"));
}

/* ---- table-driven cases: tests/data/extract/cases.tsv ---- */

typedef struct {
    char *name;
    GPtrArray *lines; /* char *, "lineno\tcase" */
} CaseSection;

static void
case_section_free(CaseSection *s)
{
    g_free(s->name);
    g_ptr_array_unref(s->lines);
    g_free(s);
}

static DsrFacts *
case_facts(const char *lang, const char *date, const char *text)
{
    g_autoptr(GRegex) para = g_regex_new(" ?¶ ?", 0, 0, NULL);
    g_autofree char *body = g_regex_replace_literal(para, text, -1, 0, "\n\n", 0, NULL);
    g_autoptr(DsrArticle) a = article_from(body, strcmp(date, "-") == 0 ? NULL : date);
    if (strcmp(date, "-") == 0)
        g_clear_pointer(&a->date, g_free);
    g_free(a->lang);
    a->lang = g_strdup(lang);
    return dsr_extract(extractor, a);
}

static const char *
or_null(const char *s)
{
    return strcmp(s, "-") == 0 ? NULL : s;
}

/* NULL when the case holds, else what went wrong. */
static char *
check_case(char **c, guint n)
{
    const char *kind = c[0];
    g_autoptr(DsrFacts) f = case_facts(c[1], c[2], c[3]);
    if (strcmp(kind, "partners") == 0 && n == 6) {
        g_autofree char *got = partners_str(f);
        const char *want = strcmp(c[5], "-") == 0 ? "" : c[5];
        if (g_strcmp0(f->primary_partner, or_null(c[4])) != 0 || strcmp(got, want) != 0)
            return g_strdup_printf("primary %s partners [%s]", f->primary_partner, got);
        return NULL;
    }
    if (strcmp(kind, "event") == 0 && n == 7) {
        g_autoptr(GString) seen = g_string_new(NULL);
        for (guint i = 0; i < f->events->len; i++) {
            const DsrEvent *e = g_ptr_array_index(f->events, i);
            if (strcmp(dsr_event_type_name(e->type), c[4]) == 0 &&
                g_strcmp0(e->date, or_null(c[5])) == 0 && g_strcmp0(e->place, or_null(c[6])) == 0) {
                return NULL;
            }
            g_string_append_printf(seen, " {%s %s %s}", dsr_event_type_name(e->type), e->date,
                                   e->place);
        }
        return g_strdup_printf("events:%s", seen->str);
    }
    if (strcmp(kind, "noevent") == 0 && n == 4)
        return f->events->len ? g_strdup_printf("%u events", f->events->len) : NULL;
    if (strcmp(kind, "summary") == 0 && n == 5) {
        g_autoptr(GString) seen = g_string_new(NULL);
        for (guint i = 0; i < f->events->len; i++) {
            const DsrEvent *e = g_ptr_array_index(f->events, i);
            if (strcmp(e->summary, c[4]) == 0)
                return NULL;
            g_string_append_printf(seen, " \"%s\"", e->summary);
        }
        return g_strdup_printf("summaries:%s", seen->str);
    }
    if (strcmp(kind, "actor") == 0 && n == 7) {
        const DsrActor *a = find_actor(f, c[4]);
        if (!a) {
            g_autoptr(GString) seen = g_string_new(NULL);
            for (guint i = 0; i < f->actors->len; i++)
                g_string_append_printf(seen, " {%s}",
                                       ((DsrActor *)g_ptr_array_index(f->actors, i))->name);
            return g_strdup_printf("no actor; actors:%s", seen->str);
        }
        if ((strcmp(c[5], "*") != 0 && g_strcmp0(a->role, or_null(c[5])) != 0) ||
            g_strcmp0(a->entity, or_null(c[6])) != 0)
            return g_strdup_printf("role \"%s\" side %s", a->role, a->entity);
        return NULL;
    }
    if (strcmp(kind, "noactor") == 0 && n == 5) {
        for (guint i = 0; i < f->actors->len; i++) {
            const DsrActor *a = g_ptr_array_index(f->actors, i);
            if (g_str_has_prefix(a->name, c[4]))
                return g_strdup_printf("actor \"%s\"", a->name);
        }
        return NULL;
    }
    if (strcmp(kind, "themes") == 0 && n == 5) {
        g_auto(GStrv) want = g_strsplit(c[4], ";", -1);
        for (int i = 0; want[i]; i++) {
            gboolean must = want[i][0] == '+';
            if (has_theme(f, want[i] + 1) != must) {
                g_autoptr(GString) seen = g_string_new(NULL);
                for (guint k = 0; k < f->themes->len; k++)
                    g_string_append_printf(seen, "%s%s", k ? "," : "",
                                           (char *)g_ptr_array_index(f->themes, k));
                return g_strdup_printf("themes [%s], expected %s", seen->str, want[i]);
            }
        }
        return NULL;
    }
    if ((strcmp(kind, "years") == 0 || strcmp(kind, "currencies") == 0) && n == 5) {
        gboolean years = kind[0] == 'y';
        g_autoptr(GString) got = g_string_new(NULL);
        for (guint i = 0; i < f->figures->len; i++) {
            const DsrFigure *g = g_ptr_array_index(f->figures, i);
            if (i)
                g_string_append_c(got, ' ');
            if (years && g->year)
                g_string_append_printf(got, "%d", g->year);
            else if (!years && g->currency)
                g_string_append(got, g->currency);
            else
                g_string_append_c(got, '-');
        }
        return strcmp(got->str, c[4]) == 0 ? NULL : g_strdup_printf("%s \"%s\"", kind, got->str);
    }
    return g_strdup_printf("cannot read a \"%s\" case of %u columns", kind, n);
}

/* Every case of the section is run; the failures are listed together. */
static void
run_case_section(gconstpointer data)
{
    const CaseSection *sec = data;
    guint failed = 0;
    for (guint i = 0; i < sec->lines->len; i++) {
        g_auto(GStrv) parts = g_strsplit(g_ptr_array_index(sec->lines, i), "\t", 2);
        g_auto(GStrv) c = g_strsplit(parts[1], "\t", -1);
        g_autofree char *why = check_case(c, g_strv_length(c));
        if (why) {
            g_test_message("cases.tsv line %s: %s: %s", parts[0], c[3], why);
            failed++;
        }
    }
    if (failed)
        g_test_fail_printf("%u of %u cases failed in [%s]", failed, sec->lines->len, sec->name);
}

static GPtrArray *
load_case_sections(void)
{
    gsize len;
    g_autofree char *tsv = dsr_test_read_data("extract", "cases.tsv", &len);
    GPtrArray *secs = g_ptr_array_new_with_free_func((GDestroyNotify)case_section_free);
    g_auto(GStrv) lines = g_strsplit(tsv, "\n", -1);
    CaseSection *cur = NULL;
    for (int i = 0; lines[i]; i++) {
        if (!*lines[i] || lines[i][0] == '#')
            continue;
        if (lines[i][0] == '[') {
            cur = g_new0(CaseSection, 1);
            cur->name = g_strndup(lines[i] + 1, strcspn(lines[i] + 1, "]"));
            cur->lines = g_ptr_array_new_with_free_func(g_free);
            g_ptr_array_add(secs, cur);
            continue;
        }
        g_assert_nonnull(cur);
        g_ptr_array_add(cur->lines, g_strdup_printf("%d\t%s", i + 1, lines[i]));
    }
    return secs;
}

static void
test_sentences(void)
{
    g_autoptr(DsrFacts) f = facts_of("Le Vietnam publie un nouveau plan numérique\n\nPremière "
                                     "phrase. Deuxième phrase.\n\nTroisième phrase.",
                                     NULL);
    g_assert_cmpstr(f->title, ==, "Le Vietnam publie un nouveau plan numérique");
    g_assert_cmpuint(f->sentences->len, ==, 3);
    const DsrSentence *s = g_ptr_array_index(f->sentences, 2);
    g_assert_cmpstr(s->text, ==, "Troisième phrase.");
    g_assert_cmpint(s->paragraph, ==, 1);
    g_assert_cmpint(s->index, ==, 2);
}

static DsrFacts *
sample_facts(void)
{
    DsrFacts *f = dsr_facts_new();
    f->file = g_strdup("a.txt");
    f->title = g_strdup("Titre « guillemets »");
    f->date = g_strdup("2025-11");
    f->lang = g_strdup("fr");
    f->id = g_strdup("0123456789abcdef");
    g_ptr_array_add(f->partners, g_strdup("RU"));
    f->primary_partner = g_strdup("RU");
    DsrFigure *g = g_new0(DsrFigure, 1);
    g->quote = g_strdup("16.400 milliards de roubles");
    g->value = 16400;
    g->scale = 1e9;
    g->kind = DSR_FIGURE_MONEY;
    g->currency = g_strdup("RUB");
    g->unit = g_strdup("roubles");
    g->year = 2023;
    g->entity = g_strdup("RU");
    g->sentence = g_strdup("Le PIB numérique a atteint 16.400 milliards de roubles.");
    g->equivalent_of = -1;
    g_ptr_array_add(f->figures, g);
    g = g_new0(DsrFigure, 1);
    g->quote = g_strdup("16,5%");
    g->value = 16.5;
    g->scale = 1;
    g->kind = DSR_FIGURE_PERCENT;
    g->unit = g_strdup("%");
    g->qualifier = DSR_QUALIFIER_APPROX;
    g->equivalent_of = 0;
    g->sentence = g_strdup("x");
    g_ptr_array_add(f->figures, g);
    DsrEvent *e = g_new0(DsrEvent, 1);
    e->type = DSR_EVENT_AGREEMENT;
    e->date = g_strdup("2025-11-20");
    e->summary = g_strdup("Un accord a été signé.");
    e->sentence = g_strdup("Un accord a été signé.");
    g_ptr_array_add(f->events, e);
    DsrActor *a = g_new0(DsrActor, 1);
    a->name = g_strdup("Truong Thanh Hoài");
    a->role = g_strdup("vice-ministre");
    a->entity = g_strdup("VN");
    g_ptr_array_add(f->actors, a);
    g_ptr_array_add(f->themes, g_strdup("industrie"));
    DsrSentence *s = g_new0(DsrSentence, 1);
    s->text = g_strdup("Un accord a été signé.");
    s->paragraph = 1;
    s->index = 4;
    g_ptr_array_add(f->sentences, s);
    return f;
}

static void
test_json_contract(void)
{
    g_autoptr(DsrFacts) f = sample_facts();
    g_autofree char *json = dsr_facts_to_json(f, 0);
    /* Field order of the contract, nulls written. */
    const char *keys[] = {"\"file\"",     "\"title\"",       "\"date\"",     "\"lang\"",
                          "\"url\":null", "\"outlet\":null", "\"partners\"", "\"primary_partner\"",
                          "\"figures\"",  "\"events\"",      "\"actors\"",   "\"themes\""};
    const char *at = json;
    for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
        const char *p = strstr(at, keys[i]);
        if (!p)
            g_error("%s missing or out of order in %s", keys[i], json);
        at = p;
    }
    g_assert_nonnull(strstr(json, "\"scale\":1000000000"));
    g_assert_nonnull(strstr(json, "\"qualifier\":null"));
    g_assert_nonnull(strstr(json, "\"qualifier\":\"approx\""));
    g_assert_null(strstr(json, "\"sentences\""));
    g_assert_null(strchr(json, '\n'));
}

static void
test_json_round_trip(void)
{
    g_autoptr(DsrFacts) f = sample_facts();
    g_autofree char *json = dsr_facts_to_json(f, DSR_FACTS_JSON_SENTENCES);
    g_autoptr(GError) err = NULL;
    g_autoptr(DsrFacts) back = dsr_facts_from_json(json, strlen(json), &err);
    g_assert_no_error(err);
    g_autofree char *again = dsr_facts_to_json(back, DSR_FACTS_JSON_SENTENCES);
    g_assert_cmpstr(json, ==, again);
    g_assert_cmpint(((DsrFigure *)g_ptr_array_index(back->figures, 1))->equivalent_of, ==, 0);
    g_assert_cmpstr(((DsrSentence *)g_ptr_array_index(back->sentences, 0))->text, ==,
                    "Un accord a été signé.");
    g_autofree char *pretty = dsr_facts_to_json(back, DSR_FACTS_JSON_PRETTY);
    g_assert_nonnull(strchr(pretty, '\n'));
}

/* Packed facts read back as the same facts (compared through their JSON,
 * which has every field): the sample's, with NULLs, nonzero equivalents and
 * a NUL-free UTF-8 title, and the golden articles'; every shorter prefix and
 * every one-byte change of the bytes is refused or read, never read past. */
static void
test_pack_round_trip(void)
{
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_facts_free);
    g_ptr_array_add(all, sample_facts());
    g_ptr_array_add(all, dsr_facts_new()); /* every field NULL or empty but lang */
    static const char *const files[] = {"bilateral-fr.txt", "forum-en.txt", "national-fr.txt"};
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        gsize len;
        g_autofree char *text = dsr_test_read_data("extract", files[i], &len);
        g_autoptr(GError) err = NULL;
        g_autoptr(GPtrArray) arts = dsr_ingest_bytes(text, len, files[i], NULL, &err);
        g_assert_no_error(err);
        g_ptr_array_set_free_func(arts, (GDestroyNotify)dsr_article_free);
        g_ptr_array_add(all, dsr_extract(extractor, g_ptr_array_index(arts, 0)));
    }
    for (guint i = 0; i < all->len; i++) {
        const DsrFacts *f = g_ptr_array_index(all, i);
        g_autoptr(GBytes) packed = dsr_facts_pack(f);
        gsize len = 0;
        const guint8 *data = g_bytes_get_data(packed, &len);
        g_autoptr(GError) err = NULL;
        g_autoptr(DsrFacts) back = dsr_facts_unpack(data, len, &err);
        g_assert_no_error(err);
        g_autofree char *want = dsr_facts_to_json(f, DSR_FACTS_JSON_SENTENCES);
        g_autofree char *got = dsr_facts_to_json(back, DSR_FACTS_JSON_SENTENCES);
        if (f->lang) {
            g_assert_cmpstr(got, ==, want);
        } else {
            g_autofree char *json = dsr_facts_to_json(f, DSR_FACTS_JSON_SENTENCES);
            g_autoptr(DsrFacts) via_json = dsr_facts_from_json(json, strlen(json), NULL);
            g_autofree char *as_json = dsr_facts_to_json(via_json, DSR_FACTS_JSON_SENTENCES);
            g_assert_cmpstr(got, ==, as_json); /* lang "fr", as from JSON */
        }
        for (gsize cut = 0; cut < len; cut++) {
            /* Copied so that ASan sees a read past the prefix. */
            g_autofree guint8 *prefix = g_memdup2(data, cut ? cut : 1);
            g_autoptr(GError) e = NULL;
            g_assert_null(dsr_facts_unpack(prefix, cut, &e));
            g_assert_error(e, DSR_ERROR, DSR_ERROR_INPUT);
        }
        g_autofree guint8 *copy = g_memdup2(data, len);
        for (gsize at = 0; at < len; at += 1 + len / 200) {
            guint8 was = copy[at];
            copy[at] = (guint8)(was ^ 0xA5);
            g_autoptr(GError) e = NULL;
            g_autoptr(DsrFacts) changed = dsr_facts_unpack(copy, len, &e);
            g_assert_true((changed == NULL) == (e != NULL));
            copy[at] = was;
        }
    }
}

static void
test_json_errors(void)
{
    const char *bad[] = {
        "{\"file\": \"a\"",
        "[]",
        "{\"file\":1,\"title\":null,\"date\":null,\"lang\":\"fr\",\"url\":null,\"outlet\":null,"
        "\"partners\":[],\"primary_partner\":null,\"figures\":[],\"events\":[],\"actors\":[],"
        "\"themes\":[]}",
        "{\"file\":\"a\",\"title\":null,\"date\":null,\"lang\":\"fr\",\"url\":null,\"outlet\":null,"
        "\"partners\":[],\"primary_partner\":null,\"figures\":[{\"quote\":\"1\"}],\"events\":[],"
        "\"actors\":[],\"themes\":[]}",
        "{\"file\":\"a\",\"title\":null,\"date\":null,\"lang\":\"fr\",\"url\":null,\"outlet\":null,"
        "\"partners\":[],\"primary_partner\":null,\"figures\":[],\"events\":[{\"type\":\"party\","
        "\"date\":null,\"place\":null,\"summary\":\"x\"}],\"actors\":[],\"themes\":[]}",
    };
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) err = NULL;
        DsrFacts *f = dsr_facts_from_json(bad[i], strlen(bad[i]), &err);
        g_assert_null(f);
        g_assert_error(err, DSR_ERROR, DSR_ERROR_INPUT);
    }
}

/* Figures said twice in one article are reported once: a lead or heading
 * the body restates (the body's kept), a sum repeated further down, a
 * headline rounding or leaving out the bound of a body figure, the title
 * printed again in the text; and a lead above its title is read, a caption
 * ending on a bare "|" is not. Texts of our own, in the forms of the corpus. */
static void
test_restatements(void)
{
    static const struct {
        const char *file;
        const char *expected; /* quote|value|scale ; … in order */
    } cases[] = {
        {"restatements-fr.txt", "3,87 milliards de dollars|3.87|1e9 ; 18%|18|1 ; "
                                "1,25 milliard de dollars|1.25|1e9 ; douze projets|12|1"},
        {"restatements-en.txt",
         "more than KRW120 billion|120|1e9 ; about US$88.6 million|88.6|1e6 ; "
         "two provincial hospitals|2|1 ; up to 500 beds|500|1 ; "
         "300 Vietnamese doctors|300|1"},
    };
    for (guint c = 0; c < G_N_ELEMENTS(cases); c++) {
        gsize len;
        g_autofree char *text = dsr_test_read_data("extract", cases[c].file, &len);
        g_autoptr(GError) err = NULL;
        g_autoptr(GPtrArray) arts = dsr_ingest_bytes(text, len, cases[c].file, NULL, &err);
        g_assert_no_error(err);
        g_ptr_array_set_free_func(arts, (GDestroyNotify)dsr_article_free);
        g_autoptr(DsrFacts) f = dsr_extract(extractor, g_ptr_array_index(arts, 0));
        g_autoptr(GString) got = g_string_new(NULL);
        for (guint i = 0; i < f->figures->len; i++) {
            const DsrFigure *fig = g_ptr_array_index(f->figures, i);
            g_string_append_printf(got, "%s%s|%g|%s", i ? " ; " : "", fig->quote, fig->value,
                                   fig->scale == 1     ? "1"
                                   : fig->scale == 1e6 ? "1e6"
                                                       : "1e9");
        }
        if (strcmp(got->str, cases[c].expected) != 0)
            g_error("%s: figures\n  got      %s\n  expected %s", cases[c].file, got->str,
                    cases[c].expected);
        const DsrArticle *a = g_ptr_array_index(arts, 0);
        g_assert_nonnull(a->title);
        g_assert_null(strstr(a->title, "|"));
    }
}

static void
test_golden(void)
{
    static const char *const cases[] = {"bilateral-fr", "forum-en", "national-fr"};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *in = g_strconcat(cases[i], ".txt", NULL);
        g_autofree char *exp = g_strconcat(cases[i], ".expected.json", NULL);
        gsize len;
        g_autofree char *text = dsr_test_read_data("extract", in, &len);
        g_autoptr(GError) err = NULL;
        g_autoptr(GPtrArray) arts = dsr_ingest_bytes(text, len, in, NULL, &err);
        g_assert_no_error(err);
        g_autoptr(DsrFacts) f = dsr_extract(extractor, g_ptr_array_index(arts, 0));
        g_ptr_array_set_free_func(arts, (GDestroyNotify)dsr_article_free);
        g_autofree char *json = dsr_facts_to_json(f, DSR_FACTS_JSON_PRETTY);
        g_autofree char *with_nl = g_strconcat(json, "\n", NULL);
        dsr_test_assert_golden(with_nl, "extract", exp);
    }
}

static void
test_resource_errors(void)
{
    g_autoptr(GError) err = NULL;
    DsrExtractor *ex = dsr_extractor_new("/nonexistent-dossier-dir", "VN", &err);
    g_assert_null(ex);
    g_assert_error(err, DSR_ERROR, DSR_ERROR_RESOURCE);
}

/* ---- measurement on the hand-annotated corpus ---- */

typedef struct {
    char *type, *date, *place;
} AnnEvent;

typedef struct {
    char *name, *role, *side;
} AnnActor;

typedef struct {
    char *partners; /* "RU,ASEAN" or "" */
    GPtrArray *events, *actors;
} Ann;

static void
ann_event_free(AnnEvent *e)
{
    g_free(e->type);
    g_free(e->date);
    g_free(e->place);
    g_free(e);
}

static void
ann_actor_free(AnnActor *a)
{
    g_free(a->name);
    g_free(a->role);
    g_free(a->side);
    g_free(a);
}

static void
ann_free(Ann *a)
{
    g_free(a->partners);
    g_ptr_array_unref(a->events);
    g_ptr_array_unref(a->actors);
    g_free(a);
}

/* file -> Ann, from corpus-annotations.tsv; @order gets the files in order. */
static GHashTable *
load_annotations(GPtrArray *order)
{
    gsize len;
    g_autofree char *tsv = dsr_test_read_data("extract", "corpus-annotations.tsv", &len);
    GHashTable *anns =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)ann_free);
    g_auto(GStrv) lines = g_strsplit(tsv, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        if (!*lines[i] || lines[i][0] == '#')
            continue;
        g_auto(GStrv) c = g_strsplit(lines[i], "\t", -1);
        guint n = g_strv_length(c);
        g_assert_cmpuint(n, >=, 3);
        Ann *a = g_hash_table_lookup(anns, c[0]);
        if (!a) {
            a = g_new0(Ann, 1);
            a->partners = g_strdup("");
            a->events = g_ptr_array_new_with_free_func((GDestroyNotify)ann_event_free);
            a->actors = g_ptr_array_new_with_free_func((GDestroyNotify)ann_actor_free);
            g_hash_table_insert(anns, g_strdup(c[0]), a);
            g_ptr_array_add(order, g_strdup(c[0]));
        }
        if (strcmp(c[1], "partners") == 0) {
            g_free(a->partners);
            a->partners = g_strdup(strcmp(c[2], "-") == 0 ? "" : c[2]);
        } else if (strcmp(c[1], "event") == 0 && n >= 5) {
            AnnEvent *e = g_new0(AnnEvent, 1);
            e->type = g_strdup(c[2]);
            e->date = g_strdup(c[3]);
            e->place = g_strdup(c[4]);
            g_ptr_array_add(a->events, e);
        } else if (strcmp(c[1], "actor") == 0 && n >= 5) {
            AnnActor *ac = g_new0(AnnActor, 1);
            ac->name = g_strdup(c[2]);
            ac->role = g_strdup(c[3]);
            ac->side = g_strdup(c[4]);
            g_ptr_array_add(a->actors, ac);
        } else {
            g_error("corpus-annotations.tsv line %d: cannot read \"%s\"", i + 1, lines[i]);
        }
    }
    return anns;
}

/* The held-out files: corpus-split.txt when present (a file per line, or a
 * file and its part "held-out"/"dev"), else every file whose number is a
 * multiple of three (the seeds, unnumbered, are development files). */
static GHashTable *
load_held_out(GPtrArray *files)
{
    GHashTable *held = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *path = dsr_test_data_path("extract", "corpus-split.txt");
    g_autofree char *text = NULL;
    if (g_file_get_contents(path, &text, NULL, NULL)) {
        g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
        for (int i = 0; lines[i]; i++) {
            g_strstrip(lines[i]);
            if (!*lines[i] || lines[i][0] == '#')
                continue;
            g_auto(GStrv) c = g_strsplit_set(lines[i], " \t", 2);
            g_autofree char *part = c[1] ? g_strstrip(g_strdup(c[1])) : NULL;
            if (!part || !*part || g_str_has_prefix(part, "held") || g_str_has_prefix(part, "test"))
                g_hash_table_add(held, g_strdup(c[0]));
        }
        g_printerr("# corpus split: %s (%u held out)\n", path, g_hash_table_size(held));
        return held;
    }
    for (guint i = 0; i < files->len; i++) {
        const char *f = g_ptr_array_index(files, i);
        const char *base = strrchr(f, '/') ? strrchr(f, '/') + 1 : f;
        if (g_ascii_isdigit(*base) && atoi(base) % 3 == 0)
            g_hash_table_add(held, g_strdup(f));
    }
    g_printerr("# corpus split: no corpus-split.txt, every file numbered 3n held out (%u)\n",
               g_hash_table_size(held));
    return held;
}

typedef struct {
    int articles, primary_ok;
    int partner_tp, partner_fp, partner_fn;
    int ev_ann, ev_got, ev_matched, date_scored, date_ok, place_scored, place_ok;
    int ac_ann, ac_got, ac_matched, side_scored, side_ok;
    int th_articles, th_tp, th_fp, th_fn, th_first_ok;
} Measure;

static gboolean
in_list(const char *csv, const char *code)
{
    g_auto(GStrv) items = g_strsplit(csv, ",", -1);
    for (int i = 0; items[i]; i++)
        if (*items[i] && strcmp(items[i], code) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
same_place(const char *a, const char *b)
{
    g_autofree char *x = dsr_text_fold_ascii(a);
    g_autofree char *y = dsr_text_fold_ascii(b);
    return strcmp(x, y) == 0;
}

static void
measure_events(const Ann *ann, const DsrFacts *f, Measure *m, const char *file, gboolean verbose)
{
    g_autofree gboolean *used = g_new0(gboolean, f->events->len + 1);
    g_autofree int *match = g_new0(int, ann->events->len + 1);
    m->ev_ann += ann->events->len;
    m->ev_got += f->events->len;
    /* Same type and date first, then same type: two meetings of one article
     * pair with the right tellings. */
    for (guint i = 0; i < ann->events->len; i++)
        match[i] = -1;
    for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < ann->events->len; i++) {
            const AnnEvent *e = g_ptr_array_index(ann->events, i);
            for (guint k = 0; k < f->events->len && match[i] < 0; k++) {
                const DsrEvent *g = g_ptr_array_index(f->events, k);
                if (used[k] || strcmp(dsr_event_type_name(g->type), e->type) != 0)
                    continue;
                if (pass == 0 && g_strcmp0(g->date, e->date) != 0)
                    continue;
                used[k] = TRUE;
                match[i] = k;
            }
        }
    for (guint i = 0; i < ann->events->len; i++) {
        const AnnEvent *e = g_ptr_array_index(ann->events, i);
        if (match[i] < 0) {
            if (verbose)
                g_printerr("#   %s: missed event %s %s %s\n", file, e->type, e->date, e->place);
            continue;
        }
        const DsrEvent *g = g_ptr_array_index(f->events, match[i]);
        m->ev_matched++;
        if (strcmp(e->date, "?") != 0) {
            gboolean ok =
                strcmp(e->date, "-") == 0 ? g->date == NULL : g_strcmp0(g->date, e->date) == 0;
            m->date_scored++;
            m->date_ok += ok;
            if (!ok && verbose)
                g_printerr("#   %s: event %s dated %s, annotated %s\n", file, e->type,
                           g->date ? g->date : "null", e->date);
        }
        if (strcmp(e->place, "?") != 0) {
            gboolean ok = strcmp(e->place, "-") == 0 ? g->place == NULL
                                                     : g->place && same_place(g->place, e->place);
            m->place_scored++;
            m->place_ok += ok;
        }
    }
    for (guint k = 0; verbose && k < f->events->len; k++)
        if (!used[k]) {
            const DsrEvent *g = g_ptr_array_index(f->events, k);
            g_printerr("#   %s: extra event %s %s: %.70s\n", file, dsr_event_type_name(g->type),
                       g->date ? g->date : "null", g->summary);
        }
}

/* Names compare folded, and a surname alone ("Ishiba") names the person
 * written in full elsewhere. */
static gboolean
same_person(const char *a, const char *b)
{
    g_autofree char *x = dsr_text_fold_ascii(a);
    g_autofree char *y = dsr_text_fold_ascii(b);
    if (strcmp(x, y) == 0)
        return TRUE;
    const char *shorter = strlen(x) < strlen(y) ? x : y, *longer = shorter == x ? y : x;
    const char *p = strstr(longer, shorter);
    gsize n = strlen(shorter);
    return p && (p == longer || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ');
}

static void
measure_actors(const Ann *ann, const DsrFacts *f, Measure *m, const char *file, gboolean verbose)
{
    g_autofree gboolean *used = g_new0(gboolean, f->actors->len + 1);
    m->ac_ann += ann->actors->len;
    m->ac_got += f->actors->len;
    for (guint i = 0; i < ann->actors->len; i++) {
        const AnnActor *a = g_ptr_array_index(ann->actors, i);
        int found = -1;
        for (guint k = 0; k < f->actors->len && found < 0; k++)
            if (!used[k] &&
                same_person(((DsrActor *)g_ptr_array_index(f->actors, k))->name, a->name))
                found = k;
        if (found < 0) {
            if (verbose)
                g_printerr("#   %s: missed actor %s (%s, %s)\n", file, a->name, a->role, a->side);
            continue;
        }
        used[found] = TRUE;
        m->ac_matched++;
        const DsrActor *g = g_ptr_array_index(f->actors, found);
        if (strcmp(a->side, "?") != 0) {
            gboolean ok = g_strcmp0(g->entity, a->side) == 0;
            m->side_scored++;
            m->side_ok += ok;
            if (!ok && verbose)
                g_printerr("#   %s: actor %s side %s, annotated %s\n", file, a->name,
                           g->entity ? g->entity : "null", a->side);
        }
    }
    for (guint k = 0; verbose && k < f->actors->len; k++)
        if (!used[k]) {
            const DsrActor *g = g_ptr_array_index(f->actors, k);
            g_printerr("#   %s: extra actor %s (%s, %s)\n", file, g->name, g->role ? g->role : "-",
                       g->entity ? g->entity : "null");
        }
}

/* file -> "theme,theme" from corpus-themes.tsv. */
static GHashTable *
load_theme_annotations(void)
{
    gsize len;
    g_autofree char *tsv = dsr_test_read_data("extract", "corpus-themes.tsv", &len);
    GHashTable *anns = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_auto(GStrv) lines = g_strsplit(tsv, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        if (!*lines[i] || lines[i][0] == '#')
            continue;
        g_auto(GStrv) c = g_strsplit(lines[i], "\t", -1);
        if (g_strv_length(c) != 2)
            g_error("corpus-themes.tsv line %d: cannot read \"%s\"", i + 1, lines[i]);
        g_hash_table_insert(anns, g_strdup(c[0]), g_strdup(c[1]));
    }
    return anns;
}

static void
measure_themes(const char *want, const DsrFacts *f, Measure *m, const char *file, gboolean verbose)
{
    g_autoptr(GString) got = g_string_new(NULL);
    m->th_articles++;
    for (guint k = 0; k < f->themes->len; k++) {
        const char *t = g_ptr_array_index(f->themes, k);
        gboolean right = in_list(want, t);
        m->th_tp += right;
        m->th_fp += !right;
        if (k == 0)
            m->th_first_ok += right;
        g_string_append_printf(got, "%s%s", k ? "," : "", t);
    }
    g_auto(GStrv) items = g_strsplit(want, ",", -1);
    for (int k = 0; items[k]; k++)
        m->th_fn += *items[k] && !in_list(got->str, items[k]);
    if (verbose && strcmp(got->str, want) != 0)
        g_printerr("#   %s: themes [%s], annotated [%s]\n", file, got->str, want);
}

static double
ratio(int a, int b)
{
    return b ? (double)a / b : 0;
}

static void
print_measure(const char *part, const Measure *m)
{
    g_printerr("# corpus %s: %d articles; primary partner %d/%d (%.1f%%); partners P %.2f R %.2f\n",
               part, m->articles, m->primary_ok, m->articles,
               100 * ratio(m->primary_ok, m->articles),
               ratio(m->partner_tp, m->partner_tp + m->partner_fp),
               ratio(m->partner_tp, m->partner_tp + m->partner_fn));
    g_printerr("# corpus %s: events R %.2f (%d/%d) P %.2f (%d/%d), dates right %d/%d (%.2f), "
               "places right %d/%d\n",
               part, ratio(m->ev_matched, m->ev_ann), m->ev_matched, m->ev_ann,
               ratio(m->ev_matched, m->ev_got), m->ev_matched, m->ev_got, m->date_ok,
               m->date_scored, ratio(m->date_ok, m->date_scored), m->place_ok, m->place_scored);
    g_printerr("# corpus %s: actors R %.2f (%d/%d) P %.2f (%d/%d), sides right %d/%d\n", part,
               ratio(m->ac_matched, m->ac_ann), m->ac_matched, m->ac_ann,
               ratio(m->ac_matched, m->ac_got), m->ac_matched, m->ac_got, m->side_ok,
               m->side_scored);
    g_printerr("# corpus %s: themes P %.2f (%d/%d) R %.2f (%d/%d), first theme right %d/%d\n", part,
               ratio(m->th_tp, m->th_tp + m->th_fp), m->th_tp, m->th_tp + m->th_fp,
               ratio(m->th_tp, m->th_tp + m->th_fn), m->th_tp, m->th_tp + m->th_fn, m->th_first_ok,
               m->th_articles);
}

/* A measurement, not an assertion: prints, for the development part and the
 * held-out part of ../shared/corpus separately, how the extraction compares
 * with corpus-annotations.tsv. DOSSIER_CORPUS_VERBOSE=1 lists every miss. */
static void
test_corpus_measure(void)
{
    g_autofree char *corpus = dsr_test_corpus_dir();
    if (!corpus) {
        g_test_skip("no corpus");
        return;
    }
    gboolean verbose = g_getenv("DOSSIER_CORPUS_VERBOSE") != NULL;
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GHashTable) anns = load_annotations(files);
    g_autoptr(GHashTable) held = load_held_out(files);
    g_autoptr(GHashTable) themes = load_theme_annotations();
    Measure parts[2] = {{0}};
    for (guint i = 0; i < files->len; i++) {
        const char *file = g_ptr_array_index(files, i);
        const Ann *ann = g_hash_table_lookup(anns, file);
        Measure *m = &parts[g_hash_table_contains(held, file)];
        g_autofree char *path = g_build_filename(corpus, file, NULL);
        g_autoptr(GError) err = NULL;
        g_autoptr(GPtrArray) arts = dsr_ingest_file(path, NULL, &err);
        if (!arts) {
            g_printerr("# corpus %s: %s\n", file, err->message);
            continue;
        }
        g_ptr_array_set_free_func(arts, (GDestroyNotify)dsr_article_free);
        g_autoptr(DsrFacts) f = dsr_extract(extractor, g_ptr_array_index(arts, 0));
        g_autofree char *got = partners_str(f);
        g_autofree char *exp_primary = g_strndup(ann->partners, strcspn(ann->partners, ","));
        gboolean ok = g_strcmp0(f->primary_partner ? f->primary_partner : "", exp_primary) == 0;
        m->articles++;
        m->primary_ok += ok;
        for (guint k = 0; k < f->partners->len; k++) {
            gboolean right = in_list(ann->partners, g_ptr_array_index(f->partners, k));
            m->partner_tp += right;
            m->partner_fp += !right;
        }
        g_auto(GStrv) want = g_strsplit(ann->partners, ",", -1);
        for (int k = 0; want[k]; k++)
            m->partner_fn += *want[k] && !in_list(got, want[k]);
        if (verbose && (!ok || strcmp(got, ann->partners) != 0))
            g_printerr("#   %s: partners [%s], annotated [%s]\n", file, got, ann->partners);
        measure_events(ann, f, m, file, verbose);
        measure_actors(ann, f, m, file, verbose);
        const char *want_themes = g_hash_table_lookup(themes, file);
        if (want_themes)
            measure_themes(want_themes, f, m, file, verbose);
    }
    print_measure("dev", &parts[0]);
    print_measure("held-out", &parts[1]);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    const char *dir = g_getenv("DOSSIER_DATADIR");
    g_autoptr(GError) err = NULL;
    extractor = dsr_extractor_new(dir ? dir : ".", "VN", &err);
    g_assert_no_error(err);
    g_test_add_func("/extract/partners/cases", test_partners_cases);
    g_test_add_func("/extract/partners/forms", test_partners_forms);
    g_test_add_func("/extract/partners/names", test_partners_names);
    g_test_add_func("/extract/events/cases", test_events_cases);
    g_test_add_func("/extract/events/summary", test_events_summary);
    g_test_add_func("/extract/events/apart", test_events_apart);
    g_test_add_func("/extract/actors/roles", test_actors);
    g_test_add_func("/extract/actors/names", test_actors_names);
    g_test_add_func("/extract/actors/offices", test_actors_offices);
    g_test_add_func("/extract/themes/stems", test_themes);
    g_test_add_func("/extract/sentences", test_sentences);
    g_test_add_func("/extract/json/contract", test_json_contract);
    g_test_add_func("/extract/json/round-trip", test_json_round_trip);
    g_test_add_func("/extract/json/errors", test_json_errors);
    g_test_add_func("/extract/pack/round-trip", test_pack_round_trip);
    g_test_add_func("/extract/golden", test_golden);
    g_test_add_func("/extract/figures/restatements", test_restatements);
    g_test_add_func("/extract/resources/missing", test_resource_errors);
    g_test_add_func("/extract/corpus/measure", test_corpus_measure);
    g_autoptr(GPtrArray) sections = load_case_sections();
    for (guint i = 0; i < sections->len; i++) {
        CaseSection *sec = g_ptr_array_index(sections, i);
        g_autofree char *path = g_strdup_printf("/extract/cases/%s", sec->name);
        g_test_add_data_func(path, sec, run_case_section);
    }
    int rc = g_test_run();
    dsr_extractor_free(extractor);
    return rc;
}

# ruff: noqa: E501
"""Demo calls for projects and laureate lists.

Facts come from the documents in ``seeds/``: the twelve calls announced for 2024, the 2020-2021
calls with their laureates (the four Franco-Mexican laureates of 2020 are the real ones; the
Franco-Lebanese and Franco-Moroccan tranches and « Généraliste 2021 » keep the real counts, the
pairs the documents do not name are invented but plausible).

Dates: the historical editions (2020-2024) use their real or plausible fixed dates, so they are
all closed. So that the demo also shows open, closing-soon, extended and upcoming calls whenever
it is loaded (it was written in November 2026), the current editions ("2026-2027") get dates
relative to the day the demo is first loaded (``CURRENT`` offsets in days from today); their
year is the year of their deadline. Reloading keeps existing pages (looked up by slug).
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.html import escape

from calls.models import CallIndexPage, CallPage, Laureate, LaureatesPage
from portal.demo import TRANSLATED_LANGUAGES, T, translate
from portal.models import Country, Theme

INDEX = {
    "title": T("Appels à projets", en="Calls for projects", es="Convocatorias", ar="الدعوات لتقديم المشاريع"),
    "intro": T(
        "Chaque année, le ministère de l’Europe et des Affaires étrangères cofinance les projets de coopération décentralisée des collectivités territoriales françaises à travers des appels à projets thématiques, géographiques, généralistes et des dispositifs conjoints avec des États partenaires.",
        en="Every year, the Ministry for Europe and Foreign Affairs co-finances the decentralised cooperation projects of French local authorities through thematic, geographic and general calls for projects, and joint funds with partner states.",
        es="Cada año, el Ministerio de Europa y Asuntos Exteriores cofinancia los proyectos de cooperación descentralizada de los gobiernos locales franceses mediante convocatorias temáticas, geográficas y generales, y fondos conjuntos con Estados socios.",
        ar="تشارك وزارة أوروبا والشؤون الخارجية كل عام في تمويل مشاريع التعاون اللامركزي للجماعات المحلية الفرنسية من خلال دعوات موضوعاتية وجغرافية وعامة وصناديق مشتركة مع دول شريكة.",
    ),
}
LAUREATES = {
    "title": T(
        "Lauréats des appels à projets",
        en="Laureates of the calls for projects",
        es="Proyectos seleccionados",
        ar="الفائزون في الدعوات لتقديم المشاريع",
    ),
    "intro": T(
        "Les projets retenus par les comités de sélection, appel par appel : collectivité française cheffe de file, autorité locale partenaire, pays et thème.",
        en="The projects chosen by the selection committees, call by call: French lead authority, partner local authority, country and theme.",
        es="Los proyectos seleccionados por los comités, convocatoria por convocatoria: entidad francesa líder, autoridad local socia, país y tema.",
        ar="المشاريع التي اختارتها لجان الاختيار، دعوة بعد دعوة: الجماعة الفرنسية الرائدة والسلطة المحلية الشريكة والبلد والموضوع.",
    ),
}

CNCD = "https://www.example.org/cncd/candidater"
CONTACT = {"contact_name": "Secrétariat de la délégation (démo)", "contact_email": "appels-a-projets@example.org"}

THEMATIC, GENERALIST, TURNKEY, GEOGRAPHIC, BILATERAL = (
    CallPage.CallType.THEMATIC,
    CallPage.CallType.GENERALIST,
    CallPage.CallType.TURNKEY,
    CallPage.CallType.GEOGRAPHIC,
    CallPage.CallType.BILATERAL,
)
D = datetime.date


def call(slug, title, summary, call_type, year, opening, closing, themes=(), **extra):
    return {
        "slug": slug,
        "title": title if isinstance(title, T) else T(title),
        "summary": summary if isinstance(summary, T) else T(summary),
        "call_type": call_type,
        "edition_year": year,
        "opening_date": opening,
        "closing_date": closing,
        "themes": themes,
        **extra,
    }


# The twelve calls announced on 16 January 2024.
CALLS_2024 = [
    call(
        "jeunesse-2024",
        "Appel à projets Jeunesse 2024",
        "Soutien des initiatives de coopération décentralisée en matière de jeunesse et de volontariat, d’éducation de base et de formation professionnelle.",
        THEMATIC,
        2024,
        D(2024, 1, 22),
        D(2024, 3, 29),
        ("jeunesse", "education"),
        committee_date=D(2024, 5, 14),
    ),
    call(
        "sport-2024",
        "Appel à projets Sport 2024",
        "Encourager les pratiques sportives portées par les collectivités territoriales et leurs partenaires à l’approche des Jeux olympiques et paralympiques de Paris 2024.",
        THEMATIC,
        2024,
        D(2024, 1, 22),
        D(2024, 3, 15),
        ("sport",),
        programme="2021-2023",
    ),
    call(
        "egalite-femmes-hommes-2024",
        "Appel à projets Égalité femmes – hommes 2024",
        "Soutien à des projets dont l’objectif principal est la lutte contre les inégalités entre les femmes et les hommes dans le monde.",
        THEMATIC,
        2024,
        D(2024, 2, 5),
        D(2024, 4, 12),
        ("egalite-femmes-hommes",),
    ),
    call(
        "numerique-2024",
        "Appel à projets Numérique inclusif et responsable 2024",
        "Projets en faveur de l’accessibilité numérique, de la réduction de l’impact environnemental du numérique et d’un numérique protecteur, au service des citoyens et des citoyennes.",
        THEMATIC,
        2024,
        D(2024, 2, 5),
        D(2024, 4, 19),
        ("numerique",),
    ),
    call(
        "securite-alimentaire-2024",
        "Appel à projets Sécurité alimentaire 2024",
        "Accroître la sécurité alimentaire grâce à des systèmes alimentaires durables fondés sur la territorialisation des productions et les circuits courts.",
        THEMATIC,
        2024,
        D(2024, 2, 12),
        D(2024, 4, 26),
        ("securite-alimentaire",),
    ),
    call(
        "patrimoine-2024",
        "Appel à projets Patrimoine et coopération décentralisée 2024",
        "Conçu avec Sites et Cités remarquables, cet appel soutient la préservation et la valorisation du patrimoine bâti et naturel.",
        THEMATIC,
        2024,
        D(2024, 3, 1),
        D(2024, 5, 31),
        ("patrimoine", "culture"),
    ),
    call(
        "generaliste-2024",
        "Appel à projets Généraliste 2024",
        "Cofinancement des projets de coopération décentralisée qui ne relèvent d’aucun appel à projets géographique ou thématique.",
        GENERALIST,
        2024,
        D(2024, 1, 22),
        D(2024, 4, 5),
        ("gouvernance-locale",),
    ),
    call(
        "cles-en-main-2024",
        "Appel à projets « Clés en main » 2024",
        "Ouvert aux associations de collectivités territoriales pour des projets de coopération décentralisée associant au moins trois collectivités françaises.",
        TURNKEY,
        2024,
        D(2024, 2, 1),
        D(2024, 4, 30),
        ("gouvernance-locale",),
        application_method="not-online",
        application_instructions="Dossier à adresser par courriel au secrétariat de la délégation (non dématérialisé sur la plateforme).",
    ),
    call(
        "amerique-latine-caraibes-2024",
        "Appel à projets Amérique latine et Caraïbes 2024",
        "Projets à destination de l’Amérique latine et des Caraïbes (hors Mexique) visant la résilience face au changement climatique et la participation citoyenne.",
        GEOGRAPHIC,
        2024,
        D(2024, 2, 15),
        D(2024, 5, 3),
        ("climat-environnement", "gouvernance-locale"),
        eligible_zone="Amérique latine et Caraïbes, à l’exception du Mexique",
        countries=("BR", "CL", "AR", "HT"),
    ),
    call(
        "franco-senegalais-2024",
        "Dispositif conjoint franco-sénégalais 2024",
        "Consolider les partenariats existants, favoriser de nouvelles coopérations entre la France et le Sénégal et soutenir le développement territorial et la décentralisation.",
        BILATERAL,
        2024,
        D(2024, 1, 15),
        D(2024, 3, 31),
        ("gouvernance-locale",),
        partner="SN",
        countries=("SN",),
    ),
    call(
        "franco-libanais-2024",
        "Dispositif conjoint franco-libanais 2024",
        "Consolider les partenariats en cours et favoriser de nouvelles coopérations entre collectivités territoriales libanaises et françaises.",
        BILATERAL,
        2024,
        D(2024, 2, 20),
        D(2024, 5, 15),
        ("gouvernance-locale", "developpement-economique"),
        partner="LB",
        countries=("LB",),
    ),
    call(
        "franco-mexicain-2024",
        "Dispositif conjoint franco-mexicain 2024",
        "Consolider les partenariats en cours et favoriser de nouvelles coopérations entre collectivités territoriales mexicaines et françaises.",
        BILATERAL,
        2024,
        D(2024, 2, 1),
        D(2024, 5, 31),
        ("developpement-economique", "climat-environnement"),
        partner="MX",
        countries=("MX",),
    ),
]


def L(french, partner, country, title, theme, amount=None):  # noqa: N802 - a laureate row
    return {
        "french_authority": french,
        "partner_authority": partner,
        "country": country,
        "project_title": title,
        "theme": theme,
        "amount": amount,
    }


HISTORICAL = [
    call(
        "franco-mexicain-2020",
        T(
            "Appel à projets franco-mexicain 2020",
            en="French-Mexican call for projects 2020",
            es="Convocatoria franco-mexicana 2020",
        ),
        T(
            "Neuvième appel conjoint avec le ministère mexicain des Relations extérieures : développement économique, inclusion, renforcement des capacités, développement durable et, depuis la pandémie, santé.",
            en="Ninth joint call with the Mexican Ministry of Foreign Affairs: economic development, inclusion, capacity building, sustainable development and, since the pandemic, health.",
            es="Novena convocatoria conjunta con la Secretaría de Relaciones Exteriores de México: desarrollo económico, inclusión, fortalecimiento de capacidades, desarrollo sostenible y, desde la pandemia, salud.",
        ),
        BILATERAL,
        2020,
        D(2020, 1, 20),
        D(2020, 9, 20),
        ("developpement-economique", "sante", "climat-environnement"),
        partner="MX",
        countries=("MX",),
        original_closing_date=D(2020, 7, 31),
        laureates=[
            L(
                "Communauté d’agglomération de La Rochelle",
                "État de Campeche",
                "MX",
                "Tourisme durable et valorisation du patrimoine littoral",
                "developpement-economique",
                Decimal("40000"),
            ),
            L(
                "Brest Métropole",
                "Xalapa",
                "MX",
                "Gestion de l’eau et protection des bassins versants",
                "eau-assainissement",
                Decimal("35000"),
            ),
            L(
                "Communauté d’agglomération du Pays Nord Martinique",
                "San Cristóbal de Las Casas",
                "MX",
                "Échanges culturels et artisanat d’art",
                "culture",
                Decimal("30000"),
            ),
            L(
                "Orange",
                "Zacatecas",
                "MX",
                "Énergie renouvelable dans les équipements municipaux",
                "energie",
                Decimal("30000"),
            ),
        ],
        translated=True,
    ),
    call(
        "franco-libanais-2020-tranche-2",
        "Fonds conjoint franco-libanais 2019-2021 – 2e tranche (2020)",
        "Deuxième tranche du fonds triennal : consolider les partenariats, favoriser de nouvelles coopérations et former les agents et élus des municipalités libanaises. Délai prolongé jusqu’au 10 juin 2020 pour les communes et intercommunalités, en raison des élections municipales.",
        BILATERAL,
        2020,
        D(2019, 12, 4),
        D(2020, 6, 10),
        ("gouvernance-locale", "education"),
        partner="LB",
        countries=("LB",),
        programme="2019-2021",
        tranche=2,
        original_closing_date=D(2020, 3, 10),
        laureates=[
            L(
                "Ville de Lyon",
                "Municipalité de Beyrouth",
                "LB",
                "Formation des agents aux services urbains",
                "gouvernance-locale",
            ),
            L(
                "Département de l’Hérault",
                "Union des municipalités de Jezzine",
                "LB",
                "Filières agricoles et circuits courts",
                "securite-alimentaire",
            ),
            L(
                "Ville de Nantes",
                "Municipalité de Tyr",
                "LB",
                "Valorisation du patrimoine du centre historique",
                "patrimoine",
            ),
        ],
    ),
    call(
        "franco-libanais-2021-tranche-3",
        "Fonds conjoint franco-libanais 2019-2021 – 3e tranche (2021)",
        "Troisième tranche du fonds triennal, axée sur la formation des agents et élus des municipalités libanaises, la gestion de la crise sanitaire et l’appui social.",
        BILATERAL,
        2021,
        D(2020, 12, 1),
        D(2021, 3, 15),
        ("gouvernance-locale", "sante"),
        partner="LB",
        countries=("LB",),
        programme="2019-2021",
        tranche=3,
        committee_date=D(2021, 4, 8),
        laureates=[
            L(
                "Métropole Aix-Marseille-Provence",
                "Municipalité de Saïda",
                "LB",
                "Gestion des déchets et propreté urbaine",
                "dechets",
            ),
            L(
                "Région Île-de-France",
                "Union des municipalités du Kesrouan-Ftouh",
                "LB",
                "Formation des agents territoriaux",
                "gouvernance-locale",
            ),
            L("Ville de Rennes", "Municipalité de Zahlé", "LB", "Appui social aux personnes vulnérables", "sante"),
            L(
                "Communauté urbaine de Dunkerque",
                "Municipalité de Byblos",
                "LB",
                "Jeunesse et formation professionnelle",
                "jeunesse",
            ),
        ],
    ),
    call(
        "franco-marocain-2020-tranche-2",
        "Fonds conjoint franco-marocain 2019-2021 – 2e tranche (2020)",
        "Deuxième tranche du fonds conjoint avec le ministère marocain de l’Intérieur : gouvernance territoriale, services publics locaux, développement durable et tourisme.",
        BILATERAL,
        2020,
        D(2019, 12, 9),
        D(2020, 3, 31),
        ("gouvernance-locale", "developpement-urbain"),
        partner="MA",
        countries=("MA",),
        programme="2019-2021",
        tranche=2,
        laureates=[
            L(
                "Région Occitanie",
                "Région Fès-Meknès",
                "MA",
                "Planification et aménagement du territoire",
                "developpement-urbain",
            ),
            L(
                "Département des Yvelines",
                "Province de Sidi Bennour",
                "MA",
                "Agriculture durable et sécurité alimentaire",
                "securite-alimentaire",
            ),
            L(
                "Ville de Bordeaux",
                "Commune de Casablanca",
                "MA",
                "Transformation numérique des services aux citoyens",
                "numerique",
            ),
            L(
                "Région Centre-Val de Loire",
                "Région Marrakech-Safi",
                "MA",
                "Tourisme durable et produits du terroir",
                "developpement-economique",
            ),
            L(
                "Ville de Montpellier",
                "Commune de Fès",
                "MA",
                "Valorisation de la médina et des espaces publics",
                "patrimoine",
            ),
            L(
                "Département de la Seine-Saint-Denis",
                "Province de Figuig",
                "MA",
                "Jeunesse et insertion professionnelle",
                "jeunesse",
            ),
            L(
                "Métropole de Lyon",
                "Commune de Beni Mellal",
                "MA",
                "Formation des agents aux services publics locaux",
                "gouvernance-locale",
            ),
            L(
                "Ville d’Orléans",
                "Commune d’Agadir",
                "MA",
                "Lutte contre la pollution et gestion des déchets",
                "dechets",
            ),
        ],
    ),
    call(
        "franco-marocain-2021-tranche-3",
        "Fonds conjoint franco-marocain 2019-2021 – 3e tranche (2021)",
        "Troisième tranche du fonds conjoint : neuf thèmes prioritaires dans le cadre de la régionalisation avancée, tous attentifs à l’égalité entre les femmes et les hommes.",
        BILATERAL,
        2021,
        D(2020, 12, 14),
        D(2021, 3, 16),
        ("gouvernance-locale", "egalite-femmes-hommes"),
        partner="MA",
        countries=("MA",),
        programme="2019-2021",
        tranche=3,
        committee_date=D(2021, 4, 8),
        laureates=[
            L(
                "Région Bretagne",
                "Région Souss-Massa",
                "MA",
                "Régionalisation et gouvernance territoriale",
                "gouvernance-locale",
            ),
            L("Ville de Lille", "Commune d’Oujda", "MA", "Digitalisation des services publics", "numerique"),
            L(
                "Département du Val-de-Marne",
                "Province de Chefchaouen",
                "MA",
                "Tourisme durable et patrimoine",
                "patrimoine",
            ),
        ],
    ),
    call(
        "generaliste-2021",
        "Appel à projets Généraliste 2021",
        "Appel à projets annuel pour les projets de coopération décentralisée qui ne relèvent pas des appels bilatéraux ou thématiques. Seize lauréats retenus par le comité de sélection du 14 avril 2021.",
        GENERALIST,
        2021,
        D(2020, 12, 7),
        D(2021, 3, 31),
        ("climat-environnement", "gouvernance-locale", "culture"),
        committee_date=D(2021, 4, 14),
        laureates=[
            L(
                "Ville du Lamentin",
                "Municipalité de Cienfuegos",
                "CU",
                "25 ans de coopération : culture et patrimoine",
                "culture",
            ),
            L(
                "Communauté d’agglomération de Cergy-Pontoise",
                "Ville de Porto-Novo",
                "BJ",
                "Gestion urbaine et assainissement",
                "eau-assainissement",
            ),
            L(
                "Département de la Savoie",
                "Commune de Ouahigouya",
                "BF",
                "Accès à l’eau potable en milieu rural",
                "eau-assainissement",
            ),
            L(
                "Ville de Chambéry",
                "Commune de Kaya",
                "BF",
                "Gestion locale de l’environnement",
                "climat-environnement",
            ),
            L(
                "Région Grand Est",
                "Région de Kayes",
                "ML",
                "Appui institutionnel aux collectivités",
                "gouvernance-locale",
            ),
            L(
                "Département du Nord",
                "Commune de Rosso",
                "MR",
                "Agriculture durable dans la vallée du fleuve",
                "securite-alimentaire",
            ),
            L("Ville de Besançon", "Commune de Douroula", "BF", "Éducation et formation", "education"),
            L("Région Nouvelle-Aquitaine", "Région de Diana", "MG", "Biodiversité et énergie", "energie"),
            L("Ville de Grenoble", "Commune de Sfax", "TN", "Mobilité durable", "developpement-urbain"),
            L(
                "Département de l’Essonne",
                "Commune de Dschang",
                "CM",
                "Développement économique local",
                "developpement-economique",
            ),
            L("Ville de Niort", "Commune de Atakpamé", "TG", "Santé communautaire", "sante"),
            L("Ville de Poitiers", "Commune de Saint-Louis", "SN", "Francophonie et lecture publique", "culture"),
            L("Ville de Strasbourg", "Ville de Douala", "CM", "Gestion des déchets", "dechets"),
            L(
                "Département de l’Ille-et-Vilaine",
                "Province de Hải Dương",
                "VN",
                "Économie durable et agriculture",
                "developpement-economique",
            ),
            L("Ville de Limoges", "Commune de Siem Reap", "KH", "Patrimoine et tourisme", "patrimoine"),
            L(
                "Ville de Lille",
                "Commune de Erevan",
                "AM",
                "Gouvernance locale et participation citoyenne",
                "gouvernance-locale",
            ),
        ],
    ),
    call(
        "franco-senegalais-2021",
        "Appel à projets franco-sénégalais 2021",
        "Septième appel à projets en soutien aux partenariats entre collectivités territoriales françaises et sénégalaises, pour des projets de 12 ou 24 mois.",
        BILATERAL,
        2021,
        D(2021, 1, 15),
        D(2021, 3, 31),
        ("gouvernance-locale",),
        partner="SN",
        countries=("SN",),
    ),
    call(
        "franco-tunisien-2021",
        "Appel à projets franco-tunisien 2021",
        "Formation des cadres territoriaux tunisiens : aménagement, environnement et littoral, patrimoine, gouvernance locale et gestion de la crise sanitaire.",
        BILATERAL,
        2021,
        D(2021, 2, 2),
        D(2021, 5, 28),
        ("gouvernance-locale", "patrimoine"),
        partner="TN",
        countries=("TN",),
        committee_date=D(2021, 6, 16),
    ),
]

# Current editions: (slug prefix, title, summary, type, themes, opening offset, closing offset, extra)
CURRENT = [
    (
        "generaliste",
        T(
            "Appel à projets Généraliste {year}",
            en="General call for projects {year}",
            es="Convocatoria general {year}",
            ar="الدعوة العامة لتقديم المشاريع {year}",
        ),
        T(
            "Cofinancement des projets de coopération décentralisée qui ne relèvent d’aucun appel géographique ou thématique.",
            en="Co-financing of decentralised cooperation projects not covered by any geographic or thematic call.",
            es="Cofinanciación de proyectos de cooperación descentralizada no cubiertos por ninguna convocatoria geográfica o temática.",
            ar="تمويل مشترك لمشاريع التعاون اللامركزي التي لا تشملها أي دعوة جغرافية أو موضوعاتية.",
        ),
        GENERALIST,
        ("gouvernance-locale", "climat-environnement"),
        -40,
        70,
        {},
    ),
    (
        "jeunesse",
        T(
            "Appel à projets Jeunesse {year}",
            en="Youth call for projects {year}",
            es="Convocatoria Juventud {year}",
            ar="دعوة الشباب لتقديم المشاريع {year}",
        ),
        T(
            "Jeunesse et volontariat, éducation de base et formation professionnelle : soutien aux projets des collectivités et de leurs partenaires.",
            en="Youth and volunteering, basic education and vocational training: support for the projects of local authorities and their partners.",
            es="Juventud y voluntariado, educación básica y formación profesional: apoyo a los proyectos de los gobiernos locales y sus socios.",
            ar="الشباب والتطوع والتعليم الأساسي والتكوين المهني: دعم مشاريع الجماعات المحلية وشركائها.",
        ),
        THEMATIC,
        ("jeunesse", "education"),
        -20,
        9,
        {},
    ),
    (
        "franco-tunisien",
        T(
            "Dispositif conjoint franco-tunisien {year}",
            en="French-Tunisian joint fund {year}",
            es="Fondo conjunto franco-tunecino {year}",
            ar="الآلية المشتركة الفرنسية التونسية {year}",
        ),
        T(
            "Formation des cadres territoriaux tunisiens et nouvelles coopérations entre collectivités tunisiennes et françaises. Date limite prolongée.",
            en="Training for Tunisian local officials and new partnerships between Tunisian and French local authorities. Deadline extended.",
            es="Formación de cuadros territoriales tunecinos y nuevas cooperaciones entre gobiernos locales tunecinos y franceses. Plazo ampliado.",
            ar="تكوين أطر الجماعات المحلية التونسية وشراكات جديدة بين الجماعات التونسية والفرنسية. تم تمديد الأجل.",
        ),
        BILATERAL,
        ("gouvernance-locale", "patrimoine"),
        -80,
        20,
        {"partner": "TN", "countries": ("TN",), "original_offset": -5},
    ),
    (
        "franco-senegalais",
        T(
            "Dispositif conjoint franco-sénégalais {year}",
            en="French-Senegalese joint fund {year}",
            es="Fondo conjunto franco-senegalés {year}",
            ar="الآلية المشتركة الفرنسية السنغالية {year}",
        ),
        T(
            "Consolider les partenariats existants et soutenir le développement territorial et la décentralisation au Sénégal.",
            en="Strengthening existing partnerships and supporting territorial development and decentralisation in Senegal.",
            es="Consolidar las alianzas existentes y apoyar el desarrollo territorial y la descentralización en Senegal.",
            ar="تعزيز الشراكات القائمة ودعم التنمية الترابية واللامركزية في السنغال.",
        ),
        BILATERAL,
        ("gouvernance-locale",),
        -15,
        45,
        {"partner": "SN", "countries": ("SN",)},
    ),
    (
        "numerique",
        T(
            "Appel à projets Numérique inclusif et responsable {year}",
            en="Inclusive and responsible digital call {year}",
            es="Convocatoria Digital inclusivo y responsable {year}",
            ar="دعوة الرقمنة الشاملة والمسؤولة {year}",
        ),
        T(
            "Accessibilité numérique, sobriété et numérique protecteur au service des citoyens.",
            en="Digital accessibility, low-impact and protective digital services for citizens.",
            es="Accesibilidad digital, sobriedad y un entorno digital protector al servicio de la ciudadanía.",
            ar="إتاحة رقمية ورقمنة مقتصدة وحامية في خدمة المواطنين.",
        ),
        THEMATIC,
        ("numerique",),
        30,
        120,
        {},
    ),
    (
        "franco-quebecois",
        T(
            "Fonds franco-québécois pour la coopération décentralisée {year}",
            en="French-Quebec fund for decentralised cooperation {year}",
            es="Fondo franco-quebequense de cooperación descentralizada {year}",
            ar="الصندوق الفرنسي الكيبكي للتعاون اللامركزي {year}",
        ),
        T(
            "Appel à projets biennal du fonds géré à parité avec le ministère québécois des Relations internationales et de la Francophonie.",
            en="Two-year call of the fund run jointly with Quebec’s Ministry of International Relations and La Francophonie.",
            es="Convocatoria bienal del fondo gestionado a partes iguales con el ministerio quebequense de Relaciones Internacionales y Francofonía.",
            ar="دعوة كل سنتين للصندوق المسيّر بالتساوي مع وزارة العلاقات الدولية والفرنكوفونية في كيبك.",
        ),
        BILATERAL,
        ("developpement-economique", "climat-environnement"),
        50,
        140,
        {"partner": "CA", "countries": ("CA",)},
    ),
    (
        "securite-alimentaire",
        T("Appel à projets Sécurité alimentaire {year}"),
        T("Systèmes alimentaires durables, territorialisation des productions et circuits courts."),
        THEMATIC,
        ("securite-alimentaire",),
        -150,
        -30,
        {"committee_offset": 20},
    ),
]


def body_for(summary):
    return [("paragraph", f"<p>{escape(summary)}</p>")]


def build_call(index, spec, themes, countries):
    existing = index.get_children().filter(slug=spec["slug"]).specific().first()
    if existing:
        return existing, False
    page = CallPage(
        title=spec["title"].fr,
        slug=spec["slug"],
        summary=spec["summary"].fr,
        body=body_for(spec["summary"].fr),
        call_type=spec["call_type"],
        edition_year=spec["edition_year"],
        opening_date=spec["opening_date"],
        closing_date=spec["closing_date"],
        original_closing_date=spec.get("original_closing_date"),
        committee_date=spec.get("committee_date"),
        programme=spec.get("programme", ""),
        tranche=spec.get("tranche"),
        eligible_zone=spec.get("eligible_zone", ""),
        application_method=spec.get("application_method", "online"),
        application_url=CNCD if spec.get("application_method", "online") == "online" else "",
        application_instructions=spec.get("application_instructions", ""),
        partner_country=countries.get(spec.get("partner")),
        **CONTACT,
    )
    page.themes = [themes[slug] for slug in spec["themes"] if slug in themes]
    page.countries = [countries[code] for code in spec.get("countries", ()) if code in countries]
    page.laureates = [
        Laureate(
            sort_order=number,
            french_authority=row["french_authority"],
            partner_authority=row["partner_authority"],
            country=countries.get(row["country"]),
            project_title=row["project_title"],
            theme=themes.get(row["theme"]),
            amount=row["amount"],
        )
        for number, row in enumerate(spec.get("laureates", []))
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def current_specs(today):
    specs = []
    for prefix, title, summary, call_type, theme_slugs, opening, closing, extra in CURRENT:
        closing_date = today + datetime.timedelta(days=closing)
        year = closing_date.year
        spec = call(
            f"{prefix}-{year}",
            T(
                *(
                    getattr(title, code).format(year=year) if getattr(title, code) else ""
                    for code in ("fr", "en", "es", "ar")
                )
            ),
            summary,
            call_type,
            year,
            today + datetime.timedelta(days=opening),
            closing_date,
            theme_slugs,
            partner=extra.get("partner"),
            countries=extra.get("countries", ()),
            translated=bool(summary.en),
        )
        if "original_offset" in extra:
            spec["original_closing_date"] = today + datetime.timedelta(days=extra["original_offset"])
        if "committee_offset" in extra:
            spec["committee_date"] = today + datetime.timedelta(days=extra["committee_offset"])
        specs.append(spec)
    return specs


def ensure_page(parent, model, slug, **fields):
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


# News items of the news demo (loaded before this one) that announce a call or its laureates.
NEWS_LINKS = {
    "laureats-generaliste-2021": "generaliste-2021",
    "laureats-maroc-3e-tranche-2021": "franco-marocain-2021-tranche-3",
    "laureats-liban-3e-tranche-2021": "franco-libanais-2021-tranche-3",
    "aap-franco-libanais-2024": "franco-libanais-2024",
    "aap-patrimoine-2024": "patrimoine-2024",
    "aap-numerique-2024": "numerique-2024",
    "aap-amerique-latine-caraibes-2024": "amerique-latine-caraibes-2024",
}


def link_news(index):
    """Point the French demo news items at their call (the call page lists them)."""
    try:
        from news.models import NewsPage
    except ImportError:
        return
    if not hasattr(NewsPage, "related_call"):
        return
    calls = {page.slug: page for page in CallPage.objects.child_of(index)}
    news_items = NewsPage.objects.filter(locale=index.locale, slug__in=NEWS_LINKS, related_call__isnull=True)
    for item in news_items:
        call = calls.get(NEWS_LINKS[item.slug])
        if call is not None:
            item.related_call = call
            item.save_revision().publish()


def load(home):
    """Create the call list, the laureates page and the calls; translate some. Returns {"calls": index}."""
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=home.locale)}
    countries = {country.iso_code: country for country in Country.objects.all()}
    index = ensure_page(
        home, CallIndexPage, "appels-a-projets", title=INDEX["title"].fr, intro=INDEX["intro"].fr, show_in_menus=True
    )
    laureates_page = ensure_page(
        index, LaureatesPage, "laureats", title=LAUREATES["title"].fr, intro=LAUREATES["intro"].fr
    )
    # The parent index is translated before its children (wagtail-localize needs the parent).
    for code in TRANSLATED_LANGUAGES:
        translate(index, code, list(INDEX.values()))
        translate(laureates_page, code, list(LAUREATES.values()))
    specs = HISTORICAL + CALLS_2024 + current_specs(timezone.localdate())
    for spec in specs:
        page, created = build_call(index, spec, themes, countries)
        if spec.get("translated") and (created or page.get_translations().count() < len(TRANSLATED_LANGUAGES)):
            for code in TRANSLATED_LANGUAGES:
                translate(page, code, [spec["title"], spec["summary"]])
    link_news(index)
    return {"calls": index}

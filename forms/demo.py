"""Demo content of the intake: the Bourse partenariats and EXPE-CT pages (translated), a few
dozen published offers across countries and themes, labelled authorities, pending records.

Idempotent: pages are looked up by slug, records by reference-free natural keys (authority and
title). Contacts are invented, with example.org addresses.
"""

from django.utils import timezone
from django.utils.html import escape

from forms.models import (
    BourseIndexPage,
    ExpertiseLabelRequest,
    LabelledAuthoritiesPage,
    LabelRequestFormPage,
    OfferFormPage,
    PartnershipOffer,
    ReferenceCounter,
    StatusChange,
)
from home.demo import add_child
from portal.demo import TRANSLATED_LANGUAGES, T, translate
from portal.models import Country, Theme

DEMO_COMMENT = "Données de démonstration"

BOURSE = {
    "title": T("Bourse partenariats", en="Partnership exchange", es="Bolsa de asociaciones", ar="بورصة الشراكات"),
    "intro": T(
        "Des collectivités locales de nos pays partenaires cherchent une collectivité française pour coopérer. "
        "Les offres sont transmises par les ambassades de France et vérifiées par la délégation.",
        en="Local authorities of our partner countries are looking for a French authority to cooperate with. "
        "The offers are sent by the French embassies and checked by the delegation.",
        es="Autoridades locales de nuestros países socios buscan una colectividad francesa para cooperar. "
        "Las ofertas las envían las embajadas de Francia y las revisa la delegación.",
        ar="تبحث سلطات محلية في البلدان الشريكة عن جماعة فرنسية للتعاون معها. "
        "ترسل سفارات فرنسا العروض وتراجعها المندوبية.",
    ),
}
OFFER_FORM = {
    "title": T(
        "Proposer une offre de partenariat",
        en="Propose a partnership offer",
        es="Proponer una oferta de asociación",
        ar="اقتراح عرض شراكة",
    ),
    "intro": T(
        "Ce formulaire est destiné aux ambassades de France qui présentent la demande d’une collectivité locale "
        "étrangère. L’offre est publiée après vérification.",
        en="This form is for French embassies presenting the request of a foreign local authority. "
        "The offer is published once checked.",
        es="Este formulario está destinado a las embajadas de Francia que presentan la solicitud de una "
        "autoridad local extranjera. La oferta se publica tras su revisión.",
        ar="هذه الاستمارة مخصصة لسفارات فرنسا التي تقدم طلب سلطة محلية أجنبية. يُنشر العرض بعد التحقق منه.",
    ),
    "thanks": T(
        "La délégation examine les offres chaque mois. Vous serez informé de la publication.",
        en="The delegation reviews the offers every month. You will be told when it is published.",
        es="La delegación examina las ofertas cada mes. Se le informará de su publicación.",
        ar="تدرس المندوبية العروض كل شهر. سيتم إعلامكم بنشرها.",
    ),
}
LABELLED = {
    "title": T("Label EXPE-CT", en="EXPE-CT label", es="Sello EXPE-CT", ar="علامة EXPE-CT"),
    "intro": T(
        "Le label EXPE-CT reconnaît l’expertise d’une collectivité territoriale française dans un domaine, pour "
        "trois ans. Les collectivités labellisées peuvent être sollicitées pour des missions courtes ou longues.",
        en="The EXPE-CT label recognises the expertise of a French local authority in a field, for three years. "
        "Labelled authorities can be asked for short or longer missions.",
        es="El sello EXPE-CT reconoce la pericia de una colectividad territorial francesa en un ámbito, durante "
        "tres años. Las colectividades con sello pueden ser solicitadas para misiones cortas o largas.",
        ar="تعترف علامة EXPE-CT بخبرة جماعة ترابية فرنسية في مجال ما لمدة ثلاث سنوات. "
        "يمكن طلب الجماعات الحاصلة على العلامة لمهام قصيرة أو طويلة.",
    ),
}
LABEL_FORM = {
    "title": T(
        "Demander le label EXPE-CT",
        en="Request the EXPE-CT label",
        es="Solicitar el sello EXPE-CT",
        ar="طلب علامة EXPE-CT",
    ),
    "intro": T(
        "Les demandes sont examinées au fil de l’eau par le comité de labellisation. Décrivez vos compétences, "
        "ce qui les fonde et les conditions dans lesquelles elles peuvent être mobilisées.",
        en="Requests are examined as they come by the labelling committee. Describe your competences, what "
        "supports them and the conditions under which they can be mobilised.",
        es="El comité de etiquetado examina las solicitudes a medida que llegan. Describa sus competencias, "
        "lo que las respalda y las condiciones en que pueden movilizarse.",
        ar="تدرس لجنة منح العلامة الطلبات فور وصولها. صِفوا كفاءاتكم وما يدعمها وشروط تعبئتها.",
    ),
    "thanks": T(
        "Le comité de labellisation vous informera de sa décision.",
        en="The labelling committee will tell you of its decision.",
        es="El comité de etiquetado le informará de su decisión.",
        ar="ستبلغكم لجنة منح العلامة بقرارها.",
    ),
}

# iso, authority, type, region, population, latitude, longitude, themes, title, language
OFFERS = [
    (
        "SN",
        "Commune de Saint-Louis",
        "municipality",
        "Saint-Louis",
        254000,
        16.03,
        -16.49,
        ["patrimoine", "culture"],
        "Valorisation du patrimoine de l’île de Saint-Louis",
        "fr",
    ),
    (
        "SN",
        "Département de Podor",
        "province",
        "Saint-Louis",
        390000,
        16.65,
        -14.96,
        ["eau-assainissement"],
        "Accès à l’eau potable dans les villages du fleuve",
        "fr",
    ),
    (
        "SN",
        "Commune de Ziguinchor",
        "municipality",
        "Casamance",
        205000,
        12.56,
        -16.27,
        ["dechets", "climat-environnement"],
        "Collecte et valorisation des déchets ménagers",
        "fr",
    ),
    (
        "BF",
        "Commune de Koudougou",
        "municipality",
        "Centre-Ouest",
        160000,
        12.25,
        -2.36,
        ["education", "jeunesse"],
        "Formation professionnelle des jeunes aux métiers du bâtiment",
        "fr",
    ),
    (
        "BF",
        "Région du Centre-Est",
        "region",
        "Centre-Est",
        1600000,
        11.78,
        -0.37,
        ["securite-alimentaire"],
        "Filières maraîchères et sécurité alimentaire",
        "fr",
    ),
    (
        "ML",
        "Commune de Ségou",
        "municipality",
        "Ségou",
        180000,
        13.43,
        -6.26,
        ["culture", "developpement-economique"],
        "Artisanat et tourisme culturel au bord du Niger",
        "fr",
    ),
    (
        "NE",
        "Commune de Zinder",
        "municipality",
        "Zinder",
        320000,
        13.81,
        8.99,
        ["sante"],
        "Santé maternelle dans les centres de santé communaux",
        "fr",
    ),
    (
        "BJ",
        "Commune d’Abomey",
        "municipality",
        "Zou",
        120000,
        7.18,
        1.99,
        ["patrimoine"],
        "Restauration des palais royaux et médiation culturelle",
        "fr",
    ),
    (
        "BJ",
        "Commune de Porto-Novo",
        "municipality",
        "Ouémé",
        265000,
        6.50,
        2.60,
        ["developpement-urbain"],
        "Aménagement des berges de la lagune",
        "fr",
    ),
    (
        "TG",
        "Commune de Kpalimé",
        "municipality",
        "Plateaux",
        120000,
        6.90,
        0.63,
        ["developpement-economique", "securite-alimentaire"],
        "Transformation locale du café et du cacao",
        "fr",
    ),
    (
        "CM",
        "Commune de Dschang",
        "municipality",
        "Ouest",
        120000,
        5.44,
        10.05,
        ["gouvernance-locale"],
        "Modernisation de l’état civil communal",
        "fr",
    ),
    (
        "MG",
        "Commune urbaine de Fianarantsoa",
        "municipality",
        "Haute Matsiatra",
        190000,
        -21.45,
        47.09,
        ["eau-assainissement", "sante"],
        "Assainissement des quartiers de la ville haute",
        "fr",
    ),
    (
        "CI",
        "District autonome de Yamoussoukro",
        "region",
        "Yamoussoukro",
        360000,
        6.82,
        -5.28,
        ["sport", "jeunesse"],
        "Équipements sportifs de proximité pour les jeunes",
        "fr",
    ),
    (
        "MA",
        "Commune de Chefchaouen",
        "municipality",
        "Tanger-Tétouan-Al Hoceïma",
        43000,
        35.17,
        -5.27,
        ["patrimoine", "climat-environnement"],
        "Gestion durable de la médina et de ses sources",
        "fr",
    ),
    (
        "MA",
        "Région de l’Oriental",
        "region",
        "Oriental",
        2300000,
        34.68,
        -1.91,
        ["developpement-economique", "numerique"],
        "Incubateur numérique pour les jeunes entreprises",
        "fr",
    ),
    (
        "MA",
        "Commune d’Essaouira",
        "municipality",
        "Marrakech-Safi",
        78000,
        31.51,
        -9.77,
        ["culture"],
        "Échanges de musiciens et festival des cultures",
        "fr",
    ),
    (
        "TN",
        "Commune de Sousse",
        "municipality",
        "Sousse",
        270000,
        35.83,
        10.64,
        ["dechets"],
        "Tri sélectif et compostage des déchets du marché",
        "fr",
    ),
    (
        "TN",
        "Commune de Tozeur",
        "municipality",
        "Tozeur",
        40000,
        33.92,
        8.13,
        ["eau-assainissement", "energie"],
        "Irrigation économe de la palmeraie par l’énergie solaire",
        "fr",
    ),
    (
        "LB",
        "Municipalité de Byblos",
        "municipality",
        "Mont-Liban",
        40000,
        34.12,
        35.65,
        ["patrimoine", "developpement-urbain"],
        "Plan de sauvegarde du centre historique",
        "fr",
    ),
    (
        "LB",
        "Union des municipalités du Chouf",
        "grouping",
        "Mont-Liban",
        200000,
        33.69,
        35.58,
        ["climat-environnement"],
        "Prévention des feux de forêt et reboisement",
        "fr",
    ),
    (
        "PS",
        "Municipalité de Bethléem",
        "municipality",
        "Cisjordanie",
        28000,
        31.70,
        35.20,
        ["culture", "patrimoine"],
        "Accueil des visiteurs et patrimoine vivant",
        "fr",
    ),
    (
        "MX",
        "Municipio de Oaxaca de Juárez",
        "municipality",
        "Oaxaca",
        270000,
        17.07,
        -96.73,
        ["patrimoine", "culture"],
        "Rehabilitación del centro histórico y oficios tradicionales",
        "es",
    ),
    (
        "MX",
        "Municipio de Mérida",
        "municipality",
        "Yucatán",
        920000,
        20.97,
        -89.62,
        ["numerique", "gouvernance-locale"],
        "Gobierno abierto y servicios digitales para la ciudadanía",
        "es",
    ),
    (
        "MX",
        "Estado de Campeche",
        "region",
        "Campeche",
        930000,
        19.85,
        -90.53,
        ["climat-environnement"],
        "Resiliencia costera frente al cambio climático",
        "es",
    ),
    (
        "CL",
        "Municipalidad de Valparaíso",
        "municipality",
        "Valparaíso",
        300000,
        -33.05,
        -71.62,
        ["developpement-urbain", "patrimoine"],
        "Movilidad en los cerros de la ciudad patrimonial",
        "es",
    ),
    (
        "AR",
        "Municipalidad de Rosario",
        "municipality",
        "Santa Fe",
        950000,
        -32.95,
        -60.65,
        ["egalite-femmes-hommes"],
        "Igualdad de género en el empleo municipal",
        "es",
    ),
    (
        "BR",
        "Prefeitura de Recife",
        "municipality",
        "Pernambuco",
        1650000,
        -8.05,
        -34.88,
        ["developpement-urbain", "eau-assainissement"],
        "Requalification des canaux urbains",
        "fr",
    ),
    (
        "HT",
        "Commune de Jacmel",
        "municipality",
        "Sud-Est",
        140000,
        18.23,
        -72.53,
        ["culture", "jeunesse"],
        "École de musique et d’arts de la rue",
        "fr",
    ),
    (
        "VN",
        "Province de Hué (Thừa Thiên Huế)",
        "province",
        "Centre",
        1150000,
        16.46,
        107.59,
        ["patrimoine", "developpement-urbain"],
        "Gestion du patrimoine de la citadelle impériale",
        "fr",
    ),
    (
        "KH",
        "Province de Siem Reap",
        "province",
        "Siem Reap",
        1000000,
        13.36,
        103.86,
        ["eau-assainissement"],
        "Réseau d’eau potable des communes rurales",
        "fr",
    ),
    (
        "LA",
        "Province de Luang Prabang",
        "province",
        "Nord",
        430000,
        19.89,
        102.14,
        ["securite-alimentaire", "developpement-economique"],
        "Agriculture biologique et marchés de producteurs",
        "fr",
    ),
    (
        "AM",
        "Communauté de Goris",
        "municipality",
        "Syunik",
        20000,
        39.51,
        46.34,
        ["developpement-economique", "egalite-femmes-hommes"],
        "Entrepreneuriat des femmes en zone de montagne",
        "fr",
    ),
    (
        "UA",
        "Ville de Tchernivtsi",
        "municipality",
        "Tchernivtsi",
        265000,
        48.29,
        25.94,
        ["gouvernance-locale", "energie"],
        "Rénovation énergétique des écoles municipales",
        "fr",
    ),
]

PENDING_OFFERS = [
    (
        "SN",
        "Commune de Kaolack",
        "municipality",
        "Kaolack",
        230000,
        14.15,
        -16.07,
        ["securite-alimentaire"],
        "Marché de gros et chaîne du froid",
        "fr",
        "submitted",
    ),
    (
        "MX",
        "Municipio de Puebla",
        "municipality",
        "Puebla",
        1690000,
        19.04,
        -98.21,
        ["numerique"],
        "Ciudad inteligente y datos abiertos",
        "es",
        "under_review",
    ),
    (
        "TN",
        "Commune de Kairouan",
        "municipality",
        "Kairouan",
        190000,
        35.68,
        10.10,
        ["patrimoine"],
        "Restauration des citernes aghlabides",
        "fr",
        "submitted",
    ),
]

DESCRIPTIONS = {
    "fr": (
        "{authority} souhaite construire une coopération durable avec une collectivité française autour du projet "
        "« {title} ». Le projet répond à un besoin exprimé par les habitants et s’inscrit dans le plan de "
        "développement local adopté par le conseil. L’ambassade accompagne la démarche."
    ),
    "es": (
        "{authority} desea construir una cooperación duradera con una colectividad francesa en torno al proyecto "
        "«{title}». El proyecto responde a una necesidad de los habitantes y forma parte del plan de desarrollo "
        "local aprobado por el concejo. La embajada acompaña la iniciativa."
    ),
}
PARTNERS = {
    "fr": "Une collectivité française ayant une expérience dans ce domaine, prête à des échanges d’agents et d’élus.",
    "es": "Una colectividad francesa con experiencia en este ámbito, dispuesta a intercambios de técnicos y electos.",
}

# authority, type, siren, department, themes, competences, status
LABEL_REQUESTS = [
    (
        "Ville de La Rochelle",
        "commune",
        "211703004",
        "17",
        ["climat-environnement", "developpement-urbain"],
        "Adaptation du littoral au changement climatique, gestion des zones humides urbaines.",
        "labelled",
    ),
    (
        "Brest Métropole",
        "intercommunality",
        "242900314",
        "29",
        ["eau-assainissement"],
        "Gestion publique de l’eau et de l’assainissement, maîtrise d’ouvrage des réseaux.",
        "labelled",
    ),
    (
        "Département de la Gironde",
        "department",
        "",
        "33",
        ["securite-alimentaire", "developpement-economique"],
        "Circuits courts, restauration collective et appui aux filières agricoles.",
        "labelled",
    ),
    (
        "Région Occitanie",
        "region",
        "200053791",
        "",
        ["education", "jeunesse"],
        "Formation professionnelle, apprentissage et mobilité internationale des jeunes.",
        "labelled",
    ),
    (
        "Communauté urbaine de Dunkerque",
        "intercommunality",
        "245900428",
        "59",
        ["dechets", "energie"],
        "Traitement et valorisation des déchets, réseaux de chaleur.",
        "labelled",
    ),
    (
        "Ville d’Orange",
        "commune",
        "218400877",
        "84",
        ["patrimoine"],
        "Gestion d’un site inscrit au patrimoine mondial et médiation culturelle.",
        "submitted",
    ),
    (
        "Département de La Réunion",
        "overseas",
        "",
        "974",
        ["sante"],
        "Veille sanitaire et lutte contre les maladies vectorielles.",
        "under_review",
    ),
]


def ensure_pages(home):
    bourse = add_child(
        home,
        BourseIndexPage(
            title=BOURSE["title"].fr,
            slug="bourse-partenariats",
            intro=f"<p>{escape(BOURSE['intro'].fr)}</p>",
            show_in_menus=True,
        ),
    )
    offer_form = add_child(
        bourse,
        OfferFormPage(
            title=OFFER_FORM["title"].fr,
            slug="proposer-une-offre",
            intro=f"<p>{escape(OFFER_FORM['intro'].fr)}</p>",
            thank_you_text=f"<p>{escape(OFFER_FORM['thanks'].fr)}</p>",
        ),
    )
    labelled = add_child(
        home,
        LabelledAuthoritiesPage(
            title=LABELLED["title"].fr,
            slug="label-expe-ct",
            intro=f"<p>{escape(LABELLED['intro'].fr)}</p>",
            show_in_menus=True,
        ),
    )
    label_form = add_child(
        labelled,
        LabelRequestFormPage(
            title=LABEL_FORM["title"].fr,
            slug="demander-le-label",
            intro=f"<p>{escape(LABEL_FORM['intro'].fr)}</p>",
            thank_you_text=f"<p>{escape(LABEL_FORM['thanks'].fr)}</p>",
        ),
    )
    for page, texts in ((bourse, BOURSE), (offer_form, OFFER_FORM), (labelled, LABELLED), (label_form, LABEL_FORM)):
        for code in TRANSLATED_LANGUAGES:
            translate(page, code, list(texts.values()))
    return bourse, labelled


def create_record(model, status, **fields):
    """A record as if submitted, then moved to ``status`` by a reviewer (history included)."""
    themes = fields.pop("themes")
    record = model(status=model.Status.SUBMITTED, consent_at=timezone.now(), **fields)
    record.reference = ReferenceCounter.next_reference(model.reference_prefix)
    record.save()
    record.themes.set(themes)
    StatusChange.objects.create(record=record, status=record.status, comment=DEMO_COMMENT)
    if status == "under_review":
        record.change_status(model.Status.UNDER_REVIEW, comment=DEMO_COMMENT)
    elif status in ("published", "labelled"):
        extra = {"label_valid_until": model.default_validity_end()} if model is ExpertiseLabelRequest else {}
        record.change_status(model.Status.PUBLIC, comment=DEMO_COMMENT, **extra)
    return record


def load_offers():
    countries = {country.iso_code: country for country in Country.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="fr")}
    specs = [(*spec, "published") for spec in OFFERS] + PENDING_OFFERS
    for number, (iso, authority, kind, region, population, lat, lng, slugs, title, lang, status) in enumerate(specs):
        if PartnershipOffer.objects.filter(authority_name=authority, project_title=title).exists():
            continue
        create_record(
            PartnershipOffer,
            status,
            language=lang,
            authority_name=authority,
            authority_type=kind,
            country=countries[iso],
            region=region,
            population=population,
            latitude=lat,
            longitude=lng,
            project_title=title,
            description=DESCRIPTIONS[lang].format(authority=authority, title=title),
            partner_sought=PARTNERS[lang],
            working_languages="espagnol, français" if lang == "es" else "français",
            embassy=f"Ambassade de France — service de coopération ({countries[iso].name_fr})",
            embassy_email=f"cooperation.{iso.lower()}@example.org",
            contact_name=f"Personne de contact {number + 1}",
            contact_role="Attaché de coopération",
            contact_email=f"contact{number + 1}@example.org",
            contact_phone="+33 1 00 00 00 00",
            themes=[themes[slug] for slug in slugs if slug in themes],
        )


def load_label_requests():
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="fr")}
    for number, (authority, kind, siren, department, slugs, competences, status) in enumerate(LABEL_REQUESTS):
        if ExpertiseLabelRequest.objects.filter(authority_name=authority).exists():
            continue
        create_record(
            ExpertiseLabelRequest,
            status,
            language="fr",
            authority_name=authority,
            authority_type=kind,
            siren=siren,
            department=department,
            partner_organisations="Université et centre hospitalier du territoire, associations de solidarité.",
            competences=competences,
            supporting_elements="Vingt ans de coopération décentralisée et des équipes techniques dédiées.",
            mobilisation_conditions="Missions courtes (une à deux semaines) ou accueil de délégations ; "
            "toutes zones géographiques.",
            contact_name=f"Chargé de mission {number + 1}",
            contact_role="Relations internationales",
            contact_email=f"international{number + 1}@example.org",
            themes=[themes[slug] for slug in slugs if slug in themes],
        )


def load(home):
    bourse, labelled = ensure_pages(home)
    load_offers()
    load_label_requests()
    return {"bourse": bourse, "expect": labelled}

"""The themes and countries the documents use, in the four languages of the portal.

``seed_taxonomy()`` creates them (French source plus wagtail-localize translations); it is
idempotent and run by the demo loader and by ``manage.py seed_taxonomy`` in production.
"""

from portal.demo import TRANSLATED_LANGUAGES, T, translate

THEMES = [
    (
        "jeunesse",
        T("Jeunesse et volontariat", en="Youth and volunteering", es="Juventud y voluntariado", ar="الشباب والتطوع"),
    ),
    (
        "education",
        T(
            "Éducation et formation professionnelle",
            en="Education and vocational training",
            es="Educación y formación profesional",
            ar="التعليم والتكوين المهني",
        ),
    ),
    ("sport", T("Sport", en="Sport", es="Deporte", ar="الرياضة")),
    (
        "egalite-femmes-hommes",
        T("Égalité femmes-hommes", en="Gender equality", es="Igualdad de género", ar="المساواة بين المرأة والرجل"),
    ),
    ("numerique", T("Numérique", en="Digital", es="Digital", ar="الرقمنة")),
    (
        "securite-alimentaire",
        T("Sécurité alimentaire", en="Food security", es="Seguridad alimentaria", ar="الأمن الغذائي"),
    ),
    ("patrimoine", T("Patrimoine", en="Heritage", es="Patrimonio", ar="التراث")),
    (
        "climat-environnement",
        T("Climat et environnement", en="Climate and environment", es="Clima y medio ambiente", ar="المناخ والبيئة"),
    ),
    (
        "eau-assainissement",
        T("Eau et assainissement", en="Water and sanitation", es="Agua y saneamiento", ar="الماء والتطهير"),
    ),
    ("gouvernance-locale", T("Gouvernance locale", en="Local governance", es="Gobernanza local", ar="الحوكمة المحلية")),
    ("sante", T("Santé", en="Health", es="Salud", ar="الصحة")),
    ("culture", T("Culture", en="Culture", es="Cultura", ar="الثقافة")),
    (
        "developpement-economique",
        T("Développement économique", en="Economic development", es="Desarrollo económico", ar="التنمية الاقتصادية"),
    ),
    (
        "developpement-urbain",
        T("Développement urbain", en="Urban development", es="Desarrollo urbano", ar="التنمية الحضرية"),
    ),
    ("dechets", T("Gestion des déchets", en="Waste management", es="Gestión de residuos", ar="تدبير النفايات")),
    ("energie", T("Énergie", en="Energy", es="Energía", ar="الطاقة")),
]

# iso code, zone, name
COUNTRIES = [
    ("SN", "africa", T("Sénégal", en="Senegal", es="Senegal", ar="السنغال")),
    ("BF", "africa", T("Burkina Faso", en="Burkina Faso", es="Burkina Faso", ar="بوركينا فاسو")),
    ("ML", "africa", T("Mali", en="Mali", es="Malí", ar="مالي")),
    ("NE", "africa", T("Niger", en="Niger", es="Níger", ar="النيجر")),
    ("BJ", "africa", T("Bénin", en="Benin", es="Benín", ar="بنين")),
    ("TG", "africa", T("Togo", en="Togo", es="Togo", ar="توغو")),
    ("CM", "africa", T("Cameroun", en="Cameroon", es="Camerún", ar="الكاميرون")),
    ("MG", "africa", T("Madagascar", en="Madagascar", es="Madagascar", ar="مدغشقر")),
    ("MR", "africa", T("Mauritanie", en="Mauritania", es="Mauritania", ar="موريتانيا")),
    ("CI", "africa", T("Côte d’Ivoire", en="Côte d’Ivoire", es="Costa de Marfil", ar="كوت ديفوار")),
    ("MA", "mena", T("Maroc", en="Morocco", es="Marruecos", ar="المغرب")),
    ("TN", "mena", T("Tunisie", en="Tunisia", es="Túnez", ar="تونس")),
    ("DZ", "mena", T("Algérie", en="Algeria", es="Argelia", ar="الجزائر")),
    ("LB", "mena", T("Liban", en="Lebanon", es="Líbano", ar="لبنان")),
    (
        "PS",
        "mena",
        T(
            "Territoires palestiniens",
            en="Palestinian Territories",
            es="Territorios Palestinos",
            ar="الأراضي الفلسطينية",
        ),
    ),
    ("MX", "americas", T("Mexique", en="Mexico", es="México", ar="المكسيك")),
    ("BR", "americas", T("Brésil", en="Brazil", es="Brasil", ar="البرازيل")),
    ("CL", "americas", T("Chili", en="Chile", es="Chile", ar="تشيلي")),
    ("AR", "americas", T("Argentine", en="Argentina", es="Argentina", ar="الأرجنتين")),
    ("HT", "americas", T("Haïti", en="Haiti", es="Haití", ar="هايتي")),
    ("CU", "americas", T("Cuba", en="Cuba", es="Cuba", ar="كوبا")),
    ("CA", "americas", T("Canada (Québec)", en="Canada (Quebec)", es="Canadá (Quebec)", ar="كندا (كيبك)")),
    ("VN", "asia", T("Vietnam", en="Vietnam", es="Vietnam", ar="فيتنام")),
    ("KH", "asia", T("Cambodge", en="Cambodia", es="Camboya", ar="كمبوديا")),
    ("LA", "asia", T("Laos", en="Laos", es="Laos", ar="لاوس")),
    ("CN", "asia", T("Chine", en="China", es="China", ar="الصين")),
    ("JP", "asia", T("Japon", en="Japan", es="Japón", ar="اليابان")),
    ("IN", "asia", T("Inde", en="India", es="India", ar="الهند")),
    ("RU", "europe", T("Russie", en="Russia", es="Rusia", ar="روسيا")),
    ("AM", "europe", T("Arménie", en="Armenia", es="Armenia", ar="أرمينيا")),
    ("UA", "europe", T("Ukraine", en="Ukraine", es="Ucrania", ar="أوكرانيا")),
    ("DE", "europe", T("Allemagne", en="Germany", es="Alemania", ar="ألمانيا")),
    ("PL", "europe", T("Pologne", en="Poland", es="Polonia", ar="بولندا")),
    ("RO", "europe", T("Roumanie", en="Romania", es="Rumania", ar="رومانيا")),
]


def seed_taxonomy(language_codes=TRANSLATED_LANGUAGES):
    """Create the French themes and countries and their translations; leave existing ones be."""
    from wagtail.models import Locale

    from portal.models import Country, Theme

    french = Locale.objects.get(language_code="fr")
    for slug, name in THEMES:
        theme, created = Theme.objects.get_or_create(slug=slug, locale=french, defaults={"name": name.fr})
        if created or Theme.objects.filter(translation_key=theme.translation_key).count() < 1 + len(language_codes):
            for code in language_codes:
                translate(theme, code, [name])
    for iso_code, zone, name in COUNTRIES:
        country, created = Country.objects.get_or_create(
            iso_code=iso_code, locale=french, defaults={"name": name.fr, "zone": zone}
        )
        if created or Country.objects.filter(translation_key=country.translation_key).count() < 1 + len(language_codes):
            for code in language_codes:
                translate(country, code, [name])

"""The 17 Sustainable Development Goals with their official short names (United Nations, 2030
Agenda) in French, English, Spanish and Arabic: (number, fr, en, es, ar)."""

GOALS = [
    (1, "Pas de pauvreté", "No poverty", "Fin de la pobreza", "القضاء على الفقر"),
    (2, "Faim « zéro »", "Zero hunger", "Hambre cero", "القضاء التام على الجوع"),
    (3, "Bonne santé et bien-être", "Good health and well-being", "Salud y bienestar", "الصحة الجيدة والرفاه"),
    (4, "Éducation de qualité", "Quality education", "Educación de calidad", "التعليم الجيد"),
    (5, "Égalité entre les sexes", "Gender equality", "Igualdad de género", "المساواة بين الجنسين"),
    (
        6,
        "Eau propre et assainissement",
        "Clean water and sanitation",
        "Agua limpia y saneamiento",
        "المياه النظيفة والنظافة الصحية",
    ),
    (
        7,
        "Énergie propre et d’un coût abordable",
        "Affordable and clean energy",
        "Energía asequible y no contaminante",
        "طاقة نظيفة وبأسعار معقولة",
    ),
    (
        8,
        "Travail décent et croissance économique",
        "Decent work and economic growth",
        "Trabajo decente y crecimiento económico",
        "العمل اللائق ونمو الاقتصاد",
    ),
    (
        9,
        "Industrie, innovation et infrastructure",
        "Industry, innovation and infrastructure",
        "Industria, innovación e infraestructura",
        "الصناعة والابتكار والهياكل الأساسية",
    ),
    (10, "Inégalités réduites", "Reduced inequalities", "Reducción de las desigualdades", "الحد من أوجه عدم المساواة"),
    (
        11,
        "Villes et communautés durables",
        "Sustainable cities and communities",
        "Ciudades y comunidades sostenibles",
        "مدن ومجتمعات محلية مستدامة",
    ),
    (
        12,
        "Consommation et production responsables",
        "Responsible consumption and production",
        "Producción y consumo responsables",
        "الاستهلاك والإنتاج المسؤولان",
    ),
    (
        13,
        "Mesures relatives à la lutte contre les changements climatiques",
        "Climate action",
        "Acción por el clima",
        "العمل المناخي",
    ),
    (14, "Vie aquatique", "Life below water", "Vida submarina", "الحياة تحت الماء"),
    (15, "Vie terrestre", "Life on land", "Vida de ecosistemas terrestres", "الحياة في البر"),
    (
        16,
        "Paix, justice et institutions efficaces",
        "Peace, justice and strong institutions",
        "Paz, justicia e instituciones sólidas",
        "السلام والعدل والمؤسسات القوية",
    ),
    (
        17,
        "Partenariats pour la réalisation des objectifs",
        "Partnerships for the goals",
        "Alianzas para lograr los objetivos",
        "عقد الشراكات لتحقيق الأهداف",
    ),
]


def ensure_goals(model=None):
    """Create or correct the 17 goals (the migration does it; a flushed test database needs it again)."""
    if model is None:  # lazy: the migrations import this module and pass their historical model
        from atlas.models import SustainableDevelopmentGoal as model
    for number, fr, en, es, ar in GOALS:
        model.objects.update_or_create(
            number=number, defaults={"name_fr": fr, "name_en": en, "name_es": es, "name_ar": ar}
        )

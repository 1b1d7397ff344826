# ruff: noqa: E501
"""Demo news items (2020–2024) built from the facts of the portal's source documents.

Plain data: every visible string is a ``T``. Items with ``translate`` are translated into those
languages through wagtail-localize; ``event`` gives an event's times (Paris time) and place.
The sentences are written for the demo; no real person is named.
"""

from portal.demo import T

INDEX = {
    "title": T("Actualités", en="News", es="Noticias", ar="الأخبار"),
    "slug": "actualites",
    "intro": T(
        "Appels à projets, lauréats, webinaires et publications de la délégation pour l’action extérieure des collectivités territoriales.",
        en="Calls for projects, laureates, webinars and publications of the delegation for the international action of local authorities.",
        es="Convocatorias, ganadores, seminarios web y publicaciones de la delegación para la acción exterior de los gobiernos locales.",
        ar="الدعوات لتقديم المشاريع والفائزون والندوات الرقمية ومنشورات مندوبية العمل الخارجي للجماعات المحلية.",
    ),
}

ALL = ("en", "es", "ar")

NEWS = [
    {
        "slug": "aap-franco-libanais-2024",
        "date": "2024-03-12",
        "category": "call",
        "title": T(
            "Appel à projets franco-libanais 2024",
            en="Franco-Lebanese call for projects 2024",
            es="Convocatoria franco-libanesa 2024",
            ar="دعوة لتقديم المشاريع الفرنسية اللبنانية 2024",
        ),
        "summary": T(
            "Le ministère et le ministère libanais de l’Intérieur et des municipalités ouvrent l’appel à projets 2024 de la coopération décentralisée franco-libanaise. Candidatures jusqu’au 15 mai 2024.",
            en="The ministry and the Lebanese Ministry of the Interior and Municipalities open the 2024 call for Franco-Lebanese decentralised cooperation. Applications until 15 May 2024.",
            es="El ministerio y el Ministerio libanés del Interior y de los Municipios abren la convocatoria 2024 de la cooperación descentralizada franco-libanesa. Candidaturas hasta el 15 de mayo de 2024.",
            ar="تفتح الوزارة ووزارة الداخلية والبلديات اللبنانية دعوة 2024 للتعاون اللامركزي الفرنسي اللبناني. يمكن تقديم الطلبات حتى 15 مايو 2024.",
        ),
        "body": [
            T(
                "Le dispositif conjoint vise à consolider les partenariats en cours et à favoriser de nouvelles coopérations entre collectivités libanaises et françaises.",
                en="The joint scheme aims to strengthen ongoing partnerships and to encourage new cooperation between Lebanese and French local authorities.",
                es="El dispositivo conjunto busca consolidar las alianzas en curso y favorecer nuevas cooperaciones entre gobiernos locales libaneses y franceses.",
                ar="يهدف الآلية المشتركة إلى تعزيز الشراكات القائمة وتشجيع أشكال تعاون جديدة بين الجماعات المحلية اللبنانية والفرنسية.",
            ),
        ],
        "themes": ["gouvernance-locale"],
        "countries": ["LB"],
        "translate": ALL,
    },
    {
        "slug": "appels-a-projets-2024",
        "date": "2024-01-16",
        "category": "call",
        "title": T(
            "Les appels à projets 2024 en soutien à la coopération décentralisée",
            en="The 2024 calls for projects supporting decentralised cooperation",
            es="Las convocatorias 2024 de apoyo a la cooperación descentralizada",
            ar="دعوات 2024 لتقديم المشاريع دعمًا للتعاون اللامركزي",
        ),
        "summary": T(
            "Douze appels à projets sont annoncés pour 2024 : six thématiques, un généraliste, « Clés en main », Amérique latine et Caraïbes, et trois dispositifs conjoints avec le Sénégal, le Liban et le Mexique.",
            en="Twelve calls are announced for 2024: six thematic calls, a general call, “Turnkey”, Latin America and the Caribbean, and three joint schemes with Senegal, Lebanon and Mexico.",
            es="Se anuncian doce convocatorias para 2024: seis temáticas, una generalista, «Llave en mano», América Latina y el Caribe, y tres dispositivos conjuntos con Senegal, Líbano y México.",
            ar="أُعلن عن اثنتي عشرة دعوة لعام 2024: ست دعوات موضوعاتية ودعوة عامة ودعوة «جاهزة» وأمريكا اللاتينية والكاريبي وثلاث آليات مشتركة مع السنغال ولبنان والمكسيك.",
        ),
        "body": [
            T(
                "Les appels thématiques portent sur la jeunesse, le sport à l’approche des Jeux de Paris 2024, l’égalité femmes-hommes, le numérique inclusif et responsable, la sécurité alimentaire et le patrimoine.",
                en="The thematic calls cover youth, sport ahead of the Paris 2024 Games, gender equality, inclusive and responsible digital technology, food security and heritage.",
                es="Las convocatorias temáticas tratan de juventud, deporte ante los Juegos de París 2024, igualdad de género, digital inclusivo y responsable, seguridad alimentaria y patrimonio.",
                ar="تتناول الدعوات الموضوعاتية الشباب والرياضة قبيل ألعاب باريس 2024 والمساواة بين المرأة والرجل والرقمنة الشاملة والمسؤولة والأمن الغذائي والتراث.",
            ),
            T(
                "Les dossiers se déposent en ligne, sauf pour l’appel « Clés en main » réservé aux associations de collectivités réunissant au moins trois collectivités françaises.",
                en="Applications are filed online, except for the “Turnkey” call, reserved for associations of at least three French local authorities.",
                es="Las solicitudes se presentan en línea, salvo la convocatoria «Llave en mano», reservada a asociaciones de al menos tres gobiernos locales franceses.",
                ar="تُقدَّم الملفات عبر الإنترنت، باستثناء دعوة «جاهزة» المخصصة لجمعيات تضم ثلاث جماعات فرنسية على الأقل.",
            ),
        ],
        "themes": ["jeunesse", "sport", "egalite-femmes-hommes", "numerique", "securite-alimentaire", "patrimoine"],
        "countries": ["SN", "LB", "MX"],
        "translate": ALL,
    },
    {
        "slug": "aap-patrimoine-2024",
        "date": "2024-02-05",
        "category": "call",
        "title": T("Ouverture de l’appel à projets Patrimoine et coopération décentralisée"),
        "summary": T(
            "Conçu avec Sites et Cités remarquables, cet appel soutient la préservation et la valorisation du patrimoine bâti et naturel dans les projets de coopération."
        ),
        "body": [
            T(
                "Les projets peuvent associer services du patrimoine, urbanisme et tourisme des collectivités partenaires."
            )
        ],
        "themes": ["patrimoine", "culture"],
        "countries": [],
    },
    {
        "slug": "aap-numerique-2024",
        "date": "2024-02-01",
        "category": "call",
        "title": T("Numérique inclusif et responsable : un nouvel appel à projets"),
        "summary": T(
            "L’appel soutient l’accessibilité numérique, la réduction de l’impact environnemental du numérique et un numérique protecteur au service des citoyens."
        ),
        "body": [
            T(
                "Les collectivités peuvent par exemple proposer des espaces publics numériques ou la dématérialisation accessible de services locaux."
            )
        ],
        "themes": ["numerique"],
        "countries": ["SN", "TN"],
    },
    {
        "slug": "aap-amerique-latine-caraibes-2024",
        "date": "2024-01-30",
        "category": "call",
        "title": T(
            "Amérique latine et Caraïbes : appel à projets 2024",
            en="Latin America and the Caribbean: 2024 call for projects",
            es="América Latina y el Caribe: convocatoria 2024",
        ),
        "summary": T(
            "Un appel géographique pour des projets de résilience face au changement climatique et de participation citoyenne, hors Mexique.",
            en="A geographic call for projects on climate resilience and citizen participation, Mexico excepted.",
            es="Una convocatoria geográfica para proyectos de resiliencia climática y participación ciudadana, excepto México.",
        ),
        "body": [
            T(
                "Les projets associent une collectivité française et une ou plusieurs autorités locales de la zone.",
                en="Projects bring together a French local authority and one or more local authorities of the region.",
                es="Los proyectos asocian un gobierno local francés y una o varias autoridades locales de la zona.",
            )
        ],
        "themes": ["climat-environnement", "gouvernance-locale"],
        "countries": ["BR", "CL", "AR", "HT"],
        "translate": ("en", "es"),
    },
    {
        "slug": "webinaire-appels-a-projets-2024",
        "date": "2024-01-22",
        "category": "event",
        "title": T("Webinaire : réussir sa candidature aux appels à projets 2024"),
        "summary": T(
            "La délégation présente le calendrier 2024, les règles communes des appels et la procédure de dépôt en ligne, puis répond aux questions des collectivités."
        ),
        "body": [T("Le webinaire est ouvert aux élus et aux agents des collectivités territoriales.")],
        "themes": [],
        "countries": [],
        "event": {
            "start": "2024-02-08 10:00",
            "end": "2024-02-08 12:00",
            "online": True,
            "deadline": "2024-02-06 23:59",
        },
    },
    {
        "slug": "rapport-apd-2022",
        "date": "2023-12-14",
        "category": "publication",
        "title": T("Publication du rapport sur l’APD 2022 des collectivités territoriales"),
        "summary": T(
            "Le rapport analyse l’aide publique au développement déclarée par les collectivités et leurs groupements, obligation prévue par l’article L. 1115-6 du CGCT."
        ),
        "body": [
            T(
                "La déclaration annuelle se fait en ligne ; elle permet de mesurer l’effort des territoires et sa répartition par pays."
            )
        ],
        "themes": [],
        "countries": [],
    },
    {
        "slug": "pleniere-cncd-2023",
        "date": "2023-11-20",
        "category": "institutional",
        "title": T(
            "Séance plénière de la Commission nationale de la coopération décentralisée",
            en="Plenary session of the National Commission for Decentralised Cooperation",
            ar="جلسة عامة للجنة الوطنية للتعاون اللامركزي",
        ),
        "summary": T(
            "La CNCD, instance de dialogue entre l’État et les collectivités créée en 1992, s’est réunie pour faire le point sur les dispositifs de soutien.",
            en="The CNCD, the body for dialogue between the State and local authorities created in 1992, met to review the support schemes.",
            ar="اجتمعت اللجنة الوطنية للتعاون اللامركزي، هيئة الحوار بين الدولة والجماعات المحلية المنشأة عام 1992، لتقييم آليات الدعم.",
        ),
        "body": [
            T(
                "Les associations nationales d’élus et les ministères concernés ont échangé sur les priorités de l’année à venir.",
                en="National associations of elected officials and the ministries concerned discussed the priorities for the coming year.",
                ar="تبادلت الجمعيات الوطنية للمنتخبين والوزارات المعنية حول أولويات السنة المقبلة.",
            )
        ],
        "themes": ["gouvernance-locale"],
        "countries": [],
        "event": {
            "start": "2023-11-20 14:00",
            "end": "2023-11-20 17:30",
            "place": "Paris, ministère de l’Europe et des Affaires étrangères",
        },
        "translate": ("en", "ar"),
    },
    {
        "slug": "laureats-securite-alimentaire-2023",
        "date": "2023-07-10",
        "category": "laureates",
        "title": T("Sécurité alimentaire : annonce des projets lauréats 2023"),
        "summary": T(
            "Les projets retenus développent des systèmes alimentaires durables fondés sur la territorialisation des productions et les circuits courts."
        ),
        "body": [
            T("Plusieurs projets associent des collectivités sahéliennes et des chambres d’agriculture françaises.")
        ],
        "themes": ["securite-alimentaire"],
        "countries": ["BF", "NE", "MG"],
    },
    {
        "slug": "aap-senegal-2023",
        "date": "2023-01-17",
        "category": "call",
        "title": T("Dispositif conjoint franco-sénégalais : appel à projets 2023"),
        "summary": T(
            "Le dispositif vise à consolider les partenariats existants et à soutenir le développement territorial et la décentralisation au Sénégal."
        ),
        "body": [T("Les dossiers sont examinés par un comité de sélection franco-sénégalais.")],
        "themes": ["gouvernance-locale"],
        "countries": ["SN"],
    },
    {
        "slug": "journee-aect-2022",
        "date": "2022-10-03",
        "category": "event",
        "title": T("Rencontres de l’action internationale des collectivités territoriales"),
        "summary": T(
            "Deux journées d’ateliers et de tables rondes réunissent élus, agents et partenaires de la coopération décentralisée."
        ),
        "body": [
            T(
                "Le programme alterne retours d’expérience, présentations des appels à projets et rencontres bilatérales."
            )
        ],
        "themes": [],
        "countries": [],
        "event": {
            "start": "2022-10-17 09:00",
            "end": "2022-10-18 17:00",
            "place": "Paris, Centre de conférences ministériel",
        },
    },
    {
        "slug": "aap-sport-2022",
        "date": "2022-01-20",
        "category": "call",
        "title": T("Appel à projets Sport : deuxième année du programme triennal"),
        "summary": T(
            "Le programme triennal 2021-2023 accompagne l’encouragement des pratiques sportives par les collectivités à l’approche des Jeux de Paris 2024."
        ),
        "body": [T("Les projets peuvent porter sur les équipements, la formation d’encadrants ou le sport pour tous.")],
        "themes": ["sport", "jeunesse"],
        "countries": [],
    },
    {
        "slug": "laureats-jeunesse-2022",
        "date": "2022-06-27",
        "category": "laureates",
        "title": T("Appel à projets Jeunesse : les lauréats 2022"),
        "summary": T(
            "Les projets retenus portent sur la jeunesse et le volontariat, l’éducation de base et la formation professionnelle."
        ),
        "body": [T("De nombreux projets prévoient des échanges de jeunes entre collectivités partenaires.")],
        "themes": ["jeunesse", "education"],
        "countries": ["BJ", "TG", "MA"],
    },
    {
        "slug": "laureats-generaliste-2021",
        "date": "2021-04-28",
        "category": "laureates",
        "title": T(
            "Annonce des lauréats de l’appel à projets « Généraliste 2021 »",
            en="Laureates of the “General 2021” call for projects",
            es="Ganadores de la convocatoria «Generalista 2021»",
            ar="الإعلان عن الفائزين في الدعوة «العامة 2021»",
        ),
        "summary": T(
            "Ouvert du 7 décembre 2020 au 31 mars 2021, l’appel a distingué seize lauréats lors du comité de sélection du 14 avril 2021.",
            en="Open from 7 December 2020 to 31 March 2021, the call selected sixteen laureates at the selection committee of 14 April 2021.",
            es="Abierta del 7 de diciembre de 2020 al 31 de marzo de 2021, la convocatoria distinguió dieciséis ganadores en el comité de selección del 14 de abril de 2021.",
            ar="اختارت الدعوة، المفتوحة من 7 ديسمبر 2020 إلى 31 مارس 2021، ستة عشر فائزًا خلال لجنة الانتقاء المنعقدة في 14 أبريل 2021.",
        ),
        "body": [
            T(
                "Le continent africain arrive en tête avec neuf projets, dont quatre dans les pays du G5 Sahel.",
                en="Africa comes first with nine projects, four of them in G5 Sahel countries.",
                es="África encabeza la lista con nueve proyectos, cuatro de ellos en países del G5 Sahel.",
                ar="تتصدر القارة الأفريقية بتسعة مشاريع، منها أربعة في بلدان مجموعة الساحل الخمس.",
            )
        ],
        "themes": ["climat-environnement", "gouvernance-locale", "culture"],
        "countries": ["BF", "ML", "BJ"],
        "translate": ALL,
    },
    {
        "slug": "bilan-webinaires-guide-operationnel",
        "date": "2021-04-27",
        "category": "publication",
        "title": T("Bilan du premier cycle des webinaires du guide opérationnel"),
        "summary": T(
            "Dix webinaires ont approfondi les sujets du guide : géographies, thèmes comme l’égalité femmes-hommes, la santé ou le sport, et dispositifs d’accompagnement."
        ),
        "body": [T("La documentation de chaque webinaire reste disponible pour les collectivités.")],
        "themes": ["egalite-femmes-hommes", "sante", "sport"],
        "countries": ["MA", "SN"],
    },
    {
        "slug": "laureats-maroc-3e-tranche-2021",
        "date": "2021-04-21",
        "category": "laureates",
        "title": T(
            "Fonds conjoint franco-marocain : trois lauréats pour la 3e tranche 2021",
            en="Franco-Moroccan joint fund: three laureates for the 3rd tranche 2021",
            ar="الصندوق المشترك الفرنسي المغربي: ثلاثة فائزين في الشطر الثالث 2021",
        ),
        "summary": T(
            "Trois projets de collectivités françaises et marocaines sont retenus au titre de la troisième tranche du fonds 2019-2021.",
            en="Three projects of French and Moroccan local authorities are selected for the third tranche of the 2019-2021 fund.",
            ar="تم اختيار ثلاثة مشاريع لجماعات فرنسية ومغربية في إطار الشطر الثالث من صندوق 2019-2021.",
        ),
        "body": [
            T(
                "Les projets bénéficient d’un soutien financier de douze mois.",
                en="The projects receive twelve months of financial support.",
                ar="تستفيد المشاريع من دعم مالي لمدة اثني عشر شهرًا.",
            )
        ],
        "themes": ["developpement-economique"],
        "countries": ["MA"],
        "translate": ("en", "ar"),
    },
    {
        "slug": "laureats-liban-3e-tranche-2021",
        "date": "2021-04-21",
        "category": "laureates",
        "title": T("Fonds conjoint franco-libanais : quatre lauréats pour la 3e tranche 2021"),
        "summary": T(
            "Quatre projets sont retenus au titre de la troisième tranche du fonds 2019-2021, consacré au renforcement des capacités de gouvernance territoriale."
        ),
        "body": [
            T("Le fonds associe le ministère, l’ambassade de France au Liban et les associations de maires libanais.")
        ],
        "themes": ["gouvernance-locale"],
        "countries": ["LB"],
    },
    {
        "slug": "label-expe-ct-mars-2021",
        "date": "2021-04-19",
        "category": "laureates",
        "title": T("Label EXPE-CT : onze nouveaux labellisés"),
        "summary": T(
            "Lors du comité de labellisation du 24 mars 2021, onze collectivités et associations d’élus ont reçu le label EXPE-CT."
        ),
        "body": [
            T(
                "Lancé en juillet 2020, le programme valorise à l’international le savoir-faire des élus et des agents territoriaux."
            )
        ],
        "themes": ["gouvernance-locale"],
        "countries": [],
    },
    {
        "slug": "seminaire-france-togo-2021",
        "date": "2021-03-25",
        "category": "event",
        "title": T(
            "Séminaire en ligne « Pour une relance de la coopération entre la France et le Togo »",
            en="Online seminar “Relaunching cooperation between France and Togo”",
        ),
        "summary": T(
            "La délégation, l’ambassade de France au Togo et Cités Unies France, avec la faîtière des communes du Togo, organisent un séminaire en ligne.",
            en="The delegation, the French embassy in Togo and Cités Unies France, with the umbrella body of Togolese municipalities, hold an online seminar.",
        ),
        "body": [
            T(
                "Les collectivités togolaises présentent les politiques publiques locales sur lesquelles elles souhaitent coopérer.",
                en="Togolese local authorities present the local public policies on which they wish to cooperate.",
            )
        ],
        "themes": ["gouvernance-locale"],
        "countries": ["TG"],
        "event": {
            "start": "2021-04-07 10:00",
            "end": "2021-04-07 12:30",
            "online": True,
            "deadline": "2021-04-02 23:59",
        },
        "translate": ("en",),
    },
    {
        "slug": "aap-franco-mexicain-2021",
        "date": "2021-03-01",
        "category": "call",
        "title": T(
            "Dixième appel à projets franco-mexicain",
            en="Tenth Franco-Mexican call for projects",
            es="Décima convocatoria franco-mexicana",
        ),
        "summary": T(
            "Le ministère et l’agence mexicaine de coopération internationale (AMEXCID) ouvrent le 10e appel à projets du 1er mars au 30 juillet 2021.",
            en="The ministry and the Mexican international cooperation agency (AMEXCID) open the 10th call from 1 March to 30 July 2021.",
            es="El ministerio y la Agencia Mexicana de Cooperación Internacional para el Desarrollo (AMEXCID) abren la 10.ª convocatoria del 1 de marzo al 30 de julio de 2021.",
        ),
        "body": [
            T(
                "Les projets associent collectivités françaises et mexicaines autour de priorités communes aux deux États.",
                en="Projects bring French and Mexican local authorities together on priorities shared by both States.",
                es="Los proyectos asocian gobiernos locales franceses y mexicanos en torno a prioridades comunes de ambos Estados.",
            )
        ],
        "themes": ["developpement-economique", "culture"],
        "countries": ["MX"],
        "translate": ("en", "es"),
    },
    {
        "slug": "rapport-apd-2019",
        "date": "2021-02-16",
        "category": "publication",
        "title": T("Publication du rapport sur l’aide publique au développement 2019 des collectivités"),
        "summary": T(
            "En 2019, 88 pays partenaires étaient concernés par l’APD des collectivités françaises. La prochaine collecte est ouverte du 15 avril au 31 mai 2021."
        ),
        "body": [
            T("Le rapport présente les montants déclarés, leur répartition géographique et les secteurs soutenus.")
        ],
        "themes": [],
        "countries": [],
    },
    {
        "slug": "label-expe-ct-janvier-2021",
        "date": "2021-02-05",
        "category": "laureates",
        "title": T("Label EXPE-CT : seize collectivités labellisées"),
        "summary": T(
            "Le comité de labellisation du 20 janvier 2021 a attribué le label EXPE-CT à seize collectivités et associations d’élus."
        ),
        "body": [
            T("Les labellisés peuvent être sollicités pour des missions d’expertise courtes ou longues à l’étranger.")
        ],
        "themes": ["gouvernance-locale"],
        "countries": [],
    },
    {
        "slug": "aap-franco-tunisien-2021",
        "date": "2021-02-02",
        "category": "call",
        "title": T(
            "Appel à projets franco-tunisien 2021",
            en="Franco-Tunisian call for projects 2021",
            ar="الدعوة الفرنسية التونسية لتقديم المشاريع 2021",
        ),
        "summary": T(
            "Les projets peuvent être déposés du 2 février au 28 mai 2021 ; le comité de sélection se réunira le 16 juin 2021.",
            en="Projects can be submitted from 2 February to 28 May 2021; the selection committee meets on 16 June 2021.",
            ar="يمكن إيداع المشاريع من 2 فبراير إلى 28 مايو 2021؛ وتجتمع لجنة الانتقاء في 16 يونيو 2021.",
        ),
        "body": [
            T(
                "L’appel s’adresse aux partenariats entre collectivités territoriales françaises et tunisiennes.",
                en="The call is open to partnerships between French and Tunisian local authorities.",
                ar="تتوجه الدعوة إلى الشراكات بين الجماعات المحلية الفرنسية والتونسية.",
            )
        ],
        "themes": ["gouvernance-locale", "developpement-economique"],
        "countries": ["TN"],
        "translate": ("en", "ar"),
    },
    {
        "slug": "journee-franco-allemande-2021",
        "date": "2021-01-25",
        "category": "institutional",
        "title": T("Journée franco-allemande 2021 : de nouvelles opportunités pour les jumelages"),
        "summary": T(
            "Le Fonds citoyen prévu par le traité d’Aix-la-Chapelle a soutenu 109 projets en huit mois et demi ; son budget 2021 atteint 2,4 M€."
        ),
        "body": [T("Le fonds soutient aussi les jumelages, y compris des initiatives menées en ligne.")],
        "themes": ["jeunesse", "culture"],
        "countries": ["DE"],
    },
    {
        "slug": "annee-franco-russe-selection",
        "date": "2021-01-21",
        "category": "laureates",
        "title": T(
            "Année franco-russe de la coopération décentralisée : résultats de l’appel à manifestation d’intérêt"
        ),
        "summary": T(
            "Le comité de sélection du 19 janvier 2021 a examiné les projets déposés entre le 9 novembre 2020 et le 5 janvier 2021."
        ),
        "body": [T("Les projets retenus seront labellisés au titre de l’année croisée 2021.")],
        "themes": ["culture", "jeunesse"],
        "countries": ["RU"],
    },
    {
        "slug": "aap-senegal-2021",
        "date": "2021-01-15",
        "category": "call",
        "title": T("Appel à projets 2021 de la coopération décentralisée franco-sénégalaise"),
        "summary": T(
            "Septième appel du dispositif conjoint, ouvert du 15 janvier au 31 mars 2021 à minuit ; un comité de sélection se tiendra début juillet 2021."
        ),
        "body": [
            T("L’accord administratif triennal a été renouvelé à Dakar le 11 novembre 2019 par les deux gouvernements.")
        ],
        "themes": ["gouvernance-locale"],
        "countries": ["SN"],
    },
    {
        "slug": "semaine-du-quebec-2020",
        "date": "2020-12-15",
        "category": "event",
        "title": T("Clôture de la Semaine du Québec"),
        "summary": T(
            "Une vidéo de projet lauréat du 10e Fonds franco-québécois a été publiée chaque jour de la semaine, achevée le 11 décembre 2020."
        ),
        "body": [T("Le prochain appel du Fonds franco-québécois se clôturera le 29 janvier 2021.")],
        "themes": ["culture"],
        "countries": ["CA"],
        "event": {"start": "2020-12-07 09:00", "end": "2020-12-11 18:00", "online": True},
    },
    {
        "slug": "aap-maroc-3e-tranche",
        "date": "2020-12-14",
        "category": "call",
        "title": T("Ouverture de la 3e tranche de l’appel à projets franco-marocain 2019-2021"),
        "summary": T(
            "La troisième tranche est ouverte en France et au Maroc du 14 décembre 2020 au 16 mars 2021 à minuit, pour un soutien de douze mois."
        ),
        "body": [T("Les projets doivent être portés conjointement par des collectivités françaises et marocaines.")],
        "themes": ["developpement-economique", "climat-environnement"],
        "countries": ["MA"],
    },
    {
        "slug": "calendrier-aap-2021",
        "date": "2020-11-27",
        "category": "institutional",
        "title": T("Calendrier 2021 des appels à projets du ministère"),
        "summary": T(
            "Deux appels thématiques (Jeunesse VII et Sport triennal 2021-2023) et des appels bilatéraux avec le Québec, la Russie, le Sénégal, le Maroc, la Tunisie, le Liban et le Mexique."
        ),
        "body": [T("Chaque appel fait l’objet d’un règlement qui précise les conditions d’éligibilité.")],
        "themes": ["jeunesse", "sport"],
        "countries": ["CA", "RU", "SN", "MA", "TN", "LB", "MX"],
    },
    {
        "slug": "laureats-liban-2e-tranche-2020",
        "date": "2020-11-24",
        "category": "laureates",
        "title": T("Fonds franco-libanais : trois lauréats pour la 2e tranche 2020"),
        "summary": T(
            "Ouverte du 4 décembre 2019 au 10 mars 2020, la tranche avait été prolongée jusqu’au 10 juin 2020 en raison des élections municipales."
        ),
        "body": [
            T(
                "Les projets renforcent les capacités des collectivités libanaises en matière de gouvernance territoriale."
            )
        ],
        "themes": ["gouvernance-locale"],
        "countries": ["LB"],
    },
    {
        "slug": "laureats-maroc-2e-tranche-2020",
        "date": "2020-11-20",
        "category": "laureates",
        "title": T("Fonds conjoint franco-marocain : huit lauréats pour la 2e tranche"),
        "summary": T(
            "Huit projets de collectivités françaises et marocaines sont retenus au titre de la deuxième tranche 2019-2021."
        ),
        "body": [
            T("Plusieurs projets portent sur le développement durable et la lutte contre le changement climatique.")
        ],
        "themes": ["climat-environnement"],
        "countries": ["MA"],
    },
    {
        "slug": "laureats-franco-mexicain-2020",
        "date": "2020-11-16",
        "category": "laureates",
        "title": T(
            "Appel à projets franco-mexicain 2020 : annonce des lauréats",
            en="Franco-Mexican call 2020: laureates announced",
            es="Convocatoria franco-mexicana 2020: anuncio de los ganadores",
        ),
        "summary": T(
            "Quatre partenariats sont distingués : La Rochelle – Campeche, Brest Métropole – Xalapa, Pays Nord Martinique – San Cristóbal de Las Casas et Orange – Zacatecas.",
            en="Four partnerships are selected: La Rochelle – Campeche, Brest Métropole – Xalapa, Pays Nord Martinique – San Cristóbal de Las Casas and Orange – Zacatecas.",
            es="Se distinguen cuatro alianzas: La Rochelle – Campeche, Brest Métropole – Xalapa, Pays Nord Martinique – San Cristóbal de Las Casas y Orange – Zacatecas.",
        ),
        "body": [
            T(
                "L’année 2020 compte trois nouvelles coopérations et des thèmes variés : culture, énergie renouvelable, eau, tourisme.",
                en="2020 brings three new partnerships and varied themes: culture, renewable energy, water, tourism.",
                es="El año 2020 suma tres nuevas cooperaciones y temas variados: cultura, energía renovable, agua, turismo.",
            )
        ],
        "themes": ["culture", "energie", "eau-assainissement"],
        "countries": ["MX"],
        "translate": ("en", "es"),
    },
    {
        "slug": "webinaire-egalite-femmes-hommes-2020",
        "date": "2020-11-05",
        "category": "event",
        "title": T("Webinaire : l’égalité entre les femmes et les hommes dans la coopération décentralisée"),
        "summary": T(
            "Premier rendez-vous de la série de webinaires qui approfondit les sujets du guide opérationnel de la coopération décentralisée."
        ),
        "body": [T("La série s’adresse notamment aux nouveaux élus et aux agents des collectivités territoriales.")],
        "themes": ["egalite-femmes-hommes"],
        "countries": [],
        "event": {"start": "2020-11-18 10:00", "end": "2020-11-18 12:30", "online": True},
    },
    {
        "slug": "webinaires-franco-marocains-2020",
        "date": "2020-10-20",
        "category": "event",
        "title": T("Trois webinaires sur la coopération décentralisée franco-marocaine"),
        "summary": T(
            "Présentation du dispositif de soutien, échanges sur la crise sanitaire et présentation des six projets climat soutenus par le fonds conjoint."
        ),
        "body": [
            T("Le premier webinaire présente la coopération franco-marocaine et le contexte institutionnel marocain.")
        ],
        "themes": ["climat-environnement"],
        "countries": ["MA"],
        "event": {"start": "2020-10-26 14:00", "end": "2020-10-26 16:00", "online": True},
    },
    {
        "slug": "guide-operationnel-2020",
        "date": "2020-09-28",
        "category": "publication",
        "title": T(
            "Publication du guide opérationnel de la coopération décentralisée",
            en="The operational guide to decentralised cooperation is out",
            es="Publicación de la guía operativa de la cooperación descentralizada",
            ar="صدور الدليل العملي للتعاون اللامركزي",
        ),
        "summary": T(
            "Le guide, présenté en séance plénière de la CNCD le 21 septembre 2020, accompagne les élus et les porteurs de projets en trois parties.",
            en="The guide, presented at the CNCD plenary session on 21 September 2020, supports elected officials and project leaders in three parts.",
            es="La guía, presentada en la sesión plenaria de la CNCD el 21 de septiembre de 2020, acompaña a cargos electos y responsables de proyectos en tres partes.",
            ar="يرافق الدليل، الذي قُدِّم في الجلسة العامة للجنة الوطنية في 21 سبتمبر 2020، المنتخبين وحاملي المشاريع في ثلاثة أجزاء.",
        ),
        "body": [
            T(
                "Il présente la valeur ajoutée de l’action internationale, la conduite d’un projet et un catalogue de partenariats ouverts à de nouvelles collectivités.",
                en="It presents the added value of international action, how to run a project and a catalogue of partnerships open to new authorities.",
                es="Presenta el valor añadido de la acción internacional, la gestión de un proyecto y un catálogo de alianzas abiertas a nuevos gobiernos locales.",
                ar="يعرض القيمة المضافة للعمل الدولي وكيفية تسيير مشروع وفهرسًا للشراكات المفتوحة أمام جماعات جديدة.",
            )
        ],
        "themes": [],
        "countries": [],
        "translate": ALL,
    },
    {
        "slug": "fonds-quebec-11e-appel",
        "date": "2020-09-14",
        "category": "call",
        "title": T("Lancement du 11e appel à projets du Fonds franco-québécois"),
        "summary": T(
            "Créé en 2005, le fonds a soutenu plus de 30 projets lors de la biennie 2019-2020. Date limite de dépôt : 15 janvier 2021."
        ),
        "body": [
            T(
                "Les thèmes de la biennie 2021-2022 incluent la résilience des territoires, l’innovation, la transition énergétique et la langue française."
            )
        ],
        "themes": ["developpement-economique", "energie", "culture"],
        "countries": ["CA"],
    },
    {
        "slug": "aide-liban-2020",
        "date": "2020-08-13",
        "category": "institutional",
        "title": T("Aide humanitaire au Liban : appel aux contributions des collectivités"),
        "summary": T(
            "Après la tragédie du 4 août 2020 à Beyrouth, les collectivités peuvent apporter une aide financière ou en nature."
        ),
        "body": [
            T(
                "Les besoins portent sur le matériel médical, l’aide alimentaire et la reconstruction de logements et d’écoles."
            )
        ],
        "themes": ["sante"],
        "countries": ["LB"],
    },
]

# Upcoming events, dated relative to the day the demo is loaded, so the agenda is never empty.
UPCOMING = [
    {
        "slug": "webinaire-bourse-partenariats",
        "days_before": 5,
        "days_after": 21,
        "category": "event",
        "title": T(
            "Webinaire : trouver un partenaire grâce à la Bourse partenariats",
            en="Webinar: finding a partner through the partnership exchange",
            es="Seminario web: encontrar un socio gracias a la bolsa de alianzas",
            ar="ندوة رقمية: إيجاد شريك عبر بورصة الشراكات",
        ),
        "summary": T(
            "Comment consulter les offres déposées par les ambassades et contacter une collectivité étrangère qui cherche un partenaire français.",
            en="How to browse the offers posted by embassies and contact a foreign local authority looking for a French partner.",
            es="Cómo consultar las ofertas publicadas por las embajadas y contactar con un gobierno local extranjero que busca un socio francés.",
            ar="كيفية الاطلاع على العروض التي تنشرها السفارات والتواصل مع جماعة أجنبية تبحث عن شريك فرنسي.",
        ),
        "body": [
            T(
                "Le webinaire dure une heure et demie et se termine par des questions-réponses.",
                en="The webinar lasts an hour and a half and ends with questions and answers.",
                es="El seminario web dura una hora y media y termina con preguntas y respuestas.",
                ar="تدوم الندوة ساعة ونصفًا وتُختتم بأسئلة وأجوبة.",
            )
        ],
        "themes": [],
        "countries": [],
        "event": {"hour": 10, "hours": 1.5, "online": True, "deadline_days": 19},
        "translate": ALL,
    },
    {
        "slug": "rencontre-cooperation-eau-assainissement",
        "days_before": 10,
        "days_after": 45,
        "category": "event",
        "title": T("Rencontre : la coopération décentralisée pour l’eau et l’assainissement"),
        "summary": T(
            "Une journée d’échanges sur les projets financés au titre du 1 % eau de la loi Oudin-Santini de 2005."
        ),
        "body": [
            T(
                "Des collectivités et des agences de l’eau présentent leurs projets menés avec des partenaires africains."
            )
        ],
        "themes": ["eau-assainissement"],
        "countries": ["SN", "BF", "MG"],
        "event": {"hour": 9, "hours": 8, "place": "Lyon, hôtel de région", "deadline_days": 40},
    },
]

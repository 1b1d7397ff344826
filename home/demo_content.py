# ruff: noqa: E501
"""Demo content for the home page and the reference pages of the portal.

Plain data only: every visible string is a ``T`` (French source and its translations). Leaf
strings are plain-text paragraphs; each one becomes a single translatable segment. Contacts,
e-mail addresses and testimonies are invented for the demo (example.org).
"""

from portal.demo import T

# ---------------------------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------------------------

HOME = {
    "title": T(
        "Coopération décentralisée",
        en="Decentralised cooperation",
        es="Cooperación descentralizada",
        ar="التعاون اللامركزي",
    ),
    "seo_title": T(
        "Coopération décentralisée – Action extérieure des collectivités territoriales",
        en="Decentralised cooperation – International action of French local authorities",
        es="Cooperación descentralizada – Acción exterior de los gobiernos locales franceses",
        ar="التعاون اللامركزي – العمل الخارجي للجماعات المحلية الفرنسية",
    ),
    "search_description": T(
        "Appels à projets, actualités, bourse partenariats et label EXPE-CT : le portail de l’action extérieure des collectivités territoriales.",
        en="Calls for projects, news, partnership exchange and EXPE-CT label: the portal for the international action of French local authorities.",
        es="Convocatorias, noticias, bolsa de alianzas y sello EXPE-CT: el portal de la acción exterior de los gobiernos locales franceses.",
        ar="دعوات لتقديم المشاريع وأخبار وبورصة الشراكات وعلامة EXPE-CT: بوابة العمل الخارجي للجماعات المحلية الفرنسية.",
    ),
    "hero_title": T(
        "Coopérer entre territoires, en France et dans le monde",
        en="Local authorities working together, in France and around the world",
        es="Territorios que cooperan, en Francia y en el mundo",
        ar="تعاون بين الأقاليم في فرنسا وحول العالم",
    ),
    "hero_text": T(
        "Le ministère de l’Europe et des Affaires étrangères accompagne les collectivités territoriales françaises qui mènent des projets avec des autorités locales étrangères. Retrouvez ici les appels à projets, les offres de partenariat et les ressources pour agir.",
        en="The Ministry for Europe and Foreign Affairs supports French local authorities that carry out projects with local authorities abroad. Find calls for projects, partnership offers and practical resources here.",
        es="El Ministerio de Europa y Asuntos Exteriores acompaña a los gobiernos locales franceses que desarrollan proyectos con autoridades locales de otros países. Aquí encontrará convocatorias, ofertas de alianza y recursos para actuar.",
        ar="ترافق وزارة أوروبا والشؤون الخارجية الجماعات المحلية الفرنسية التي تنفذ مشاريع مع سلطات محلية أجنبية. تجدون هنا الدعوات لتقديم المشاريع وعروض الشراكة والموارد اللازمة للعمل.",
    ),
    "key_figures": [
        {
            "value": "13 000",
            "label": T(
                "projets de coopération décentralisée recensés",
                en="decentralised cooperation projects recorded",
                es="proyectos de cooperación descentralizada registrados",
                ar="مشروع تعاون لامركزي مسجّل",
            ),
        },
        {
            "value": "4 800",
            "label": T(
                "collectivités territoriales françaises engagées",
                en="French local authorities involved",
                es="gobiernos locales franceses comprometidos",
                ar="جماعة محلية فرنسية منخرطة",
            ),
        },
        {
            "value": "10 000",
            "label": T(
                "collectivités partenaires à l’étranger",
                en="partner authorities abroad",
                es="gobiernos locales socios en el extranjero",
                ar="سلطة محلية شريكة في الخارج",
            ),
        },
        {
            "value": "144",
            "label": T(
                "pays concernés",
                en="countries",
                es="países",
                ar="بلدًا",
            ),
        },
    ],
    "entry_points": [
        {
            "key": "calls",
            "title": T(
                "Appels à projets",
                en="Calls for projects",
                es="Convocatorias de proyectos",
                ar="الدعوات لتقديم المشاريع",
            ),
            "text": T(
                "Consultez les appels ouverts, leurs règlements et leurs dates limites, puis les listes des lauréats.",
                en="See the open calls, their rules and deadlines, and then the lists of selected projects.",
                es="Consulte las convocatorias abiertas, sus reglamentos y plazos, y luego las listas de proyectos seleccionados.",
                ar="اطلعوا على الدعوات المفتوحة وأنظمتها ومواعيدها النهائية، ثم على قوائم المشاريع الفائزة.",
            ),
        },
        {
            "key": "news",
            "title": T(
                "Actualités",
                en="News",
                es="Noticias",
                ar="الأخبار",
            ),
            "text": T(
                "Suivez les annonces d’appels, les résultats des comités de sélection, les webinaires et les réunions de la CNCD.",
                en="Follow announcements of calls, selection results, webinars and meetings of the CNCD.",
                es="Siga los anuncios de convocatorias, los resultados de los comités de selección, los seminarios web y las reuniones de la CNCD.",
                ar="تابعوا الإعلان عن الدعوات ونتائج لجان الاختيار والندوات عبر الإنترنت واجتماعات اللجنة الوطنية للتعاون اللامركزي.",
            ),
        },
        {
            "key": "bourse",
            "title": T(
                "Bourse partenariats",
                en="Partnership exchange",
                es="Bolsa de alianzas",
                ar="بورصة الشراكات",
            ),
            "text": T(
                "Parcourez les offres de collectivités étrangères qui cherchent un partenaire français, transmises par les ambassades de France.",
                en="Browse offers from foreign local authorities looking for a French partner, submitted by French embassies.",
                es="Explore las ofertas de gobiernos locales extranjeros que buscan un socio francés, presentadas por las embajadas de Francia.",
                ar="تصفحوا عروض السلطات المحلية الأجنبية التي تبحث عن شريك فرنسي، والتي ترسلها سفارات فرنسا.",
            ),
        },
        {
            "key": "expect",
            "title": T(
                "Label EXPE-CT",
                en="EXPE-CT label",
                es="Sello EXPE-CT",
                ar="علامة EXPE-CT",
            ),
            "text": T(
                "Faites reconnaître le savoir-faire de votre collectivité et rendez-le mobilisable pour des missions à l’international.",
                en="Have your authority's know-how recognised and make it available for missions abroad.",
                es="Obtenga el reconocimiento de la experiencia de su gobierno local y póngala a disposición para misiones internacionales.",
                ar="احصلوا على اعتراف بخبرة جماعتكم المحلية واجعلوها متاحة للبعثات في الخارج.",
            ),
        },
    ],
    "intro": [
        T(
            "Ce portail réunit les informations et les services que le ministère de l’Europe et des Affaires étrangères propose aux collectivités territoriales engagées à l’international. Élus, agents territoriaux, ambassades et partenaires étrangers y trouvent les règles, les calendriers et les contacts utiles.",
            en="This portal brings together the information and services that the Ministry for Europe and Foreign Affairs offers to local authorities working internationally. Elected officials, local government staff, embassies and foreign partners will find the rules, timetables and contacts they need.",
            es="Este portal reúne la información y los servicios que el Ministerio de Europa y Asuntos Exteriores ofrece a los gobiernos locales con actividad internacional. Autoridades electas, personal municipal, embajadas y socios extranjeros encontrarán aquí las reglas, los calendarios y los contactos útiles.",
            ar="تجمع هذه البوابة المعلومات والخدمات التي تقدمها وزارة أوروبا والشؤون الخارجية للجماعات المحلية المنخرطة في العمل الدولي. ويجد فيها المنتخبون وموظفو الجماعات المحلية والسفارات والشركاء الأجانب القواعد والمواعيد وجهات الاتصال المفيدة.",
        ),
        T(
            "Les pages de référence présentent le cadre juridique, le rôle de la Commission nationale de la coopération décentralisée et les étapes d’un projet. Des formulaires en ligne permettent de déposer une offre de partenariat ou de demander le label EXPE-CT.",
            en="The reference pages explain the legal framework, the role of the National Commission for Decentralised Cooperation and the stages of a project. Online forms let you submit a partnership offer or apply for the EXPE-CT label.",
            es="Las páginas de referencia presentan el marco jurídico, el papel de la Comisión Nacional de la Cooperación Descentralizada y las etapas de un proyecto. Los formularios en línea permiten presentar una oferta de alianza o solicitar el sello EXPE-CT.",
            ar="تعرض الصفحات المرجعية الإطار القانوني ودور اللجنة الوطنية للتعاون اللامركزي ومراحل إعداد المشروع. وتتيح الاستمارات الإلكترونية تقديم عرض شراكة أو طلب الحصول على علامة EXPE-CT.",
        ),
    ],
}


# ---------------------------------------------------------------------------------------------
# Reference pages
# ---------------------------------------------------------------------------------------------

# a. What AECT is, with two sub-pages ----------------------------------------------------------

PAGE_JUMELAGES = {
    "slug": "cooperation-decentralisee-et-jumelages",
    "menu": True,
    "translated": True,
    "title": T(
        "Coopération décentralisée et jumelages",
        en="Decentralised cooperation and town twinning",
        es="Cooperación descentralizada y hermanamientos",
        ar="التعاون اللامركزي والتوأمة",
    ),
    "search_description": T(
        "Jumelage, coopération décentralisée, action internationale : ce que recouvrent ces termes et comment ils se complètent.",
        en="Twinning, decentralised cooperation, international action: what these terms cover and how they fit together.",
        es="Hermanamiento, cooperación descentralizada, acción internacional: qué abarcan estos términos y cómo se complementan.",
        ar="التوأمة والتعاون اللامركزي والعمل الدولي: ما تعنيه هذه المصطلحات وكيف يكمّل بعضها بعضًا.",
    ),
    "intro": T(
        "Le jumelage et la coopération décentralisée sont deux formes voisines de l’action extérieure des collectivités, qui ne poursuivent pas tout à fait les mêmes buts.",
        en="Twinning and decentralised cooperation are two closely related forms of local authorities' international action, but their aims are not quite the same.",
        es="El hermanamiento y la cooperación descentralizada son dos formas cercanas de la acción exterior de los gobiernos locales, aunque no persiguen exactamente los mismos fines.",
        ar="التوأمة والتعاون اللامركزي شكلان متقاربان من أشكال العمل الخارجي للجماعات المحلية، لكنهما لا يسعيان تمامًا إلى الأهداف نفسها.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T(
                    "Plusieurs mots pour une même politique",
                    en="Several words for one policy",
                    es="Varias palabras para una misma política",
                    ar="عدة تسميات لسياسة واحدة",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "L’action extérieure des collectivités territoriales, ou AECT, désigne l’ensemble des relations qu’une collectivité française entretient avec des autorités locales d’autres pays. On parle aussi d’action internationale des collectivités territoriales (AICT) ; les deux expressions sont employées presque indifféremment.",
                    en="The international action of local authorities, known in French as AECT, covers all the relations that a French local authority maintains with local authorities in other countries. The phrase 'international action of local authorities' (AICT) is also used, and the two expressions are almost interchangeable.",
                    es="La acción exterior de los gobiernos locales, conocida en francés como AECT, designa el conjunto de relaciones que un gobierno local francés mantiene con autoridades locales de otros países. También se habla de acción internacional de los gobiernos locales (AICT); ambas expresiones se usan casi indistintamente.",
                    ar="يشير العمل الخارجي للجماعات المحلية، المعروف بالفرنسية باسم AECT، إلى مجموع العلاقات التي تقيمها جماعة محلية فرنسية مع سلطات محلية في بلدان أخرى. ويُستعمل أيضًا تعبير العمل الدولي للجماعات المحلية (AICT)، والتعبيران متقاربان إلى حد التطابق تقريبًا.",
                ),
                T(
                    "La coopération décentralisée en est le cœur. Elle correspond à un projet construit en commun par au moins deux collectivités, l’une française et l’autre étrangère, autour d’objectifs partagés : améliorer un service public, former des agents, protéger un patrimoine ou accompagner des jeunes.",
                    en="Decentralised cooperation is at its core. It is a project built jointly by at least two local authorities, one French and one foreign, around shared goals: improving a public service, training staff, protecting heritage or supporting young people.",
                    es="La cooperación descentralizada es su núcleo. Se trata de un proyecto construido en común por al menos dos gobiernos locales, uno francés y otro extranjero, en torno a objetivos compartidos: mejorar un servicio público, capacitar personal, proteger un patrimonio o acompañar a jóvenes.",
                    ar="ويمثّل التعاون اللامركزي جوهر هذا العمل. وهو مشروع تبنيه معًا جماعتان محليتان على الأقل، إحداهما فرنسية والأخرى أجنبية، حول أهداف مشتركة مثل تحسين خدمة عمومية أو تكوين الموظفين أو حماية التراث أو مرافقة الشباب.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Le jumelage, un lien d’amitié entre deux territoires",
                    en="Twinning, a bond of friendship between two places",
                    es="El hermanamiento, un lazo de amistad entre dos territorios",
                    ar="التوأمة، رابطة صداقة بين إقليمين",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Le jumelage unit deux collectivités par un engagement solennel, souvent ancien, qui repose sur les échanges entre habitants, associations, écoles et clubs. Il ne donne pas nécessairement lieu à des actions de coopération technique, mais il crée une relation de confiance durable.",
                    en="Twinning links two local authorities through a formal commitment, often a long-standing one, based on exchanges between residents, associations, schools and clubs. It does not necessarily lead to technical cooperation, but it creates a lasting relationship of trust.",
                    es="El hermanamiento une a dos gobiernos locales mediante un compromiso solemne, a menudo antiguo, basado en los intercambios entre habitantes, asociaciones, escuelas y clubes. No siempre da lugar a acciones de cooperación técnica, pero crea una relación de confianza duradera.",
                    ar="تربط التوأمة بين جماعتين محليتين بالتزام رسمي يكون في الغالب قديمًا، ويقوم على التبادل بين السكان والجمعيات والمدارس والنوادي. ولا تفضي التوأمة بالضرورة إلى أنشطة تعاون تقني، لكنها تنشئ علاقة ثقة دائمة.",
                ),
                T(
                    "De nombreux jumelages ont évolué avec le temps. Face aux enjeux mondiaux, beaucoup de collectivités ont prolongé l’amitié par des projets concrets dans les domaines où elles disposent de réelles compétences, comme l’eau, les déchets, la culture ou la jeunesse.",
                    en="Many twinnings have evolved over time. In response to global challenges, many authorities have extended the friendship through practical projects in areas where they have real expertise, such as water, waste, culture or youth.",
                    es="Muchos hermanamientos han evolucionado con el tiempo. Ante los desafíos globales, numerosos gobiernos locales han prolongado la amistad con proyectos concretos en los ámbitos en que tienen verdaderas competencias, como el agua, los residuos, la cultura o la juventud.",
                    ar="وقد تطورت توأمات كثيرة مع مرور الزمن. ففي مواجهة التحديات العالمية، مدّدت جماعات عديدة علاقات الصداقة بمشاريع ملموسة في المجالات التي تملك فيها اختصاصات حقيقية، مثل الماء والنفايات والثقافة والشباب.",
                ),
            ],
        ),
        (
            "list",
            [
                T(
                    "Le jumelage repose d’abord sur la rencontre entre les populations.",
                    en="Twinning rests first and foremost on contact between people.",
                    es="El hermanamiento se basa ante todo en el encuentro entre las poblaciones.",
                    ar="تقوم التوأمة أساسًا على التلاقي بين السكان.",
                ),
                T(
                    "La coopération décentralisée s’organise autour d’un projet, d’un budget et d’un calendrier.",
                    en="Decentralised cooperation is organised around a project, a budget and a timetable.",
                    es="La cooperación descentralizada se organiza en torno a un proyecto, un presupuesto y un calendario.",
                    ar="ينتظم التعاون اللامركزي حول مشروع وميزانية وجدول زمني.",
                ),
                T(
                    "Les deux peuvent coexister entre les mêmes partenaires et se renforcer mutuellement.",
                    en="Both can coexist between the same partners and strengthen each other.",
                    es="Ambos pueden coexistir entre los mismos socios y reforzarse mutuamente.",
                    ar="ويمكن أن يتعايش الشكلان بين الشركاء أنفسهم وأن يعزّز كل منهما الآخر.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Un exemple : les jumelages franco-allemands",
                    en="An example: Franco-German twinnings",
                    es="Un ejemplo: los hermanamientos franco-alemanes",
                    ar="مثال: التوأمات الفرنسية الألمانية",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Le Fonds citoyen franco-allemand, prévu par le traité d’Aix-la-Chapelle et lancé le 16 avril 2020, soutient les initiatives de citoyens et les jumelages entre villes des deux pays. Financé à parité par la France et l’Allemagne, il dispose d’un budget annuel de 2,4 millions d’euros.",
                    en="The Franco-German Citizens' Fund, provided for by the Treaty of Aachen and launched on 16 April 2020, supports citizens' initiatives and twinnings between towns in both countries. Funded equally by France and Germany, it has an annual budget of 2.4 million euros.",
                    es="El Fondo Ciudadano Franco-Alemán, previsto por el Tratado de Aquisgrán y puesto en marcha el 16 de abril de 2020, apoya las iniciativas ciudadanas y los hermanamientos entre ciudades de ambos países. Financiado a partes iguales por Francia y Alemania, cuenta con un presupuesto anual de 2,4 millones de euros.",
                    ar="يدعم الصندوق المواطني الفرنسي الألماني، الذي نصّت عليه معاهدة آخن وأُطلق في 16 أبريل 2020، مبادرات المواطنين والتوأمات بين مدن البلدين. ويموّله البلدان مناصفةً، وتبلغ ميزانيته السنوية 2,4 مليون يورو.",
                ),
                T(
                    "Ses modalités de demande sont volontairement simples : au cours de ses huit premiers mois et demi, il a soutenu 109 projets, y compris des échanges organisés en ligne pendant la pandémie.",
                    en="Its application process is deliberately simple: in its first eight and a half months it supported 109 projects, including exchanges held online during the pandemic.",
                    es="Sus procedimientos de solicitud son deliberadamente sencillos: en sus primeros ocho meses y medio apoyó 109 proyectos, incluidos intercambios realizados en línea durante la pandemia.",
                    ar="وإجراءات طلب الدعم منه بسيطة عن قصد، إذ دعم خلال أشهره الثمانية والنصف الأولى 109 مشاريع، منها تبادلات نُظّمت عبر الإنترنت خلال الجائحة.",
                ),
            ],
        ),
        (
            "callout",
            {
                "title": T(
                    "Bon à savoir",
                    en="Good to know",
                    es="Conviene saber",
                    ar="من المفيد أن تعرفوا",
                ),
                "text": T(
                    "Depuis 2014, une collectivité peut collaborer avec une autorité locale étrangère sur un projet précis sans avoir signé au préalable de convention ou de charte de jumelage. Un document écrit reste toutefois recommandé pour préciser les engagements de chacun.",
                    en="Since 2014, a local authority may work with a foreign local authority on a specific project without first signing an agreement or a twinning charter. A written document is still recommended to set out each party's commitments.",
                    es="Desde 2014, un gobierno local puede colaborar con una autoridad local extranjera en un proyecto concreto sin haber firmado previamente un convenio o una carta de hermanamiento. No obstante, se recomienda un documento escrito que precise los compromisos de cada parte.",
                    ar="منذ عام 2014، يجوز لجماعة محلية أن تتعاون مع سلطة محلية أجنبية في مشروع محدد دون توقيع اتفاقية أو ميثاق توأمة مسبقًا. غير أنه يُستحسن إعداد وثيقة مكتوبة تحدد التزامات كل طرف.",
                ),
            },
        ),
    ],
}

PAGE_OUTILS = {
    "slug": "outils-de-la-plateforme",
    "menu": True,
    "translated": True,
    "title": T(
        "Les outils au service des collectivités",
        en="Tools for local authorities",
        es="Herramientas al servicio de los gobiernos locales",
        ar="أدوات في خدمة الجماعات المحلية",
    ),
    "search_description": T(
        "Atlas, bourse partenariats, label EXPE-CT, télédéclaration de l’APD : les services en ligne proposés aux acteurs de la coopération décentralisée.",
        en="Atlas, partnership exchange, EXPE-CT label, ODA declaration: the online services offered to decentralised cooperation actors.",
        es="Atlas, bolsa de alianzas, sello EXPE-CT, declaración de la AOD: los servicios en línea para los actores de la cooperación descentralizada.",
        ar="الأطلس وبورصة الشراكات وعلامة EXPE-CT والتصريح بالمساعدة الإنمائية: الخدمات الإلكترونية المتاحة لفاعلي التعاون اللامركزي.",
    ),
    "intro": T(
        "La plateforme de la Commission nationale de la coopération décentralisée est l’outil de travail commun au ministère et à l’ensemble des acteurs de l’action extérieure des collectivités.",
        en="The platform of the National Commission for Decentralised Cooperation is the shared working tool of the ministry and all those involved in local authorities' international action.",
        es="La plataforma de la Comisión Nacional de la Cooperación Descentralizada es la herramienta de trabajo común del ministerio y de todos los actores de la acción exterior de los gobiernos locales.",
        ar="منصة اللجنة الوطنية للتعاون اللامركزي هي أداة العمل المشتركة بين الوزارة وجميع الفاعلين في العمل الخارجي للجماعات المحلية.",
    ),
    "body": [
        (
            "paragraph",
            [
                T(
                    "Lancé en 2009, le portail de la coopération décentralisée a d’abord répondu à un besoin de visibilité : faire connaître ce que les collectivités entreprennent à l’étranger. Il est devenu un espace de services en ligne, ouvert aux collectivités, aux préfectures, aux ambassades, aux ministères et à leurs opérateurs.",
                    en="Launched in 2009, the decentralised cooperation portal first met a need for visibility: showing what local authorities do abroad. It has since become a set of online services open to local authorities, prefectures, embassies, ministries and their agencies.",
                    es="Lanzado en 2009, el portal de la cooperación descentralizada respondió primero a una necesidad de visibilidad: dar a conocer lo que los gobiernos locales emprenden en el extranjero. Hoy es un espacio de servicios en línea abierto a gobiernos locales, prefecturas, embajadas, ministerios y sus organismos.",
                    ar="أُطلقت بوابة التعاون اللامركزي في عام 2009 استجابةً أولًا لحاجة إلى الظهور، أي التعريف بما تنجزه الجماعات المحلية في الخارج. ثم أصبحت فضاءً للخدمات الإلكترونية مفتوحًا للجماعات المحلية والمحافظات والسفارات والوزارات والهيئات التابعة لها.",
                ),
            ],
        ),
        (
            "accordion",
            {
                "title": T(
                    "Les principaux services",
                    en="The main services",
                    es="Los principales servicios",
                    ar="أهم الخدمات",
                ),
                "items": [
                    {
                        "title": T(
                            "L’Atlas de la coopération décentralisée",
                            en="The Atlas of decentralised cooperation",
                            es="El Atlas de la cooperación descentralizada",
                            ar="أطلس التعاون اللامركزي",
                        ),
                        "body": [
                            T(
                                "L’Atlas cartographie les actions internationales des collectivités françaises, jumelages compris. Il recense près de 13 000 projets conduits avec plus de 10 000 collectivités partenaires dans 144 pays.",
                                en="The Atlas maps the international activities of French local authorities, twinnings included. It lists nearly 13,000 projects carried out with more than 10,000 partner authorities in 144 countries.",
                                es="El Atlas cartografía las acciones internacionales de los gobiernos locales franceses, incluidos los hermanamientos. Registra cerca de 13 000 proyectos realizados con más de 10 000 gobiernos locales socios en 144 países.",
                                ar="يرسم الأطلس خريطة الأنشطة الدولية للجماعات المحلية الفرنسية، بما فيها التوأمات. ويحصي نحو 13 ألف مشروع أُنجزت مع أكثر من 10 آلاف سلطة محلية شريكة في 144 بلدًا.",
                            ),
                            T(
                                "On peut le parcourir par continent, pays, région ou collectivité et consulter pour chaque projet une fiche détaillée : thème, objectifs, partenaires, financements et contacts.",
                                en="It can be browsed by continent, country, region or authority, with a detailed sheet for each project: theme, objectives, partners, funding and contacts.",
                                es="Puede recorrerse por continente, país, región o gobierno local, con una ficha detallada para cada proyecto: tema, objetivos, socios, financiación y contactos.",
                                ar="ويمكن تصفحه حسب القارة أو البلد أو الجهة أو الجماعة المحلية، مع بطاقة مفصلة لكل مشروع تتضمن الموضوع والأهداف والشركاء والتمويل وجهات الاتصال.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "La Bourse partenariats",
                            en="The partnership exchange",
                            es="La bolsa de alianzas",
                            ar="بورصة الشراكات",
                        ),
                        "body": [
                            T(
                                "Née d’une demande exprimée lors de la Conférence des ambassadeurs de 2007, la bourse présente les demandes de coopération d’autorités locales étrangères. Les ambassades de France en assurent l’animation et la mise en ligne.",
                                en="Created in response to a request made at the 2007 Ambassadors' Conference, the exchange presents cooperation requests from foreign local authorities. French embassies manage it and put the offers online.",
                                es="Creada a partir de una solicitud expresada en la Conferencia de Embajadores de 2007, la bolsa presenta las solicitudes de cooperación de autoridades locales extranjeras. Las embajadas de Francia se encargan de animarla y publicar las ofertas.",
                                ar="نشأت البورصة استجابةً لطلب عُبّر عنه خلال مؤتمر السفراء لعام 2007، وهي تعرض طلبات التعاون الواردة من سلطات محلية أجنبية. وتتولى سفارات فرنسا تنشيطها ونشر العروض فيها.",
                            ),
                            T(
                                "Lors de sa présentation, elle réunissait 120 offres émanant de 95 collectivités étrangères dans 34 pays. L’inscription d’une offre n’implique aucun financement du ministère.",
                                en="When it was presented, it listed 120 offers from 95 foreign authorities in 34 countries. Listing an offer does not imply any funding from the ministry.",
                                es="En el momento de su presentación reunía 120 ofertas de 95 gobiernos locales extranjeros en 34 países. La publicación de una oferta no implica ninguna financiación del ministerio.",
                                ar="وعند تقديمها، كانت تضم 120 عرضًا صادرًا عن 95 سلطة محلية أجنبية في 34 بلدًا. ولا يترتب على إدراج أي عرض تمويل من الوزارة.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "Le label EXPE-CT",
                            en="The EXPE-CT label",
                            es="El sello EXPE-CT",
                            ar="علامة EXPE-CT",
                        ),
                        "body": [
                            T(
                                "Lancé en juillet 2020, le programme EXPE-CT fait évoluer le dispositif d’appui à l’expertise des collectivités, dont l’origine remonte au programme PACT2 créé en 2011. Il reconnaît le savoir-faire d’une collectivité ou d’un groupe de collectivités, éventuellement associées à des hôpitaux, des universités ou des associations.",
                                en="Launched in July 2020, the EXPE-CT programme updates the scheme supporting local authorities' expertise, which goes back to the PACT2 programme created in 2011. It recognises the know-how of an authority or group of authorities, possibly together with hospitals, universities or associations.",
                                es="Puesto en marcha en julio de 2020, el programa EXPE-CT renueva el mecanismo de apoyo a la experiencia de los gobiernos locales, cuyo origen se remonta al programa PACT2 creado en 2011. Reconoce la experiencia de un gobierno local o de un grupo de ellos, eventualmente asociados a hospitales, universidades o asociaciones.",
                                ar="أُطلق برنامج EXPE-CT في يوليو 2020 تطويرًا لآلية دعم خبرة الجماعات المحلية، التي تعود أصولها إلى برنامج PACT2 المُنشأ عام 2011. ويعترف بخبرة جماعة محلية أو مجموعة من الجماعات، قد تشاركها مستشفيات أو جامعات أو جمعيات.",
                            ),
                            T(
                                "Les demandes sont examinées au fil de l’eau par un comité de labellisation. Seize labels ont été attribués en janvier 2021, puis onze en mars 2021.",
                                en="Applications are reviewed as they arrive by a labelling committee. Sixteen labels were awarded in January 2021, then eleven in March 2021.",
                                es="Las solicitudes son examinadas a medida que llegan por un comité de certificación. Se otorgaron dieciséis sellos en enero de 2021 y once en marzo de 2021.",
                                ar="تدرس لجنة منح العلامة الطلبات تباعًا فور ورودها. وقد مُنحت ست عشرة علامة في يناير 2021، ثم إحدى عشرة علامة في مارس 2021.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "La télédéclaration de l’aide publique au développement",
                            en="Online declaration of official development assistance",
                            es="La declaración en línea de la ayuda oficial al desarrollo",
                            ar="التصريح الإلكتروني بالمساعدة الإنمائية الرسمية",
                        ),
                        "body": [
                            T(
                                "Chaque année, les collectivités et leurs groupements déclarent en ligne leurs dépenses d’aide publique au développement, comme le prévoit l’article L. 1115-6 du code général des collectivités territoriales. Ces données alimentent le rapport annuel transmis à l’OCDE.",
                                en="Each year, local authorities and their groupings declare their official development assistance spending online, as required by Article L. 1115-6 of the General Code of Local Authorities. The data feed the annual report sent to the OECD.",
                                es="Cada año, los gobiernos locales y sus agrupaciones declaran en línea sus gastos de ayuda oficial al desarrollo, conforme al artículo L. 1115-6 del Código General de las Colectividades Territoriales. Estos datos alimentan el informe anual enviado a la OCDE.",
                                ar="تصرّح الجماعات المحلية وتجمعاتها كل سنة عبر الإنترنت بنفقاتها في مجال المساعدة الإنمائية الرسمية، وفقًا للمادة L. 1115-6 من المدونة العامة للجماعات المحلية. وتُغذّي هذه البيانات التقرير السنوي المرسَل إلى منظمة التعاون والتنمية في الميدان الاقتصادي.",
                            ),
                            T(
                                "La déclaration est une condition pour obtenir un cofinancement du ministère. Lors de sa mise en place, la France était le seul État membre de l’OCDE à avoir dématérialisé cette collecte.",
                                en="Declaring is a condition for receiving co-funding from the ministry. When it was introduced, France was the only OECD member state to have moved this data collection online.",
                                es="La declaración es una condición para obtener una cofinanciación del ministerio. Cuando se implementó, Francia era el único Estado miembro de la OCDE que realizaba esta recopilación en línea.",
                                ar="ويُعدّ هذا التصريح شرطًا للحصول على تمويل مشترك من الوزارة. وعند اعتماد هذا النظام، كانت فرنسا الدولة العضو الوحيدة في منظمة التعاون والتنمية في الميدان الاقتصادي التي تجري هذه العملية إلكترونيًا.",
                            ),
                        ],
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "title": T(
                    "Dépôt des candidatures",
                    en="Submitting applications",
                    es="Presentación de candidaturas",
                    ar="إيداع الترشيحات",
                ),
                "text": T(
                    "Les dossiers de réponse aux appels à projets se déposent en ligne sur la plateforme, à l’exception de l’appel « Clés en main ». Chaque collectivité dispose d’un espace personnel pour suivre ses demandes.",
                    en="Applications to calls for projects are submitted online on the platform, except for the 'turnkey' call. Each local authority has a personal area to follow its applications.",
                    es="Las candidaturas a las convocatorias se presentan en línea en la plataforma, salvo la convocatoria «llave en mano». Cada gobierno local dispone de un espacio personal para seguir sus solicitudes.",
                    ar="تُودَع ملفات الترشح للدعوات إلكترونيًا على المنصة، باستثناء دعوة «المشاريع الجاهزة». وتتوفر لكل جماعة محلية مساحة شخصية لمتابعة طلباتها.",
                ),
            },
        ),
    ],
}

PAGE_AECT = {
    "slug": "action-exterieure-collectivites",
    "menu": True,
    "translated": True,
    "title": T(
        "L’action extérieure des collectivités territoriales",
        en="The international action of local authorities",
        es="La acción exterior de los gobiernos locales",
        ar="العمل الخارجي للجماعات المحلية",
    ),
    "search_description": T(
        "Ce qu’est l’action extérieure des collectivités territoriales, qui la mène et comment le ministère l’accompagne.",
        en="What the international action of French local authorities is, who carries it out and how the ministry supports it.",
        es="Qué es la acción exterior de los gobiernos locales franceses, quién la lleva a cabo y cómo la acompaña el ministerio.",
        ar="ما هو العمل الخارجي للجماعات المحلية الفرنسية، ومن يقوم به، وكيف ترافقه الوزارة.",
    ),
    "intro": T(
        "L’action extérieure des collectivités territoriales (AECT) regroupe tous les projets de coopération que les collectivités françaises, de métropole et d’outre-mer, conduisent avec des autorités locales étrangères.",
        en="The international action of local authorities (AECT) covers every cooperation project that French local authorities, in mainland France and overseas, carry out with local authorities abroad.",
        es="La acción exterior de los gobiernos locales (AECT) agrupa todos los proyectos de cooperación que los gobiernos locales franceses, de la Francia metropolitana y de ultramar, llevan a cabo con autoridades locales extranjeras.",
        ar="يشمل العمل الخارجي للجماعات المحلية (AECT) جميع مشاريع التعاون التي تنفذها الجماعات المحلية الفرنسية، في فرنسا القارية وفي أقاليم ما وراء البحار، مع سلطات محلية أجنبية.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T(
                    "Une action ouverte à toutes les collectivités",
                    en="Open to every local authority",
                    es="Una acción abierta a todos los gobiernos locales",
                    ar="عمل متاح لجميع الجماعات المحلية",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Reconnue par la loi depuis plus de trente ans, l’AECT permet à une collectivité d’agir dans presque tous les domaines de l’action publique locale. Elle n’est pas limitée par la répartition habituelle des compétences, mais elle exclut les missions régaliennes de l’État et doit respecter les engagements internationaux de la France.",
                    en="Recognised in law for more than thirty years, AECT allows a local authority to act in almost every field of local public policy. It is not bound by the usual division of powers, but it excludes the sovereign functions of the State and must respect France's international commitments.",
                    es="Reconocida por la ley desde hace más de treinta años, la AECT permite a un gobierno local actuar en casi todos los ámbitos de la acción pública local. No está limitada por el reparto habitual de competencias, pero excluye las funciones soberanas del Estado y debe respetar los compromisos internacionales de Francia.",
                    ar="يتيح العمل الخارجي للجماعات المحلية، المعترف به قانونًا منذ أكثر من ثلاثين عامًا، أن تتدخل الجماعة المحلية في جميع مجالات العمل العمومي المحلي تقريبًا. ولا يخضع هذا العمل للتوزيع المعتاد للاختصاصات، لكنه يستثني الوظائف السيادية للدولة ويجب أن يحترم الالتزامات الدولية لفرنسا.",
                ),
                T(
                    "Les partenaires ne sont pas forcément de même taille ni de même niveau : une commune peut coopérer avec une région étrangère, un département avec une municipalité. Ils peuvent être liés par un jumelage, par une convention de coopération ou simplement travailler ensemble sur un projet.",
                    en="Partners need not be the same size or at the same level: a municipality may cooperate with a foreign region, a département with a town. They may be linked by a twinning, by a cooperation agreement, or simply work together on a project.",
                    es="Los socios no tienen por qué ser del mismo tamaño ni del mismo nivel: un municipio puede cooperar con una región extranjera y un departamento con una municipalidad. Pueden estar vinculados por un hermanamiento, por un convenio de cooperación o simplemente trabajar juntos en un proyecto.",
                    ar="ولا يشترط أن يكون الشركاء من الحجم نفسه أو المستوى نفسه، فقد تتعاون بلدية مع جهة أجنبية، أو مقاطعة مع بلدية. ويمكن أن تربطهم توأمة أو اتفاقية تعاون، أو أن يعملوا معًا ببساطة على مشروع.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Qui sont les acteurs ?",
                    en="Who is involved?",
                    es="¿Quiénes son los actores?",
                    ar="من هم الفاعلون؟",
                ),
                "level": 2,
            },
        ),
        (
            "list",
            [
                T(
                    "Les régions, les départements, les communes et les intercommunalités, en métropole comme outre-mer.",
                    en="Regions, départements, municipalities and inter-municipal bodies, in mainland France and overseas.",
                    es="Las regiones, los departamentos, los municipios y las mancomunidades, tanto en la Francia metropolitana como en ultramar.",
                    ar="الجهات والمقاطعات والبلديات والهيئات المشتركة بين البلديات، في فرنسا القارية وفي ما وراء البحار.",
                ),
                T(
                    "Leurs groupements, comme les syndicats chargés de l’eau, de l’assainissement ou de l’énergie.",
                    en="Their groupings, such as the joint bodies responsible for water, sanitation or energy.",
                    es="Sus agrupaciones, como los consorcios encargados del agua, el saneamiento o la energía.",
                    ar="تجمعاتها، مثل النقابات المشتركة المكلفة بالماء أو التطهير أو الطاقة.",
                ),
                T(
                    "Les associations nationales d’élus et les réseaux régionaux multi-acteurs, qui informent et fédèrent.",
                    en="National associations of elected officials and regional multi-stakeholder networks, which inform and bring people together.",
                    es="Las asociaciones nacionales de autoridades electas y las redes regionales multiactor, que informan y articulan.",
                    ar="الجمعيات الوطنية للمنتخبين والشبكات الجهوية متعددة الفاعلين، التي تتولى الإعلام والتنسيق.",
                ),
                T(
                    "Les partenaires du territoire : hôpitaux, universités, lycées, entreprises, associations de solidarité internationale.",
                    en="Local partners: hospitals, universities, schools, businesses and international solidarity associations.",
                    es="Los socios del territorio: hospitales, universidades, liceos, empresas y asociaciones de solidaridad internacional.",
                    ar="شركاء الإقليم: المستشفيات والجامعات والثانويات والمؤسسات الاقتصادية وجمعيات التضامن الدولي.",
                ),
            ],
        ),
        (
            "paragraph",
            [
                T(
                    "Les formes d’action sont très variées : projets de développement, échanges techniques, aide d’urgence, mobilité des jeunes, actions culturelles, promotion économique ou sensibilisation à la citoyenneté mondiale.",
                    en="Activities take many forms: development projects, technical exchanges, emergency aid, youth mobility, cultural activities, economic promotion and global citizenship education.",
                    es="Las formas de acción son muy variadas: proyectos de desarrollo, intercambios técnicos, ayuda de emergencia, movilidad juvenil, acciones culturales, promoción económica o sensibilización a la ciudadanía mundial.",
                    ar="وتتنوع أشكال العمل كثيرًا: مشاريع تنموية، وتبادلات تقنية، ومساعدات طارئة، وتنقّل الشباب، وأنشطة ثقافية، وترويج اقتصادي، وتوعية بالمواطنة العالمية.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Le rôle du ministère",
                    en="The ministry's role",
                    es="El papel del ministerio",
                    ar="دور الوزارة",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Le ministère de l’Europe et des Affaires étrangères s’associe à ces initiatives, qui contribuent au rayonnement de la France. Il dispose pour cela d’une structure dédiée, créée par une circulaire de 1983 et longtemps connue sous le nom de Délégation pour l’action extérieure des collectivités territoriales (DAECT).",
                    en="The Ministry for Europe and Foreign Affairs supports these initiatives, which help extend France's influence. It has a dedicated unit for this purpose, created by a circular in 1983 and long known as the Delegation for the International Action of Local Authorities (DAECT).",
                    es="El Ministerio de Europa y Asuntos Exteriores se asocia a estas iniciativas, que contribuyen a la proyección de Francia. Para ello cuenta con una estructura específica, creada por una circular de 1983 y conocida durante mucho tiempo como Delegación para la Acción Exterior de las Colectividades Territoriales (DAECT).",
                    ar="تنضم وزارة أوروبا والشؤون الخارجية إلى هذه المبادرات التي تسهم في إشعاع فرنسا. ولهذا الغرض، تملك هيئة مخصصة أُنشئت بموجب منشور صدر عام 1983، وعُرفت طويلًا باسم مندوبية العمل الخارجي للجماعات المحلية (DAECT).",
                ),
                T(
                    "Devenue la Délégation pour les collectivités territoriales et la société civile (DCTCIV), elle conseille, soutient, promeut et cofinance l’action extérieure des collectivités. Elle assure aussi le secrétariat de la Commission nationale de la coopération décentralisée et travaille avec les ambassades et l’Agence française de développement.",
                    en="Now the Delegation for Local Authorities and Civil Society (DCTCIV), it advises, supports, promotes and co-funds local authorities' international action. It also runs the secretariat of the National Commission for Decentralised Cooperation and works with embassies and the French Development Agency.",
                    es="Convertida en la Delegación para las Colectividades Territoriales y la Sociedad Civil (DCTCIV), asesora, apoya, promueve y cofinancia la acción exterior de los gobiernos locales. También ejerce la secretaría de la Comisión Nacional de la Cooperación Descentralizada y trabaja con las embajadas y la Agencia Francesa de Desarrollo.",
                    ar="وقد أصبحت اليوم مندوبية الجماعات المحلية والمجتمع المدني (DCTCIV)، وهي تقدم المشورة والدعم والترويج والتمويل المشترك للعمل الخارجي للجماعات المحلية. كما تتولى أمانة اللجنة الوطنية للتعاون اللامركزي وتعمل مع السفارات والوكالة الفرنسية للتنمية.",
                ),
            ],
        ),
        (
            "callout",
            {
                "title": T(
                    "À retenir",
                    en="Key point",
                    es="Para recordar",
                    ar="للتذكير",
                ),
                "text": T(
                    "L’action internationale n’est pas réservée aux métropoles et aux régions. Chaque collectivité peut agir à son échelle, et les appels à projets du ministère sont ouverts aux petites communes comme aux grandes.",
                    en="International action is not reserved for large cities and regions. Every local authority can act at its own scale, and the ministry's calls for projects are open to small municipalities as well as large ones.",
                    es="La acción internacional no está reservada a las grandes ciudades ni a las regiones. Cada gobierno local puede actuar a su escala, y las convocatorias del ministerio están abiertas tanto a los municipios pequeños como a los grandes.",
                    ar="العمل الدولي ليس حكرًا على المدن الكبرى والجهات. فبإمكان كل جماعة محلية أن تعمل على قدر إمكاناتها، والدعوات التي تطلقها الوزارة مفتوحة للبلديات الصغيرة والكبيرة على حد سواء.",
                ),
            },
        ),
        (
            "heading",
            {
                "text": T(
                    "Chiffres clés",
                    en="Key figures",
                    es="Cifras clave",
                    ar="أرقام رئيسية",
                ),
                "level": 2,
            },
        ),
        (
            "table",
            {
                "caption": T(
                    "L’action extérieure des collectivités territoriales en chiffres",
                    en="The international action of local authorities in figures",
                    es="La acción exterior de los gobiernos locales en cifras",
                    ar="العمل الخارجي للجماعات المحلية بالأرقام",
                ),
                "header": [
                    T("Indicateur", en="Indicator", es="Indicador", ar="المؤشر"),
                    T("Valeur", en="Value", es="Valor", ar="القيمة"),
                ],
                "rows": [
                    [
                        T(
                            "Projets de coopération décentralisée recensés",
                            en="Decentralised cooperation projects recorded",
                            es="Proyectos de cooperación descentralizada registrados",
                            ar="مشاريع التعاون اللامركزي المسجلة",
                        ),
                        "13 000",
                    ],
                    [
                        T(
                            "Collectivités territoriales françaises engagées",
                            en="French local authorities involved",
                            es="Gobiernos locales franceses comprometidos",
                            ar="الجماعات المحلية الفرنسية المنخرطة",
                        ),
                        "4 800",
                    ],
                    [
                        T(
                            "Collectivités partenaires à l’étranger",
                            en="Partner authorities abroad",
                            es="Gobiernos locales socios en el extranjero",
                            ar="السلطات المحلية الشريكة في الخارج",
                        ),
                        "10 000",
                    ],
                    [
                        T(
                            "Pays concernés",
                            en="Countries",
                            es="Países",
                            ar="البلدان المعنية",
                        ),
                        "144",
                    ],
                    [
                        T(
                            "Projets cofinancés par le ministère en 2011",
                            en="Projects co-funded by the ministry in 2011",
                            es="Proyectos cofinanciados por el ministerio en 2011",
                            ar="المشاريع التي شاركت الوزارة في تمويلها عام 2011",
                        ),
                        T(
                            "environ 350, pour plus de 7 M€",
                            en="about 350, for over €7 million",
                            es="unos 350, por más de 7 millones de euros",
                            ar="نحو 350 مشروعًا بأكثر من 7 ملايين يورو",
                        ),
                    ],
                    [
                        T(
                            "Aide publique au développement des collectivités (2009-2010)",
                            en="Local authorities' official development assistance (2009-2010)",
                            es="Ayuda oficial al desarrollo de los gobiernos locales (2009-2010)",
                            ar="المساعدة الإنمائية الرسمية للجماعات المحلية (2009-2010)",
                        ),
                        T(
                            "environ 70 M€, dont les trois quarts vers l’Afrique",
                            en="about €70 million, three quarters of it to Africa",
                            es="unos 70 millones de euros, tres cuartas partes destinadas a África",
                            ar="نحو 70 مليون يورو، ثلاثة أرباعها موجهة إلى أفريقيا",
                        ),
                    ],
                ],
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Les quatre premiers chiffres proviennent de l’Atlas de la coopération décentralisée. Les collectivités privilégient l’Afrique francophone, la Chine et l’Asie du Sud-Est, tandis que leur engagement progresse en Amérique latine et en Afrique lusophone et anglophone.",
                    en="The first four figures come from the Atlas of decentralised cooperation. Local authorities favour French-speaking Africa, China and South-East Asia, while their involvement is growing in Latin America and in Portuguese- and English-speaking Africa.",
                    es="Las cuatro primeras cifras proceden del Atlas de la cooperación descentralizada. Los gobiernos locales privilegian el África francófona, China y el Sudeste Asiático, mientras su compromiso avanza en América Latina y en el África lusófona y anglófona.",
                    ar="الأرقام الأربعة الأولى مأخوذة من أطلس التعاون اللامركزي. وتعطي الجماعات المحلية الأولوية لأفريقيا الناطقة بالفرنسية والصين وجنوب شرق آسيا، فيما يتزايد انخراطها في أمريكا اللاتينية وفي أفريقيا الناطقة بالبرتغالية والإنجليزية.",
                ),
            ],
        ),
    ],
    "children": [PAGE_JUMELAGES, PAGE_OUTILS],
}

# b. Legal framework ---------------------------------------------------------------------------

PAGE_CADRE = {
    "slug": "cadre-juridique",
    "menu": True,
    "translated": True,
    "title": T(
        "Le cadre juridique",
        en="The legal framework",
        es="El marco jurídico",
        ar="الإطار القانوني",
    ),
    "search_description": T(
        "Lois de 1992, 2005, 2007 et 2014 : les textes qui fondent et sécurisent l’action extérieure des collectivités territoriales.",
        en="The 1992, 2005, 2007 and 2014 laws: the texts that establish and secure the international action of French local authorities.",
        es="Leyes de 1992, 2005, 2007 y 2014: los textos que fundamentan y dan seguridad a la acción exterior de los gobiernos locales franceses.",
        ar="قوانين 1992 و2005 و2007 و2014: النصوص التي تؤسس العمل الخارجي للجماعات المحلية الفرنسية وتؤمّنه.",
    ),
    "intro": T(
        "En trente ans, une série de lois a progressivement reconnu, élargi puis sécurisé le droit des collectivités françaises à coopérer avec des autorités locales étrangères.",
        en="Over thirty years, a series of laws has gradually recognised, extended and then secured the right of French local authorities to cooperate with local authorities abroad.",
        es="En treinta años, una serie de leyes ha reconocido, ampliado y luego asegurado progresivamente el derecho de los gobiernos locales franceses a cooperar con autoridades locales extranjeras.",
        ar="على مدى ثلاثين عامًا، اعترفت سلسلة من القوانين تدريجيًا بحق الجماعات المحلية الفرنسية في التعاون مع سلطات محلية أجنبية، ثم وسّعته وأمّنته.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T(
                    "Les principes",
                    en="The principles",
                    es="Los principios",
                    ar="المبادئ",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Les règles applicables figurent aujourd’hui dans le code général des collectivités territoriales, à partir de l’article L. 1115-1. Elles permettent aux collectivités et à leurs groupements de mener ou de soutenir des actions de coopération, d’aide au développement ou à caractère humanitaire.",
                    en="The applicable rules are now set out in the General Code of Local Authorities, from Article L. 1115-1 onwards. They allow local authorities and their groupings to carry out or support cooperation, development aid or humanitarian actions.",
                    es="Las reglas aplicables figuran hoy en el Código General de las Colectividades Territoriales, a partir del artículo L. 1115-1. Permiten a los gobiernos locales y a sus agrupaciones realizar o apoyar acciones de cooperación, de ayuda al desarrollo o de carácter humanitario.",
                    ar="ترد القواعد المعمول بها اليوم في المدونة العامة للجماعات المحلية ابتداءً من المادة L. 1115-1. وهي تتيح للجماعات المحلية وتجمعاتها تنفيذ أعمال التعاون أو المساعدة الإنمائية أو الأعمال ذات الطابع الإنساني أو دعمها.",
                ),
                T(
                    "Deux limites demeurent : une collectivité ne peut pas intervenir dans les domaines régaliens, et son action doit respecter les engagements internationaux de la France. Au Parlement, le Sénat représente les collectivités territoriales en vertu de l’article 24 de la Constitution.",
                    en="Two limits remain: a local authority may not act in areas reserved to the sovereign State, and its action must respect France's international commitments. In Parliament, the Senate represents local authorities under Article 24 of the Constitution.",
                    es="Subsisten dos límites: un gobierno local no puede intervenir en los ámbitos soberanos del Estado, y su acción debe respetar los compromisos internacionales de Francia. En el Parlamento, el Senado representa a los gobiernos locales en virtud del artículo 24 de la Constitución.",
                    ar="ويبقى قيدان: لا يجوز للجماعة المحلية التدخل في المجالات السيادية، ويجب أن يحترم عملها الالتزامات الدولية لفرنسا. وفي البرلمان، يمثّل مجلس الشيوخ الجماعات المحلية بموجب المادة 24 من الدستور.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Les textes de référence",
                    en="Key texts",
                    es="Los textos de referencia",
                    ar="النصوص المرجعية",
                ),
                "level": 2,
            },
        ),
        (
            "accordion",
            {
                "title": T(
                    "Les principales lois",
                    en="The main laws",
                    es="Las principales leyes",
                    ar="أهم القوانين",
                ),
                "items": [
                    {
                        "title": T(
                            "Loi du 6 février 1992 relative à l’administration territoriale de la République",
                            en="Law of 6 February 1992 on the territorial administration of the Republic",
                            es="Ley del 6 de febrero de 1992 relativa a la administración territorial de la República",
                            ar="قانون 6 فبراير 1992 المتعلق بالإدارة الترابية للجمهورية",
                        ),
                        "body": [
                            T(
                                "Cette loi, dite loi ATR, est le premier texte à reconnaître explicitement la coopération décentralisée. Elle autorise les collectivités françaises à signer des conventions avec des autorités locales étrangères.",
                                en="This law, known as the ATR law, was the first text to explicitly recognise decentralised cooperation. It allows French local authorities to sign agreements with foreign local authorities.",
                                es="Esta ley, llamada ley ATR, es el primer texto que reconoce explícitamente la cooperación descentralizada. Autoriza a los gobiernos locales franceses a firmar convenios con autoridades locales extranjeras.",
                                ar="يُعدّ هذا القانون، المعروف بقانون ATR، أول نص يعترف صراحةً بالتعاون اللامركزي. وهو يأذن للجماعات المحلية الفرنسية بإبرام اتفاقيات مع سلطات محلية أجنبية.",
                            ),
                            T(
                                "Elle crée également la Commission nationale de la coopération décentralisée, instance de dialogue entre l’État et les collectivités.",
                                en="It also created the National Commission for Decentralised Cooperation, a forum for dialogue between the State and local authorities.",
                                es="También crea la Comisión Nacional de la Cooperación Descentralizada, instancia de diálogo entre el Estado y los gobiernos locales.",
                                ar="كما ينشئ اللجنة الوطنية للتعاون اللامركزي، وهي هيئة للحوار بين الدولة والجماعات المحلية.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "Loi Oudin-Santini de 2005 : le « 1 % eau »",
                            en="The 2005 Oudin-Santini law: the '1% for water'",
                            es="Ley Oudin-Santini de 2005: el «1 % agua»",
                            ar="قانون أودان-سانتيني لعام 2005: «1 % للماء»",
                        ),
                        "body": [
                            T(
                                "Adoptée en février 2005, cette loi permet aux communes, aux intercommunalités, aux syndicats mixtes chargés de l’eau potable et de l’assainissement ainsi qu’aux agences de l’eau de consacrer jusqu’à 1 % du budget de ces services à des actions de coopération et de solidarité internationale.",
                                en="Passed in February 2005, this law allows municipalities, inter-municipal bodies, joint bodies responsible for drinking water and sanitation, and water agencies to devote up to 1% of the budget of these services to international cooperation and solidarity.",
                                es="Aprobada en febrero de 2005, esta ley permite a los municipios, las mancomunidades, los consorcios encargados del agua potable y el saneamiento y las agencias del agua destinar hasta el 1 % del presupuesto de estos servicios a acciones de cooperación y solidaridad internacional.",
                                ar="اعتُمد هذا القانون في فبراير 2005، وهو يتيح للبلديات والهيئات المشتركة بين البلديات والنقابات المختلطة المكلفة بمياه الشرب والتطهير ووكالات المياه تخصيص ما يصل إلى 1 % من ميزانية هذه المرافق لأعمال التعاون والتضامن الدولي.",
                            ),
                            T(
                                "Une loi de décembre 2006 a étendu le même mécanisme de 1 % aux services publics de distribution d’électricité et de gaz.",
                                en="A law of December 2006 extended the same 1% mechanism to public electricity and gas distribution services.",
                                es="Una ley de diciembre de 2006 extendió el mismo mecanismo del 1 % a los servicios públicos de distribución de electricidad y gas.",
                                ar="وفي ديسمبر 2006، وسّع قانون آخر آلية 1 % نفسها لتشمل المرافق العمومية لتوزيع الكهرباء والغاز.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "Loi Thiollière de 2007",
                            en="The 2007 Thiollière law",
                            es="Ley Thiollière de 2007",
                            ar="قانون تيولييه لعام 2007",
                        ),
                        "body": [
                            T(
                                "La loi Thiollière conforte et élargit la loi de 1992. Elle protège mieux les collectivités contre les recours fondés sur l’absence d’« intérêt local », qui avaient fragilisé certains projets devant les juridictions administratives.",
                                en="The Thiollière law consolidated and extended the 1992 law. It gives local authorities better protection against legal challenges based on the absence of 'local interest', which had weakened some projects before the administrative courts.",
                                es="La ley Thiollière consolida y amplía la ley de 1992. Protege mejor a los gobiernos locales frente a los recursos basados en la ausencia de «interés local», que habían debilitado algunos proyectos ante los tribunales administrativos.",
                                ar="يعزّز قانون تيولييه قانون 1992 ويوسّعه. وهو يحمي الجماعات المحلية بشكل أفضل من الطعون القائمة على انتفاء «المصلحة المحلية»، التي كانت قد أضعفت بعض المشاريع أمام المحاكم الإدارية.",
                            ),
                            T(
                                "Elle reconnaît aussi expressément la possibilité de financer des actions humanitaires en cas d’urgence.",
                                en="It also expressly recognises the possibility of funding humanitarian action in emergencies.",
                                es="También reconoce expresamente la posibilidad de financiar acciones humanitarias en caso de emergencia.",
                                ar="كما يعترف صراحةً بإمكانية تمويل الأعمال الإنسانية في حالات الطوارئ.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "Loi du 7 juillet 2014 sur la politique de développement et de solidarité internationale",
                            en="Law of 7 July 2014 on development and international solidarity policy",
                            es="Ley del 7 de julio de 2014 sobre la política de desarrollo y solidaridad internacional",
                            ar="قانون 7 يوليو 2014 المتعلق بسياسة التنمية والتضامن الدولي",
                        ),
                        "body": [
                            T(
                                "Cette loi d’orientation et de programmation simplifie le cadre : une collectivité peut désormais conduire ou soutenir une action internationale sans qu’une convention avec l’autorité locale étrangère soit obligatoire dans tous les cas.",
                                en="This framework and programming law simplified the rules: a local authority may now carry out or support international action without an agreement with the foreign local authority being required in every case.",
                                es="Esta ley de orientación y programación simplifica el marco: un gobierno local puede ahora realizar o apoyar una acción internacional sin que un convenio con la autoridad local extranjera sea obligatorio en todos los casos.",
                                ar="يبسّط هذا القانون التوجيهي والبرمجي الإطار القانوني، إذ أصبح بإمكان الجماعة المحلية تنفيذ عمل دولي أو دعمه دون أن تكون الاتفاقية مع السلطة المحلية الأجنبية إلزامية في جميع الحالات.",
                            ),
                        ],
                    },
                ],
            },
        ),
        (
            "heading",
            {
                "text": T(
                    "Une obligation de déclaration",
                    en="A reporting obligation",
                    es="Una obligación de declaración",
                    ar="واجب التصريح",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "L’article L. 1115-6 du code général des collectivités territoriales impose aux collectivités et à leurs groupements de déclarer chaque année les montants consacrés à l’aide publique au développement. La déclaration se fait en ligne, au printemps, sur la plateforme de la Commission nationale de la coopération décentralisée.",
                    en="Article L. 1115-6 of the General Code of Local Authorities requires local authorities and their groupings to declare each year the sums they devote to official development assistance. The declaration is made online, in spring, on the platform of the National Commission for Decentralised Cooperation.",
                    es="El artículo L. 1115-6 del Código General de las Colectividades Territoriales obliga a los gobiernos locales y a sus agrupaciones a declarar cada año los montos destinados a la ayuda oficial al desarrollo. La declaración se realiza en línea, en primavera, en la plataforma de la Comisión Nacional de la Cooperación Descentralizada.",
                    ar="تُلزم المادة L. 1115-6 من المدونة العامة للجماعات المحلية الجماعاتِ وتجمعاتها بالتصريح سنويًا بالمبالغ المخصصة للمساعدة الإنمائية الرسمية. ويتم التصريح إلكترونيًا في فصل الربيع على منصة اللجنة الوطنية للتعاون اللامركزي.",
                ),
            ],
        ),
        (
            "callout",
            {
                "title": T(
                    "Un conseil juridique",
                    en="Legal advice",
                    es="Asesoramiento jurídico",
                    ar="استشارة قانونية",
                ),
                "text": T(
                    "La délégation répond aux questions juridiques des collectivités sur leurs projets internationaux. Avant de signer un engagement avec un partenaire étranger, n’hésitez pas à la consulter.",
                    en="The delegation answers local authorities' legal questions about their international projects. Do not hesitate to consult it before signing a commitment with a foreign partner.",
                    es="La delegación responde a las preguntas jurídicas de los gobiernos locales sobre sus proyectos internacionales. No dude en consultarla antes de firmar un compromiso con un socio extranjero.",
                    ar="تجيب المندوبية عن الأسئلة القانونية للجماعات المحلية بشأن مشاريعها الدولية. فلا تترددوا في استشارتها قبل توقيع أي التزام مع شريك أجنبي.",
                ),
            },
        ),
    ],
}

# c. CNCD --------------------------------------------------------------------------------------

PAGE_CNCD = {
    "slug": "commission-nationale-cooperation-decentralisee",
    "menu": True,
    "translated": True,
    "title": T(
        "La Commission nationale de la coopération décentralisée",
        en="The National Commission for Decentralised Cooperation",
        es="La Comisión Nacional de la Cooperación Descentralizada",
        ar="اللجنة الوطنية للتعاون اللامركزي",
    ),
    "search_description": T(
        "Créée en 1992, la CNCD réunit l’État et les collectivités territoriales pour dialoguer sur l’action extérieure des collectivités.",
        en="Created in 1992, the CNCD brings the State and local authorities together to discuss local authorities' international action.",
        es="Creada en 1992, la CNCD reúne al Estado y a los gobiernos locales para dialogar sobre la acción exterior de los gobiernos locales.",
        ar="أُنشئت اللجنة الوطنية للتعاون اللامركزي عام 1992، وهي تجمع الدولة والجماعات المحلية للحوار حول العمل الخارجي للجماعات.",
    ),
    "intro": T(
        "La Commission nationale de la coopération décentralisée (CNCD) est l’instance où l’État et les collectivités territoriales échangent sur l’action internationale des territoires.",
        en="The National Commission for Decentralised Cooperation (CNCD) is the body in which the State and local authorities discuss the international action of French territories.",
        es="La Comisión Nacional de la Cooperación Descentralizada (CNCD) es la instancia en la que el Estado y los gobiernos locales dialogan sobre la acción internacional de los territorios.",
        ar="اللجنة الوطنية للتعاون اللامركزي (CNCD) هي الهيئة التي تتبادل فيها الدولة والجماعات المحلية الآراء حول العمل الدولي للأقاليم.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T(
                    "Son rôle",
                    en="Its role",
                    es="Su función",
                    ar="دورها",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Créée par la loi du 6 février 1992, la CNCD est une instance d’échange et de proposition. Elle dresse un état de la coopération décentralisée, formule des recommandations et contribue à la cohérence entre l’action des collectivités et celle de l’État.",
                    en="Created by the law of 6 February 1992, the CNCD is a forum for exchange and proposals. It takes stock of decentralised cooperation, makes recommendations and helps keep the action of local authorities consistent with that of the State.",
                    es="Creada por la ley del 6 de febrero de 1992, la CNCD es una instancia de intercambio y de propuesta. Elabora un balance de la cooperación descentralizada, formula recomendaciones y contribuye a la coherencia entre la acción de los gobiernos locales y la del Estado.",
                    ar="أُنشئت اللجنة الوطنية للتعاون اللامركزي بموجب قانون 6 فبراير 1992، وهي هيئة للتبادل وتقديم المقترحات. وهي تعدّ حصيلة للتعاون اللامركزي، وتصوغ التوصيات، وتسهم في تحقيق الانسجام بين عمل الجماعات المحلية وعمل الدولة.",
                ),
                T(
                    "Elle permet aussi de partager les priorités géographiques et thématiques de la France avec les élus locaux, et d’entendre en retour leurs attentes sur les dispositifs de soutien.",
                    en="It also allows France's geographical and thematic priorities to be shared with local elected officials, and their expectations regarding support schemes to be heard in return.",
                    es="También permite compartir con las autoridades electas locales las prioridades geográficas y temáticas de Francia y escuchar, a cambio, sus expectativas sobre los mecanismos de apoyo.",
                    ar="كما تتيح إطلاع المنتخبين المحليين على الأولويات الجغرافية والموضوعاتية لفرنسا، والاستماع في المقابل إلى تطلعاتهم بشأن آليات الدعم.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Sa composition",
                    en="Its membership",
                    es="Su composición",
                    ar="تشكيلتها",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Placée auprès du Premier ministre, la commission rassemble l’ensemble des acteurs de la coopération décentralisée. Ses réunions plénières sont généralement présidées par le ministre chargé des affaires étrangères.",
                    en="Attached to the Prime Minister, the commission brings together all the actors of decentralised cooperation. Its plenary meetings are usually chaired by the minister responsible for foreign affairs.",
                    es="Adscrita al Primer Ministro, la comisión reúne al conjunto de los actores de la cooperación descentralizada. Sus reuniones plenarias suelen estar presididas por el ministro encargado de los asuntos exteriores.",
                    ar="تتبع اللجنة رئيس الوزراء، وتضم جميع الفاعلين في التعاون اللامركزي. ويترأس اجتماعاتها العامة عادةً الوزير المكلف بالشؤون الخارجية.",
                ),
            ],
        ),
        (
            "list",
            [
                T(
                    "Des élus représentant les collectivités territoriales françaises de tous niveaux.",
                    en="Elected officials representing French local authorities at every level.",
                    es="Autoridades electas que representan a los gobiernos locales franceses de todos los niveles.",
                    ar="منتخبون يمثلون الجماعات المحلية الفرنسية بجميع مستوياتها.",
                ),
                T(
                    "Les associations nationales représentatives des collectivités territoriales.",
                    en="The national associations representing local authorities.",
                    es="Las asociaciones nacionales representativas de los gobiernos locales.",
                    ar="الجمعيات الوطنية الممثلة للجماعات المحلية.",
                ),
                T(
                    "Les grandes administrations de l’État concernées par l’action internationale.",
                    en="The main State administrations concerned by international action.",
                    es="Las principales administraciones del Estado implicadas en la acción internacional.",
                    ar="الإدارات الكبرى للدولة المعنية بالعمل الدولي.",
                ),
            ],
        ),
        (
            "paragraph",
            [
                T(
                    "La délégation du ministère chargée des collectivités territoriales assure le secrétariat de la commission et la coordination interministérielle. Elle prépare les séances, suit la mise en œuvre des décisions et en rend compte aux membres.",
                    en="The ministry's delegation for local authorities runs the commission's secretariat and interministerial coordination. It prepares the meetings, follows up on decisions and reports back to members.",
                    es="La delegación del ministerio encargada de los gobiernos locales ejerce la secretaría de la comisión y la coordinación interministerial. Prepara las sesiones, da seguimiento a las decisiones e informa a los miembros.",
                    ar="تتولى مندوبية الوزارة المكلفة بالجماعات المحلية أمانة اللجنة والتنسيق بين الوزارات. وهي تحضّر الجلسات وتتابع تنفيذ القرارات وتقدم تقارير بشأنها إلى الأعضاء.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Les réunions plénières",
                    en="Plenary meetings",
                    es="Las reuniones plenarias",
                    ar="الاجتماعات العامة",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "La commission se réunit en principe deux fois par an, le plus souvent au Quai d’Orsay. Chaque séance fait l’objet d’une annonce dans les actualités du portail.",
                    en="The commission normally meets twice a year, most often at the Quai d'Orsay. Each meeting is announced in the portal's news section.",
                    es="La comisión se reúne en principio dos veces al año, casi siempre en el Quai d'Orsay. Cada sesión se anuncia en la sección de noticias del portal.",
                    ar="تجتمع اللجنة مبدئيًا مرتين في السنة، وغالبًا في مقر وزارة الخارجية بالكي دورسيه. ويُعلن عن كل جلسة في قسم الأخبار بالبوابة.",
                ),
            ],
        ),
        (
            "table",
            {
                "caption": T(
                    "Quelques séances plénières récentes",
                    en="Some recent plenary meetings",
                    es="Algunas sesiones plenarias recientes",
                    ar="بعض الجلسات العامة الأخيرة",
                ),
                "header": [
                    T("Date", en="Date", es="Fecha", ar="التاريخ"),
                    T("Principaux sujets", en="Main topics", es="Temas principales", ar="أهم المواضيع"),
                ],
                "rows": [
                    [
                        T("13 décembre 2018", en="13 December 2018", es="13 de diciembre de 2018", ar="13 ديسمبر 2018"),
                        T(
                            "Adoption d’une feuille de route pour la coopération décentralisée au Sahel",
                            en="Adoption of a roadmap for decentralised cooperation in the Sahel",
                            es="Adopción de una hoja de ruta para la cooperación descentralizada en el Sahel",
                            ar="اعتماد خارطة طريق للتعاون اللامركزي في منطقة الساحل",
                        ),
                    ],
                    [
                        T("30 janvier 2020", en="30 January 2020", es="30 de enero de 2020", ar="30 يناير 2020"),
                        T(
                            "Priorités géographiques et thématiques, suites des Assises franco-sahéliennes d’octobre 2019",
                            en="Geographical and thematic priorities, follow-up to the Franco-Sahelian conference of October 2019",
                            es="Prioridades geográficas y temáticas, seguimiento de los Encuentros franco-sahelianos de octubre de 2019",
                            ar="الأولويات الجغرافية والموضوعاتية، ومتابعة المؤتمر الفرنسي الساحلي المنعقد في أكتوبر 2019",
                        ),
                    ],
                    [
                        T(
                            "21 septembre 2020",
                            en="21 September 2020",
                            es="21 de septiembre de 2020",
                            ar="21 سبتمبر 2020",
                        ),
                        T(
                            "Présentation du guide opérationnel de la coopération décentralisée",
                            en="Presentation of the operational guide to decentralised cooperation",
                            es="Presentación de la guía operativa de la cooperación descentralizada",
                            ar="تقديم الدليل العملي للتعاون اللامركزي",
                        ),
                    ],
                ],
            },
        ),
        (
            "callout",
            {
                "title": T(
                    "Une plateforme au nom de la commission",
                    en="A platform bearing the commission's name",
                    es="Una plataforma con el nombre de la comisión",
                    ar="منصة تحمل اسم اللجنة",
                ),
                "text": T(
                    "La plateforme en ligne de la CNCD est le principal outil de travail entre le ministère et les acteurs de la coopération décentralisée. Elle accueille notamment les candidatures aux appels à projets, l’Atlas et la Bourse partenariats.",
                    en="The CNCD's online platform is the main working tool between the ministry and decentralised cooperation actors. It hosts, among other things, applications to calls for projects, the Atlas and the partnership exchange.",
                    es="La plataforma en línea de la CNCD es la principal herramienta de trabajo entre el ministerio y los actores de la cooperación descentralizada. Acoge en particular las candidaturas a las convocatorias, el Atlas y la bolsa de alianzas.",
                    ar="المنصة الإلكترونية للجنة الوطنية للتعاون اللامركزي هي أداة العمل الرئيسية بين الوزارة وفاعلي التعاون اللامركزي. وتستضيف على الخصوص الترشيحات للدعوات والأطلس وبورصة الشراكات.",
                ),
            },
        ),
    ],
}

# d. Operational guide -------------------------------------------------------------------------

PAGE_GUIDE = {
    "slug": "guide-operationnel",
    "menu": True,
    "translated": True,
    "title": T(
        "Guide opérationnel de la coopération décentralisée",
        en="Operational guide to decentralised cooperation",
        es="Guía operativa de la cooperación descentralizada",
        ar="الدليل العملي للتعاون اللامركزي",
    ),
    "search_description": T(
        "Préparer, conduire et évaluer un projet de coopération décentralisée : les étapes clés et les ressources du guide opérationnel.",
        en="Preparing, running and evaluating a decentralised cooperation project: the key steps and the resources of the operational guide.",
        es="Preparar, ejecutar y evaluar un proyecto de cooperación descentralizada: las etapas clave y los recursos de la guía operativa.",
        ar="إعداد مشروع للتعاون اللامركزي وتنفيذه وتقييمه: المراحل الأساسية وموارد الدليل العملي.",
    ),
    "intro": T(
        "Publié en septembre 2020, le guide opérationnel donne aux élus et aux agents des repères concrets pour engager leur collectivité à l’international.",
        en="Published in September 2020, the operational guide gives elected officials and staff practical pointers for taking their authority's work international.",
        es="Publicada en septiembre de 2020, la guía operativa ofrece a las autoridades electas y al personal referencias concretas para comprometer a su gobierno local en la acción internacional.",
        ar="صدر الدليل العملي في سبتمبر 2020، وهو يقدم للمنتخبين والموظفين معالم ملموسة لإشراك جماعتهم المحلية في العمل الدولي.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T(
                    "Un guide en trois parties",
                    en="A guide in three parts",
                    es="Una guía en tres partes",
                    ar="دليل من ثلاثة أجزاء",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "La première partie montre ce qu’une action internationale peut apporter à un mandat local et comment la relier aux priorités du territoire. La deuxième accompagne pas à pas la conception et la conduite d’un projet, avec ses aspects juridiques et financiers.",
                    en="The first part shows what international action can bring to a local term of office and how to link it to local priorities. The second part guides readers step by step through designing and running a project, including its legal and financial aspects.",
                    es="La primera parte muestra lo que una acción internacional puede aportar a un mandato local y cómo vincularla con las prioridades del territorio. La segunda acompaña paso a paso el diseño y la ejecución de un proyecto, con sus aspectos jurídicos y financieros.",
                    ar="يبيّن الجزء الأول ما يمكن أن يضيفه العمل الدولي إلى الولاية المحلية، وكيفية ربطه بأولويات الإقليم. ويرافق الجزء الثاني القارئ خطوة بخطوة في تصميم المشروع وتنفيذه، بما في ذلك جوانبه القانونية والمالية.",
                ),
                T(
                    "La troisième partie est un catalogue thématique et géographique des partenariats ouverts à de nouvelles collectivités, illustré d’exemples et de contacts utiles. Le guide, sa synthèse et un cahier ludique sont disponibles gratuitement en version numérique.",
                    en="The third part is a thematic and geographical catalogue of partnerships open to new local authorities, with examples and useful contacts. The guide, its summary and an activity booklet are available free of charge in digital form.",
                    es="La tercera parte es un catálogo temático y geográfico de las alianzas abiertas a nuevos gobiernos locales, con ejemplos y contactos útiles. La guía, su síntesis y un cuaderno lúdico están disponibles gratuitamente en formato digital.",
                    ar="أما الجزء الثالث فهو فهرس موضوعاتي وجغرافي للشراكات المفتوحة أمام جماعات محلية جديدة، مرفق بأمثلة وجهات اتصال مفيدة. والدليل وملخصه وكراسة أنشطة ترفيهية متاحة مجانًا في صيغة رقمية.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Les étapes d’un projet",
                    en="The stages of a project",
                    es="Las etapas de un proyecto",
                    ar="مراحل المشروع",
                ),
                "level": 2,
            },
        ),
        (
            "list",
            [
                T(
                    "Clarifier les motivations de la collectivité et l’intérêt local du projet, en associant les élus et les services concernés.",
                    en="Clarify the authority's motivations and the local interest of the project, involving the elected officials and departments concerned.",
                    es="Aclarar las motivaciones del gobierno local y el interés local del proyecto, involucrando a las autoridades electas y a los servicios implicados.",
                    ar="توضيح دوافع الجماعة المحلية والمصلحة المحلية للمشروع، بإشراك المنتخبين والمصالح المعنية.",
                ),
                T(
                    "Identifier un partenaire, par exemple grâce à la Bourse partenariats, à l’ambassade de France ou aux réseaux régionaux.",
                    en="Find a partner, for example through the partnership exchange, the French embassy or regional networks.",
                    es="Identificar un socio, por ejemplo mediante la bolsa de alianzas, la embajada de Francia o las redes regionales.",
                    ar="تحديد شريك، مثلًا عبر بورصة الشراكات أو سفارة فرنسا أو الشبكات الجهوية.",
                ),
                T(
                    "Réaliser un diagnostic partagé avec le partenaire étranger et fixer ensemble des objectifs réalistes.",
                    en="Carry out a joint assessment with the foreign partner and agree on realistic objectives together.",
                    es="Realizar un diagnóstico compartido con el socio extranjero y fijar juntos objetivos realistas.",
                    ar="إجراء تشخيص مشترك مع الشريك الأجنبي وتحديد أهداف واقعية معًا.",
                ),
                T(
                    "Formaliser les engagements de chacun dans une convention ou un document de projet.",
                    en="Set out each party's commitments in an agreement or a project document.",
                    es="Formalizar los compromisos de cada parte en un convenio o en un documento de proyecto.",
                    ar="تدوين التزامات كل طرف في اتفاقية أو وثيقة مشروع.",
                ),
                T(
                    "Bâtir un plan de financement associant fonds propres, appels à projets du ministère, Agence française de développement ou Union européenne.",
                    en="Draw up a funding plan combining own funds, the ministry's calls for projects, the French Development Agency or the European Union.",
                    es="Elaborar un plan de financiación que combine fondos propios, convocatorias del ministerio, la Agencia Francesa de Desarrollo o la Unión Europea.",
                    ar="وضع خطة تمويل تجمع بين الموارد الذاتية ودعوات الوزارة والوكالة الفرنسية للتنمية أو الاتحاد الأوروبي.",
                ),
                T(
                    "Mettre en œuvre les activités en mobilisant les acteurs du territoire et en suivant le calendrier convenu.",
                    en="Carry out the activities by involving local stakeholders and following the agreed timetable.",
                    es="Ejecutar las actividades movilizando a los actores del territorio y respetando el calendario acordado.",
                    ar="تنفيذ الأنشطة بتعبئة فاعلي الإقليم واحترام الجدول الزمني المتفق عليه.",
                ),
                T(
                    "Évaluer les résultats avec le partenaire, en rendre compte aux habitants et déclarer les dépenses d’aide publique au développement.",
                    en="Evaluate the results with the partner, report back to residents and declare official development assistance spending.",
                    es="Evaluar los resultados con el socio, informar a los habitantes y declarar los gastos de ayuda oficial al desarrollo.",
                    ar="تقييم النتائج مع الشريك، وإطلاع السكان عليها، والتصريح بنفقات المساعدة الإنمائية الرسمية.",
                ),
            ],
        ),
        (
            "quote",
            {
                "text": T(
                    "Notre coopération a commencé par un simple échange entre deux services de l’eau. En prenant le temps du diagnostic partagé, nous avons construit un projet utile aux deux territoires et nos agents en sont revenus plus motivés.",
                    en="Our cooperation began with a simple exchange between two water departments. By taking the time to carry out a joint assessment, we built a project that benefits both places, and our staff came back more motivated.",
                    es="Nuestra cooperación comenzó con un simple intercambio entre dos servicios de agua. Al tomarnos el tiempo de un diagnóstico compartido, construimos un proyecto útil para ambos territorios y nuestro personal volvió más motivado.",
                    ar="بدأ تعاوننا بتبادل بسيط بين مصلحتين للماء. وبتخصيص الوقت اللازم للتشخيص المشترك، بنينا مشروعًا مفيدًا للإقليمين معًا، وعاد موظفونا أكثر حماسًا.",
                ),
                "source": T(
                    "Responsable des relations internationales d’une communauté d’agglomération (témoignage fictif)",
                    en="Head of international relations at an urban community (fictional testimony)",
                    es="Responsable de relaciones internacionales de una mancomunidad urbana (testimonio ficticio)",
                    ar="مسؤول العلاقات الدولية في تجمع حضري (شهادة خيالية)",
                ),
            },
        ),
        (
            "heading",
            {
                "text": T(
                    "Pour aller plus loin",
                    en="Going further",
                    es="Para saber más",
                    ar="للتعمق أكثر",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Le guide a été présenté lors de la séance plénière de la CNCD du 21 septembre 2020. Il a été prolongé par un cycle de dix webinaires, de novembre 2020 à février 2021, consacrés à des pays comme le Maroc et le Sénégal, à des thèmes comme l’égalité entre les femmes et les hommes ou le sport, et aux dispositifs de soutien.",
                    en="The guide was presented at the CNCD plenary meeting of 21 September 2020. It was followed by a series of ten webinars, from November 2020 to February 2021, on countries such as Morocco and Senegal, on themes such as gender equality and sport, and on support schemes.",
                    es="La guía se presentó en la sesión plenaria de la CNCD del 21 de septiembre de 2020. Se complementó con un ciclo de diez seminarios web, de noviembre de 2020 a febrero de 2021, dedicados a países como Marruecos y Senegal, a temas como la igualdad de género o el deporte, y a los mecanismos de apoyo.",
                    ar="قُدّم الدليل خلال الجلسة العامة للجنة الوطنية للتعاون اللامركزي المنعقدة في 21 سبتمبر 2020. وتلته سلسلة من عشر ندوات عبر الإنترنت بين نوفمبر 2020 وفبراير 2021، خُصصت لبلدان مثل المغرب والسنغال، ولمواضيع مثل المساواة بين المرأة والرجل والرياضة، ولآليات الدعم.",
                ),
            ],
        ),
        (
            "callout",
            {
                "title": T(
                    "Besoin d’un accompagnement ?",
                    en="Need support?",
                    es="¿Necesita acompañamiento?",
                    ar="هل تحتاجون إلى مرافقة؟",
                ),
                "text": T(
                    "La délégation, les ambassades de France et les réseaux régionaux multi-acteurs peuvent vous aider à préparer votre projet, du premier contact avec un partenaire jusqu’au dépôt d’un dossier de cofinancement.",
                    en="The delegation, French embassies and regional multi-stakeholder networks can help you prepare your project, from the first contact with a partner to the submission of a co-funding application.",
                    es="La delegación, las embajadas de Francia y las redes regionales multiactor pueden ayudarle a preparar su proyecto, desde el primer contacto con un socio hasta la presentación de una solicitud de cofinanciación.",
                    ar="يمكن للمندوبية وسفارات فرنسا والشبكات الجهوية متعددة الفاعلين مساعدتكم في إعداد مشروعكم، من أول اتصال بالشريك إلى إيداع ملف طلب التمويل المشترك.",
                ),
            },
        ),
    ],
}

# e. Calls for projects (reference) ------------------------------------------------------------

PAGE_AAP = {
    "slug": "comprendre-les-appels-a-projets",
    "menu": True,
    "translated": True,
    "title": T(
        "Comprendre les appels à projets",
        en="Understanding calls for projects",
        es="Entender las convocatorias de proyectos",
        ar="فهم الدعوات لتقديم المشاريع",
    ),
    "search_description": T(
        "Appels thématiques, généraliste, « Clés en main », géographiques et dispositifs conjoints : comment le ministère cofinance les projets.",
        en="Thematic, general, turnkey and geographical calls and joint funds: how the ministry co-funds local authorities' projects.",
        es="Convocatorias temáticas, generalista, «llave en mano», geográficas y fondos conjuntos: cómo cofinancia el ministerio los proyectos.",
        ar="دعوات موضوعاتية وعامة و«جاهزة» وجغرافية وآليات مشتركة: كيف تشارك الوزارة في تمويل المشاريع.",
    ),
    "intro": T(
        "Chaque année, le ministère ouvre plusieurs appels à projets pour cofinancer les actions de coopération décentralisée des collectivités françaises.",
        en="Every year, the ministry opens several calls for projects to co-fund the decentralised cooperation activities of French local authorities.",
        es="Cada año, el ministerio abre varias convocatorias para cofinanciar las acciones de cooperación descentralizada de los gobiernos locales franceses.",
        ar="تفتح الوزارة كل سنة عدة دعوات لتقديم المشاريع للمشاركة في تمويل أعمال التعاون اللامركزي للجماعات المحلية الفرنسية.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T(
                    "Les grandes familles d’appels",
                    en="The main types of call",
                    es="Los grandes tipos de convocatorias",
                    ar="الأصناف الكبرى للدعوات",
                ),
                "level": 2,
            },
        ),
        (
            "accordion",
            {
                "title": T(
                    "Types d’appels à projets",
                    en="Types of call for projects",
                    es="Tipos de convocatorias",
                    ar="أنواع الدعوات لتقديم المشاريع",
                ),
                "items": [
                    {
                        "title": T(
                            "Appels thématiques",
                            en="Thematic calls",
                            es="Convocatorias temáticas",
                            ar="الدعوات الموضوعاتية",
                        ),
                        "body": [
                            T(
                                "Ils ciblent une priorité précise. En 2024, six thèmes étaient proposés : jeunesse, sport à l’approche des Jeux de Paris 2024, égalité entre les femmes et les hommes, numérique inclusif et responsable, sécurité alimentaire et patrimoine, ce dernier en lien avec l’association Sites et Cités remarquables.",
                                en="They target a specific priority. In 2024, six themes were offered: youth, sport in the run-up to the Paris 2024 Games, gender equality, inclusive and responsible digital technology, food security, and heritage, the latter together with the Sites et Cités remarquables association.",
                                es="Se centran en una prioridad concreta. En 2024 se propusieron seis temas: juventud, deporte de cara a los Juegos de París 2024, igualdad de género, tecnología digital inclusiva y responsable, seguridad alimentaria y patrimonio, este último junto con la asociación Sites et Cités remarquables.",
                                ar="تستهدف هذه الدعوات أولوية محددة. وفي عام 2024، طُرحت ستة مواضيع: الشباب، والرياضة استعدادًا لألعاب باريس 2024، والمساواة بين المرأة والرجل، والرقمنة الشاملة والمسؤولة، والأمن الغذائي، والتراث بالشراكة مع جمعية Sites et Cités remarquables.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "Appel généraliste",
                            en="General call",
                            es="Convocatoria generalista",
                            ar="الدعوة العامة",
                        ),
                        "body": [
                            T(
                                "Il cofinance les projets qui n’entrent dans aucun appel thématique ou géographique. Selon les années, il porte sur des projets annuels ou triennaux ; l’édition « Généraliste 2021 » a retenu seize lauréats.",
                                en="It co-funds projects that do not fit any thematic or geographical call. Depending on the year, it covers annual or three-year projects; the 'General 2021' call selected sixteen projects.",
                                es="Cofinancia los proyectos que no encajan en ninguna convocatoria temática o geográfica. Según el año, abarca proyectos anuales o trienales; la edición «Generalista 2021» seleccionó dieciséis proyectos.",
                                ar="تموّل هذه الدعوة المشاريع التي لا تندرج في أي دعوة موضوعاتية أو جغرافية. وتشمل حسب السنوات مشاريع سنوية أو ثلاثية السنوات، وقد اختارت دورة «العامة 2021» ستة عشر مشروعًا فائزًا.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "Appel « Clés en main »",
                            en="Turnkey call",
                            es="Convocatoria «llave en mano»",
                            ar="دعوة «المشاريع الجاهزة»",
                        ),
                        "body": [
                            T(
                                "Il s’adresse aux associations de collectivités territoriales qui portent un projet associant au moins trois collectivités françaises. C’est le seul appel dont le dossier ne se dépose pas en ligne.",
                                en="It is aimed at associations of local authorities running a project that involves at least three French local authorities. It is the only call whose application is not submitted online.",
                                es="Está dirigida a las asociaciones de gobiernos locales que llevan un proyecto con al menos tres gobiernos locales franceses. Es la única convocatoria cuya solicitud no se presenta en línea.",
                                ar="تتوجه هذه الدعوة إلى جمعيات الجماعات المحلية التي تحمل مشروعًا يضم ثلاث جماعات محلية فرنسية على الأقل. وهي الدعوة الوحيدة التي لا يُودَع ملفها إلكترونيًا.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "Appels géographiques",
                            en="Geographical calls",
                            es="Convocatorias geográficas",
                            ar="الدعوات الجغرافية",
                        ),
                        "body": [
                            T(
                                "Ils concernent une région du monde. L’appel Amérique latine et Caraïbes, qui exclut le Mexique, soutient des projets de résilience face au changement climatique et de participation citoyenne.",
                                en="They concern one region of the world. The Latin America and Caribbean call, which excludes Mexico, supports projects on climate resilience and citizen participation.",
                                es="Se refieren a una región del mundo. La convocatoria América Latina y el Caribe, que excluye a México, apoya proyectos de resiliencia frente al cambio climático y de participación ciudadana.",
                                ar="تخص هذه الدعوات منطقة من العالم. فالدعوة الخاصة بأمريكا اللاتينية والكاريبي، التي تستثني المكسيك، تدعم مشاريع الصمود في وجه تغير المناخ والمشاركة المواطنة.",
                            ),
                        ],
                    },
                    {
                        "title": T(
                            "Dispositifs conjoints bilatéraux",
                            en="Bilateral joint funds",
                            es="Fondos conjuntos bilaterales",
                            ar="الآليات الثنائية المشتركة",
                        ),
                        "body": [
                            T(
                                "Conclus avec un État partenaire, ils soutiennent des projets portés conjointement par des collectivités des deux pays, selon des priorités définies ensemble. Certains sont triennaux et s’ouvrent chaque année par tranche, comme la troisième tranche 2019-2021 des fonds franco-marocain et franco-libanais.",
                                en="Agreed with a partner State, they support projects run jointly by local authorities from both countries, according to priorities set together. Some cover three years and open each year in instalments, such as the third instalment (2019-2021) of the Franco-Moroccan and Franco-Lebanese funds.",
                                es="Acordados con un Estado socio, apoyan proyectos presentados conjuntamente por gobiernos locales de ambos países, según prioridades definidas en común. Algunos son trienales y se abren cada año por tramos, como el tercer tramo 2019-2021 de los fondos franco-marroquí y franco-libanés.",
                                ar="تُبرم هذه الآليات مع دولة شريكة، وتدعم مشاريع تحملها جماعات محلية من البلدين معًا وفق أولويات محددة بالاشتراك. وبعضها ثلاثي السنوات ويُفتح كل سنة على شكل شطر، مثل الشطر الثالث 2019-2021 من الصندوقين الفرنسي المغربي والفرنسي اللبناني.",
                            ),
                        ],
                    },
                ],
            },
        ),
        (
            "table",
            {
                "caption": T(
                    "Les principaux dispositifs conjoints",
                    en="The main joint funds",
                    es="Los principales fondos conjuntos",
                    ar="أهم الآليات المشتركة",
                ),
                "header": [
                    T("Pays", en="Country", es="País", ar="البلد"),
                    T(
                        "Partenaire institutionnel",
                        en="Institutional partner",
                        es="Socio institucional",
                        ar="الشريك المؤسسي",
                    ),
                    T("Particularités", en="Features", es="Particularidades", ar="الخصائص"),
                ],
                "rows": [
                    [
                        T("Sénégal", en="Senegal", es="Senegal", ar="السنغال"),
                        T(
                            "Ministère sénégalais chargé des collectivités territoriales",
                            en="Senegalese ministry for local authorities",
                            es="Ministerio senegalés a cargo de los gobiernos locales",
                            ar="الوزارة السنغالية المكلفة بالجماعات المحلية",
                        ),
                        T(
                            "Accord triennal renouvelé à Dakar en 2019 ; soutien sur 12 ou 24 mois",
                            en="Three-year agreement renewed in Dakar in 2019; support over 12 or 24 months",
                            es="Acuerdo trienal renovado en Dakar en 2019; apoyo durante 12 o 24 meses",
                            ar="اتفاق ثلاثي السنوات جُدّد في داكار عام 2019؛ دعم لمدة 12 أو 24 شهرًا",
                        ),
                    ],
                    [
                        T("Liban", en="Lebanon", es="Líbano", ar="لبنان"),
                        T(
                            "Ministère libanais de l’Intérieur et des Municipalités",
                            en="Lebanese Ministry of Interior and Municipalities",
                            es="Ministerio libanés del Interior y de los Municipios",
                            ar="وزارة الداخلية والبلديات اللبنانية",
                        ),
                        T(
                            "Formation des agents et des élus municipaux",
                            en="Training of municipal staff and elected officials",
                            es="Capacitación del personal y de las autoridades electas municipales",
                            ar="تكوين موظفي البلديات ومنتخبيها",
                        ),
                    ],
                    [
                        T("Mexique", en="Mexico", es="México", ar="المكسيك"),
                        T(
                            "Ministère mexicain des Relations extérieures (AMEXCID)",
                            en="Mexican Ministry of Foreign Affairs (AMEXCID)",
                            es="Secretaría de Relaciones Exteriores de México (AMEXCID)",
                            ar="وزارة العلاقات الخارجية المكسيكية (AMEXCID)",
                        ),
                        T(
                            "Dossier présenté par au moins une collectivité de chaque pays",
                            en="Application submitted by at least one authority from each country",
                            es="Solicitud presentada por al menos un gobierno local de cada país",
                            ar="ملف تقدمه جماعة محلية واحدة على الأقل من كل بلد",
                        ),
                    ],
                    [
                        T("Maroc", en="Morocco", es="Marruecos", ar="المغرب"),
                        T(
                            "Ministère marocain de l’Intérieur",
                            en="Moroccan Ministry of the Interior",
                            es="Ministerio del Interior de Marruecos",
                            ar="وزارة الداخلية المغربية",
                        ),
                        T(
                            "Gouvernance territoriale et régionalisation avancée",
                            en="Territorial governance and advanced regionalisation",
                            es="Gobernanza territorial y regionalización avanzada",
                            ar="الحكامة الترابية والجهوية المتقدمة",
                        ),
                    ],
                    [
                        T("Tunisie", en="Tunisia", es="Túnez", ar="تونس"),
                        T(
                            "Ministère tunisien chargé des affaires locales",
                            en="Tunisian ministry for local affairs",
                            es="Ministerio tunecino a cargo de los asuntos locales",
                            ar="الوزارة التونسية المكلفة بالشؤون المحلية",
                        ),
                        T(
                            "Formation des cadres territoriaux tunisiens",
                            en="Training of Tunisian local government officers",
                            es="Capacitación de los cuadros territoriales tunecinos",
                            ar="تكوين الإطارات التونسية في الجماعات المحلية",
                        ),
                    ],
                    [
                        T("Québec", en="Quebec", es="Quebec", ar="كيبيك"),
                        T(
                            "Ministère des Relations internationales et de la Francophonie",
                            en="Ministry of International Relations and La Francophonie",
                            es="Ministerio de Relaciones Internacionales y de la Francofonía",
                            ar="وزارة العلاقات الدولية والفرنكوفونية",
                        ),
                        T(
                            "Fonds créé en 2005, géré à parité, appels biennaux",
                            en="Fund created in 2005, managed jointly on an equal basis, two-year calls",
                            es="Fondo creado en 2005, gestionado a partes iguales, convocatorias bienales",
                            ar="صندوق أُنشئ عام 2005، يُدار مناصفةً، بدعوات كل سنتين",
                        ),
                    ],
                ],
            },
        ),
        (
            "heading",
            {
                "text": T(
                    "Comment candidater ?",
                    en="How to apply",
                    es="¿Cómo presentar una candidatura?",
                    ar="كيف تترشحون؟",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Chaque appel dispose d’un règlement qui précise les conditions d’éligibilité, les thèmes, les pays concernés et le montant maximal du cofinancement. Les dossiers se déposent en ligne sur la plateforme de la CNCD avant la date limite, généralement fixée à minuit, heure de Paris.",
                    en="Each call has rules setting out eligibility conditions, themes, eligible countries and the maximum amount of co-funding. Applications are submitted online on the CNCD platform before the deadline, usually midnight Paris time.",
                    es="Cada convocatoria tiene un reglamento que precisa las condiciones de elegibilidad, los temas, los países elegibles y el monto máximo de la cofinanciación. Las candidaturas se presentan en línea en la plataforma de la CNCD antes de la fecha límite, generalmente a medianoche, hora de París.",
                    ar="لكل دعوة نظام يحدد شروط الأهلية والمواضيع والبلدان المعنية والمبلغ الأقصى للتمويل المشترك. وتُودَع الملفات إلكترونيًا على منصة اللجنة الوطنية للتعاون اللامركزي قبل الموعد النهائي، الذي يُحدَّد عادةً في منتصف الليل بتوقيت باريس.",
                ),
                T(
                    "Un comité de sélection examine ensuite les candidatures, puis la liste des lauréats est publiée sur le portail. Une date limite peut être prolongée : l’annonce en est alors faite dans les actualités.",
                    en="A selection committee then reviews the applications, and the list of selected projects is published on the portal. A deadline may be extended, in which case this is announced in the news section.",
                    es="Después, un comité de selección examina las candidaturas y la lista de proyectos seleccionados se publica en el portal. Una fecha límite puede prorrogarse; en ese caso se anuncia en la sección de noticias.",
                    ar="ثم تدرس لجنة اختيار الترشيحات، وتُنشر قائمة المشاريع الفائزة على البوابة. وقد يُمدَّد الموعد النهائي، وعندئذ يُعلن عن ذلك في قسم الأخبار.",
                ),
            ],
        ),
        (
            "callout",
            {
                "title": T(
                    "Condition préalable",
                    en="Prerequisite",
                    es="Condición previa",
                    ar="شرط مسبق",
                ),
                "text": T(
                    "Pour recevoir un cofinancement, une collectivité doit avoir déclaré son aide publique au développement de l’année précédente. Pensez à effectuer cette déclaration en ligne avant de déposer votre dossier.",
                    en="To receive co-funding, a local authority must have declared its official development assistance for the previous year. Remember to make this declaration online before submitting your application.",
                    es="Para recibir una cofinanciación, un gobierno local debe haber declarado su ayuda oficial al desarrollo del año anterior. Recuerde hacer esta declaración en línea antes de presentar su candidatura.",
                    ar="للحصول على تمويل مشترك، يجب أن تكون الجماعة المحلية قد صرّحت بمساعدتها الإنمائية الرسمية عن السنة السابقة. فاحرصوا على القيام بهذا التصريح إلكترونيًا قبل إيداع ملفكم.",
                ),
            },
        ),
    ],
}

# f. Regional networks (French only) -----------------------------------------------------------

PAGE_RRMA = {
    "slug": "reseaux-regionaux-multi-acteurs",
    "menu": True,
    "translated": False,
    "title": T("Les réseaux régionaux multi-acteurs"),
    "search_description": T(
        "Les réseaux régionaux multi-acteurs (RRMA) informent, forment et mettent en relation les acteurs de la coopération internationale de chaque région."
    ),
    "intro": T(
        "Dans chaque région, un réseau régional multi-acteurs (RRMA) aide les collectivités, les associations et les établissements à construire des projets de coopération internationale de qualité."
    ),
    "body": [
        ("heading", {"text": T("Des réseaux ancrés dans les territoires"), "level": 2}),
        (
            "paragraph",
            [
                T(
                    "Les premiers dispositifs régionaux d’échange et de concertation sont apparus au milieu des années 1990, à l’initiative conjointe de l’État, de collectivités et d’associations. Ils sont aujourd’hui une quinzaine, répartis sur l’ensemble du territoire, et coordonnés au niveau national par leur conférence interrégionale, la CIRRMA."
                ),
                T(
                    "Leur particularité est de réunir, sans distinction de statut, tous ceux qui agissent à l’international depuis une même région : collectivités, associations de solidarité, établissements scolaires et universitaires, hôpitaux, entreprises ou structures de jeunesse."
                ),
            ],
        ),
        ("heading", {"text": T("Ce qu’ils proposent"), "level": 2}),
        (
            "list",
            [
                T(
                    "Un premier accueil et une orientation pour toute structure qui souhaite s’engager à l’international."
                ),
                T("Des formations au montage de projet, à la recherche de financements et à l’évaluation."),
                T("Un annuaire des acteurs et un panorama des projets menés depuis la région."),
                T("Des groupes d’échange par pays ou par thème pour mutualiser les expériences."),
                T("Un dialogue régulier avec les pouvoirs publics et les bailleurs de fonds."),
            ],
        ),
        (
            "paragraph",
            [
                T(
                    "Les réseaux contribuent aussi à l’éducation à la citoyenneté mondiale et à la promotion des objectifs de développement durable auprès du grand public, notamment des jeunes."
                ),
            ],
        ),
        ("heading", {"text": T("Quelques exemples"), "level": 2}),
        (
            "paragraph",
            [
                T(
                    "Dans les Hauts-de-France, Lianes coopération fédère les acteurs de la coopération internationale de la région, avec des bureaux à Lille et à Amiens. Ses membres élaborent des stratégies communes, renforcent leurs compétences et dialoguent ensemble avec les financeurs."
                ),
                T(
                    "En Provence-Alpes-Côte d’Azur, Territoires Solidaires, association reconnue d’intérêt général installée à Marseille, s’est donné pour objectif d’améliorer la qualité et l’impact des projets grâce à une large offre de services."
                ),
                T(
                    "D’autres réseaux sont actifs de longue date, comme Centraider en Centre-Val de Loire, Résacoop en Auvergne-Rhône-Alpes ou Horizons Solidaires en Normandie."
                ),
            ],
        ),
        ("heading", {"text": T("Qui les finance ?"), "level": 2}),
        (
            "paragraph",
            [
                T(
                    "Les réseaux régionaux reçoivent un soutien financier du ministère de l’Europe et des Affaires étrangères. Ils sont également appuyés, selon les régions, par le conseil régional, l’Agence française de développement, les agences de l’eau, le FONJEP ou des collectivités de leur territoire."
                ),
            ],
        ),
        (
            "callout",
            {
                "title": T("Le bon réflexe"),
                "text": T(
                    "Avant de répondre à un appel à projets, contactez le réseau de votre région : il connaît les acteurs déjà présents dans le pays visé et peut vous aider à relire votre dossier."
                ),
            },
        ),
    ],
}

# g. Contact -----------------------------------------------------------------------------------

PAGE_CONTACT = {
    "slug": "contacter-la-delegation",
    "menu": True,
    "translated": True,
    "title": T(
        "Contacter la délégation",
        en="Contact the delegation",
        es="Contactar con la delegación",
        ar="الاتصال بالمندوبية",
    ),
    "search_description": T(
        "Adresse postale et adresses électroniques de la délégation du ministère chargée de l’action extérieure des collectivités territoriales.",
        en="Postal address and e-mail addresses of the ministry's delegation for the international action of local authorities.",
        es="Dirección postal y correos electrónicos de la delegación del ministerio encargada de la acción exterior de los gobiernos locales.",
        ar="العنوان البريدي وعناوين البريد الإلكتروني لمندوبية الوزارة المكلفة بالعمل الخارجي للجماعات المحلية.",
    ),
    "intro": T(
        "L’équipe de la délégation répond aux questions des collectivités, des ambassades et de leurs partenaires sur l’action extérieure des collectivités territoriales.",
        en="The delegation's team answers questions from local authorities, embassies and their partners about the international action of local authorities.",
        es="El equipo de la delegación responde a las preguntas de los gobiernos locales, las embajadas y sus socios sobre la acción exterior de los gobiernos locales.",
        ar="يجيب فريق المندوبية عن أسئلة الجماعات المحلية والسفارات وشركائها حول العمل الخارجي للجماعات المحلية.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T(
                    "Adresse postale",
                    en="Postal address",
                    es="Dirección postal",
                    ar="العنوان البريدي",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Ministère de l’Europe et des Affaires étrangères",
                    en="Ministry for Europe and Foreign Affairs",
                    es="Ministerio de Europa y Asuntos Exteriores",
                    ar="وزارة أوروبا والشؤون الخارجية",
                ),
                T(
                    "Délégation pour les collectivités territoriales et la société civile (DCTCIV)",
                    en="Delegation for Local Authorities and Civil Society (DCTCIV)",
                    es="Delegación para las Colectividades Territoriales y la Sociedad Civil (DCTCIV)",
                    ar="مندوبية الجماعات المحلية والمجتمع المدني (DCTCIV)",
                ),
                T(
                    "57, boulevard des Invalides, 75007 Paris, France",
                    en="57 boulevard des Invalides, 75007 Paris, France",
                    es="57, boulevard des Invalides, 75007 París, Francia",
                    ar="57، بولفار دي زانفاليد، 75007 باريس، فرنسا",
                ),
            ],
        ),
        (
            "callout",
            {
                "title": T(
                    "Adresse générale",
                    en="General address",
                    es="Dirección general",
                    ar="العنوان العام",
                ),
                "text": T(
                    "Pour toute question générale, écrivez au secrétariat de la délégation : delegation@example.org. Nous nous efforçons de répondre sous dix jours ouvrés.",
                    en="For any general question, write to the delegation's secretariat: delegation@example.org. We aim to reply within ten working days.",
                    es="Para cualquier consulta general, escriba a la secretaría de la delegación: delegation@example.org. Procuramos responder en un plazo de diez días hábiles.",
                    ar="لأي سؤال عام، يُرجى مراسلة أمانة المندوبية على العنوان delegation@example.org. ونسعى إلى الرد في غضون عشرة أيام عمل.",
                ),
            },
        ),
        (
            "heading",
            {
                "text": T(
                    "Contacts par sujet",
                    en="Contacts by topic",
                    es="Contactos por tema",
                    ar="جهات الاتصال حسب الموضوع",
                ),
                "level": 2,
            },
        ),
        (
            "list",
            [
                T(
                    "Appels à projets, dépôt des dossiers et suivi des cofinancements : appels-a-projets@example.org",
                    en="Calls for projects, submission of applications and follow-up of co-funding: appels-a-projets@example.org",
                    es="Convocatorias, presentación de candidaturas y seguimiento de las cofinanciaciones: appels-a-projets@example.org",
                    ar="الدعوات لتقديم المشاريع وإيداع الملفات ومتابعة التمويل المشترك: appels-a-projets@example.org",
                ),
                T(
                    "Label EXPE-CT et missions d’expertise : expe-ct@example.org",
                    en="EXPE-CT label and expert missions: expe-ct@example.org",
                    es="Sello EXPE-CT y misiones de experiencia técnica: expe-ct@example.org",
                    ar="علامة EXPE-CT وبعثات الخبرة: expe-ct@example.org",
                ),
                T(
                    "Bourse partenariats, pour les ambassades et les collectivités intéressées : bourse-partenariats@example.org",
                    en="Partnership exchange, for embassies and interested local authorities: bourse-partenariats@example.org",
                    es="Bolsa de alianzas, para las embajadas y los gobiernos locales interesados: bourse-partenariats@example.org",
                    ar="بورصة الشراكات، للسفارات والجماعات المحلية المهتمة: bourse-partenariats@example.org",
                ),
                T(
                    "Déclaration de l’aide publique au développement : apd@example.org",
                    en="Declaration of official development assistance: apd@example.org",
                    es="Declaración de la ayuda oficial al desarrollo: apd@example.org",
                    ar="التصريح بالمساعدة الإنمائية الرسمية: apd@example.org",
                ),
                T(
                    "Commission nationale de la coopération décentralisée : cncd@example.org",
                    en="National Commission for Decentralised Cooperation: cncd@example.org",
                    es="Comisión Nacional de la Cooperación Descentralizada: cncd@example.org",
                    ar="اللجنة الوطنية للتعاون اللامركزي: cncd@example.org",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Avant de nous écrire",
                    en="Before you write to us",
                    es="Antes de escribirnos",
                    ar="قبل مراسلتنا",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Pour une question sur un appel en cours, consultez d’abord son règlement et la foire aux questions associée : la réponse s’y trouve souvent. Indiquez toujours le nom de votre collectivité, le pays partenaire et, le cas échéant, le numéro de votre dossier.",
                    en="For a question about an open call, first check its rules and the related FAQ, which often contain the answer. Always state the name of your local authority, the partner country and, where applicable, your application number.",
                    es="Para una consulta sobre una convocatoria en curso, revise primero su reglamento y las preguntas frecuentes correspondientes: a menudo allí está la respuesta. Indique siempre el nombre de su gobierno local, el país socio y, en su caso, el número de su expediente.",
                    ar="إذا كان سؤالكم يتعلق بدعوة جارية، فاطلعوا أولًا على نظامها وعلى الأسئلة الشائعة المرتبطة بها، إذ كثيرًا ما تجدون الجواب فيها. واذكروا دائمًا اسم جماعتكم المحلية والبلد الشريك، ورقم ملفكم عند الاقتضاء.",
                ),
                T(
                    "Les autorités locales étrangères qui recherchent un partenaire français sont invitées à s’adresser au service de coopération et d’action culturelle de l’ambassade de France dans leur pays. C’est lui qui transmet les offres publiées dans la Bourse partenariats.",
                    en="Foreign local authorities looking for a French partner are invited to contact the cooperation and cultural affairs department of the French embassy in their country. It is the embassy that submits the offers published in the partnership exchange.",
                    es="Las autoridades locales extranjeras que buscan un socio francés pueden dirigirse al servicio de cooperación y acción cultural de la embajada de Francia en su país. Es este servicio el que transmite las ofertas publicadas en la bolsa de alianzas.",
                    ar="تُدعى السلطات المحلية الأجنبية الباحثة عن شريك فرنسي إلى التوجه إلى مصلحة التعاون والعمل الثقافي في سفارة فرنسا ببلدها، فهي التي ترسل العروض المنشورة في بورصة الشراكات.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Rendez-vous",
                    en="Appointments",
                    es="Citas",
                    ar="المواعيد",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "La délégation ne reçoit pas de public sans rendez-vous. Les élus et les agents qui souhaitent présenter un projet peuvent demander un entretien par courriel, en précisant l’objet de la rencontre ; un échange en visioconférence est souvent proposé.",
                    en="The delegation does not receive visitors without an appointment. Elected officials and staff who wish to present a project can request a meeting by e-mail, stating its purpose; a video call is often offered.",
                    es="La delegación no recibe al público sin cita previa. Las autoridades electas y el personal que deseen presentar un proyecto pueden solicitar una entrevista por correo electrónico, indicando el motivo de la reunión; a menudo se propone una videoconferencia.",
                    ar="لا تستقبل المندوبية الجمهور دون موعد مسبق. ويمكن للمنتخبين والموظفين الراغبين في عرض مشروع أن يطلبوا لقاءً عبر البريد الإلكتروني مع تحديد موضوعه، وكثيرًا ما يُقترح لقاء عبر الفيديو.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Relais en région et à l’étranger",
                    en="Local contacts in France and abroad",
                    es="Enlaces en las regiones y en el extranjero",
                    ar="نقاط الاتصال في الجهات وفي الخارج",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "En France, les préfectures de région et les réseaux régionaux multi-acteurs peuvent orienter les collectivités vers les bons interlocuteurs. À l’étranger, les ambassades de France suivent les coopérations décentralisées menées dans leur pays de résidence.",
                    en="In France, regional prefectures and regional multi-stakeholder networks can point local authorities to the right people. Abroad, French embassies follow the decentralised cooperation projects carried out in their host country.",
                    es="En Francia, las prefecturas de región y las redes regionales multiactor pueden orientar a los gobiernos locales hacia los interlocutores adecuados. En el extranjero, las embajadas de Francia siguen las cooperaciones descentralizadas realizadas en su país de residencia.",
                    ar="في فرنسا، يمكن لمحافظات الجهات والشبكات الجهوية متعددة الفاعلين توجيه الجماعات المحلية نحو المحاورين المناسبين. وفي الخارج، تتابع سفارات فرنسا أعمال التعاون اللامركزي المنفذة في بلد اعتمادها.",
                ),
            ],
        ),
    ],
}

# h. Legal notice ------------------------------------------------------------------------------

PAGE_MENTIONS = {
    "slug": "mentions-legales",
    "menu": False,
    "translated": True,
    "title": T(
        "Mentions légales",
        en="Legal notice",
        es="Aviso legal",
        ar="الإشعار القانوني",
    ),
    "search_description": T(
        "Éditeur, hébergement, propriété intellectuelle et liens : les informations légales relatives au portail de la coopération décentralisée.",
        en="Publisher, hosting, intellectual property and links: the legal information about the decentralised cooperation portal.",
        es="Editor, alojamiento, propiedad intelectual y enlaces: la información legal sobre el portal de la cooperación descentralizada.",
        ar="الناشر والاستضافة والملكية الفكرية والروابط: المعلومات القانونية المتعلقة ببوابة التعاون اللامركزي.",
    ),
    "intro": T(
        "Cette page présente les informations légales relatives au portail de la coopération décentralisée et les conditions de réutilisation de ses contenus.",
        en="This page sets out the legal information about the decentralised cooperation portal and the conditions for reusing its content.",
        es="Esta página presenta la información legal del portal de la cooperación descentralizada y las condiciones de reutilización de sus contenidos.",
        ar="تعرض هذه الصفحة المعلومات القانونية المتعلقة ببوابة التعاون اللامركزي وشروط إعادة استخدام محتوياتها.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T("Éditeur", en="Publisher", es="Editor", ar="الناشر"),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Le portail est édité par le ministère de l’Europe et des Affaires étrangères, Délégation pour les collectivités territoriales et la société civile, 57, boulevard des Invalides, 75007 Paris.",
                    en="The portal is published by the Ministry for Europe and Foreign Affairs, Delegation for Local Authorities and Civil Society, 57 boulevard des Invalides, 75007 Paris, France.",
                    es="El portal es editado por el Ministerio de Europa y Asuntos Exteriores, Delegación para las Colectividades Territoriales y la Sociedad Civil, 57, boulevard des Invalides, 75007 París, Francia.",
                    ar="تصدر البوابة عن وزارة أوروبا والشؤون الخارجية، مندوبية الجماعات المحلية والمجتمع المدني، 57، بولفار دي زانفاليد، 75007 باريس، فرنسا.",
                ),
                T(
                    "La direction de la publication est assurée par le délégué ou la déléguée pour les collectivités territoriales et la société civile. La rédaction est confiée à l’équipe éditoriale de la délégation, joignable à l’adresse redaction@example.org.",
                    en="The director of publication is the Delegate for Local Authorities and Civil Society. Editorial work is carried out by the delegation's editorial team, which can be reached at redaction@example.org.",
                    es="La dirección de la publicación corresponde al delegado o la delegada para las Colectividades Territoriales y la Sociedad Civil. La redacción está a cargo del equipo editorial de la delegación, disponible en redaction@example.org.",
                    ar="يتولى إدارة النشر المندوب أو المندوبة المكلف بالجماعات المحلية والمجتمع المدني. ويتولى التحرير الفريق التحريري للمندوبية، ويمكن التواصل معه على العنوان redaction@example.org.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T("Hébergement", en="Hosting", es="Alojamiento", ar="الاستضافة"),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Hébergeur : raison sociale, adresse et numéro de téléphone à compléter lors de la mise en production du portail.",
                    en="Hosting provider: company name, address and telephone number to be completed when the portal goes live.",
                    es="Proveedor de alojamiento: razón social, dirección y teléfono por completar cuando el portal entre en producción.",
                    ar="جهة الاستضافة: يُستكمل الاسم التجاري والعنوان ورقم الهاتف عند تشغيل البوابة.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Propriété intellectuelle",
                    en="Intellectual property",
                    es="Propiedad intelectual",
                    ar="الملكية الفكرية",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Sauf mention contraire, les textes publiés sur ce portail peuvent être réutilisés librement, y compris à des fins commerciales, sous réserve de citer la source et la date de dernière mise à jour, conformément à la Licence Ouverte version 2.0.",
                    en="Unless otherwise stated, the texts published on this portal may be freely reused, including for commercial purposes, provided that the source and the date of the last update are mentioned, in accordance with the Open Licence version 2.0.",
                    es="Salvo indicación contraria, los textos publicados en este portal pueden reutilizarse libremente, incluso con fines comerciales, siempre que se cite la fuente y la fecha de la última actualización, conforme a la Licencia Abierta versión 2.0.",
                    ar="ما لم يُذكر خلاف ذلك، يجوز إعادة استخدام النصوص المنشورة على هذه البوابة بحرية، بما في ذلك لأغراض تجارية، شريطة ذكر المصدر وتاريخ آخر تحديث، وفقًا للرخصة المفتوحة في نسختها 2.0.",
                ),
                T(
                    "Les logotypes, les photographies et les documents fournis par des partenaires restent la propriété de leurs auteurs. Leur reproduction nécessite l’accord préalable des titulaires de droits.",
                    en="Logos, photographs and documents provided by partners remain the property of their authors. Reproducing them requires the prior consent of the rights holders.",
                    es="Los logotipos, las fotografías y los documentos proporcionados por socios siguen siendo propiedad de sus autores. Su reproducción requiere la autorización previa de los titulares de derechos.",
                    ar="تظل الشعارات والصور والوثائق التي يقدمها الشركاء ملكًا لأصحابها. ويستلزم نسخها الحصول على موافقة مسبقة من أصحاب الحقوق.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T("Liens", en="Links", es="Enlaces", ar="الروابط"),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Tout site public ou privé peut créer un lien vers les pages de ce portail sans autorisation préalable. Les pages ne doivent cependant pas être intégrées à l’intérieur d’un autre site, par exemple dans un cadre.",
                    en="Any public or private website may link to the pages of this portal without prior permission. However, the pages must not be embedded within another website, for example in a frame.",
                    es="Cualquier sitio público o privado puede crear un enlace a las páginas de este portal sin autorización previa. Sin embargo, las páginas no deben integrarse dentro de otro sitio, por ejemplo en un marco.",
                    ar="يجوز لأي موقع عام أو خاص إنشاء رابط نحو صفحات هذه البوابة دون إذن مسبق. غير أنه لا يجوز إدراج الصفحات داخل موقع آخر، كأن تُعرض في إطار مثلًا.",
                ),
                T(
                    "Le portail propose des liens vers des sites extérieurs, notamment ceux des collectivités et de leurs partenaires. Le ministère n’exerce aucun contrôle sur leur contenu et ne saurait en être tenu responsable.",
                    en="The portal contains links to external websites, including those of local authorities and their partners. The ministry has no control over their content and cannot be held responsible for it.",
                    es="El portal ofrece enlaces a sitios externos, en particular los de los gobiernos locales y sus socios. El ministerio no ejerce ningún control sobre su contenido y no puede ser considerado responsable del mismo.",
                    ar="تتضمن البوابة روابط نحو مواقع خارجية، منها مواقع الجماعات المحلية وشركائها. ولا تمارس الوزارة أي رقابة على محتواها، ولا يمكن تحميلها المسؤولية عنه.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Responsabilité",
                    en="Liability",
                    es="Responsabilidad",
                    ar="المسؤولية",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Les informations publiées sont vérifiées avec soin, mais elles peuvent comporter des erreurs ou ne plus être à jour. Seuls les règlements officiels des appels à projets font foi ; en cas de doute, contactez la délégation.",
                    en="The information published is carefully checked, but it may contain errors or be out of date. Only the official rules of each call for projects are authoritative; if in doubt, contact the delegation.",
                    es="La información publicada se verifica con cuidado, pero puede contener errores o no estar actualizada. Solo los reglamentos oficiales de las convocatorias son vinculantes; en caso de duda, contacte con la delegación.",
                    ar="تُراجَع المعلومات المنشورة بعناية، لكنها قد تتضمن أخطاء أو لا تكون محدّثة. ولا يُعتدّ إلا بالأنظمة الرسمية للدعوات لتقديم المشاريع، وفي حال الشك يُرجى الاتصال بالمندوبية.",
                ),
                T(
                    "La publication d’une offre dans la Bourse partenariats ou d’une collectivité labellisée EXPE-CT n’engage pas le ministère à financer les projets correspondants.",
                    en="Publishing an offer in the partnership exchange, or listing an EXPE-CT labelled authority, does not commit the ministry to fund the related projects.",
                    es="La publicación de una oferta en la bolsa de alianzas o de un gobierno local con sello EXPE-CT no compromete al ministerio a financiar los proyectos correspondientes.",
                    ar="لا يُلزم نشرُ عرض في بورصة الشراكات أو إدراجُ جماعة محلية حاصلة على علامة EXPE-CT الوزارةَ بتمويل المشاريع المعنية.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Données personnelles et accessibilité",
                    en="Personal data and accessibility",
                    es="Datos personales y accesibilidad",
                    ar="البيانات الشخصية وإمكانية الوصول",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Le traitement des données collectées par les formulaires du portail est décrit dans la page consacrée aux données personnelles. L’état de conformité du portail aux règles d’accessibilité numérique est présenté dans la déclaration d’accessibilité.",
                    en="The processing of data collected through the portal's forms is described on the personal data page. The portal's compliance with digital accessibility rules is set out in the accessibility statement.",
                    es="El tratamiento de los datos recogidos por los formularios del portal se describe en la página dedicada a los datos personales. El estado de conformidad del portal con las normas de accesibilidad digital se presenta en la declaración de accesibilidad.",
                    ar="تُوصف معالجة البيانات التي تجمعها استمارات البوابة في الصفحة المخصصة للبيانات الشخصية. أما مدى مطابقة البوابة لقواعد إمكانية الوصول الرقمي فيرد في بيان إمكانية الوصول.",
                ),
            ],
        ),
    ],
}

# i. Accessibility statement -------------------------------------------------------------------

PAGE_ACCESSIBILITE = {
    "slug": "accessibilite",
    "menu": False,
    "translated": True,
    "title": T(
        "Déclaration d’accessibilité",
        en="Accessibility statement",
        es="Declaración de accesibilidad",
        ar="بيان إمكانية الوصول",
    ),
    "search_description": T(
        "État de conformité du portail au RGAA 4.1, contrôles réalisés, signalement d’un problème et voies de recours.",
        en="The portal's compliance status with RGAA 4.1, checks carried out, how to report a problem and how to seek redress.",
        es="Estado de conformidad del portal con el RGAA 4.1, controles realizados, notificación de un problema y vías de recurso.",
        ar="مدى مطابقة البوابة للمرجع RGAA 4.1، والفحوص المنجزة، وطريقة الإبلاغ عن مشكلة، وسبل الانتصاف.",
    ),
    "intro": T(
        "Le ministère de l’Europe et des Affaires étrangères s’engage à rendre ce portail accessible, conformément à l’article 47 de la loi du 11 février 2005 pour l’égalité des droits et des chances.",
        en="The Ministry for Europe and Foreign Affairs is committed to making this portal accessible, in accordance with Article 47 of the French law of 11 February 2005 on equal rights and opportunities.",
        es="El Ministerio de Europa y Asuntos Exteriores se compromete a hacer accesible este portal, de conformidad con el artículo 47 de la ley francesa del 11 de febrero de 2005 sobre la igualdad de derechos y oportunidades.",
        ar="تلتزم وزارة أوروبا والشؤون الخارجية بجعل هذه البوابة قابلة للوصول، طبقًا للمادة 47 من القانون الفرنسي الصادر في 11 فبراير 2005 بشأن المساواة في الحقوق والفرص.",
    ),
    "body": [
        (
            "paragraph",
            [
                T(
                    "Cette déclaration d’accessibilité s’applique au portail de la coopération décentralisée, dans toutes ses versions linguistiques. Elle reflète l’état au 22 novembre 2026.",
                    en="This accessibility statement applies to the decentralised cooperation portal, in all its language versions. It reflects the situation as of 22 November 2026.",
                    es="Esta declaración de accesibilidad se aplica al portal de la cooperación descentralizada, en todas sus versiones lingüísticas. Refleja la situación al 22 de noviembre de 2026.",
                    ar="ينطبق بيان إمكانية الوصول هذا على بوابة التعاون اللامركزي بجميع نسخها اللغوية، وهو يعكس الوضع القائم في 22 نوفمبر 2026.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "État de conformité",
                    en="Compliance status",
                    es="Estado de conformidad",
                    ar="حالة المطابقة",
                ),
                "level": 2,
            },
        ),
        (
            "callout",
            {
                "title": T(
                    "Non conforme",
                    en="Non-compliant",
                    es="No conforme",
                    ar="غير مطابق",
                ),
                "text": T(
                    "Le portail est non conforme au référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1. Aucun audit de conformité n’a encore été réalisé : en l’absence d’audit, aucun taux de conformité ne peut être annoncé.",
                    en="The portal is non-compliant with the French general accessibility improvement framework (RGAA), version 4.1. No compliance audit has been carried out yet: without an audit, no compliance rate can be stated.",
                    es="El portal no es conforme con el referencial general de mejora de la accesibilidad (RGAA), versión 4.1. Todavía no se ha realizado ninguna auditoría de conformidad: sin auditoría, no puede anunciarse ninguna tasa de conformidad.",
                    ar="البوابة غير مطابقة للمرجع العام لتحسين إمكانية الوصول (RGAA) في نسخته 4.1. ولم يُجرَ أي تدقيق للمطابقة حتى الآن، وفي غياب التدقيق لا يمكن الإعلان عن أي نسبة مطابقة.",
                ),
            },
        ),
        (
            "heading",
            {
                "text": T(
                    "Contrôles déjà en place",
                    en="Checks already in place",
                    es="Controles ya implementados",
                    ar="الفحوص المعتمدة حاليًا",
                ),
                "level": 2,
            },
        ),
        (
            "list",
            [
                T(
                    "À chaque nouvelle version du portail, des tests automatisés fondés sur l’outil axe-core sont exécutés sur les principaux gabarits de pages et sur les formulaires.",
                    en="With each new release of the portal, automated tests based on the axe-core tool are run on the main page templates and on the forms.",
                    es="En cada nueva versión del portal se ejecutan pruebas automatizadas basadas en la herramienta axe-core sobre las principales plantillas de página y los formularios.",
                    ar="مع كل إصدار جديد للبوابة، تُجرى اختبارات آلية تعتمد على أداة axe-core على أهم قوالب الصفحات وعلى الاستمارات.",
                ),
                T(
                    "Les versions en arabe sont affichées de droite à gauche et chaque page déclare sa langue.",
                    en="The Arabic versions are displayed right to left, and each page declares its language.",
                    es="Las versiones en árabe se muestran de derecha a izquierda y cada página declara su idioma.",
                    ar="تُعرض النسخ العربية من اليمين إلى اليسار، وتُصرّح كل صفحة بلغتها.",
                ),
            ],
        ),
        (
            "paragraph",
            [
                T(
                    "Les tests automatisés ne détectent qu’une partie des défauts d’accessibilité et ne remplacent pas un audit mené par des experts. Un audit complet sera nécessaire pour établir un taux de conformité ; cette déclaration sera mise à jour dès que ses résultats seront connus.",
                    en="Automated tests detect only some accessibility issues and do not replace an audit carried out by experts. A full audit will be needed to establish a compliance rate; this statement will be updated as soon as its results are available.",
                    es="Las pruebas automatizadas solo detectan una parte de los defectos de accesibilidad y no sustituyen una auditoría realizada por expertos. Será necesaria una auditoría completa para establecer una tasa de conformidad; esta declaración se actualizará en cuanto se conozcan sus resultados.",
                    ar="لا تكشف الاختبارات الآلية إلا جزءًا من عيوب إمكانية الوصول، ولا تغني عن تدقيق يجريه خبراء. وسيلزم إجراء تدقيق شامل لتحديد نسبة المطابقة، وسيُحدَّث هذا البيان فور صدور نتائجه.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Contenus susceptibles de ne pas être accessibles",
                    en="Content that may not be accessible",
                    es="Contenidos que pueden no ser accesibles",
                    ar="محتويات قد لا تكون قابلة للوصول",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Faute d’audit, la liste des non-conformités n’est pas établie. Certains documents téléchargeables fournis par des partenaires, comme des règlements d’appels au format PDF, peuvent ne pas être accessibles ; vous pouvez en demander une version adaptée.",
                    en="As no audit has been carried out, there is no list of non-compliant items yet. Some downloadable documents supplied by partners, such as call rules in PDF format, may not be accessible; you can request an adapted version.",
                    es="Al no haberse realizado una auditoría, no se ha establecido la lista de incumplimientos. Algunos documentos descargables proporcionados por socios, como reglamentos de convocatorias en formato PDF, pueden no ser accesibles; puede solicitar una versión adaptada.",
                    ar="في غياب التدقيق، لم تُعدّ بعدُ قائمة بحالات عدم المطابقة. وقد لا تكون بعض الوثائق القابلة للتنزيل التي يقدمها الشركاء، مثل أنظمة الدعوات بصيغة PDF، قابلة للوصول، ويمكنكم طلب نسخة مكيّفة منها.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Signaler un problème",
                    en="Reporting a problem",
                    es="Notificar un problema",
                    ar="الإبلاغ عن مشكلة",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Si vous ne parvenez pas à accéder à un contenu ou à un service, signalez-le par le formulaire de contact du portail ou par courriel à accessibilite@example.org. Précisez la page concernée, la difficulté rencontrée et, si possible, le navigateur et les aides techniques utilisés.",
                    en="If you cannot access a piece of content or a service, report it through the portal's contact form or by e-mail to accessibilite@example.org. Please state the page concerned, the difficulty encountered and, if possible, the browser and assistive technologies used.",
                    es="Si no logra acceder a un contenido o a un servicio, notifíquelo mediante el formulario de contacto del portal o por correo electrónico a accessibilite@example.org. Indique la página afectada, la dificultad encontrada y, si es posible, el navegador y las ayudas técnicas utilizadas.",
                    ar="إذا تعذّر عليكم الوصول إلى محتوى أو خدمة، فأبلغونا عبر استمارة الاتصال في البوابة أو عبر البريد الإلكتروني accessibilite@example.org. ويُرجى تحديد الصفحة المعنية والصعوبة التي واجهتموها، وإن أمكن المتصفح والوسائل التقنية المساعدة المستخدمة.",
                ),
                T(
                    "Nous nous engageons à vous répondre et, si nécessaire, à vous transmettre l’information sous une autre forme.",
                    en="We undertake to reply and, if necessary, to provide the information in another format.",
                    es="Nos comprometemos a responderle y, si es necesario, a facilitarle la información en otro formato.",
                    ar="ونلتزم بالرد عليكم، وبتزويدكم بالمعلومة في صيغة أخرى عند الحاجة.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Voies de recours",
                    en="Redress",
                    es="Vías de recurso",
                    ar="سبل الانتصاف",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Si vous avez signalé un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits.",
                    en="If you have reported an accessibility issue without receiving a satisfactory answer, you may refer the matter to the Défenseur des droits (the French Defender of Rights).",
                    es="Si ha notificado un problema de accesibilidad sin obtener una respuesta satisfactoria, puede acudir al Défenseur des droits (Defensor de los Derechos de Francia).",
                    ar="إذا أبلغتم عن خلل في إمكانية الوصول دون الحصول على رد مُرضٍ، يمكنكم اللجوء إلى المدافع عن الحقوق في فرنسا (Défenseur des droits).",
                ),
            ],
        ),
        (
            "list",
            [
                T(
                    "Par le formulaire de contact en ligne du Défenseur des droits.",
                    en="Through the Defender of Rights' online contact form.",
                    es="Mediante el formulario de contacto en línea del Defensor de los Derechos.",
                    ar="عبر استمارة الاتصال الإلكترونية الخاصة بالمدافع عن الحقوق.",
                ),
                T(
                    "En rencontrant l’un de ses délégués dans votre région.",
                    en="By meeting one of its delegates in your region.",
                    es="Reuniéndose con uno de sus delegados en su región.",
                    ar="بمقابلة أحد مندوبيه في جهتكم.",
                ),
                T(
                    "Par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
                    en="By free post, no stamp needed: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.",
                    es="Por correo gratuito, sin franqueo: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, Francia.",
                    ar="بالبريد المجاني دون طابع: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07، فرنسا.",
                ),
            ],
        ),
    ],
}

# j. Personal data -----------------------------------------------------------------------------

PAGE_DONNEES = {
    "slug": "donnees-personnelles",
    "menu": False,
    "translated": True,
    "title": T(
        "Données personnelles",
        en="Personal data",
        es="Datos personales",
        ar="البيانات الشخصية",
    ),
    "search_description": T(
        "Données collectées par les formulaires du portail, finalités, base légale, durées de conservation et exercice de vos droits.",
        en="Data collected through the portal's forms, purposes, legal basis, retention periods and how to exercise your rights.",
        es="Datos recogidos por los formularios del portal, finalidades, base jurídica, plazos de conservación y ejercicio de sus derechos.",
        ar="البيانات التي تجمعها استمارات البوابة، وأغراض معالجتها، وأساسها القانوني، ومدد حفظها، وكيفية ممارسة حقوقكم.",
    ),
    "intro": T(
        "Le ministère de l’Europe et des Affaires étrangères traite les données personnelles recueillies sur ce portail dans le respect du règlement général sur la protection des données (RGPD) et de la loi Informatique et Libertés.",
        en="The Ministry for Europe and Foreign Affairs processes the personal data collected on this portal in accordance with the General Data Protection Regulation (GDPR) and the French Data Protection Act.",
        es="El Ministerio de Europa y Asuntos Exteriores trata los datos personales recogidos en este portal de conformidad con el Reglamento General de Protección de Datos (RGPD) y la ley francesa de Informática y Libertades.",
        ar="تعالج وزارة أوروبا والشؤون الخارجية البيانات الشخصية المجمعة على هذه البوابة وفقًا للائحة العامة لحماية البيانات والقانون الفرنسي المتعلق بالمعلوماتية والحريات.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T(
                    "Responsable du traitement",
                    en="Data controller",
                    es="Responsable del tratamiento",
                    ar="المسؤول عن المعالجة",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Le responsable du traitement est le ministère de l’Europe et des Affaires étrangères, représenté par la Délégation pour les collectivités territoriales et la société civile, 57, boulevard des Invalides, 75007 Paris.",
                    en="The data controller is the Ministry for Europe and Foreign Affairs, represented by the Delegation for Local Authorities and Civil Society, 57 boulevard des Invalides, 75007 Paris, France.",
                    es="El responsable del tratamiento es el Ministerio de Europa y Asuntos Exteriores, representado por la Delegación para las Colectividades Territoriales y la Sociedad Civil, 57, boulevard des Invalides, 75007 París, Francia.",
                    ar="المسؤول عن المعالجة هو وزارة أوروبا والشؤون الخارجية، ممثلةً في مندوبية الجماعات المحلية والمجتمع المدني، 57، بولفار دي زانفاليد، 75007 باريس، فرنسا.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Données collectées",
                    en="Data collected",
                    es="Datos recogidos",
                    ar="البيانات المجمعة",
                ),
                "level": 2,
            },
        ),
        (
            "list",
            [
                T(
                    "Offres de partenariat : nom, fonction et coordonnées professionnelles de l’agent de l’ambassade qui dépose l’offre et, le cas échéant, de la personne de contact au sein de l’autorité locale étrangère.",
                    en="Partnership offers: name, position and work contact details of the embassy officer submitting the offer and, where applicable, of the contact person at the foreign local authority.",
                    es="Ofertas de alianza: nombre, cargo y datos de contacto profesionales del agente de la embajada que presenta la oferta y, en su caso, de la persona de contacto en la autoridad local extranjera.",
                    ar="عروض الشراكة: اسم الموظف بالسفارة الذي يقدم العرض ووظيفته وبيانات الاتصال المهنية الخاصة به، وعند الاقتضاء بيانات الشخص المكلف بالاتصال لدى السلطة المحلية الأجنبية.",
                ),
                T(
                    "Demandes de label EXPE-CT : nom, fonction et coordonnées professionnelles du référent de la collectivité et de ses partenaires, ainsi que la description de l’expertise proposée.",
                    en="EXPE-CT label requests: name, position and work contact details of the authority's lead contact and of its partners, together with the description of the expertise offered.",
                    es="Solicitudes del sello EXPE-CT: nombre, cargo y datos de contacto profesionales del referente del gobierno local y de sus socios, así como la descripción de la experiencia propuesta.",
                    ar="طلبات علامة EXPE-CT: اسم المسؤول المرجعي للجماعة المحلية ولشركائها ووظيفتهم وبيانات الاتصال المهنية الخاصة بهم، إضافة إلى وصف الخبرة المقترحة.",
                ),
                T(
                    "Messages envoyés par le formulaire de contact : nom, adresse électronique et contenu du message.",
                    en="Messages sent through the contact form: name, e-mail address and content of the message.",
                    es="Mensajes enviados mediante el formulario de contacto: nombre, dirección de correo electrónico y contenido del mensaje.",
                    ar="الرسائل المرسلة عبر استمارة الاتصال: الاسم وعنوان البريد الإلكتروني ومضمون الرسالة.",
                ),
                T(
                    "Données techniques de connexion, conservées pour assurer la sécurité du portail.",
                    en="Technical connection data, kept to ensure the security of the portal.",
                    es="Datos técnicos de conexión, conservados para garantizar la seguridad del portal.",
                    ar="بيانات الاتصال التقنية، التي تُحفظ لضمان أمن البوابة.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Finalités et base légale",
                    en="Purposes and legal basis",
                    es="Finalidades y base jurídica",
                    ar="الأغراض والأساس القانوني",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Ces données servent à examiner les offres et les demandes, à publier celles qui sont retenues, à contacter leurs auteurs et à établir des statistiques anonymes. Elles ne sont ni vendues ni utilisées à des fins commerciales.",
                    en="These data are used to review offers and requests, to publish those that are accepted, to contact their authors and to produce anonymous statistics. They are neither sold nor used for commercial purposes.",
                    es="Estos datos sirven para examinar las ofertas y solicitudes, publicar las que se aceptan, contactar a sus autores y elaborar estadísticas anónimas. No se venden ni se utilizan con fines comerciales.",
                    ar="تُستخدم هذه البيانات لدراسة العروض والطلبات، ونشر ما يُقبل منها، والتواصل مع أصحابها، وإعداد إحصاءات مجهولة الهوية. ولا تُباع ولا تُستعمل لأغراض تجارية.",
                ),
                T(
                    "Le traitement repose sur l’exécution d’une mission d’intérêt public dont est investi le ministère, à savoir le soutien à l’action extérieure des collectivités territoriales, au sens de l’article 6, paragraphe 1, point e, du RGPD.",
                    en="The processing is based on the performance of a task carried out in the public interest entrusted to the ministry, namely supporting the international action of local authorities, within the meaning of Article 6(1)(e) of the GDPR.",
                    es="El tratamiento se basa en el cumplimiento de una misión de interés público conferida al ministerio, a saber, el apoyo a la acción exterior de los gobiernos locales, en el sentido del artículo 6, apartado 1, letra e, del RGPD.",
                    ar="تستند المعالجة إلى أداء مهمة ذات مصلحة عامة أُسندت إلى الوزارة، وهي دعم العمل الخارجي للجماعات المحلية، بالمعنى الوارد في المادة 6، الفقرة 1، البند (هـ) من اللائحة العامة لحماية البيانات.",
                ),
            ],
        ),
        (
            "heading",
            {
                "text": T(
                    "Destinataires et publication",
                    en="Recipients and publication",
                    es="Destinatarios y publicación",
                    ar="الجهات المتلقية والنشر",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Seuls les agents de la délégation chargés de l’instruction, les membres du comité de labellisation et les ambassades concernées ont accès aux données. L’hébergeur du portail intervient comme sous-traitant, sans pouvoir les utiliser pour son propre compte.",
                    en="Only the delegation staff responsible for reviewing requests, the members of the labelling committee and the embassies concerned have access to the data. The portal's hosting provider acts as a processor and may not use the data for its own purposes.",
                    es="Solo tienen acceso a los datos el personal de la delegación encargado del examen, los miembros del comité de certificación y las embajadas interesadas. El proveedor de alojamiento del portal actúa como encargado del tratamiento, sin poder utilizarlos por cuenta propia.",
                    ar="لا يطّلع على البيانات إلا موظفو المندوبية المكلفون بدراسة الملفات وأعضاء لجنة منح العلامة والسفارات المعنية. وتعمل جهة استضافة البوابة بصفتها معالجًا من الباطن، دون أن يحق لها استعمال البيانات لحسابها الخاص.",
                ),
                T(
                    "Sur les pages publiques, les offres et les collectivités labellisées sont présentées avec le nom de l’institution et une adresse de contact fonctionnelle. Le nom d’une personne n’est publié qu’avec son accord.",
                    en="On public pages, offers and labelled authorities are shown with the name of the institution and a functional contact address. A person's name is published only with their consent.",
                    es="En las páginas públicas, las ofertas y los gobiernos locales con sello se presentan con el nombre de la institución y una dirección de contacto institucional. El nombre de una persona solo se publica con su consentimiento.",
                    ar="في الصفحات العامة، تُعرض العروض والجماعات الحاصلة على العلامة باسم المؤسسة وعنوان اتصال وظيفي. ولا يُنشر اسم أي شخص إلا بموافقته.",
                ),
            ],
        ),
        (
            "table",
            {
                "caption": T(
                    "Durées de conservation",
                    en="Retention periods",
                    es="Plazos de conservación",
                    ar="مدد الحفظ",
                ),
                "header": [
                    T("Données", en="Data", es="Datos", ar="البيانات"),
                    T("Durée de conservation", en="Retention period", es="Plazo de conservación", ar="مدة الحفظ"),
                ],
                "rows": [
                    [
                        T(
                            "Offre ou demande de label publiée",
                            en="Published offer or label request",
                            es="Oferta o solicitud de sello publicada",
                            ar="عرض أو طلب علامة منشور",
                        ),
                        T(
                            "Pendant la publication, puis 24 mois après l’archivage",
                            en="While published, then 24 months after archiving",
                            es="Durante la publicación y luego 24 meses después del archivo",
                            ar="طوال مدة النشر، ثم 24 شهرًا بعد الأرشفة",
                        ),
                    ],
                    [
                        T(
                            "Offre ou demande de label refusée",
                            en="Rejected offer or label request",
                            es="Oferta o solicitud de sello rechazada",
                            ar="عرض أو طلب علامة مرفوض",
                        ),
                        T(
                            "24 mois après la décision, puis suppression",
                            en="24 months after the decision, then deleted",
                            es="24 meses después de la decisión y luego eliminación",
                            ar="24 شهرًا بعد القرار، ثم الحذف",
                        ),
                    ],
                    [
                        T(
                            "Messages du formulaire de contact",
                            en="Contact form messages",
                            es="Mensajes del formulario de contacto",
                            ar="رسائل استمارة الاتصال",
                        ),
                        T(
                            "12 mois après le dernier échange",
                            en="12 months after the last exchange",
                            es="12 meses después del último intercambio",
                            ar="12 شهرًا بعد آخر تواصل",
                        ),
                    ],
                    [
                        T(
                            "Journaux techniques de connexion",
                            en="Technical connection logs",
                            es="Registros técnicos de conexión",
                            ar="سجلات الاتصال التقنية",
                        ),
                        T("12 mois", en="12 months", es="12 meses", ar="12 شهرًا"),
                    ],
                ],
            },
        ),
        (
            "heading",
            {
                "text": T(
                    "Vos droits",
                    en="Your rights",
                    es="Sus derechos",
                    ar="حقوقكم",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Vous disposez d’un droit d’accès, de rectification, d’effacement et de limitation du traitement de vos données, ainsi que d’un droit d’opposition pour des raisons tenant à votre situation particulière.",
                    en="You have the right to access, rectify and erase your data and to restrict its processing, as well as the right to object on grounds relating to your particular situation.",
                    es="Usted tiene derecho de acceso, rectificación, supresión y limitación del tratamiento de sus datos, así como derecho de oposición por motivos relacionados con su situación particular.",
                    ar="لكم الحق في الاطلاع على بياناتكم وتصحيحها ومحوها وتقييد معالجتها، وكذلك الحق في الاعتراض لأسباب تتعلق بوضعكم الخاص.",
                ),
                T(
                    "Pour exercer ces droits, écrivez au délégué à la protection des données du ministère : dpo@example.org, ou par courrier à l’adresse de la délégation. Une réponse vous sera apportée dans un délai d’un mois.",
                    en="To exercise these rights, write to the ministry's data protection officer at dpo@example.org, or by post to the delegation's address. You will receive a reply within one month.",
                    es="Para ejercer estos derechos, escriba al delegado de protección de datos del ministerio: dpo@example.org, o por correo postal a la dirección de la delegación. Recibirá una respuesta en el plazo de un mes.",
                    ar="لممارسة هذه الحقوق، راسلوا مندوب حماية البيانات لدى الوزارة على العنوان dpo@example.org، أو بالبريد على عنوان المندوبية. وستتلقون ردًا في غضون شهر واحد.",
                ),
            ],
        ),
        (
            "callout",
            {
                "title": T(
                    "Réclamation auprès de la CNIL",
                    en="Complaint to the CNIL",
                    es="Reclamación ante la CNIL",
                    ar="تقديم شكوى إلى اللجنة الوطنية للمعلوماتية والحريات",
                ),
                "text": T(
                    "Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l’informatique et des libertés (CNIL), notamment en ligne.",
                    en="If, after contacting us, you consider that your rights have not been respected, you may lodge a complaint with the French data protection authority (CNIL), including online.",
                    es="Si, después de contactarnos, considera que sus derechos no se respetan, puede presentar una reclamación ante la Comisión Nacional de Informática y Libertades (CNIL), incluso en línea.",
                    ar="إذا رأيتم، بعد التواصل معنا، أن حقوقكم لم تُحترم، يمكنكم تقديم شكوى إلى اللجنة الوطنية للمعلوماتية والحريات (CNIL)، بما في ذلك عبر الإنترنت.",
                ),
            },
        ),
        (
            "heading",
            {
                "text": T(
                    "Cookies",
                    en="Cookies",
                    es="Cookies",
                    ar="ملفات تعريف الارتباط",
                ),
                "level": 2,
            },
        ),
        (
            "paragraph",
            [
                T(
                    "Le portail n’utilise que les cookies nécessaires à son fonctionnement, par exemple pour sécuriser les formulaires ou retenir la langue choisie. Ces cookies ne nécessitent pas votre consentement.",
                    en="The portal uses only the cookies needed for it to work, for example to secure forms or remember the chosen language. These cookies do not require your consent.",
                    es="El portal solo utiliza las cookies necesarias para su funcionamiento, por ejemplo para proteger los formularios o recordar el idioma elegido. Estas cookies no requieren su consentimiento.",
                    ar="لا تستخدم البوابة إلا ملفات تعريف الارتباط الضرورية لتشغيلها، مثل تأمين الاستمارات أو حفظ اللغة المختارة. ولا تتطلب هذه الملفات موافقتكم.",
                ),
            ],
        ),
    ],
}


# ---------------------------------------------------------------------------------------------
# Menu order and roles
# ---------------------------------------------------------------------------------------------

REFERENCE_PAGES = [
    PAGE_AECT,
    PAGE_CADRE,
    PAGE_CNCD,
    PAGE_GUIDE,
    PAGE_AAP,
    PAGE_RRMA,
    PAGE_CONTACT,
    PAGE_MENTIONS,
    PAGE_ACCESSIBILITE,
    PAGE_DONNEES,
]

SLUGS = {
    "legal_notice": "mentions-legales",
    "accessibility": "accessibilite",
    "personal_data": "donnees-personnelles",
    "contact": "contacter-la-delegation",
}

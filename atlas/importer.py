"""Import Atlas projects from a spreadsheet (CSV or XLSX), creating or updating them in bulk.

One row per project; columns are recognised by their header in French or English, whatever the
case and accents (see ``HEADERS`` and the README, "Atlas import"). A row with a ``reference``
that is already in the Atlas updates that project, any other row creates one. On update, only the
columns present in the file are changed; a present column of links (French authorities, partners,
funding, other partners) replaces the project's links of that kind.

French authorities are matched by official code (9-digit SIREN of an EPCI or a commune, 5-character
INSEE code of a commune, ``REG-53`` / ``DEP-29`` for a région or département) or by exact name
(accents, case and apostrophes ignored; the usual "Région", "Département de", "Ville de" words are
understood). A name that matches no authority, or several, is kept as typed and reported in the
notes. Partner authorities are matched by exact name in their country; those not found are created
(with gazetteer coordinates) unless the importer unticks it, in which case they are kept as typed.

Every row is checked before anything is written: one faulty row and nothing is saved, the faulty
rows are listed (all or nothing), as for the laureates of a call (``calls/importer.py``).
"""

import re
from dataclasses import dataclass, field
from decimal import InvalidOperation

from django import forms
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atlas.models import (
    FIRST_YEAR,
    LAST_YEAR,
    PROJECT_LANGUAGES,
    FundingLine,
    OtherPartner,
    Project,
    ProjectFrenchAuthority,
    ProjectPartner,
    SustainableDevelopmentGoal,
)
from calls.models import CallPage, Laureate
from portal.authorities import FrenchAuthority, PartnerAuthority, normalize_name
from portal.spreadsheets import aliases, cell, lookup_tables, normalize, parse_amount, read_rows

MAX_ROWS = 5000
MAX_SIZE = 10 * 1024 * 1024
SEPARATOR = re.compile(r"\s*[;\n]\s*")

HEADERS = {
    "reference": ["reference", "ref", "identifiant", "id_atlas"],
    "title": ["title", "titre", "intitule", "intitule_du_projet", "project_title", "titre_du_projet", "projet"],
    "language": ["language", "langue", "langue_du_texte"],
    "kind": ["kind", "type", "type_d_action", "nature", "nature_de_l_action"],
    "status": ["status", "statut"],
    "themes": ["themes", "theme", "thematiques", "thematique"],
    "goals": ["sdg", "sdgs", "goals", "odd", "objectifs_de_developpement_durable"],
    "start_year": ["start_year", "annee_de_debut", "debut", "start"],
    "end_year": ["end_year", "annee_de_fin", "fin", "end"],
    "objectives": ["objectives", "objectifs"],
    "description": ["description"],
    "history": ["history", "historique"],
    "context": ["context", "contexte"],
    "lead_authority": [
        "lead_authority",
        "french_lead_authority",
        "collectivite_cheffe_de_file",
        "collectivite_chef_de_file",
        "chef_de_file",
        "collectivite_francaise",
        "porteur",
    ],
    "lead_authority_code": [
        "lead_authority_code",
        "code_collectivite",
        "code_officiel",
        "siren",
        "code_insee",
        "official_code",
    ],
    "french_authorities": [
        "other_french_authorities",
        "french_authorities",
        "autres_collectivites_francaises",
        "collectivites_francaises_partenaires",
    ],
    "partner_authorities": [
        "partner_authorities",
        "partner_authority",
        "collectivites_partenaires",
        "collectivite_partenaire",
        "autorites_partenaires",
        "autorite_partenaire",
        "partenaires",
    ],
    "partner_country": ["partner_country", "country", "country_code", "pays", "code_pays"],
    "other_partners": ["other_partners", "autres_partenaires"],
    "funding_year": ["funding_year", "annee_de_financement", "annee_du_financement"],
    "funding_own": ["own_funds", "funding_own", "fonds_propres"],
    "funding_ministry": ["ministry", "funding_ministry", "meae", "cofinancement_meae", "financement_ministere"],
    "call": ["call", "appel_a_projets", "call_for_projects"],
    "funding_afd": ["afd", "afd_ficol", "ficol", "funding_afd"],
    "funding_eu": ["eu", "european_union", "union_europeenne", "ue", "funding_eu"],
    "funding_other": ["other_funding", "funding_other", "autres_financements"],
    "contact_organisation": ["contact", "contact_service", "service", "contact_organisation"],
    "contact_email": ["contact_email", "courriel", "email", "e_mail"],
    "contact_address": ["contact_address", "adresse", "address"],
    "contact_url": ["contact_url", "site_web", "url", "web"],
}
ALIASES = aliases(HEADERS)
TEXT_FIELDS = ["title", "objectives", "description", "history", "context", "contact_organisation", "contact_address"]
FUNDING_COLUMNS = {
    "funding_own": FundingLine.Source.OWN,
    "funding_ministry": FundingLine.Source.MINISTRY,
    "funding_afd": FundingLine.Source.AFD,
    "funding_eu": FundingLine.Source.EU,
    "funding_other": FundingLine.Source.OTHER,
}
KINDS = {
    Project.Kind.COOPERATION: ["cooperation", "cooperation_decentralisee", "decentralised_cooperation", "convention"],
    Project.Kind.TWINNING: ["twinning", "jumelage"],
    Project.Kind.OTHER: ["other", "autre", "autre_action_exterieure", "other_external_action", "autres"],
}
STATUSES = {
    Project.Status.DRAFT: ["draft", "brouillon"],
    Project.Status.PUBLISHED: ["published", "publie", "publiee", "public"],
}
LANGUAGE_NAMES = {
    "fr": ["francais", "french"],
    "en": ["anglais", "english"],
    "es": ["espagnol", "spanish", "espanol"],
    "ar": ["arabe", "arabic"],
    "pt": ["portugais", "portuguese"],
    "de": ["allemand", "german"],
    "ru": ["russe", "russian"],
    "it": ["italien", "italian"],
}
OTHER_PARTNER_KINDS = [
    (OtherPartner.Kind.HOSPITAL, ("hopital", "chu ", "hospital", "centre hospitalier", "clinique")),
    (OtherPartner.Kind.UNIVERSITY, ("universite", "university", "universidad", "ecole", "lycee", "institut")),
    (OtherPartner.Kind.ASSOCIATION, ("association", "asso ", "ong ", "fondation", "reseau")),
    (OtherPartner.Kind.COMPANY, ("societe", "entreprise", "company", "sarl", "sas ")),
]
# "Région Bretagne", "Département du Finistère", "Ville de Lyon": the kind, then the name.
KIND_PREFIXES = [
    (FrenchAuthority.Kind.REGION, re.compile(r"^(?:region|collectivite de|collectivite territoriale de)\s+")),
    (
        FrenchAuthority.Kind.DEPARTEMENT,
        re.compile(r"^(?:departement|conseil departemental)\s+(?:de la |de l'|du |des |de |d')?"),
    ),
    (FrenchAuthority.Kind.COMMUNE, re.compile(r"^(?:ville|commune|mairie)\s+(?:de la |de l'|du |des |de |d')?")),
]
CODE_PATTERNS = [
    (re.compile(r"^\d{9}$"), "siren"),
    (re.compile(r"^(?:\d{5}|2[AB]\d{3})$"), FrenchAuthority.Kind.COMMUNE),
    (re.compile(r"^REG[-: ]?(\d{2,3})$"), FrenchAuthority.Kind.REGION),
    (re.compile(r"^DEP[-: ]?(\d{2,3}|2[AB])$"), FrenchAuthority.Kind.DEPARTEMENT),
    (re.compile(r"^COM[-: ]?(\d{3})$"), FrenchAuthority.Kind.OVERSEAS),
]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (CSV or XLSX)"),
        help_text=gettext_lazy("First row: column headers (see the list of recognised columns above)."),
    )
    create_partners = forms.BooleanField(
        label=gettext_lazy("Create the partner authorities that are not in the referential"),
        required=False,
        initial=True,
        help_text=gettext_lazy("Unticked, their names are kept as typed on the projects."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(gettext_lazy("Choose a .csv or .xlsx file."))
        if upload.size > MAX_SIZE:
            raise forms.ValidationError(gettext_lazy("The file is larger than 10 MB."))
        return upload


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)  # (row number, message)
    notes: list = field(default_factory=list)  # (row number, message): names kept as typed


def split(value):
    return [part for part in SEPARATOR.split(cell(value)) if part]


def choice(value, table):
    folded = normalize(value)
    for key, names in table.items():
        if folded == normalize(key) or folded in names:
            return key
    return None


def official_code(text):
    """``(kind or "siren", code)`` when ``text`` is written as an official code, else None."""
    text = cell(text).upper().replace(" ", "")
    for pattern, kind in CODE_PATTERNS:
        match = pattern.match(text)
        if match:
            return kind, (match.group(1) if match.groups() else text)
    return None


class Referential:
    """French and partner authorities, calls and laureates needed by a file, read in a few queries."""

    def __init__(self, rows, create_partners):
        self.create_partners = create_partners
        codes, names = set(), set()
        for values in rows:
            for text in [
                values.get("lead_authority_code"),
                values.get("lead_authority"),
                *split(values.get("french_authorities")),
            ]:
                text = cell(text)
                if not text:
                    continue
                code = official_code(text)
                if code:
                    codes.add(code[1])
                else:
                    names.add(normalize_name(text))
                    names.update(self.stripped(normalize_name(text)).values())
        by_code = FrenchAuthority.objects.filter(code__in=codes) | FrenchAuthority.objects.filter(siren__in=codes)
        self.by_code, self.by_siren, self.by_name = {}, {}, {}
        for authority in by_code:
            self.by_code[(authority.kind, authority.code)] = authority
            if authority.siren:
                self.by_siren.setdefault(authority.siren, authority)
        for authority in FrenchAuthority.objects.filter(search_name__in=names):
            self.by_name.setdefault(authority.search_name, []).append(authority)
        self.partners = {}
        self.new_partners = {}
        self.calls = {}

    @staticmethod
    def stripped(folded):
        names = {}
        for kind, prefix in KIND_PREFIXES:
            rest = prefix.sub("", folded, count=1)
            if rest != folded:
                names[kind] = rest
        return names

    def french(self, text, code=""):
        """``(authority or None, name as typed, problem or None, note or None)``."""
        text, code = cell(text), cell(code)
        parsed = official_code(code) if code else official_code(text)
        if code and not parsed:
            return None, text, _("“%(code)s” is not an official code.") % {"code": code}, None
        if parsed:
            kind, value = parsed
            authority = self.by_siren.get(value) if kind == "siren" else self.by_code.get((kind, value))
            if authority is None:
                return None, text, _("no French authority has the official code “%(code)s”.") % {"code": value}, None
            return authority, text or authority.name, None, None
        folded = normalize_name(text)
        candidates = self.by_name.get(folded, [])
        if len(candidates) != 1:
            for kind, rest in self.stripped(folded).items():
                kind_candidates = [a for a in self.by_name.get(rest, []) if a.kind == kind]
                if len(kind_candidates) == 1:
                    return kind_candidates[0], text, None, None
        if len(candidates) == 1:
            return candidates[0], text, None, None
        if candidates:
            note = _("“%(name)s” names several French authorities: kept as typed (give its official code).")
        else:
            note = _("“%(name)s” matches no French authority: kept as typed.")
        return None, text, None, note % {"name": text}

    def partner(self, name, country):
        """``(partner or None, note or None)``: the partner called ``name`` in ``country`` (in any
        country when none is given, if only one bears the name)."""
        key = (country.pk if country else None, normalize_name(name))
        if key not in self.partners:
            partners = PartnerAuthority.objects.filter(search_name=key[1])
            if country is not None:
                partners = partners.filter(country=country)
            self.partners[key] = list(partners[:2])
        found = self.partners[key]
        if len(found) == 1:
            return found[0], None
        if found:
            return None, _("“%(name)s” names several partner authorities: kept as typed.") % {"name": name}
        if self.create_partners and country is not None:
            return key, None  # created when the file is saved
        return None, _("“%(name)s” is not in the partner authorities: kept as typed.") % {"name": name}

    def call(self, text):
        """The call named by its slug or exact title (French first), or None."""
        folded = normalize_name(text)
        if folded not in self.calls:
            calls = sorted(
                CallPage.objects.filter(slug=cell(text))
                or [c for c in CallPage.objects.all() if normalize_name(c.title) == folded],
                key=lambda call: call.locale.language_code != "fr",
            )
            self.calls[folded] = calls[0] if calls else None
        return self.calls[folded]


def parse(upload, *, create_partners=True, can_publish=False):
    """Check every row; return (list of row plans, errors, notes)."""
    try:
        rows = read_rows(upload)
    except ValueError as error:
        return [], [(0, str(error))], []
    rows = [row for row in rows if any(cell(value) for value in row)]
    if not rows:
        return [], [(0, _("The file is empty."))], []
    header = [ALIASES.get(normalize(name)) for name in rows[0]]
    present = {key for key in header if key}
    if "title" not in present and "reference" not in present:
        return [], [(1, _("No “title” column found in the first row."))], []
    if len(rows) - 1 > MAX_ROWS:
        return [], [(0, _("The file has more than %(max)s rows.") % {"max": MAX_ROWS})], []
    records = []
    for number, row in enumerate(rows[1:], start=2):
        values = {}
        for key, value in zip(header, row, strict=False):
            if key and key not in values:
                values[key] = value
        records.append((number, values))
    referential = Referential([values for _number, values in records], create_partners)
    countries, themes = lookup_tables()
    goals = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.all()}
    existing = {
        project.reference: project
        for project in Project.objects.filter(
            reference__in=[cell(v.get("reference")) for _n, v in records if cell(v.get("reference"))]
        )
    }
    plans, errors, notes, seen = [], [], [], set()
    for number, values in records:
        problems, plan = [], {"present": present, "number": number}
        reference = cell(values.get("reference"))
        if reference:
            if reference in seen:
                problems.append(_("the reference “%(value)s” is on another row too.") % {"value": reference})
            seen.add(reference)
        plan["project"] = existing.get(reference)
        plan["reference"] = reference or None
        fields = {}
        for name in TEXT_FIELDS:
            if name in present:
                text = cell(values.get(name))
                limit = Project._meta.get_field(name).max_length
                if limit and len(text) > limit:
                    column = capfirst(Project._meta.get_field(name).verbose_name)
                    problems.append(
                        _("%(column)s is longer than %(max)s characters.") % {"column": column, "max": limit}
                    )
                fields[name] = text
        if plan["project"] is None and not fields.get("title"):
            problems.append(_("the title is missing."))
        if "language" in present:
            language = cell(values.get("language")).lower()[:2] if len(cell(values.get("language"))) <= 5 else None
            language = (
                language if language in dict(PROJECT_LANGUAGES) else choice(values.get("language"), LANGUAGE_NAMES)
            )
            if not cell(values.get("language")):
                language = "fr"
            if language is None:
                problems.append(_("unknown language “%(value)s”.") % {"value": cell(values.get("language"))})
            fields["language"] = language
        unknown = {"kind": _("unknown kind of action “%(value)s”."), "status": _("unknown status “%(value)s”.")}
        for name, table, default in (
            ("kind", KINDS, Project.Kind.COOPERATION),
            ("status", STATUSES, Project.Status.DRAFT),
        ):
            if name in present:
                text = cell(values.get(name))
                value = choice(text, table) if text else default
                if value is None:
                    problems.append(unknown[name] % {"value": text})
                fields[name] = value
        if fields.get("status") == Project.Status.PUBLISHED and not can_publish:
            fields.pop("status")  # only those who may publish set the status
        for name in ("start_year", "end_year"):
            if name in present:
                text = cell(values.get(name)).removesuffix(".0")
                if text and not (text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
                    problems.append(_("the year “%(value)s” is not a year.") % {"value": text})
                    text = ""
                fields[name] = int(text) if text else None
        start, end = fields.get("start_year"), fields.get("end_year")
        if start and end and end < start:
            problems.append(_("the end year is before the start year."))
        if "contact_email" in present:
            email = cell(values.get("contact_email"))
            if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
                problems.append(_("the e-mail address “%(value)s” is not valid.") % {"value": email})
            fields["contact_email"] = email
        if "contact_url" in present:
            url = cell(values.get("contact_url"))
            if url and not url.startswith(("http://", "https://")):
                problems.append(_("the web address “%(value)s” must start with https://.") % {"value": url})
            fields["contact_url"] = url
        plan["fields"] = fields
        if "themes" in present:
            plan["themes"] = []
            for text in split(values.get("themes")):
                theme = themes.get(text.lower()) or themes.get(normalize(text))
                if theme is None:
                    problems.append(_("unknown theme “%(value)s”.") % {"value": text})
                else:
                    plan["themes"].append(theme)
        if "goals" in present:
            plan["goals"] = []
            for text in re.split(r"[;,\s]+", cell(values.get("goals")).replace("ODD", "").replace("SDG", "")):
                if not text:
                    continue
                goal = goals.get(int(text)) if text.isdigit() else None
                if goal is None:
                    problems.append(_("“%(value)s” is not a Sustainable Development Goal (1 to 17).") % {"value": text})
                else:
                    plan["goals"].append(goal)
        # French authorities: the lead first, then the others.
        if present & {"lead_authority", "lead_authority_code", "french_authorities"}:
            links = []
            lead_text, lead_code = cell(values.get("lead_authority")), cell(values.get("lead_authority_code"))
            if lead_text or lead_code:
                entries = [(lead_text, lead_code, ProjectFrenchAuthority.Role.LEAD)]
            else:
                entries = []
                if plan["project"] is None:
                    problems.append(_("the lead French authority is missing."))
            entries += [
                (text, "", ProjectFrenchAuthority.Role.PARTNER) for text in split(values.get("french_authorities"))
            ]
            for text, code, role in entries:
                authority, name, problem, note = referential.french(text, code)
                if problem:
                    problems.append(problem)
                if note:
                    notes.append((number, note))
                links.append({"authority": authority, "name": "" if authority else name, "role": role})
            plan["french"] = links
        elif plan["project"] is None:
            problems.append(_("the lead French authority is missing."))
        if present & {"partner_authorities", "partner_country"}:
            default_country = None
            country_text = cell(values.get("partner_country"))
            if country_text:
                default_country = countries.get(country_text.lower()) or countries.get(normalize(country_text))
                if default_country is None:
                    problems.append(_("unknown country “%(value)s”.") % {"value": country_text})
            links = []
            for text in split(values.get("partner_authorities")):
                country = default_country
                match = re.match(r"^(.*?)\s*\[([A-Za-z]{2})\]$", text)
                if match:
                    text, code = match.groups()
                    country = countries.get(code.lower())
                    if country is None:
                        problems.append(_("unknown country “%(value)s”.") % {"value": code})
                partner, note = referential.partner(text, country)
                if note:
                    notes.append((number, note))
                links.append({"partner": partner, "name": text, "country": country})
            plan["partners"] = links
        if "other_partners" in present:
            plan["others"] = [
                {"name": text[:200], "kind": guess_kind(text)} for text in split(values.get("other_partners"))
            ]
        if present & (set(FUNDING_COLUMNS) | {"call"}):
            lines = []
            year_text = cell(values.get("funding_year")).removesuffix(".0")
            year = (
                int(year_text)
                if year_text.isdigit()
                else fields.get("start_year") or getattr(plan["project"], "start_year", None)
            )
            if year_text and not year_text.isdigit():
                problems.append(_("the year “%(value)s” is not a year.") % {"value": year_text})
            call_text = cell(values.get("call"))
            call = referential.call(call_text) if call_text else None
            if call_text and call is None:
                problems.append(_("no call for projects is called “%(value)s”.") % {"value": call_text})
            for column, source in FUNDING_COLUMNS.items():
                try:
                    amount = parse_amount(values.get(column))
                except (InvalidOperation, ValueError):
                    problems.append(_("the amount “%(value)s” is not a number.") % {"value": cell(values.get(column))})
                    continue
                if amount is None:
                    continue
                line = {"source": source, "amount": amount, "year": year}
                if source == FundingLine.Source.MINISTRY and call is not None:
                    line["call"] = call
                lines.append(line)
            plan["funding"] = lines
        if problems:
            errors.append((number, " ".join(problems)))
        else:
            plans.append(plan)
    return plans, errors, notes


def guess_kind(name):
    folded = f"{normalize_name(name)} "
    for kind, words in OTHER_PARTNER_KINDS:
        if any(folded.startswith(word) or f" {word}" in folded for word in words):
            return kind
    return OtherPartner.Kind.OTHER


def laureate_for(call, links):
    """The call's laureate row whose French authority is the project's lead (by name), if one."""
    lead = next((link for link in links if link["role"] == ProjectFrenchAuthority.Role.LEAD), None)
    if lead is None:
        return None
    names = {normalize_name(lead["name"])}
    if lead["authority"] is not None:
        names.add(normalize_name(lead["authority"].name))
    rows = [row for row in Laureate.objects.filter(page=call) if normalize_name(row.french_authority) in names]
    return rows[0] if len(rows) == 1 else None


def import_projects(upload, *, create_partners=True, can_publish=False):
    """Create or update the projects of the file; all or nothing. Returns an ``ImportResult``."""
    plans, errors, notes = parse(upload, create_partners=create_partners, can_publish=can_publish)
    if errors:
        return ImportResult(errors=errors, notes=notes)
    result = ImportResult(notes=notes)
    with transaction.atomic():
        created_partners = {}
        for plan in plans:
            project = plan["project"]
            if project is None:
                project = Project(reference=plan["reference"], origin=Project.Origin.IMPORT)
                result.created += 1
            else:
                result.updated += 1
            for name, value in plan["fields"].items():
                setattr(project, name, value)
            # Parental many-to-many relations are written when the project is saved.
            if "themes" in plan:
                project.themes.set(plan["themes"])
            if "goals" in plan:
                project.goals.set(plan["goals"])
            project.save()
            if "french" in plan:
                project.french_authority_links.all().delete()
                ProjectFrenchAuthority.objects.bulk_create(
                    ProjectFrenchAuthority(project=project, sort_order=index, **link)
                    for index, link in enumerate(plan["french"])
                )
            if "partners" in plan:
                project.partner_links.all().delete()
                links = []
                for index, link in enumerate(plan["partners"]):
                    partner = link["partner"]
                    if isinstance(partner, tuple):  # to create, once per name and country
                        if partner not in created_partners:
                            created_partners[partner] = PartnerAuthority.objects.create(
                                name=link["name"], country=link["country"], origin=PartnerAuthority.Origin.IMPORT
                            )
                        partner = created_partners[partner]
                    links.append(
                        ProjectPartner(
                            project=project,
                            partner=partner,
                            name="" if partner else link["name"],
                            country=partner.country if partner else link["country"],
                            sort_order=index,
                        )
                    )
                ProjectPartner.objects.bulk_create(links)
            if "others" in plan:
                project.other_partners.all().delete()
                OtherPartner.objects.bulk_create(
                    OtherPartner(project=project, sort_order=index, **other)
                    for index, other in enumerate(plan["others"])
                )
            if "funding" in plan:
                project.funding_lines.all().delete()
                french = plan.get("french") or [
                    {"role": link.role, "name": link.display_name, "authority": link.authority}
                    for link in project.french_authority_links.select_related("authority")
                ]
                lines = []
                for index, line in enumerate(plan["funding"]):
                    if line.get("call") is not None:
                        line["laureate"] = laureate_for(line["call"], french)
                    lines.append(FundingLine(project=project, sort_order=index, **line))
                FundingLine.objects.bulk_create(lines)
            project.update_location()
    return result


def template_csv():
    """The header row of a blank import file, with the French column names."""
    columns = [
        "reference",
        "titre",
        "langue",
        "type",
        "statut",
        "thematiques",
        "odd",
        "annee_de_debut",
        "annee_de_fin",
        "collectivite_cheffe_de_file",
        "code_collectivite",
        "autres_collectivites_francaises",
        "collectivites_partenaires",
        "pays",
        "autres_partenaires",
        "objectifs",
        "description",
        "historique",
        "contexte",
        "annee_de_financement",
        "fonds_propres",
        "cofinancement_meae",
        "appel_a_projets",
        "afd_ficol",
        "union_europeenne",
        "autres_financements",
        "contact_service",
        "courriel",
        "adresse",
        "site_web",
    ]
    return ";".join(columns) + "\r\n"

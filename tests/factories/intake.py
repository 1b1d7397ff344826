"""Factories of the intake: records with traits, the intake pages, a small site to submit to."""

import datetime
import io
import zipfile

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from forms.models import (
    BourseIndexPage,
    ExpertiseLabelRequest,
    LabelledAuthoritiesPage,
    LabelRequestFormPage,
    OfferFormPage,
    PartnershipOffer,
    StatusChange,
)
from tests.factories import CountryFactory, PageFactory, ThemeFactory, build_site, translate_page


class RecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    language = "fr"
    contact_name = "Camille Exemple"
    contact_role = "Attachée de coopération"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    contact_phone = "+221 33 000 00 00"
    consent_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if create:
            StatusChange.objects.create(record=instance, status=instance.status)
            instance.update_search_index()


class OfferFactory(RecordFactory):
    class Meta:
        model = PartnershipOffer
        skip_postgeneration_save = True

    # Year 2000: never collides with the references the forms give during a test.
    reference = factory.Sequence(lambda n: f"BP-2000-{n + 1:05d}")
    authority_name = factory.Sequence(lambda n: f"Commune partenaire {n}")
    authority_type = "municipality"
    country = factory.SubFactory(CountryFactory)
    region = "Saint-Louis"
    population = 250000
    latitude = 16.03
    longitude = -16.49
    project_title = factory.Sequence(lambda n: f"Projet de coopération {n}")
    description = "Un projet d’assainissement des quartiers."
    partner_sought = "Une collectivité française expérimentée."
    working_languages = "français"
    embassy = "Ambassade de France au Sénégal"
    embassy_email = "cooperation@example.org"

    class Params:
        published = factory.Trait(
            status=PartnershipOffer.Status.PUBLIC, published_at=factory.LazyFunction(timezone.now)
        )


class LabelRequestFactory(RecordFactory):
    class Meta:
        model = ExpertiseLabelRequest
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"EX-2000-{n + 1:05d}")
    authority_name = factory.Sequence(lambda n: f"Ville labellisée {n}")
    authority_type = "commune"
    siren = "211703004"
    department = "17"
    competences = "Gestion des zones humides urbaines."
    supporting_elements = "Vingt ans de coopération."
    mobilisation_conditions = "Missions de deux semaines."

    class Params:
        labelled = factory.Trait(
            status=ExpertiseLabelRequest.Status.PUBLIC,
            published_at=factory.LazyFunction(timezone.now),
            label_valid_until=factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=3 * 365)),
        )


class BourseIndexPageFactory(PageFactory):
    class Meta:
        model = BourseIndexPage

    title = "Bourse partenariats"
    slug = "bourse-partenariats"
    intro = "<p>Des collectivités étrangères cherchent un partenaire français.</p>"


class OfferFormPageFactory(PageFactory):
    class Meta:
        model = OfferFormPage

    title = "Proposer une offre"
    slug = "proposer-une-offre"
    intro = "<p>Formulaire des ambassades.</p>"
    thank_you_text = "<p>Merci pour votre offre.</p>"


class LabelledAuthoritiesPageFactory(PageFactory):
    class Meta:
        model = LabelledAuthoritiesPage

    title = "Label EXPE-CT"
    slug = "label-expe-ct"


class LabelRequestFormPageFactory(PageFactory):
    class Meta:
        model = LabelRequestFormPage

    title = "Demander le label"
    slug = "demander-le-label"
    thank_you_text = "<p>Merci pour votre demande.</p>"


def translate_snippet(instance, language_code, **fields):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translation = instance.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def build_intake_site(spanish=False):
    """The small site of tests.factories plus two themes (French and Spanish) and two countries,
    the Bourse with its form page and the EXPE-CT page with its form page, in French (and in
    Spanish with ``spanish=True``: translating pages is what costs time)."""
    site = build_site()
    water = ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    heritage = ThemeFactory(name="Patrimoine", slug="patrimoine")
    senegal = CountryFactory(name="Sénégal", name_es="Senegal", iso_code="SN")
    mexico = CountryFactory(name="Mexique", name_es="México", iso_code="MX")
    translate_snippet(water, "es", name="Agua y saneamiento")
    translate_snippet(heritage, "es", name="Patrimonio")
    bourse = BourseIndexPageFactory(show_in_menus=True)
    offer_form = OfferFormPageFactory(parent=bourse)
    labelled = LabelledAuthoritiesPageFactory()
    label_form = LabelRequestFormPageFactory(parent=labelled)
    pages = {}
    if spanish:
        pages["bourse_es"] = translate_page(bourse, "es", title="Bolsa de asociaciones")
        pages["offer_form_es"] = translate_page(offer_form, "es", title="Proponer una oferta")
        pages["labelled_es"] = translate_page(labelled, "es", title="Sello EXPE-CT")
    return (
        site
        | pages
        | {
            "themes": {"water": water, "heritage": heritage},
            "countries": {"SN": senegal, "MX": mexico},
            "bourse": bourse,
            "offer_form": offer_form,
            "labelled": labelled,
            "label_form": label_form,
        }
    )


def user_in_group(username, group_name=None, superuser=False):
    """A staff account in one of the groups of ``setup_roles`` (run it first)."""
    user = get_user_model().objects.create_user(
        username=username, password="correct-horse-battery", email=f"{username}@example.org"
    )
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def setup_roles():
    call_command("setup_roles", stdout=io.StringIO())


# --- files ----------------------------------------------------------------------------------------
def pdf_bytes():
    """A real one-page PDF (the forms check PDFs with a parser, not by their first bytes)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png_bytes():
    return b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes():
    return zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def odt_bytes():
    return zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"})

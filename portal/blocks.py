"""StreamField blocks of the reference pages, grouped for the editor's block chooser.

Every block that shows text to a visitor is made of Char/Text/RichText blocks, so that
wagtail-localize extracts each piece for translation (its own table block included: Wagtail's
TableBlock is not translatable).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

TEXT = _("Text")
MEDIA = _("Media")
LAYOUT = _("Layout")

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
        help_text=_("Keep levels in order (no level 4 right under a level 2) for screen-reader users."),
    )

    class Meta:
        icon = "title"
        group = TEXT
        template = "blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.TextBlock(label=_("Text"))
    link_page = blocks.PageChooserBlock(label=_("Link to a page"), required=False)
    link_label = blocks.CharBlock(label=_("Link label"), required=False)

    class Meta:
        icon = "info-circle"
        group = TEXT
        template = "blocks/callout.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        group = TEXT
        template = "blocks/quote.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    body = blocks.RichTextBlock(label=_("Content"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Heading above the accordion"), required=False, help_text=_("Shown as a level 2 heading.")
    )
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Sections"), min_num=1)

    class Meta:
        icon = "list-ul"
        group = LAYOUT
        template = "blocks/accordion.html"


class TableBlock(blocks.StructBlock):
    """A data table with a caption and a header row, rendered as an accessible DSFR table."""

    caption = blocks.CharBlock(
        label=_("Caption"), help_text=_("Says what the table shows; screen readers announce it first.")
    )
    header = blocks.ListBlock(blocks.CharBlock(label=_("Column heading")), label=_("Column headings"), min_num=1)
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("Cell"), required=False), label=_("Row")),
        label=_("Rows"),
    )

    class Meta:
        icon = "table"
        group = LAYOUT
        template = "blocks/table.html"

    def clean(self, value):
        value = super().clean(value)
        columns = len(value["header"])
        if any(len(row) != columns for row in value["rows"]):
            raise blocks.StructBlockValidationError(
                block_errors={"rows": ValidationError(_("Every row must have one cell per column heading."))}
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, help_text=_("Defaults to the document's title."))

    class Meta:
        icon = "doc-full"
        group = MEDIA
        template = "blocks/document.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Video title"), help_text=_("Names the video frame for screen-reader users (required by RGAA).")
    )
    video = EmbedBlock(label=_("Video address"), help_text=_("YouTube, Vimeo or Dailymotion address."))
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        group = MEDIA
        template = "blocks/video.html"


class ContentBlocks(blocks.StreamBlock):
    """Blocks of the generic content page."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraph"),
        icon="pilcrow",
        group=TEXT,
        template="blocks/rich_text.html",
        required=False,
    )
    callout = CalloutBlock(label=_("Callout"))
    quote = QuoteBlock(label=_("Quote"))
    image = ImageBlock(
        label=_("Image"),
        group=MEDIA,
        help_text=_("Describe the image in the alternative text, or mark it decorative if it adds no information."),
        template="blocks/image.html",
    )
    document = DocumentBlock(label=_("Document download"))
    video = VideoBlock(label=_("Video"))
    accordion = AccordionBlock(label=_("Accordion"))
    table = TableBlock(label=_("Table"))


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site, or to an external address, with an optional label."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)
    label = blocks.CharBlock(label=_("Label"), required=False, help_text=_("Defaults to the page's title."))

    class Meta:
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        if not value["page"] and not value["url"]:
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an external address."))}
            )
        if value["url"] and not value["label"]:
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError(_("An external link needs a label."))}
            )
        return value


class MenuItemBlock(LinkBlock):
    """A main-menu entry: a link, or, with sub-links, a drop-down (its own link is then unused)."""

    children = blocks.ListBlock(LinkBlock(), label=_("Sub-links"), default=[], required=False)

    class Meta:
        icon = "link"

    def clean(self, value):
        if value["children"] and not value["page"] and not value["url"]:
            if not value["label"]:
                raise blocks.StructBlockValidationError(
                    block_errors={"label": ValidationError(_("A drop-down needs a label."))}
                )
            return blocks.StructBlock.clean(self, value)
        return super().clean(value)

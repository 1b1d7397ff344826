"""Used once by the apps' migrations that made countries a reference table (``portal.0004`` to
``0005``): each app remaps its own relations from the locale copies of a country to the one row
kept for its ISO code (``Country.canonical``, set by ``portal.0004``).

Kept as a module because migrations import it; it only works on the historical models the
migration framework hands over.
"""

import json


def remap(value, mapping):
    """``value`` (an id, a list of ids, or None) with the copies replaced by their kept row."""
    if isinstance(value, list):
        result = []
        for item in value:
            item = mapping.get(item, item)
            if item not in result:
                result.append(item)
        return result
    return mapping.get(value, value)


def remap_content(content, mapping, fields, children):
    """Remap a page's serialized content (revision or translation source) in place: ``fields``
    hold ids or lists of ids, ``children`` maps an inline relation to its fields. Returns True if
    anything changed."""
    changed = False
    for name in fields:
        if name in content:
            value = remap(content[name], mapping)
            changed |= value != content[name]
            content[name] = value
    for relation, child_fields in children.items():
        for child in content.get(relation) or []:
            changed |= remap_content(child, mapping, child_fields, {})
    return changed


def remap_countries(apps, app_label, model_name, foreign_keys=(), many_to_many=(), children=None):
    """Point ``app_label.model_name``'s country relations at the kept rows: foreign keys,
    many-to-many rows (without duplicates), and for pages their revisions and wagtail-localize
    translation sources, so that publishing an old draft or syncing a translation finds them.

    ``children``: ``{relation name: (model name, [foreign keys])}`` for inline child models.
    """
    children = children or {}
    Country = apps.get_model("portal", "Country")
    mapping = dict(Country.objects.exclude(canonical__isnull=True).values_list("pk", "canonical_id"))
    mapping = {copy: keeper for copy, keeper in mapping.items() if copy != keeper}
    if not mapping:
        return
    model = apps.get_model(app_label, model_name)
    for name in foreign_keys:
        for copy, keeper in mapping.items():
            model.objects.filter(**{f"{name}_id": copy}).update(**{f"{name}_id": keeper})
    for child_name, child_keys in children.values():
        child = apps.get_model(app_label, child_name)
        for name in child_keys:
            for copy, keeper in mapping.items():
                child.objects.filter(**{f"{name}_id": copy}).update(**{f"{name}_id": keeper})
    for name in many_to_many:
        through = model._meta.get_field(name).remote_field.through
        source = f"{model._meta.model_name}_id"
        for row in through.objects.filter(country_id__in=mapping):
            keeper = mapping[row.country_id]
            if through.objects.filter(**{source: getattr(row, source), "country_id": keeper}).exists():
                row.delete()
            else:
                row.country_id = keeper
                row.save()

    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name.lower()).first()
    if content_type is None:
        return
    fields = (*foreign_keys, *many_to_many)
    child_fields = {relation: keys for relation, (_name, keys) in children.items()}
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        if remap_content(revision.content, mapping, fields, child_fields):
            revision.save(update_fields=["content"])
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type=content_type).iterator():
        content = json.loads(source.content_json)
        if remap_content(content, mapping, fields, child_fields):
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])

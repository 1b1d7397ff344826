"""Proposals of changes to the Atlas projects, sent by French authorities from the professional
space and reviewed by the ministry before anything becomes public.

A member of a French authority's organisation sees the Atlas projects of its authority in the
space and proposes new values for their public fields (title, kind, themes, objectives,
description, history, context, years, partner authorities, other partners), or a new project.
The proposal stores the proposed values and the project's values when it was written (``base``),
so that the reviewer sees what the authority changed and what changed meanwhile in the project
(a *conflict*: a field changed both in the proposal and in the project since). The public project
changes only when a reviewer (Wagtail admin, permission ``proposals.review_projectproposal``)
accepts: the fields the proposal changed are written to the project, the others are left as
they are now.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atlas.models import OtherPartner, Project, ProjectFrenchAuthority, ProjectPartner, language_name
from portal.gazetteer import normalize_name
from portal.models import PartnerAuthority, Theme
from portal.taxonomy import localize_themes

# The public fields an authority may propose, in the order the forms and the review show them.
SCALAR_FIELDS = [
    "title",
    "kind",
    "language",
    "start_year",
    "end_year",
    "objectives",
    "description",
    "history",
    "context",
]
FIELDS = SCALAR_FIELDS[:5] + ["themes"] + SCALAR_FIELDS[5:] + ["partners", "other_partners"]


def snapshot(project):
    """The proposable values of ``project`` as JSON: themes as the ids of their French copies,
    partners and other partners as the names shown."""
    if project is None:
        return {}
    values = {field: getattr(project, field) for field in SCALAR_FIELDS}
    values["themes"] = sorted(theme.pk for theme in project.themes.all())
    values["partners"] = [link.display_name for link in project.partner_links.select_related("partner")]
    values["other_partners"] = [partner.name for partner in project.other_partners.all()]
    return values


def field_label(field):
    if field == "partners":
        return _("Partner authorities")
    if field == "other_partners":
        return _("Other partners")
    return Project._meta.get_field(field).verbose_name


class ProjectProposalQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=ProjectProposal.Status.SUBMITTED)


class ProjectProposal(models.Model):
    """A French authority's proposed change to an Atlas project (or a proposed new project)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")
        REFUSED = "refused", _("refused")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="project_proposals",
        verbose_name=_("organisation"),
    )
    project = models.ForeignKey(
        Project,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        verbose_name=_("project"),
        help_text=_("Empty for a proposed new project until it is accepted."),
    )
    is_new_project = models.BooleanField(_("new project"), default=False)
    proposed = models.JSONField(_("proposed values"), default=dict)
    base = models.JSONField(_("values of the project when proposed"), default=dict)
    message = models.TextField(_("message to the ministry"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    language = models.CharField(_("language of the space"), max_length=5, default="fr")
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    reviewer_message = models.TextField(_("reviewer's message"), blank=True)

    objects = ProjectProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal of change to an Atlas project")
        verbose_name_plural = _("proposals of changes to Atlas projects")
        ordering = ["-created_at", "-pk"]
        permissions = [("review_projectproposal", "Can accept or refuse proposals of changes to Atlas projects")]

    def __str__(self):
        return f"{self.reference} — {self.title}"

    @property
    def reference(self):
        return f"PA-{self.pk:06d}" if self.pk else "PA-"

    @property
    def title(self):
        return self.proposed.get("title") or self.base.get("title", "")

    def changed_fields(self):
        """The fields whose proposed value differs from the project's when proposed."""
        return [field for field in FIELDS if field in self.proposed and self.proposed[field] != self.base.get(field)]

    def comparison(self, current=None):
        """One row per proposable field: label, value when proposed, value now, proposed value,
        whether the proposal changes it and whether that is a conflict (the project's value changed
        meanwhile to something else than the proposal)."""
        if current is None:
            current = snapshot(self.project) if self.project_id else {}
        changed = set(self.changed_fields())
        rows = []
        for field in FIELDS:
            base, now, proposed = self.base.get(field), current.get(field), self.proposed.get(field)
            rows.append(
                {
                    "field": field,
                    "label": field_label(field),
                    "base": display_value(field, base),
                    "current": display_value(field, now),
                    "proposed": display_value(field, proposed),
                    "changed": field in changed,
                    "conflict": (field in changed and not self.is_new_project and now != base and now != proposed),
                }
            )
        return rows

    def conflicts(self):
        return [row for row in self.comparison() if row["conflict"]]

    def history(self):
        return self.events.select_related("user").order_by("created_at", "pk")

    @transaction.atomic
    def accept(self, user, message=""):
        """Write the changed fields to the project (a new published project for a new one), then
        record the decision. The caller checks the permission and the conflicts."""
        project = self.project if self.project_id else None
        if project is None:
            project = Project(status=Project.Status.PUBLISHED, origin=Project.Origin.STAFF)
        apply_values(project, {field: self.proposed[field] for field in self.changed_fields()})
        if self.is_new_project and self.organisation.authority_id:
            ProjectFrenchAuthority.objects.get_or_create(
                project=project,
                authority=self.organisation.authority,
                defaults={"role": ProjectFrenchAuthority.Role.LEAD},
            )
            project.update_location()
        self.project = project
        self.decide(self.Status.ACCEPTED, user, message)

    def refuse(self, user, message):
        self.decide(self.Status.REFUSED, user, message)

    def decide(self, status, user, message):
        self.status = status
        self.decided_by = user
        self.decided_at = timezone.now()
        self.reviewer_message = message
        self.save()
        ProposalEvent.objects.create(proposal=self, status=status, user=user, message=message)


class ProposalEvent(models.Model):
    """One step of a proposal's history: who did what, when, with which message."""

    proposal = models.ForeignKey(ProjectProposal, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=10, choices=ProjectProposal.Status.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("step of a proposal")
        verbose_name_plural = _("steps of proposals")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.proposal_id} {self.status} {self.created_at:%Y-%m-%d}"


def display_value(field, value):
    """A value of ``snapshot`` as a reviewer or an authority reads it."""
    if value in (None, "", []):
        return ""
    if field == "themes":
        themes = localize_themes(list(Theme.objects.filter(pk__in=value)))
        return ", ".join(sorted(theme.name for theme in themes))
    if field == "kind":
        return str(dict(Project.Kind.choices).get(value, value))
    if field == "language":
        return str(language_name(value))
    if field in ("partners", "other_partners"):
        return "\n".join(value)
    return str(value)


def apply_values(project, values):
    """Write ``values`` (keys of ``FIELDS``) to ``project`` and save it with its relations.

    A partner authority named in the proposal links to the referential when its folded name names
    exactly one partner authority; otherwise it is kept as typed. Partners and other partners no
    longer named are removed; those still named keep their link and kind."""
    for field in SCALAR_FIELDS:
        if field in values:
            setattr(project, field, values[field])
    project.save()
    if "themes" in values:
        project.themes.set(Theme.objects.filter(pk__in=values["themes"]))
        project.save()
    if "partners" in values:
        names = [name for name in values["partners"] if name.strip()]
        links = list(project.partner_links.select_related("partner"))
        wanted = {normalize_name(name) for name in names}
        for link in links:
            if normalize_name(link.display_name) not in wanted:
                link.delete()
        kept = {normalize_name(link.display_name) for link in links if normalize_name(link.display_name) in wanted}
        new_names = [name for name in names if normalize_name(name) not in kept]
        matches = partner_matches(new_names)
        order = len(kept)
        for name in new_names:
            order += 1
            partner = matches.get(normalize_name(name))
            ProjectPartner.objects.create(
                project=project,
                partner=partner,
                name="" if partner else name,
                sort_order=order,
            )
    if "other_partners" in values:
        names = [name for name in values["other_partners"] if name.strip()]
        existing = list(project.other_partners.all())
        for other in existing:
            if other.name not in names:
                other.delete()
        known = {other.name for other in existing}
        for index, name in enumerate(names):
            if name not in known:
                OtherPartner.objects.create(project=project, name=name, sort_order=index)


def partner_matches(names):
    """``{folded name: PartnerAuthority}`` for the names that name exactly one partner authority
    (whatever its country: the proposal names no country)."""
    folded = {normalize_name(name) for name in names}
    found = {}
    for partner in PartnerAuthority.objects.filter(search_name__in=folded).only("pk", "search_name", "country"):
        found.setdefault(partner.search_name, []).append(partner)
    return {name: rows[0] for name, rows in found.items() if len(rows) == 1}

"""What a moderated programme row is called in the admin's review lists.

Wagtail names a snippet in the dashboard's "Awaiting your review", the workflow reports and the
moderation e-mails by the text its latest revision stored, which is str() of the row: "Census of
Canada" alone, among dozens of sessions and presentations of several conferences. The revision
stores "Presentation: Census of Canada — IASSIST 2025" instead; str() stays as it is for the
choosers and drop-downs, where the kind and the conference go without saying.
"""

from wagtail.models import Revision


class ReviewLabelMixin:
    def review_label(self):
        kind = self._meta.verbose_name[:1].upper() + self._meta.verbose_name[1:]
        if not self.conference_id:
            return f"{kind}: {self.title}"
        return f"{kind}: {self.title} — {self.conference.get_admin_display_title()}"

    def save_revision(self, *args, **kwargs):
        revision = super().save_revision(*args, **kwargs)
        label = self.review_label()
        if revision.object_str != label:
            Revision.objects.filter(pk=revision.pk).update(object_str=label)
            revision.object_str = label
        return revision
